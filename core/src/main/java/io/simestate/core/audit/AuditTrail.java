package io.simestate.core.audit;

import io.simestate.core.Limits;
import io.simestate.core.TenantId;
import io.simestate.core.customer.CustomerId;
import io.simestate.core.sim.Iccid;
import java.util.List;

/**
 * Port: the administrative record as the library keeps it, read back per customer and per SIM
 * (F11). Implementations also receive the events, as an {@link EventPublisher}. Every method refuses
 * a missing argument or a limit out of range with {@code InvalidInputException}. The contract is
 * {@code AuditTrailContract} in core's test-jar.
 */
public interface AuditTrail extends EventPublisher {

  /**
   * The most recent events about one customer.
   *
   * @param tenant the tenant
   * @param customer the customer
   * @param limit the most to return, 1 to {@value Limits#HISTORY_SIZE}
   * @return the events, newest first
   */
  List<AuditEvent> forCustomer(TenantId tenant, CustomerId customer, int limit);

  /**
   * The most recent events about one SIM.
   *
   * @param tenant the tenant
   * @param sim the SIM
   * @param limit the most to return, 1 to {@value Limits#HISTORY_SIZE}
   * @return the events, newest first
   */
  List<AuditEvent> forSim(TenantId tenant, Iccid sim, int limit);

  /**
   * The most recent events of a tenant.
   *
   * @param tenant the tenant
   * @param limit the most to return, 1 to {@value Limits#HISTORY_SIZE}
   * @return the events, newest first
   */
  List<AuditEvent> recent(TenantId tenant, int limit);
}
