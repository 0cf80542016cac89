package io.simestate.core.alert;

import io.simestate.core.audit.AuditTrail;
import io.simestate.core.internal.Require;
import java.util.List;
import java.util.Optional;

/**
 * A {@link RoutingRecorder} that calls the separate stores in turn: the decision log to see whether
 * the alert id is new, the repeat guard, the decision log to record, the outbox, the audit trail.
 */
final class ComposedRoutingRecorder implements RoutingRecorder {

  private final AlertDecisionLog decisions;
  private final AlertRepeatGuard repeatGuard;
  private final DeliveryOutbox outbox;
  private final AuditTrail trail;

  ComposedRoutingRecorder(AlertDecisionLog decisions, AlertRepeatGuard repeatGuard, DeliveryOutbox outbox,
      AuditTrail trail) {
    this.decisions = Require.present(decisions, "decisions");
    this.repeatGuard = Require.present(repeatGuard, "repeatGuard");
    this.outbox = Require.present(outbox, "outbox");
    this.trail = Require.present(trail, "trail");
  }

  @Override
  public Optional<RecordedRouting> record(RoutingPlan plan) {
    AlertDecision eligible = plan.eligible();
    if (decisions.find(eligible.tenantId(), eligible.alert().id()).isPresent()) {
      return Optional.empty();
    }
    List<Recipient> through = eligible.chosen().isEmpty() ? List.of()
        : repeatGuard.firstWithin(eligible.tenantId(), plan.repeatKey(), eligible.chosen(), plan.raisedAt(),
            plan.repeatWindow());
    RecordedRouting routing = plan.recorded(through);
    if (!decisions.record(routing.decision())) {
      return Optional.empty();
    }
    if (!routing.deliveries().isEmpty()) {
      routing = routing.withDeliveries(outbox.enqueue(routing.deliveries()));
    }
    trail.publish(routing.event());
    return Optional.of(routing);
  }
}
