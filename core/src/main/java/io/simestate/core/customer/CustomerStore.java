package io.simestate.core.customer;

import io.simestate.core.ConflictException;
import io.simestate.core.NotFoundException;
import io.simestate.core.Page;
import io.simestate.core.PageRequest;
import io.simestate.core.TenantId;
import java.util.Optional;

/**
 * Port: keeps customers with their contacts, scoped by tenant.
 *
 * <p>Implementations must be safe for concurrent use, never return null, and keep names unique per
 * tenant by {@link CustomerName#key()} without scanning every customer. The contract is
 * {@code CustomerStoreContract} in core's test-jar.
 */
public interface CustomerStore {

  /**
   * Stores a new customer with its contacts. The stored version is 1.
   *
   * @param customer the customer, with version 0
   * @return the stored customer, with version 1
   * @throws ConflictException with {@code DUPLICATE_NAME} if the tenant already has a customer
   *     whose name has the same {@link CustomerName#key()}
   */
  Customer insert(Customer customer);

  /**
   * Replaces a customer and its contacts, if its stored version is {@code customer.version()}.
   *
   * @param customer the new state, carrying the version it was based on
   * @return the stored customer, with the version advanced by one
   * @throws NotFoundException if the tenant has no such customer
   * @throws ConflictException with {@code STALE_VERSION} if the stored version differs, or with
   *     {@code DUPLICATE_NAME} if the new name is taken by another customer of the tenant
   */
  Customer update(Customer customer);

  /**
   * Replaces a customer and its contacts, as {@link #update(Customer)} does, given the state the
   * caller read with {@link #find} in the same transaction: a store may compare {@code next} with
   * {@code current} instead of reading the stored state again, and write only what differs. The
   * version check decides as in {@link #update(Customer)}: if the stored version is no longer
   * {@code current.version()}, nothing is written.
   *
   * <p>The default ignores {@code current} and calls {@link #update(Customer)}, which reads the
   * stored state itself.
   *
   * @param current the customer as {@link #find} returned it, unchanged
   * @param next the new state, carrying {@code current}'s id, tenant and version
   * @return the stored customer, with the version advanced by one
   * @throws NotFoundException if the tenant has no such customer
   * @throws ConflictException with {@code STALE_VERSION} if the stored version is not {@code
   *     current.version()} (or {@code next} carries another version), or with {@code DUPLICATE_NAME}
   *     if the new name is taken by another customer of the tenant
   */
  default Customer update(Customer current, Customer next) {
    return update(next);
  }

  /**
   * Finds a customer of a tenant.
   *
   * @param tenant the tenant
   * @param id the customer's id
   * @return the customer with its contacts, or empty if the tenant has no such customer
   */
  Optional<Customer> find(TenantId tenant, CustomerId id);

  /**
   * Finds a customer of a tenant by name: the one whose {@link CustomerName#key()} is the name's.
   *
   * @param tenant the tenant
   * @param name the name; compared by {@link CustomerName#key()}
   * @return the customer with its contacts, or empty
   */
  Optional<Customer> findByName(TenantId tenant, CustomerName name);

  /**
   * Deletes a customer with its contacts, if its stored version is {@code expectedVersion}. The
   * caller releases the customer's SIMs first ({@link io.simestate.core.sim.SimAssignmentStore#unassignAll}),
   * in the same transaction; a store whose SIM assignments refer to the customer (a foreign key)
   * answers a customer that still holds SIMs with the {@code STALE_VERSION} conflict.
   *
   * @param tenant the tenant
   * @param id the customer's id
   * @param expectedVersion the version the caller saw
   * @throws NotFoundException if the tenant has no such customer
   * @throws ConflictException with {@code STALE_VERSION} if the stored version differs
   */
  void delete(TenantId tenant, CustomerId id, long expectedVersion);

  /**
   * Lists a tenant's customers sorted by {@link CustomerName#key()} (then by id).
   *
   * @param tenant the tenant
   * @param nameContains only names whose key contains {@link CustomerName#searchKey(String)} of this
   *     text (so case, invisible characters and compatibility forms do not matter); empty for all
   * @param page which slice
   * @return the page, never null
   */
  Page<CustomerSummary> list(TenantId tenant, Optional<String> nameContains, PageRequest page);
}
