package io.simestate.core.alert;

import io.simestate.core.audit.AuditTrail;
import java.util.Optional;

/**
 * Port: records the routing of one alert in one step (F9, F11, F13, F16): the decision with its
 * entries, the repeat guard's entries, one pending delivery per recipient let through, and the
 * {@code ALERT_ROUTED} audit event. An adapter may answer it in a few batched statements instead of
 * one call per store. The contract is part of {@code AlertRoutingContract} in core's test-jar.
 *
 * <p>Idempotent per (tenant, alert id): if a decision for the plan's alert id exists, nothing is
 * recorded and the answer is empty. Of concurrent calls for one alert id, at most one records.
 * Within a transaction, what it records is undone with the transaction.
 */
public interface RoutingRecorder {

  /**
   * Records a routing unless its alert id was recorded before.
   *
   * @param plan what routing decided, before the repeat guard
   * @return what was recorded, or empty if the alert id was recorded before (nothing was written)
   */
  Optional<RecordedRouting> record(RoutingPlan plan);

  /**
   * A recorder made of the separate stores, one call each: what the in-memory adapter uses and the
   * default for a {@code Persistence} that offers nothing faster.
   *
   * @param decisions the decision log
   * @param repeatGuard the repeat guard
   * @param outbox the outbox
   * @param trail the audit trail
   * @return the recorder
   */
  static RoutingRecorder composedOf(AlertDecisionLog decisions, AlertRepeatGuard repeatGuard, DeliveryOutbox outbox,
      AuditTrail trail) {
    return new ComposedRoutingRecorder(decisions, repeatGuard, outbox, trail);
  }
}
