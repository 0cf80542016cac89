package io.simestate.core.estate;

import io.simestate.core.InvalidInputException;
import io.simestate.core.TenantId;
import io.simestate.core.Transactions;
import io.simestate.core.alert.AlertRouter;
import io.simestate.core.alert.NotificationSender;
import io.simestate.core.alert.RetryPolicy;
import io.simestate.core.alert.SenderIdentity;
import io.simestate.core.alert.TenantAlertSettings;
import io.simestate.core.alert.TenantSettingsSource;
import io.simestate.core.audit.AuditTrail;
import io.simestate.core.audit.EventPublisher;
import io.simestate.core.inmemory.InMemoryPersistence;
import io.simestate.core.inmemory.RecordingNotificationSender;
import io.simestate.core.internal.Require;
import io.simestate.core.monitor.EstateListener;
import io.simestate.core.monitor.HealthThresholds;
import io.simestate.core.persistence.Persistence;
import io.simestate.core.sim.IccidPolicy;
import io.simestate.core.sim.SimInventory;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * SIM Estate: the customer layer of a SIM-management portal, wired in one place.
 *
 * <pre>{@code
 * SimEstate estate = SimEstate.inMemory();                       // everything in memory
 * TenantId acme = TenantId.of("acme");
 * Actor alice = Actor.of("alice");
 * Customer c = estate.customers().create(acme, alice, CustomerDetails.named("Northwind Logistics"));
 * estate.customers().addContact(acme, alice, c.id(), ContactDetails.alerted("Ana", "ana@northwind.example"));
 * estate.sims().assign(acme, alice, c.id(), List.of("8944500102198304826"));
 * estate.alerts().route(acme, UsageAlert.of(AlertId.of("a-1"), Iccid.parse("8944500102198304826"),
 *     AlertKind.WARNING, Instant.now()));
 * estate.dispatcher().dispatchDue();                             // sends through the notification port
 * }</pre>
 *
 * <p>Use {@link #builder()} to plug in the JPA adapter ({@link Builder#persistence}), the mail
 * adapter ({@link Builder#notificationSender}), tenants' sender identities and catch-all recipients,
 * and the clock. Thread-safe.
 */
public final class SimEstate {

  private final Customers customers;
  private final Sims sims;
  private final Alerts alerts;
  private final AlertDispatcher dispatcher;
  private final Deliveries deliveries;
  private final Retention retention;
  private final AuditTrail auditTrail;
  private final Persistence persistence;
  private final Tenants tenants;
  private final OneClickUnsubscribe unsubscribe;
  private final HealthCheck health;

  private SimEstate(Builder b) {
    this.persistence = b.persistence;
    EventRecorder events = new EventRecorder(persistence.auditTrail(), b.publishers, b.clock);
    Transactions tx = persistence.transactions();
    UnsubscribeTokens tokens = b.unsubscribeKey == null ? null
        : new UnsubscribeTokens(b.unsubscribeKey, b.unsubscribeValidity, b.clock);
    TenantSettingsReader settings = new TenantSettingsReader(b.settingsSource, persistence.tenantSettings(), tx,
        b.tenants, b.settingsCache, b.clock, tokens, b.unsubscribePath);
    InputValidator validator = InputValidator.create();
    SubscriptionNotices notices = new SubscriptionNotices(persistence.outbox(), settings, b.clock);
    this.customers = new Customers(persistence.customers(), persistence.simAssignments(), tx, events, validator,
        notices, b.clock);
    this.sims = new Sims(persistence.simAssignments(), persistence.customers(), b.inventory, b.iccidPolicy, tx,
        events);
    DispatchTracker tracker = new DispatchTracker(b.clock);
    List<EstateListener> listeners = new ArrayList<>();
    listeners.add(tracker);
    listeners.addAll(b.listeners);
    EstateListener monitor = new Listeners(listeners);
    this.alerts = new Alerts(persistence.recipients(), persistence.decisions(), persistence.routingRecorder(),
        persistence.outbox(), tx, events, settings, new AlertRouter(), b.repeatWindow, b.alertPast, b.alertFuture,
        b.clock, monitor);
    this.dispatcher = new AlertDispatcher(persistence.outbox(), persistence.sentRecorder(), b.sender, tx, events,
        settings, b.defaultSender(), b.retryPolicy, b.batchSize, b.lease, b.effectiveSendTimeLimit(), b.random, b.clock,
        monitor);
    this.deliveries = new Deliveries(persistence.deliveryOperations(), tx, events, b.clock);
    this.retention = new Retention(persistence.retention(), b.clock);
    this.health = new HealthCheck(persistence.outbox(), tracker, b.healthThresholds, b.clock);
    this.auditTrail = new SimAwareAuditTrail(persistence.auditTrail());
    this.tenants = new Tenants(persistence.tenantSettings(), settings, tx, events);
    this.unsubscribe = new OneClickUnsubscribe(tokens, customers);
  }

  /**
   * A complete library in memory, sending notifications to a {@link RecordingNotificationSender}.
   *
   * @return the library
   */
  public static SimEstate inMemory() {
    return builder().build();
  }

  /**
   * A builder with in-memory persistence, a recording notification sender, the system clock and
   * default settings.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Customers and contacts (F1–F7).
   *
   * @return the customer use cases
   */
  public Customers customers() {
    return customers;
  }

  /**
   * SIM assignment (F8).
   *
   * @return the SIM use cases
   */
  public Sims sims() {
    return sims;
  }

  /**
   * Alert routing and the delivery record (F9, F13, F15, F16).
   *
   * @return the alert use cases
   */
  public Alerts alerts() {
    return alerts;
  }

  /**
   * Tenants' settings as data: sender, Reply-To, catch-all, windows, time zone, portal, name (F17).
   *
   * @return the tenant settings use cases
   */
  public Tenants tenants() {
    return tenants;
  }

  /**
   * One-click unsubscribe from alert emails (RFC 8058): the operation behind the host's unsubscribe
   * address.
   *
   * @return the unsubscribe use case
   */
  public OneClickUnsubscribe oneClickUnsubscribe() {
    return unsubscribe;
  }

  /**
   * The dispatcher that sends due deliveries (F10).
   *
   * @return the dispatcher
   */
  public AlertDispatcher dispatcher() {
    return dispatcher;
  }

  /**
   * Failed and stuck deliveries: list, resubmit, discard (F18).
   *
   * @return the operator's delivery use cases
   */
  public Deliveries deliveries() {
    return deliveries;
  }

  /**
   * Retention: the purge of what a policy no longer keeps (F19).
   *
   * @return the retention use case
   */
  public Retention retention() {
    return retention;
  }

  /**
   * Whether alerts are flowing: UP or DOWN from the age of the oldest pending delivery and the time
   * of this instance's last completed dispatch run, against {@link Builder#healthThresholds} (F20).
   *
   * @return the health check
   */
  public HealthCheck health() {
    return health;
  }

  /**
   * The administrative record, per customer and per SIM (F11); a SIM's history includes the
   * deletion of a customer that held it.
   *
   * @return the audit trail
   */
  public AuditTrail auditTrail() {
    return auditTrail;
  }

  /**
   * The persistence this library was built with.
   *
   * @return the persistence
   */
  public Persistence persistence() {
    return persistence;
  }

  /**
   * Wires a {@link SimEstate}. Every setting has a default except {@link #defaultSender}, which is
   * required once a real {@link #notificationSender} is plugged in.
   */
  public static final class Builder {

    /**
     * The sender of messages when the notification sender is the in-memory {@link
     * RecordingNotificationSender} and no {@link #defaultSender} is set: an address on the reserved
     * {@code example} domain, for tests and quick starts only.
     */
    public static final SenderIdentity TEST_SENDER = SenderIdentity.of("alerts@simestate.example", "SIM Estate (test)");

    /** How long before the estate's clock an alert may have been raised, by default. */
    public static final Duration DEFAULT_ALERT_PAST = Duration.ofDays(30);
    /** How long after the estate's clock an alert may have been raised, by default. */
    public static final Duration DEFAULT_ALERT_FUTURE = Duration.ofMinutes(5);
    /** The default {@link #sendTimeLimit}: one minute. */
    public static final Duration DEFAULT_SEND_TIME_LIMIT = Duration.ofMinutes(1);
    /** The longest {@code past} of {@link #alertTimeWindow}: a year, well inside every store's range. */
    public static final int MAX_ALERT_PAST_DAYS = 366;
    /** How long stored tenant settings are cached, by default (see {@link #tenantSettingsCache}). */
    public static final Duration DEFAULT_SETTINGS_CACHE = Duration.ofSeconds(30);
    /** The path of the unsubscribe address below a tenant's portal address, by default. */
    public static final String DEFAULT_UNSUBSCRIBE_PATH = "alerts/unsubscribe";
    /** How long an unsubscribe link works after its alert was raised, by default. */
    public static final Duration DEFAULT_UNSUBSCRIBE_VALIDITY = Duration.ofDays(60);

    private Persistence persistence = InMemoryPersistence.create();
    private NotificationSender sender = new RecordingNotificationSender();
    private SenderIdentity defaultSender;
    private final Map<TenantId, TenantAlertSettings> tenants = new HashMap<>();
    private TenantSettingsSource settingsSource;
    private final List<EventPublisher> publishers = new ArrayList<>();
    private SimInventory inventory = SimInventory.acceptAll();
    private IccidPolicy iccidPolicy = IccidPolicy.LENIENT;
    private Duration repeatWindow = Duration.ofHours(24);
    private Duration alertPast = DEFAULT_ALERT_PAST;
    private Duration alertFuture = DEFAULT_ALERT_FUTURE;
    private RetryPolicy retryPolicy = RetryPolicy.DEFAULT;
    private int batchSize = 500;
    private Duration lease = Duration.ofMinutes(5);
    private Duration sendTimeLimit = DEFAULT_SEND_TIME_LIMIT;
    private RandomGenerator random = RandomGenerator.getDefault();
    private Clock clock = Clock.systemUTC();
    private Duration settingsCache = DEFAULT_SETTINGS_CACHE;
    private byte[] unsubscribeKey;
    private String unsubscribePath = DEFAULT_UNSUBSCRIBE_PATH;
    private Duration unsubscribeValidity = DEFAULT_UNSUBSCRIBE_VALIDITY;
    private final List<EstateListener> listeners = new ArrayList<>();
    private HealthThresholds healthThresholds = HealthThresholds.DEFAULTS;

    private Builder() {}

    /**
     * The persistence adapter; in memory by default.
     *
     * @param persistence e.g. the JPA adapter
     * @return this builder
     */
    public Builder persistence(Persistence persistence) {
      this.persistence = Require.present(persistence, "persistence");
      return this;
    }

    /**
     * The notification port; a {@link RecordingNotificationSender} by default. Any other sender also
     * needs a {@link #defaultSender}.
     *
     * @param sender e.g. the mail adapter
     * @return this builder
     */
    public Builder notificationSender(NotificationSender sender) {
      this.sender = Require.present(sender, "notificationSender");
      return this;
    }

    /**
     * The library-wide sender identity, for tenants without their own (F14). Required with any
     * notification sender but the in-memory {@link RecordingNotificationSender}: alerts can be routed
     * for any tenant, and a tenant without settings, or whose settings name no sender, sends from this
     * address, so {@link #build()} refuses to go without it even if every tenant configured here has
     * a sender of its own. With the recording sender it defaults to {@link #TEST_SENDER}.
     *
     * @param sender the sender
     * @return this builder
     */
    public Builder defaultSender(SenderIdentity sender) {
      this.defaultSender = Require.present(sender, "defaultSender");
      return this;
    }

    /**
     * A tenant's default alert settings: sender, catch-all recipients, digest window, notices and the
     * rest of {@link TenantAlertSettings}. They apply while the tenant has no settings stored through
     * {@link SimEstate#tenants()} (which change at run time, audited) and the host's
     * {@link #tenantSettings} source does not answer for it.
     *
     * @param tenant the tenant
     * @param settings its settings
     * @return this builder
     */
    public Builder tenant(TenantId tenant, TenantAlertSettings settings) {
      tenants.put(Require.present(tenant, "tenantId"), Require.present(settings, "settings"));
      return this;
    }

    /**
     * Reads tenants' settings from the host. The source wins for every tenant it answers with anything
     * but {@link TenantAlertSettings#DEFAULTS}; for the others the settings stored through
     * {@link SimEstate#tenants()} apply, then the builder's {@link #tenant} settings. The source is asked
     * on every routing, dispatch and subscription notice, its answers are not cached, so a change takes
     * effect with the next of them.
     *
     * @param source the host's settings
     * @return this builder
     */
    public Builder tenantSettings(TenantSettingsSource source) {
      this.settingsSource = Require.present(source, "tenantSettings");
      return this;
    }

    /**
     * How long routing and dispatch keep a tenant's stored settings ({@link SimEstate#tenants()}) before
     * reading them again; 30 seconds by default. A change through this estate takes effect at once on
     * this instance; other instances on the same database see it within this time. Zero reads the
     * store on every routing and dispatch.
     *
     * @param ttl zero to ten minutes
     * @return this builder
     */
    public Builder tenantSettingsCache(Duration ttl) {
      Require.present(ttl, "tenantSettingsCache");
      if (ttl.isNegative() || ttl.compareTo(Duration.ofMinutes(10)) > 0) {
        throw InvalidInputException.of("tenantSettingsCache", "must be between zero and ten minutes");
      }
      this.settingsCache = ttl;
      return this;
    }

    /**
     * Switches on one-click unsubscribe (RFC 8058) with the defaults: the address
     * {@code <portal>/}{@value #DEFAULT_UNSUBSCRIBE_PATH}{@code ?token=…}, links that work for 60 days.
     * See {@link #oneClickUnsubscribe(byte[], String, Duration)}.
     *
     * @param hmacKey the secret key that signs the tokens, at least 32 bytes
     * @return this builder
     */
    public Builder oneClickUnsubscribe(byte[] hmacKey) {
      return oneClickUnsubscribe(hmacKey, DEFAULT_UNSUBSCRIBE_PATH, DEFAULT_UNSUBSCRIBE_VALIDITY);
    }

    /**
     * Switches on one-click unsubscribe (RFC 8058): alert and digest emails to a customer's contact of a
     * tenant whose portal address ({@code TenantAlertSettings.portalUrl}) is HTTPS carry
     * {@code List-Unsubscribe} and {@code List-Unsubscribe-Post} headers with the address
     * {@code <portal>/<path>?token=…}; the host serves it and calls
     * {@link OneClickUnsubscribe#confirm}. Without a key no message carries the headers. Every instance
     * of the portal must use the same key; a new key makes the links of earlier messages invalid.
     *
     * @param hmacKey the secret key that signs the tokens (HMAC-SHA256), at least 32 bytes, e.g. from
     *     the host's secret store; copied
     * @param path the path below the portal address, e.g. "alerts/unsubscribe": letters, digits and
     *     {@code / . _ -}, not starting with a slash
     * @param validity how long a link works after its alert was raised: one day to one year
     * @return this builder
     */
    public Builder oneClickUnsubscribe(byte[] hmacKey, String path, Duration validity) {
      Require.present(hmacKey, "unsubscribeKey");
      Require.present(path, "unsubscribePath");
      Require.present(validity, "unsubscribeValidity");
      if (hmacKey.length < UnsubscribeTokens.MIN_KEY_BYTES) {
        throw InvalidInputException.of("unsubscribeKey",
            "must have at least " + UnsubscribeTokens.MIN_KEY_BYTES + " bytes (256 bits) of secret randomness");
      }
      if (!path.matches("[A-Za-z0-9._-][A-Za-z0-9._/-]{0,199}") || path.contains("//") || path.contains("..")) {
        throw InvalidInputException.of("unsubscribePath",
            "must be a relative path of letters, digits and / . _ - such as alerts/unsubscribe");
      }
      if (validity.compareTo(Duration.ofDays(1)) < 0 || validity.compareTo(Duration.ofDays(366)) > 0) {
        throw InvalidInputException.of("unsubscribeValidity", "must be between one day and one year");
      }
      this.unsubscribeKey = hmacKey.clone();
      this.unsubscribePath = path;
      this.unsubscribeValidity = validity;
      return this;
    }

    /**
     * Also publishes every event of the administrative record to the host (F11).
     *
     * @param publisher the host's publisher, called within the change's transaction; for the
     *     dispatcher's delivery events, after the delivery's record committed (a publisher that
     *     throws there is logged and undoes nothing)
     * @return this builder
     */
    public Builder publishEventsTo(EventPublisher publisher) {
      publishers.add(Require.present(publisher, "publisher"));
      return this;
    }

    /**
     * Checks assigned SIMs against the host's inventory; by default every valid ICCID is accepted.
     *
     * @param inventory the host's inventory
     * @return this builder
     */
    public Builder simInventory(SimInventory inventory) {
      this.inventory = Require.present(inventory, "simInventory");
      return this;
    }

    /**
     * How strictly ICCIDs typed by users are checked; lenient by default.
     *
     * @param policy the policy
     * @return this builder
     */
    public Builder iccidPolicy(IccidPolicy policy) {
      this.iccidPolicy = Require.present(policy, "iccidPolicy");
      return this;
    }

    /**
     * How long a repeated alert without usage period (same SIM and kind) is suppressed (F13); 24 h by
     * default.
     *
     * @param window the window, at least one second
     * @return this builder
     */
    public Builder repeatWindow(Duration window) {
      Require.present(window, "repeatWindow");
      if (window.compareTo(Duration.ofSeconds(1)) < 0) {
        throw InvalidInputException.of("repeatWindow", "must be at least one second");
      }
      this.repeatWindow = window;
      return this;
    }

    /**
     * How far an alert's {@code raisedAt} may lie before and after the estate's clock (issue 11).
     * {@code Alerts.route} refuses an alert raised earlier than {@code past} before now or later
     * than {@code future} after now with an {@link InvalidInputException} naming {@code raisedAt}: a
     * time in the wrong unit (milliseconds read as seconds), a default or sentinel value
     * ({@code Instant.EPOCH}, {@code Instant.MAX}) or a platform clock far off is an error to fix at
     * the source, and routed it would suppress that SIM's genuine alerts as repeats.
     *
     * <p>By default 30 days before and 5 minutes after. Thirty days let a platform replay the alerts
     * it held back during a long outage (a usage period is usually a month) while keeping out times
     * that belong to no current period; five minutes allow for the clock skew between the platform
     * and the portal, and no more, since an alert cannot be raised in the future.
     *
     * @param past how long before now an alert may have been raised: more than zero, at most
     *     {@value #MAX_ALERT_PAST_DAYS} days
     * @param future how long after now: zero to one day
     * @return this builder
     */
    public Builder alertTimeWindow(Duration past, Duration future) {
      Require.present(past, "alertTimeWindow.past");
      Require.present(future, "alertTimeWindow.future");
      if (past.isNegative() || past.isZero() || past.compareTo(Duration.ofDays(MAX_ALERT_PAST_DAYS)) > 0) {
        throw InvalidInputException.of("alertTimeWindow.past",
            "must be more than zero and at most " + MAX_ALERT_PAST_DAYS + " days");
      }
      if (future.isNegative() || future.compareTo(Duration.ofDays(1)) > 0) {
        throw InvalidInputException.of("alertTimeWindow.future", "must be between zero and one day");
      }
      this.alertPast = past;
      this.alertFuture = future;
      return this;
    }

    /**
     * When failed deliveries are retried.
     *
     * @param policy the policy
     * @return this builder
     */
    public Builder retryPolicy(RetryPolicy policy) {
      this.retryPolicy = Require.present(policy, "retryPolicy");
      return this;
    }

    /**
     * How many deliveries one dispatcher round claims, and so how many messages share one SMTP
     * connection and how large a digest can grow in one round; 500 by default.
     *
     * @param size 1 to 10,000
     * @return this builder
     */
    public Builder dispatchBatchSize(int size) {
      if (size < 1 || size > 10_000) {
        throw InvalidInputException.of("dispatchBatchSize", "must be between 1 and 10000");
      }
      this.batchSize = size;
      return this;
    }

    /**
     * How long a dispatcher's claim holds before another may take the delivery over; 5 minutes by
     * default. Make it longer than a batch takes to send.
     *
     * @param lease the lease, at least one second
     * @return this builder
     */
    public Builder dispatchLease(Duration lease) {
      Require.present(lease, "dispatchLease");
      if (lease.compareTo(Duration.ofSeconds(1)) < 0) {
        throw InvalidInputException.of("dispatchLease", "must be at least one second");
      }
      this.lease = lease;
      return this;
    }

    /**
     * How long the dispatcher waits for one send of the notification port (a host's webhook or SMS
     * sender, or the mail adapter with its own time-outs) before it abandons the call: the message
     * counts as a transient failure (retried like any other), the dispatcher goes on with the next
     * message on a new send thread and session, and the stuck call is left to its thread, which is
     * interrupted and cannot block a later round. The wait starts once the result of the message
     * before it is recorded (see {@link io.simestate.core.alert.AcceptanceGate}), so that the record,
     * which overlaps the send, does not count against it. One minute by default; the limit in effect is at
     * most half of {@link #dispatchLease}, so that a stuck send never outlives the claim (the lease of
     * the rest of a batch is renewed before each message). Make it longer than the sender's own
     * time-outs (for the mail adapter, connect plus read time-out): a send cut off by the limit may
     * still have reached the server, and its retry is then a second copy.
     *
     * @param limit at least 10 milliseconds, at most one hour
     * @return this builder
     */
    public Builder sendTimeLimit(Duration limit) {
      Require.present(limit, "sendTimeLimit");
      if (limit.compareTo(Duration.ofMillis(10)) < 0 || limit.compareTo(Duration.ofHours(1)) > 0) {
        throw InvalidInputException.of("sendTimeLimit", "must be between 10 milliseconds and one hour");
      }
      this.sendTimeLimit = limit;
      return this;
    }

    private Duration effectiveSendTimeLimit() {
      Duration half = lease.dividedBy(2);
      return sendTimeLimit.compareTo(half) > 0 ? half : sendTimeLimit;
    }

    /**
     * The source of retry jitter; seed it in tests.
     *
     * @param random the generator
     * @return this builder
     */
    public Builder random(RandomGenerator random) {
      this.random = Require.present(random, "random");
      return this;
    }

    /**
     * The clock for timestamps and due times; the system UTC clock by default.
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Require.present(clock, "clock");
      return this;
    }

    /**
     * Tells a listener what routing and dispatch do, for metrics (F20); e.g. the {@code
     * simestate-micrometer} binding. May be called more than once; listeners are called in the order
     * added. What a listener throws is caught and logged, and never breaks routing or dispatch. By
     * default nobody listens.
     *
     * @param listener the listener
     * @return this builder
     */
    public Builder listener(EstateListener listener) {
      listeners.add(Require.present(listener, "listener"));
      return this;
    }

    /**
     * When {@link SimEstate#health()} answers DOWN; {@link HealthThresholds#DEFAULTS} by default.
     *
     * @param thresholds the thresholds
     * @return this builder
     */
    public Builder healthThresholds(HealthThresholds thresholds) {
      this.healthThresholds = Require.present(thresholds, "healthThresholds");
      return this;
    }

    /**
     * Builds the library.
     *
     * @return the library
     * @throws InvalidInputException naming {@code defaultSender} if the notification sender is not the
     *     in-memory {@link RecordingNotificationSender} and no {@link #defaultSender} is set
     */
    public SimEstate build() {
      defaultSender();
      return new SimEstate(this);
    }

    private SenderIdentity defaultSender() {
      if (defaultSender != null) {
        return defaultSender;
      }
      if (sender instanceof RecordingNotificationSender) {
        return TEST_SENDER;
      }
      throw InvalidInputException.of("defaultSender", "is required with a notification sender that sends real "
          + "messages: set SimEstate.builder().defaultSender(SenderIdentity.of(\"alerts@your-portal.example\", "
          + "\"Portal alerts\")) to the address alert emails come from when a tenant has no sender of its own");
    }
  }
}
