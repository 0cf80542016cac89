package io.simestate.core.alert;

import io.simestate.core.TenantId;
import java.util.Optional;

/**
 * Where tenants' settings are kept as data (F17): one {@link TenantAlertSettings} per tenant, or none.
 * {@code SimEstate.tenants()} changes them, audited, inside a transaction of the same
 * {@link io.simestate.core.Transactions}; routing and dispatch read them through a short cache.
 *
 * <p>A store keeps every value of the settings as given and gives back an equal record; it checks
 * nothing itself, since a {@link TenantAlertSettings} that exists is valid.
 */
public interface TenantSettingsStore {

  /**
   * The stored settings of a tenant.
   *
   * @param tenant the tenant; must not be null
   * @return the settings, or empty if none are stored for that tenant; never null
   */
  Optional<TenantAlertSettings> find(TenantId tenant);

  /**
   * Stores a tenant's settings, replacing any stored before.
   *
   * @param tenant the tenant; must not be null
   * @param settings the settings; must not be null
   */
  void save(TenantId tenant, TenantAlertSettings settings);

  /**
   * Removes a tenant's stored settings, so that the builder's apply again.
   *
   * @param tenant the tenant; must not be null
   * @return whether settings were stored
   */
  boolean remove(TenantId tenant);
}
