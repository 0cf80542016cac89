package io.simestate.core.alert;

import io.simestate.core.TenantId;

/**
 * Where the library reads a tenant's alert settings. A host can back it by its own configuration;
 * {@code SimEstate.Builder.tenant(...)} fills a fixed map.
 */
@FunctionalInterface
public interface TenantSettingsSource {

  /**
   * The settings of a tenant.
   *
   * @param tenant the tenant
   * @return its settings, {@link TenantAlertSettings#DEFAULTS} for a tenant without any; never null
   */
  TenantAlertSettings settingsFor(TenantId tenant);
}
