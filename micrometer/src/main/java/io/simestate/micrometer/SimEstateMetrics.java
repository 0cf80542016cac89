package io.simestate.micrometer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.Timer;
import io.simestate.core.InvalidInputException;
import io.simestate.core.TenantId;
import io.simestate.core.alert.DeliveryStatus;
import io.simestate.core.alert.DispatchReport;
import io.simestate.core.estate.Alerts;
import io.simestate.core.estate.SimEstate;
import io.simestate.core.monitor.AlertRouted;
import io.simestate.core.monitor.DispatchRun;
import io.simestate.core.monitor.EstateListener;
import io.simestate.core.monitor.MessageSent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SIM Estate's figures in a Micrometer {@link MeterRegistry} (F20). Register it as the estate's
 * listener, then bind the outbox gauges to the built estate:
 *
 * <pre>{@code
 * SimEstateMetrics metrics = SimEstateMetrics.builder(registry).build();
 * SimEstate estate = SimEstate.builder().listener(metrics).build();
 * metrics.bindOutbox(estate);
 * }</pre>
 *
 * <p>The meters (names as Micrometer writes them; a Prometheus registry adds {@code _total} and
 * {@code _seconds}):
 * <ul>
 *   <li>{@value #ALERTS_ROUTED} — counter, tags {@code outcome} (routed, no_eligible_contact,
 *       catch_all, unassigned, repeat_suppressed, duplicate_alert_id) and {@code kind} (warning,
 *       cut_off);</li>
 *   <li>{@value #SENDS} — counter of messages handed to the notification port, tags {@code result}
 *       (sent, transient_failure, permanent_failure), {@code failure} (none, reported, no_result,
 *       sender_threw) and {@code kind} (alert, subscription_notice);</li>
 *   <li>{@value #DISPATCH_RUNS} — timer of {@code dispatchDue()} runs, tags {@code outcome}
 *       (completed, failed) and {@code exception} (none or the exception's simple class name);</li>
 *   <li>{@value #DISPATCHED_DELIVERIES} — counter of deliveries the runs recorded, tag {@code outcome}
 *       (sent, retried, failed);</li>
 *   <li>{@value #DELIVERIES} — gauge of the outbox's deliveries, tag {@code status} (pending,
 *       in_flight, sent, failed), over all tenants;</li>
 *   <li>{@value #OLDEST_PENDING_AGE} — time gauge: how long the oldest delivery not yet sent or failed
 *       has waited; zero when none.</li>
 * </ul>
 * No tag carries an ICCID, alert id, contact or address. With {@link Builder#tenantTag(boolean)} the
 * counters of routing and sends also carry a {@code tenant} tag: use it only with few tenants, each
 * adds a time series per combination.
 *
 * <p>The gauges read the outbox through the estate at most once per {@link Builder#outboxRefresh}
 * (30 seconds by default), however often the registry is scraped; a failing read keeps the last
 * figures and is logged. Thread-safe.
 */
public final class SimEstateMetrics implements EstateListener {

  /** The counter of routed alerts. */
  public static final String ALERTS_ROUTED = "simestate.alerts.routed";
  /** The counter of messages handed to the notification port. */
  public static final String SENDS = "simestate.dispatch.sends";
  /** The timer of dispatch runs. */
  public static final String DISPATCH_RUNS = "simestate.dispatch.runs";
  /** The counter of deliveries recorded by dispatch runs. */
  public static final String DISPATCHED_DELIVERIES = "simestate.dispatch.deliveries";
  /** The gauge of the outbox's deliveries by status. */
  public static final String DELIVERIES = "simestate.deliveries";
  /** The time gauge of the oldest pending delivery's age. */
  public static final String OLDEST_PENDING_AGE = "simestate.deliveries.oldest.pending.age";

  private static final Logger LOG = LoggerFactory.getLogger(SimEstateMetrics.class);

  private final MeterRegistry registry;
  private final boolean tenantTag;
  private final Duration refresh;
  private final Clock clock;
  private final Counter sentDeliveries;
  private final Counter retriedDeliveries;
  private final Counter failedDeliveries;

  private Alerts alerts;
  private Instant readAt;
  private Map<DeliveryStatus, Long> counts = zeroCounts();
  private Optional<Instant> oldestPending = Optional.empty();
  private boolean readFailing;

  private SimEstateMetrics(Builder b) {
    this.registry = b.registry;
    this.tenantTag = b.tenantTag;
    this.refresh = b.refresh;
    this.clock = b.clock;
    this.sentDeliveries = deliveries("sent");
    this.retriedDeliveries = deliveries("retried");
    this.failedDeliveries = deliveries("failed");
  }

  /**
   * A builder that registers in {@code registry}.
   *
   * @param registry the registry, e.g. a portal's Prometheus registry
   * @return the builder
   */
  public static Builder builder(MeterRegistry registry) {
    if (registry == null) {
      throw InvalidInputException.of("registry", "is required");
    }
    return new Builder(registry);
  }

  /**
   * Registers the outbox gauges ({@value #DELIVERIES} by status and {@value #OLDEST_PENDING_AGE}),
   * read from this estate. Call it once, after building the estate with this listener.
   *
   * @param estate the estate
   * @return this
   * @throws InvalidInputException naming {@code estate} if it is null or an estate was bound before
   */
  public SimEstateMetrics bindOutbox(SimEstate estate) {
    synchronized (this) {
      if (estate == null || alerts != null) {
        throw InvalidInputException.of("estate", estate == null ? "is required"
            : "is bound already: bind one estate per SimEstateMetrics");
      }
      this.alerts = estate.alerts();
    }
    for (DeliveryStatus status : DeliveryStatus.values()) {
      Gauge.builder(DELIVERIES, this, m -> m.read().counts.getOrDefault(status, 0L))
          .tag("status", name(status))
          .description("Deliveries in the outbox in this status, over all tenants")
          .baseUnit("deliveries")
          .register(registry);
    }
    TimeGauge.builder(OLDEST_PENDING_AGE, this, TimeUnit.MILLISECONDS, SimEstateMetrics::oldestPendingAgeMillis)
        .description("How long the oldest delivery not yet sent or failed has waited; zero when none")
        .register(registry);
    return this;
  }

  @Override
  public void alertRouted(AlertRouted event) {
    String outcome = event.duplicateAlertId() ? "duplicate_alert_id" : name(event.outcome());
    Counter.builder(ALERTS_ROUTED)
        .tags(withTenant(Tags.of("outcome", outcome, "kind", name(event.kind())), event.tenant()))
        .description("Alerts routed, by the routing decision's outcome")
        .register(registry)
        .increment();
  }

  @Override
  public void messageSent(MessageSent event) {
    Counter.builder(SENDS)
        .tags(withTenant(Tags.of("result", name(event.result()), "failure", name(event.failure()),
            "kind", name(event.kind())), event.tenant()))
        .description("Messages handed to the notification port, by recorded result and failure class")
        .register(registry)
        .increment();
  }

  @Override
  public void dispatchFinished(DispatchRun event) {
    Timer.builder(DISPATCH_RUNS)
        .tags("outcome", event.completed() ? "completed" : "failed", "exception", event.failure().orElse("none"))
        .description("Dispatcher runs: claim, send and record until nothing is due")
        .register(registry)
        .record(event.took());
    DispatchReport r = event.report();
    sentDeliveries.increment(r.sent());
    retriedDeliveries.increment(r.retried());
    failedDeliveries.increment(r.failed());
  }

  private Counter deliveries(String outcome) {
    return Counter.builder(DISPATCHED_DELIVERIES).tag("outcome", outcome)
        .description("Deliveries recorded by dispatch runs: sent, scheduled for a retry, or failed for good")
        .baseUnit("deliveries")
        .register(registry);
  }

  private Tags withTenant(Tags tags, TenantId tenant) {
    return tenantTag ? tags.and("tenant", tenant.value()) : tags;
  }

  private double oldestPendingAgeMillis() {
    SimEstateMetrics m = read();
    return m.oldestPending.map(created -> Math.max(0, Duration.between(created, clock.instant()).toMillis()))
        .orElse(0L);
  }

  /** Reads the outbox if the last read is older than the refresh interval; never throws. */
  private synchronized SimEstateMetrics read() {
    Instant now = clock.instant();
    if (alerts == null || (readAt != null && Duration.between(readAt, now).compareTo(refresh) < 0)) {
      return this;
    }
    readAt = now;
    try {
      Map<DeliveryStatus, Long> read = new EnumMap<>(zeroCounts());
      read.putAll(alerts.deliveryCounts());
      counts = read;
      oldestPending = alerts.oldestPendingCreatedAt();
      if (readFailing) {
        LOG.info("The outbox can be read again; the delivery gauges are current");
        readFailing = false;
      }
    } catch (RuntimeException e) {
      if (!readFailing) {
        LOG.warn("The outbox could not be read for the delivery gauges; they keep their last figures", e);
        readFailing = true;
      } else {
        LOG.debug("The outbox could still not be read for the delivery gauges", e);
      }
    }
    return this;
  }

  private static Map<DeliveryStatus, Long> zeroCounts() {
    Map<DeliveryStatus, Long> zero = new EnumMap<>(DeliveryStatus.class);
    for (DeliveryStatus s : DeliveryStatus.values()) {
      zero.put(s, 0L);
    }
    return zero;
  }

  private static String name(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT);
  }

  /** Configures {@link SimEstateMetrics}. */
  public static final class Builder {

    private final MeterRegistry registry;
    private boolean tenantTag;
    private Duration refresh = Duration.ofSeconds(30);
    private Clock clock = Clock.systemUTC();

    private Builder(MeterRegistry registry) {
      this.registry = registry;
    }

    /**
     * Adds a {@code tenant} tag to the counters of routing and sends; off by default. Each tenant
     * multiplies those counters' time series: turn it on for a handful of tenants, not thousands.
     *
     * @param on true to tag by tenant
     * @return this builder
     */
    public Builder tenantTag(boolean on) {
      this.tenantTag = on;
      return this;
    }

    /**
     * How long the outbox figures behind the gauges are reused before the outbox is read again; 30
     * seconds by default. Each read counts the outbox by status, a query over the whole table.
     *
     * @param interval zero (read on every scrape) to one hour
     * @return this builder
     */
    public Builder outboxRefresh(Duration interval) {
      if (interval == null || interval.isNegative() || interval.compareTo(Duration.ofHours(1)) > 0) {
        throw InvalidInputException.of("outboxRefresh", "must be between zero and one hour");
      }
      this.refresh = interval;
      return this;
    }

    /**
     * The clock for the oldest pending delivery's age and the refresh interval; the estate's clock
     * belongs here if it is not the system clock. The system UTC clock by default.
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      if (clock == null) {
        throw InvalidInputException.of("clock", "is required");
      }
      this.clock = clock;
      return this;
    }

    /**
     * Builds the listener; register it with {@code SimEstate.Builder.listener}.
     *
     * @return the metrics
     */
    public SimEstateMetrics build() {
      return new SimEstateMetrics(this);
    }
  }
}
