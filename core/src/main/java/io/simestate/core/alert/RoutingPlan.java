package io.simestate.core.alert;

import io.simestate.core.Actor;
import io.simestate.core.audit.AuditEvent;
import io.simestate.core.audit.AuditEventType;
import io.simestate.core.internal.Require;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * What routing decided for one alert before the repeat guard had its say, handed to a
 * {@link RoutingRecorder} to be recorded in one step: the eligible decision, the repeat key and
 * window, one pending delivery per eligible recipient, and the id and time of the audit event.
 * {@link #recorded} turns the recipients the repeat guard lets through into what is stored. Pure: it
 * reads and writes nothing.
 *
 * @param eligible the decision with every recipient the routing rules chose
 * @param repeatKey the alert's repeat key
 * @param repeatWindow how long a repeat is suppressed
 * @param deliveries one pending delivery per recipient of {@code eligible}, in the same order
 * @param eventId the id of the {@code ALERT_ROUTED} audit event
 * @param eventAt when that event happened
 */
public record RoutingPlan(AlertDecision eligible, RepeatKey repeatKey, Duration repeatWindow,
    List<Delivery> deliveries, UUID eventId, Instant eventAt) {

  /**
   * Checks presence and that there is one delivery per eligible recipient; copies the list.
   *
   * @param eligible the decision with every recipient the routing rules chose
   * @param repeatKey the alert's repeat key
   * @param repeatWindow how long a repeat is suppressed
   * @param deliveries one pending delivery per recipient of {@code eligible}, in the same order
   * @param eventId the id of the {@code ALERT_ROUTED} audit event
   * @param eventAt when that event happened
   */
  public RoutingPlan {
    Require.present(eligible, "eligible");
    Require.present(repeatKey, "repeatKey");
    Require.present(repeatWindow, "repeatWindow");
    Require.present(eventId, "eventId");
    Require.present(eventAt, "eventAt");
    deliveries = List.copyOf(Require.present(deliveries, "deliveries"));
    if (deliveries.size() != eligible.chosen().size()) {
      throw io.simestate.core.InvalidInputException.of("deliveries", "must hold one delivery per chosen recipient: "
          + deliveries.size() + " deliveries for " + eligible.chosen().size() + " recipients");
    }
  }

  /**
   * When the alert was raised: the time the repeat guard remembers.
   *
   * @return the alert's {@code raisedAt}
   */
  public Instant raisedAt() {
    return eligible.alert().raisedAt();
  }

  /**
   * What is recorded when the repeat guard lets {@code letThrough} through: the decision with the
   * others skipped as {@link SkipReason#ALREADY_TOLD} (and {@link RoutingOutcome#REPEAT_SUPPRESSED}
   * if nobody is left), their deliveries, and the audit event that describes it.
   *
   * @param letThrough the keys ({@link Recipient#key()}) of the eligible recipients the guard let through
   * @return the routing to record; its deliveries are all of this plan's for those recipients
   */
  public RecordedRouting recorded(Set<String> letThrough) {
    Require.present(letThrough, "letThrough");
    AlertDecision decision = AlertRouter.leaveOutAlreadyTold(eligible, letThrough);
    List<Delivery> kept = new ArrayList<>(decision.chosen().size());
    for (Delivery d : deliveries) {
      if (letThrough.contains(d.recipient().key())) {
        kept.add(d);
      }
    }
    return new RecordedRouting(decision, kept, event(decision));
  }

  private AuditEvent event(AlertDecision decision) {
    return new AuditEvent(eventId, decision.tenantId(), AuditEventType.ALERT_ROUTED, Actor.system(), eventAt,
        decision.customerId(), List.of(decision.alert().iccid()), summary(decision));
  }

  /**
   * {@link #recorded(Set)} for the recipients given.
   *
   * @param letThrough the eligible recipients the guard let through
   * @return the routing to record
   */
  public RecordedRouting recorded(List<Recipient> letThrough) {
    Require.present(letThrough, "letThrough");
    if (letThrough.size() == eligible.chosen().size() && letThrough.containsAll(eligible.chosen())) {
      // Everyone let through, the usual case: the plan as it is, without a key per recipient.
      return new RecordedRouting(eligible, deliveries, event(eligible));
    }
    Set<String> keys = new HashSet<>();
    for (Recipient r : Require.present(letThrough, "letThrough")) {
      keys.add(r.key());
    }
    return recorded(keys);
  }

  private static String summary(AlertDecision d) {
    UsageAlert a = d.alert();
    String head = a.kind().label() + " alert " + a.id() + " for SIM " + a.iccid();
    return switch (d.outcome()) {
      case ROUTED -> head + " routed to " + d.chosen().size() + " contact(s) of " + d.customerName()
          + (d.skipped().isEmpty() ? "" : ", " + d.skipped().size() + " skipped");
      case NO_ELIGIBLE_CONTACT -> head + ": no contact of " + d.customerName() + " qualifies, "
          + d.skipped().size() + " skipped";
      case CATCH_ALL -> head + " has no customer; routed to " + d.chosen().size() + " catch-all recipient(s)";
      case UNASSIGNED -> head + " has no customer and the tenant has no catch-all recipient";
      case REPEAT_SUPPRESSED -> head + " repeats an earlier alert for the same SIM, kind and period; every "
          + "recipient was told already";
    };
  }
}
