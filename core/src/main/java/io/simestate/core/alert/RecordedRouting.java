package io.simestate.core.alert;

import io.simestate.core.audit.AuditEvent;
import io.simestate.core.internal.Require;
import java.util.List;

/**
 * What a {@link RoutingRecorder} recorded for one alert.
 *
 * @param decision the decision as stored, after the repeat guard
 * @param deliveries the pending deliveries stored, one per chosen recipient
 * @param event the {@code ALERT_ROUTED} event stored in the audit trail
 */
public record RecordedRouting(AlertDecision decision, List<Delivery> deliveries, AuditEvent event) {

  /**
   * Checks presence; copies the list.
   *
   * @param decision the decision as stored, after the repeat guard
   * @param deliveries the pending deliveries stored, one per chosen recipient
   * @param event the {@code ALERT_ROUTED} event stored in the audit trail
   */
  public RecordedRouting {
    Require.present(decision, "decision");
    Require.present(event, "event");
    deliveries = List.copyOf(Require.present(deliveries, "deliveries"));
  }

  /**
   * The same routing with the deliveries that were stored, where a store reports fewer than planned.
   *
   * @param stored the deliveries stored
   * @return the routing with those deliveries
   */
  public RecordedRouting withDeliveries(List<Delivery> stored) {
    return new RecordedRouting(decision, stored, event);
  }
}
