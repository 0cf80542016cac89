package io.simestate.core.alert;

import io.simestate.core.TenantId;
import io.simestate.core.sim.Iccid;
import java.util.List;
import java.util.Optional;

/**
 * Port: keeps one routing decision per alert id (F16) and so decides which alert ids are new.
 * The contract is {@code AlertDecisionLogContract} in core's test-jar.
 */
public interface AlertDecisionLog {

  /**
   * Records a decision if its (tenant, alert id) is new. Of concurrent calls for one alert id,
   * exactly one returns true.
   *
   * @param decision the decision
   * @return true if recorded, false if that alert id was recorded before
   */
  boolean record(AlertDecision decision);

  /**
   * Finds the decision for an alert id.
   *
   * @param tenant the tenant
   * @param alertId the alert
   * @return the decision, or empty
   */
  Optional<AlertDecision> find(TenantId tenant, AlertId alertId);

  /**
   * The most recent decisions for alerts on one SIM.
   *
   * @param tenant the tenant
   * @param sim the SIM
   * @param limit the most to return
   * @return the decisions, newest first
   */
  List<AlertDecision> bySim(TenantId tenant, Iccid sim, int limit);
}
