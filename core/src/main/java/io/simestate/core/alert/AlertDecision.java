package io.simestate.core.alert;

import io.simestate.core.TenantId;
import io.simestate.core.customer.CustomerId;
import io.simestate.core.internal.Require;
import java.time.Instant;
import java.util.List;

/**
 * The record of how one alert was routed (F16): who was chosen, who was skipped and why.
 *
 * @param tenantId the tenant
 * @param alert the alert
 * @param outcome the decision as a whole
 * @param customerId the SIM's customer at routing time, or null if it had none
 * @param customerName that customer's name at routing time, or null
 * @param chosen the recipients, in the order of the customer's contacts (or catch-all list)
 * @param skipped the recipients that were left out, with every reason: first the customer's contacts
 *     the routing rules excluded, in the order of the contacts, then the recipients that were told of
 *     the same SIM, kind and period already ({@link SkipReason#ALREADY_TOLD}), in the order they
 *     would have been chosen
 * @param decidedAt when routing decided
 */
public record AlertDecision(
    TenantId tenantId,
    UsageAlert alert,
    RoutingOutcome outcome,
    CustomerId customerId,
    String customerName,
    List<Recipient> chosen,
    List<SkippedContact> skipped,
    Instant decidedAt) {

  /**
   * Checks presence and copies the lists.
   *
   * @param tenantId the tenant
   * @param alert the alert
   * @param outcome the decision as a whole
   * @param customerId the SIM's customer at routing time, or null if it had none
   * @param customerName that customer's name at routing time, or null
   * @param chosen the recipients, in the order of the customer's contacts (or catch-all list)
   * @param skipped the recipients that were left out, with every reason
   * @param decidedAt when routing decided
   */
  public AlertDecision {
    Require.present(tenantId, "tenantId");
    Require.present(alert, "alert");
    Require.present(outcome, "outcome");
    Require.present(decidedAt, "decidedAt");
    chosen = List.copyOf(chosen);
    skipped = List.copyOf(skipped);
  }
}
