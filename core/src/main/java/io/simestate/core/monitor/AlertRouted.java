package io.simestate.core.monitor;

import io.simestate.core.AlertKind;
import io.simestate.core.TenantId;
import io.simestate.core.alert.RoutingOutcome;
import io.simestate.core.internal.Require;

/**
 * What routing decided for one alert, as a listener sees it.
 *
 * @param tenant the tenant
 * @param kind warning or cut-off
 * @param outcome the decision's outcome (for a replayed alert id, the first decision's)
 * @param deliveries how many deliveries this call recorded in the outbox
 * @param duplicateAlertId true if the alert id had been routed before, so nothing new was recorded
 */
public record AlertRouted(TenantId tenant, AlertKind kind, RoutingOutcome outcome, int deliveries,
    boolean duplicateAlertId) {

  /**
   * Checks presence.
   *
   * @param tenant the tenant
   * @param kind warning or cut-off
   * @param outcome the decision's outcome
   * @param deliveries how many deliveries this call recorded
   * @param duplicateAlertId true if the alert id had been routed before
   */
  public AlertRouted {
    Require.present(tenant, "tenant");
    Require.present(kind, "kind");
    Require.present(outcome, "outcome");
  }
}
