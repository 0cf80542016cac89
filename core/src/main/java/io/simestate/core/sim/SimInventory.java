package io.simestate.core.sim;

import io.simestate.core.TenantId;

/**
 * Port (optional): tells whether an ICCID exists in the host's SIM estate, so that typing errors are
 * caught when SIMs are assigned. The default, {@link #acceptAll()}, accepts every valid ICCID.
 */
@FunctionalInterface
public interface SimInventory {

  /**
   * Whether the host knows this SIM for the tenant.
   *
   * @param tenant the tenant
   * @param sim the SIM
   * @return true if the SIM may be assigned
   */
  boolean exists(TenantId tenant, Iccid sim);

  /**
   * The default inventory that accepts every valid ICCID.
   *
   * @return the inventory
   */
  static SimInventory acceptAll() {
    return (tenant, sim) -> true;
  }
}
