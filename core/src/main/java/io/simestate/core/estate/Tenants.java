package io.simestate.core.estate;

import io.simestate.core.Actor;
import io.simestate.core.TenantId;
import io.simestate.core.Transactions;
import io.simestate.core.alert.TenantAlertSettings;
import io.simestate.core.alert.TenantSettingsStore;
import io.simestate.core.audit.AuditEventType;
import io.simestate.core.internal.Require;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tenants' settings as data (F17): sender identity, Reply-To, catch-all recipients, digest and repeat
 * windows, time zone, portal address and display name, stored per tenant, validated (an invalid value
 * cannot be built: {@link TenantAlertSettings} refuses it with an
 * {@link io.simestate.core.InvalidInputException} naming the field) and audited with the actor.
 *
 * <p>Which settings apply to a tenant, in order: a host's {@code TenantSettingsSource}
 * ({@code SimEstate.Builder.tenantSettings}) for the tenants it answers with anything but
 * {@link TenantAlertSettings#DEFAULTS}; else the settings stored here; else the builder's
 * ({@code SimEstate.Builder.tenant}); else the defaults. Routing and dispatch read stored settings
 * through a short cache ({@code SimEstate.Builder.tenantSettingsCache}, 30 seconds by default): a
 * change made here takes effect on this instance with the next routing and dispatch, on other
 * instances sharing the database within the cache's time. Thread-safe.
 */
public final class Tenants {

  private static final Logger LOG = LoggerFactory.getLogger(Tenants.class);

  /** Where the settings that apply to a tenant come from. */
  public enum Origin {
    /** The host's {@code TenantSettingsSource}, which wins over everything else. */
    HOST,
    /** Settings stored with {@link #change}. */
    STORED,
    /** The builder's {@code tenant(...)} settings. */
    BUILDER,
    /** None: {@link TenantAlertSettings#DEFAULTS}. */
    DEFAULTS
  }

  private final TenantSettingsStore store;
  private final TenantSettingsReader reader;
  private final Transactions tx;
  private final EventRecorder events;

  Tenants(TenantSettingsStore store, TenantSettingsReader reader, Transactions tx, EventRecorder events) {
    this.store = store;
    this.reader = reader;
    this.tx = tx;
    this.events = events;
  }

  /**
   * The settings that apply to a tenant now, as routing and dispatch read them (through the cache).
   *
   * @param tenant the tenant
   * @return the settings, never null
   */
  public TenantAlertSettings settings(TenantId tenant) {
    Require.present(tenant, "tenantId");
    return reader.settingsFor(tenant);
  }

  /**
   * Where the settings that apply to a tenant come from, so that a portal can tell its user whether a
   * change made here takes effect (it does not while the host's source answers for the tenant).
   *
   * @param tenant the tenant
   * @return the origin, never null
   */
  public Origin origin(TenantId tenant) {
    Require.present(tenant, "tenantId");
    if (reader.hostDecides(tenant)) {
      return Origin.HOST;
    }
    if (reader.stored(tenant).isPresent()) {
      return Origin.STORED;
    }
    return reader.builderSettings(tenant).equals(TenantAlertSettings.DEFAULTS) ? Origin.DEFAULTS : Origin.BUILDER;
  }

  /**
   * The settings stored for a tenant, read from the store (not the cache).
   *
   * @param tenant the tenant
   * @return the stored settings, or empty if none are stored
   */
  public Optional<TenantAlertSettings> stored(TenantId tenant) {
    Require.present(tenant, "tenantId");
    return tx.inTransaction(() -> store.find(tenant));
  }

  /**
   * Stores a tenant's settings, replacing those stored before, and records who did it. The next routing
   * and dispatch of this instance use them.
   *
   * @param tenant the tenant
   * @param actor the portal user
   * @param settings the complete settings; build them with {@code TenantAlertSettings.DEFAULTS.with…}
   *     or start from {@link #settings} and change what the form changed
   * @return the stored settings
   */
  public TenantAlertSettings change(TenantId tenant, Actor actor, TenantAlertSettings settings) {
    Require.present(settings, "settings");
    return change(tenant, actor, current -> settings);
  }

  /**
   * Changes some of a tenant's settings in one transaction: the edit gets the stored settings (or the
   * builder's, or the defaults) and returns the new ones, e.g.
   * {@code tenants.change(acme, alice, s -> s.withPortalUrl(url).withTimeZone(ZoneId.of("Europe/Berlin")))}.
   *
   * @param tenant the tenant
   * @param actor the portal user
   * @param edit the change; an {@link io.simestate.core.InvalidInputException} it throws (from a
   *     {@code with…} method given an invalid value) reaches the caller and nothing is stored
   * @return the stored settings
   */
  public TenantAlertSettings change(TenantId tenant, Actor actor, UnaryOperator<TenantAlertSettings> edit) {
    Require.present(tenant, "tenantId");
    Require.present(actor, "actor");
    Require.present(edit, "edit");
    TenantAlertSettings stored;
    try {
      stored = tx.inTransaction(() -> {
        TenantAlertSettings before = store.find(tenant).orElseGet(() -> reader.builderSettings(tenant));
        TenantAlertSettings after = Require.present(edit.apply(before), "settings");
        store.save(tenant, after);
        events.record(tenant, AuditEventType.TENANT_SETTINGS_CHANGED, actor, null, List.of(),
            "Changed the tenant's settings: " + changes(before, after));
        return after;
      });
    } finally {
      reader.invalidate(tenant);
    }
    if (reader.hostDecides(tenant)) {
      LOG.warn("Stored settings of tenant {}, but the host's TenantSettingsSource answers for this tenant, so "
          + "they take effect only when it stops doing so", tenant);
    }
    return stored;
  }

  /**
   * Removes a tenant's stored settings, so that the builder's (or the defaults) apply again, and records
   * who did it.
   *
   * @param tenant the tenant
   * @param actor the portal user
   * @return whether settings were stored
   */
  public boolean reset(TenantId tenant, Actor actor) {
    Require.present(tenant, "tenantId");
    Require.present(actor, "actor");
    try {
      return tx.inTransaction(() -> {
        boolean removed = store.remove(tenant);
        if (removed) {
          events.record(tenant, AuditEventType.TENANT_SETTINGS_CHANGED, actor, null, List.of(),
              "Removed the tenant's stored settings; the portal's defaults apply");
        }
        return removed;
      });
    } finally {
      reader.invalidate(tenant);
    }
  }

  /** The names of the settings that differ, for the audit trail (values of addresses are not repeated). */
  static String changes(TenantAlertSettings before, TenantAlertSettings after) {
    List<String> changed = new ArrayList<>();
    compare(changed, "sender", before, after, TenantAlertSettings::sender);
    compare(changed, "replyTo", before, after, TenantAlertSettings::replyTo);
    compare(changed, "catchAll", before, after, TenantAlertSettings::catchAll);
    compare(changed, "digestWindow", before, after, TenantAlertSettings::digestWindow);
    compare(changed, "repeatWindow", before, after, TenantAlertSettings::repeatWindow);
    compare(changed, "timeZone", before, after, TenantAlertSettings::timeZone);
    compare(changed, "portalUrl", before, after, TenantAlertSettings::portalUrl);
    compare(changed, "displayName", before, after, TenantAlertSettings::displayName);
    compare(changed, "subscriptionNotices", before, after, TenantAlertSettings::subscriptionNotices);
    return changed.isEmpty() ? "nothing changed" : String.join(", ", changed);
  }

  private static void compare(List<String> changed, String name, TenantAlertSettings before,
      TenantAlertSettings after, Function<TenantAlertSettings, Object> value) {
    if (!Objects.equals(value.apply(before), value.apply(after))) {
      changed.add(name + describe(value.apply(after)));
    }
  }

  private static String describe(Object value) {
    if (value == null) {
      return " (default)";
    }
    if (value instanceof java.time.Duration || value instanceof java.time.ZoneId || value instanceof java.net.URI
        || value instanceof Boolean) {
      return " " + value;
    }
    return "";
  }
}
