package io.simestate.core.sim;

import io.simestate.core.ConflictException;
import io.simestate.core.Page;
import io.simestate.core.PageRequest;
import io.simestate.core.TenantId;
import io.simestate.core.customer.CustomerId;
import java.util.Collection;
import java.util.Optional;

/**
 * Port: which SIM is assigned to which customer. A SIM has at most one customer, and an ICCID
 * belongs to at most one tenant's customer.
 *
 * <p>Implementations must be safe for concurrent use, never return null, look up one SIM in O(1)
 * (never a scan of all SIMs), and handle a million SIMs in one call without holding them all in
 * memory at once (the collections passed in may be lazy, such as {@link IccidRange}; iterate them
 * at most twice). The contract is {@code SimAssignmentStoreContract} in core's test-jar.
 */
public interface SimAssignmentStore {

  /**
   * Assigns SIMs to a customer of the tenant, moving those held by another customer of the same
   * tenant. Either every SIM is assigned or, on an exception, none is changed.
   *
   * @param tenant the tenant
   * @param customer the customer, which the caller has checked exists in the tenant
   * @param sims the SIMs, without duplicates
   * @return what changed, with the previous customers of moved SIMs
   * @throws ConflictException with {@code SIM_HELD_ELSEWHERE} if any SIM is assigned to a customer
   *     of another tenant; its message lists some of them
   */
  AssignmentChanges assign(TenantId tenant, CustomerId customer, Collection<Iccid> sims);

  /**
   * Removes the assignment of SIMs held by customers of the tenant. SIMs that are not assigned, or
   * assigned in another tenant, are counted as unchanged and left alone.
   *
   * @param tenant the tenant
   * @param sims the SIMs, without duplicates
   * @return what changed, with how many SIMs each customer lost
   */
  AssignmentChanges unassign(TenantId tenant, Collection<Iccid> sims);

  /**
   * Removes every assignment of one customer, in one operation.
   *
   * @param tenant the tenant
   * @param customer the customer
   * @return how many SIMs lost their customer
   */
  long unassignAll(TenantId tenant, CustomerId customer);

  /**
   * The customer a SIM is assigned to within a tenant.
   *
   * @param tenant the tenant
   * @param sim the SIM
   * @return the customer, or empty if the SIM has none in this tenant
   */
  Optional<CustomerId> customerOf(TenantId tenant, Iccid sim);

  /**
   * How many SIMs a customer holds.
   *
   * @param tenant the tenant
   * @param customer the customer
   * @return the count, 0 for an unknown customer
   */
  long countOf(TenantId tenant, CustomerId customer);

  /**
   * A customer's SIMs, sorted by ICCID ({@link Iccid#compareTo}: by length, then digits).
   *
   * @param tenant the tenant
   * @param customer the customer
   * @param page which slice
   * @return the page, never null
   */
  Page<Iccid> simsOf(TenantId tenant, CustomerId customer, PageRequest page);
}
