package io.simestate.core.estate;

import io.simestate.core.AlertKind;
import io.simestate.core.ConflictException;
import io.simestate.core.InvalidInputException;
import io.simestate.core.Limits;
import io.simestate.core.TenantId;
import io.simestate.core.Transactions;
import io.simestate.core.UnavailableException;
import io.simestate.core.alert.AlertDecision;
import io.simestate.core.alert.AlertDecisionLog;
import io.simestate.core.alert.AlertId;
import io.simestate.core.alert.AlertRouter;
import io.simestate.core.alert.Delivery;
import io.simestate.core.alert.DeliveryId;
import io.simestate.core.alert.DeliveryKind;
import io.simestate.core.alert.DeliveryOutbox;
import io.simestate.core.alert.DeliveryStatus;
import io.simestate.core.alert.Recipient;
import io.simestate.core.alert.RecipientDirectory;
import io.simestate.core.alert.RecordedRouting;
import io.simestate.core.alert.RoutingPlan;
import io.simestate.core.alert.RoutingRecorder;
import io.simestate.core.alert.RepeatKey;
import io.simestate.core.alert.RoutingResult;
import io.simestate.core.alert.SimHolder;
import io.simestate.core.alert.TenantAlertSettings;
import io.simestate.core.alert.TenantSettingsSource;
import io.simestate.core.alert.UsageAlert;
import io.simestate.core.customer.ContactId;
import io.simestate.core.internal.FastUuid;
import io.simestate.core.internal.Require;
import io.simestate.core.monitor.AlertRouted;
import io.simestate.core.monitor.EstateListener;
import io.simestate.core.sim.Iccid;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The alert use cases: route a usage alert to exactly the right recipients and record one pending
 * delivery per (alert, recipient) in the outbox (F9, F13, F15, F16), answer "who gets the alert for
 * SIM X", and read back the decision and delivery record.
 *
 * <p>Routing is idempotent per alert id: the same alert under an id routed before records nothing
 * new, and another alert under it is refused. De-duplication is per recipient (F13): a repeat of the
 * same SIM, kind and usage period (or, without a period, within the repeat window) reaches no
 * recipient twice, while every recipient not told yet still gets it (the contacts of a SIM's new
 * customer after a move, a contact added since). An alert raised outside the window around the
 * estate's clock is refused.
 * When the tenant has a digest window, deliveries wait that long so that the dispatcher can gather
 * one customer's alerts for a contact into one digest message.
 *
 * <p>Obtain it from {@code SimEstate.alerts()}. Thread-safe.
 */
public final class Alerts {

  /** How long a repeat of an alert with a usage period is suppressed: longer than any period. */
  static final Duration PERIOD_WINDOW = Duration.ofDays(400);

  /** How many of a contact's latest deliveries are checked for an open digest window. */
  private static final int OPEN_DIGEST_LOOKBACK = 50;

  private final RecipientDirectory directory;
  private final AlertDecisionLog decisions;
  private final RoutingRecorder recorder;
  private final DeliveryOutbox outbox;
  private final Transactions tx;
  private final EventRecorder events;
  private final TenantSettingsSource settings;
  private final AlertRouter router;
  private final Duration repeatWindow;
  private final Duration pastWindow;
  private final Duration futureWindow;
  private final Clock clock;
  private final EstateListener listener;

  /**
   * Wires the use cases; called by {@code SimEstate}.
   *
   * @param directory the routing lookup
   * @param decisions the decision log
   * @param recorder records a routing in one step (decision, repeat guard, deliveries, audit event)
   * @param outbox the delivery outbox
   * @param tx the transaction runner
   * @param events the event recorder
   * @param settings the tenants' alert settings
   * @param router the routing rules
   * @param repeatWindow how long a repeat without usage period is suppressed, unless the tenant's settings
   *     name their own
   * @param pastWindow how long before the clock an alert may have been raised
   * @param futureWindow how long after the clock an alert may have been raised
   * @param clock the clock
   * @param listener told of each routed alert (F20)
   */
  Alerts(RecipientDirectory directory, AlertDecisionLog decisions, RoutingRecorder recorder,
      DeliveryOutbox outbox, Transactions tx, EventRecorder events, TenantSettingsSource settings,
      AlertRouter router, Duration repeatWindow, Duration pastWindow, Duration futureWindow, Clock clock,
      EstateListener listener) {
    this.directory = directory;
    this.decisions = decisions;
    this.recorder = recorder;
    this.outbox = outbox;
    this.tx = tx;
    this.events = events;
    this.settings = settings;
    this.router = router;
    this.repeatWindow = repeatWindow;
    this.pastWindow = pastWindow;
    this.futureWindow = futureWindow;
    this.clock = clock;
    this.listener = listener;
  }

  /**
   * Routes a usage alert: decides the recipients, records the decision, and records one pending
   * delivery per recipient for the dispatcher.
   *
   * <p>An alert id routed before answers with the first decision and records nothing if the alert
   * is the same (same SIM, kind, {@code raisedAt}, period and usage figures, figures compared by
   * value); another alert under that id is refused. A recipient told of the same SIM, kind and
   * period already (without a period: within the repeat window) is skipped as
   * {@link io.simestate.core.alert.SkipReason#ALREADY_TOLD}; the others still get the alert.
   *
   * @param tenant the tenant whose SIM raised the alert
   * @param alert the alert
   * @return the decision and the deliveries recorded by this call
   * @throws InvalidInputException naming {@code raisedAt} if the alert was raised outside the window
   *     around the estate's clock ({@code SimEstate.Builder.alertTimeWindow}; by default 30 days
   *     before to 5 minutes after); nothing is recorded
   * @throws ConflictException with {@code ALERT_ID_REUSED} if the alert id was routed before for
   *     another alert; the message names the fields that differ
   * @throws UnavailableException if the store failed, or another call routed the same alert id at
   *     the same moment and its decision cannot be read yet; nothing took effect, route it again
   */
  public RoutingResult route(TenantId tenant, UsageAlert alert) {
    Require.present(tenant, "tenantId");
    Require.present(alert, "alert");
    RoutingResult result = tx.inTransaction(() -> {
      Instant now = clock.instant();
      if (!withinWindow(alert.raisedAt(), now)) {
        // A replay of an alert routed long ago still answers with its decision.
        Optional<AlertDecision> earlier = decisions.find(tenant, alert.id());
        if (earlier.isPresent()) {
          return replay(earlier.get(), alert);
        }
        checkRaisedAt(alert.raisedAt(), now);
      }
      TenantAlertSettings tenantSettings = settings.settingsFor(tenant);
      AlertDecision eligible = router.decide(tenant, alert, directory.holderOf(tenant, alert.iccid()),
          tenantSettings, now);
      Duration window = alert.period() != null ? PERIOD_WINDOW
          : tenantSettings.repeatWindow() != null ? tenantSettings.repeatWindow() : repeatWindow;
      // The ALERT_ROUTED event gets its id here and the routing's time; the recorder stores it.
      Optional<RecordedRouting> recorded = recorder.record(new RoutingPlan(eligible, RepeatKey.of(alert), window,
          deliveriesFor(eligible, tenantSettings, now), FastUuid.next(), now));
      if (recorded.isEmpty()) {
        // The alert id was routed before, or by another call at the same moment. The same alert is a
        // replay; another alert is refused, and throwing undoes whatever this transaction remembered.
        // (A database whose snapshot predates that decision cannot show it yet: the caller retries.)
        AlertDecision first = decisions.find(tenant, alert.id()).orElseThrow(() -> new UnavailableException(
            "Alert " + alert.id() + " was routed by another call at the same moment; route it again to get "
                + "that call's decision", null));
        return replay(first, alert);
      }
      events.publishToHostsWithin(recorded.get().event());
      return new RoutingResult(recorded.get().decision(), false, recorded.get().deliveries());
    });
    listener.alertRouted(new AlertRouted(tenant, result.decision().alert().kind(), result.decision().outcome(),
        result.deliveries().size(), result.duplicateAlertId()));
    return result;
  }

  /**
   * The answer to an alert id routed before: the first decision if the alert is the same (an
   * idempotent replay), a conflict naming the fields that differ otherwise.
   */
  private static RoutingResult replay(AlertDecision earlier, UsageAlert alert) {
    UsageAlert first = earlier.alert();
    List<String> differ = new ArrayList<>(5);
    if (!first.iccid().equals(alert.iccid())) {
      differ.add("iccid");
    }
    if (first.kind() != alert.kind()) {
      differ.add("kind");
    }
    if (!first.raisedAt().equals(alert.raisedAt())) {
      differ.add("raisedAt");
    }
    if (!java.util.Objects.equals(first.period(), alert.period())) {
      differ.add("period");
    }
    if (!first.usage().sameAs(alert.usage())) {
      differ.add("usage");
    }
    if (!differ.isEmpty()) {
      throw new ConflictException(ConflictException.Reason.ALERT_ID_REUSED, "Alert id " + alert.id()
          + " was routed before for another alert (" + String.join(", ", differ) + " differ: it was "
          + describe(first) + "); an alert id names one alert, so give this alert an id of its own");
    }
    return new RoutingResult(earlier, true, List.of());
  }

  private static String describe(UsageAlert a) {
    return a.kind().label().toLowerCase(java.util.Locale.ROOT) + " for SIM " + a.iccid() + " raised at " + a.raisedAt()
        + (a.period() == null ? "" : " for period " + a.period());
  }

  private boolean withinWindow(Instant raisedAt, Instant now) {
    return !raisedAt.isBefore(now.minus(pastWindow)) && !raisedAt.isAfter(now.plus(futureWindow));
  }

  /** Refuses a time outside the window around the estate's clock (issue 11). */
  private void checkRaisedAt(Instant raisedAt, Instant now) {
    if (withinWindow(raisedAt, now)) {
      return;
    }
    Instant earliest = now.minus(pastWindow);
    Instant latest = now.plus(futureWindow);
    long asIfMillis = raisedAt.getEpochSecond() / 1000;
    boolean millisAsSeconds = raisedAt.isAfter(latest) && asIfMillis >= earliest.getEpochSecond()
        && asIfMillis <= latest.getEpochSecond();
    throw InvalidInputException.of("raisedAt", "must lie between " + words(pastWindow) + " before and "
        + words(futureWindow) + " after the estate's clock, i.e. from " + earliest + " to " + latest + "; it was "
        + raisedAt + (millisAsSeconds
            ? ", which is a time in milliseconds read as seconds: pass Instant.ofEpochMilli(...)"
            : ": check the platform's clock and the unit of the time (seconds, not milliseconds)"));
  }

  /** A duration in words: "30 days", "5 minutes", "1 hour". */
  static String words(Duration d) {
    long seconds = d.getSeconds();
    if (seconds != 0 && seconds % 86_400 == 0) {
      return plural(seconds / 86_400, "day");
    } else if (seconds != 0 && seconds % 3600 == 0) {
      return plural(seconds / 3600, "hour");
    } else if (seconds % 60 == 0) {
      return plural(seconds / 60, "minute");
    }
    return plural(seconds, "second");
  }

  private static String plural(long n, String unit) {
    return n + " " + unit + (n == 1 ? "" : "s");
  }

  /**
   * Who would receive an alert of this kind for this SIM now, without recording anything: the
   * question a downstream service asks.
   *
   * @param tenant the tenant
   * @param sim the SIM
   * @param kind the alert kind
   * @return the recipients; empty if nobody
   */
  public List<Recipient> recipientsFor(TenantId tenant, Iccid sim, AlertKind kind) {
    Require.present(tenant, "tenantId");
    Require.present(sim, "iccid");
    Require.present(kind, "kind");
    Optional<SimHolder> holder = directory.holderOf(tenant, sim);
    // Only a SIM with no customer needs the tenant's settings (its catch-all recipients).
    return router.recipients(holder, kind, holder.isEmpty() ? settings.settingsFor(tenant) : TenantAlertSettings.DEFAULTS);
  }

  /**
   * The decision recorded for an alert.
   *
   * @param tenant the tenant
   * @param alertId the alert
   * @return the decision, or empty if that alert was never routed in this tenant
   */
  public Optional<AlertDecision> decision(TenantId tenant, AlertId alertId) {
    return decisions.find(Require.present(tenant, "tenantId"), Require.present(alertId, "alertId"));
  }

  /**
   * The most recent decisions for one SIM.
   *
   * @param tenant the tenant
   * @param sim the SIM
   * @param limit the most to return
   * @return newest first
   */
  public List<AlertDecision> decisionsForSim(TenantId tenant, Iccid sim, int limit) {
    return decisions.bySim(Require.present(tenant, "tenantId"), Require.present(sim, "iccid"), limit(limit));
  }

  /**
   * The deliveries of one alert, with status, attempts and last error (F16).
   *
   * @param tenant the tenant
   * @param alertId the alert
   * @return oldest first
   */
  public List<Delivery> deliveriesOf(TenantId tenant, AlertId alertId) {
    return outbox.byAlert(Require.present(tenant, "tenantId"), Require.present(alertId, "alertId"));
  }

  /**
   * The most recent deliveries to one contact (F16).
   *
   * @param tenant the tenant
   * @param contact the contact
   * @param limit the most to return
   * @return newest first
   */
  public List<Delivery> deliveriesTo(TenantId tenant, ContactId contact, int limit) {
    return outbox.byContact(Require.present(tenant, "tenantId"), Require.present(contact, "contactId"), limit(limit));
  }

  /**
   * The most recent deliveries of alerts for one SIM (F16).
   *
   * @param tenant the tenant
   * @param sim the SIM
   * @param limit the most to return
   * @return newest first
   */
  public List<Delivery> deliveriesForSim(TenantId tenant, Iccid sim, int limit) {
    return outbox.bySim(Require.present(tenant, "tenantId"), Require.present(sim, "iccid"), limit(limit));
  }

  /**
   * How many deliveries are in each status, over all tenants.
   *
   * @return a count for every status
   */
  public Map<DeliveryStatus, Long> deliveryCounts() {
    return outbox.countByStatus();
  }

  /**
   * When the oldest delivery not yet sent or failed (pending or in flight) was recorded, over all
   * tenants: its age is how far alerting lags (F20).
   *
   * @return that time, or empty if nothing is waiting
   */
  public Optional<Instant> oldestPendingCreatedAt() {
    return outbox.oldestPendingCreatedAt();
  }

  private List<Delivery> deliveriesFor(AlertDecision decision, TenantAlertSettings settings, Instant now) {
    Duration window = settings.digestWindow();
    String digestKey = window.isZero() ? null
        : (decision.customerId() == null ? "catch-all" : decision.customerId().toString()) + "|" + decision.alert().kind();
    List<Delivery> deliveries = new ArrayList<>(decision.chosen().size());
    for (Recipient recipient : decision.chosen()) {
      Instant due = digestKey == null ? now : openDigestWindowEnd(decision.tenantId(), recipient, digestKey, now)
          .orElse(now.plus(window));
      deliveries.add(new Delivery(DeliveryId.random(), decision.tenantId(), DeliveryKind.ALERT, decision.alert().id(),
          decision.alert(), decision.customerId(), decision.customerName(), recipient, digestKey,
          DeliveryStatus.PENDING, 0, now, due, null, null));
    }
    return deliveries;
  }

  /**
   * When the digest window opened by an earlier alert for this contact and digest key ends, so that a
   * later alert joins that digest instead of opening a window of its own (F13).
   */
  private Optional<Instant> openDigestWindowEnd(TenantId tenant, Recipient recipient, String digestKey, Instant now) {
    if (recipient.contactId() == null) {
      return Optional.empty();
    }
    for (Delivery earlier : outbox.byContact(tenant, recipient.contactId(), OPEN_DIGEST_LOOKBACK)) {
      if (earlier.status() == DeliveryStatus.PENDING && earlier.attempts() == 0
          && digestKey.equals(earlier.digestKey()) && earlier.nextAttemptAt().isAfter(now)) {
        return Optional.of(earlier.nextAttemptAt());
      }
    }
    return Optional.empty();
  }

  private static int limit(int limit) {
    return Limits.historySize(limit);
  }
}
