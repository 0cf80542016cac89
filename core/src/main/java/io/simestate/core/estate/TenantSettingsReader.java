package io.simestate.core.estate;

import io.simestate.core.AlertKind;
import io.simestate.core.TenantId;
import io.simestate.core.Transactions;
import io.simestate.core.UnavailableException;
import io.simestate.core.alert.NotificationContext;
import io.simestate.core.alert.Recipient;
import io.simestate.core.alert.TenantAlertSettings;
import io.simestate.core.alert.TenantSettingsSource;
import io.simestate.core.alert.TenantSettingsStore;
import io.simestate.core.customer.CustomerId;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A tenant's settings as routing and dispatch see them (F17), decided in one place: the host's
 * {@link TenantSettingsSource} where it answers for the tenant (anything but
 * {@link TenantAlertSettings#DEFAULTS}), else the stored settings, else the builder's, else the
 * defaults. Stored settings are read through a cache whose entries live {@code ttl}; a change made
 * through this instance drops the tenant's entry at once, other instances see it within {@code ttl}.
 */
final class TenantSettingsReader implements TenantSettingsSource {

  /**
   * One cached read of the store, kept until {@code freshUntil} (exclusive), in the clock's
   * milliseconds: the millisecond of the read, rounded down, plus the cache time rounded down, so an
   * entry never outlives the cache time.
   */
  private record Entry(Optional<TenantAlertSettings> settings, long freshUntil) {}

  private final TenantSettingsSource host;
  private final TenantSettingsStore store;
  private final Transactions tx;
  private final Map<TenantId, TenantAlertSettings> builder;
  private final long ttlMillis;
  private final Clock clock;
  private final UnsubscribeTokens tokens;
  private final String unsubscribePath;
  private final Map<TenantId, Entry> cache = new ConcurrentHashMap<>();
  private final AtomicLong generation = new AtomicLong();

  TenantSettingsReader(TenantSettingsSource host, TenantSettingsStore store, Transactions tx,
      Map<TenantId, TenantAlertSettings> builder, Duration ttl, Clock clock, UnsubscribeTokens tokens,
      String unsubscribePath) {
    this.host = host;
    this.store = store;
    this.tx = tx;
    this.builder = Map.copyOf(builder);
    this.ttlMillis = ttl.toMillis();
    this.clock = clock;
    this.tokens = tokens;
    this.unsubscribePath = unsubscribePath;
  }

  @Override
  public TenantAlertSettings settingsFor(TenantId tenant) {
    TenantAlertSettings given = fromHost(tenant);
    return given != null ? given : stored(tenant).orElseGet(() -> builderSettings(tenant));
  }

  /**
   * The host's answer for a tenant, or null where it gives none (no source, null or the defaults).
   *
   * @throws UnavailableException if the host's source throws: the caller's operation for this tenant
   *     fails with the library's exception, and other tenants are not concerned
   */
  private TenantAlertSettings fromHost(TenantId tenant) {
    if (host == null) {
      return null;
    }
    TenantAlertSettings given;
    try {
      given = host.settingsFor(tenant);
    } catch (RuntimeException e) {
      throw new UnavailableException("The host's TenantSettingsSource failed for tenant " + tenant
          + "; nothing was done for this tenant, try again when the source answers", e);
    }
    return given == null || given.equals(TenantAlertSettings.DEFAULTS) ? null : given;
  }

  /** The builder's settings of a tenant, or the defaults. */
  TenantAlertSettings builderSettings(TenantId tenant) {
    return builder.getOrDefault(tenant, TenantAlertSettings.DEFAULTS);
  }

  /** Whether the host's source decides this tenant's settings, so that stored ones have no effect. */
  boolean hostDecides(TenantId tenant) {
    return fromHost(tenant) != null;
  }

  /**
   * The stored settings, from the cache while its entry is fresh. The clock is read in milliseconds
   * ({@link Clock#millis()}): on the system clock that is several times cheaper than an
   * {@code Instant}, and this is asked on every routing.
   */
  Optional<TenantAlertSettings> stored(TenantId tenant) {
    long now = clock.millis();
    Entry entry = cache.get(tenant);
    if (entry != null && now < entry.freshUntil()) {
      return entry.settings();
    }
    long before = generation.get();
    Optional<TenantAlertSettings> read = tx.inTransaction(() -> store.find(tenant));
    Entry fresh = new Entry(read, now + ttlMillis);
    cache.put(tenant, fresh);
    // A change committed while this read ran may have dropped the entry before it was put: then the
    // value read may be the old one, so it must not stay.
    if (generation.get() != before) {
      cache.remove(tenant, fresh);
    }
    return read;
  }

  /** Drops a tenant's cached settings, after a change. */
  void invalidate(TenantId tenant) {
    generation.incrementAndGet();
    cache.remove(tenant);
  }

  /**
   * What a message to this recipient shows of its tenant; with an unsubscribe address when the tenant's
   * portal is HTTPS, an unsubscribe key is set, and the recipient is a customer's contact.
   *
   * @param kind the alert kind, or null for a subscription notice
   * @param issuedAt when the message's alert was raised, from which the unsubscribe token's validity counts
   */
  NotificationContext context(TenantId tenant, TenantAlertSettings settings, CustomerId customer,
      Recipient recipient, AlertKind kind, Instant issuedAt) {
    URI portal = settings.portalUrl();
    URI unsubscribe = null;
    if (portal != null && tokens != null && kind != null && customer != null && !recipient.isCatchAll()
        && portal.getScheme().toLowerCase(Locale.ROOT).equals("https")) {
      String token = tokens.issue(new UnsubscribeTokens.Subject(tenant, customer, recipient.contactId(), kind),
          issuedAt);
      String base = portal.toASCIIString();
      unsubscribe = URI.create((base.endsWith("/") ? base : base + "/") + unsubscribePath + "?token=" + token);
    }
    return new NotificationContext(settings.displayName(), settings.timeZone(), portal, unsubscribe);
  }
}
