package io.simestate.core.alert;

import io.simestate.core.estate.Alerts;
import java.util.List;

/**
 * What {@link Alerts#route} did with one alert.
 *
 * @param decision the routing decision; for a repeated alert id, the decision made the first time
 * @param duplicateAlertId true if this alert had been routed before under its id (the same content;
 *     another alert under a used id is refused), so nothing new was recorded
 * @param deliveries the deliveries this call recorded in the outbox (empty for a duplicate)
 */
public record RoutingResult(AlertDecision decision, boolean duplicateAlertId, List<Delivery> deliveries) {

  /**
   * Copies the list.
   *
   * @param decision the routing decision; for a repeated alert id, the decision made the first time
   * @param duplicateAlertId true if this alert id had been routed before, so nothing new was recorded
   * @param deliveries the deliveries this call recorded in the outbox (empty for a duplicate)
   */
  public RoutingResult {
    deliveries = List.copyOf(deliveries);
  }
}
