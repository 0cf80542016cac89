package io.simestate.core.alert;

import io.simestate.core.TenantId;
import io.simestate.core.sim.Iccid;
import java.util.Optional;

/**
 * Port: answers "who holds SIM X" for routing, in one lookup (in a database, one query joining
 * assignment, customer and contacts). The contract is {@code RecipientDirectoryContract} in core's
 * test-jar.
 */
@FunctionalInterface
public interface RecipientDirectory {

  /**
   * The customer that holds a SIM in a tenant, with its contacts.
   *
   * @param tenant the tenant
   * @param sim the SIM
   * @return the holder, or empty if the SIM has no customer in this tenant
   */
  Optional<SimHolder> holderOf(TenantId tenant, Iccid sim);
}
