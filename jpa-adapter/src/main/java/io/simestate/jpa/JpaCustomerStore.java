package io.simestate.jpa;

import io.simestate.core.ConflictException;
import io.simestate.core.InvalidInputException;
import io.simestate.core.NotFoundException;
import io.simestate.core.Page;
import io.simestate.core.PageRequest;
import io.simestate.core.TenantId;
import io.simestate.core.customer.Customer;
import io.simestate.core.customer.CustomerId;
import io.simestate.core.customer.CustomerName;
import io.simestate.core.customer.CustomerStore;
import io.simestate.core.customer.CustomerSummary;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.TypedQuery;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Customers with their contacts, as entities (a customer is small); deletion is set-based. */
final class JpaCustomerStore implements CustomerStore {

  private static final String FIND = """
      select distinct c from SimEstateCustomer c left join fetch c.contacts
      where c.tenantId = :tenant and c.id = :id""";
  private static final String FIND_BY_NAME = """
      select distinct c from SimEstateCustomer c left join fetch c.contacts
      where c.tenantId = :tenant and c.nameKey = :key""";
  private static final String NAME_TAKEN = """
      select c.id from SimEstateCustomer c
      where c.tenantId = :tenant and c.nameKey = :key and c.id <> :id""";
  private static final String LIST = """
      select c.id, c.name from SimEstateCustomer c
      where c.tenantId = :tenant and c.nameKey like :pattern escape '!'
      order by c.nameKey, c.id""";
  private static final String COUNT = """
      select count(c) from SimEstateCustomer c
      where c.tenantId = :tenant and c.nameKey like :pattern escape '!'""";

  private final JpaTransactions tx;

  JpaCustomerStore(JpaTransactions tx) {
    this.tx = tx;
  }

  @Override
  public Customer insert(Customer customer) {
    return tx.call(em -> {
      if (customer.version() != 0) {
        throw InvalidInputException.of("version", "a new customer has version 0");
      }
      requireNameFree(em, customer);
      CustomerEntity e = new CustomerEntity();
      e.id = customer.id().toString();
      CustomerMapping.apply(customer, e);
      CustomerMapping.applyContacts(customer, e);
      em.persist(e);
      flush(em, customer);
      return CustomerMapping.toDomain(e);
    });
  }

  @Override
  public Customer update(Customer customer) {
    return tx.call(em -> {
      // Lock the customer row before touching its contacts, in the same order as delete: writing
      // contact rows first (their foreign key share-locks this row) and the version last let a
      // concurrent deletion deadlock with the edit.
      em.createNativeQuery("select id from simestate_customer where id = ?1 for update")
          .setParameter(1, customer.id().toString()).getResultList();
      CustomerEntity e = load(em, customer.tenantId(), customer.id())
          .orElseThrow(() -> notFound(customer.id()));
      if (e.version != customer.version()) {
        throw stale(customer.id());
      }
      requireNameFree(em, customer);
      boolean changed = CustomerMapping.apply(customer, e);
      CustomerMapping.applyContacts(customer, e);
      if (!changed) {
        // The version must advance even if only contacts (or nothing) changed.
        em.lock(e, LockModeType.PESSIMISTIC_FORCE_INCREMENT);
      }
      flush(em, customer);
      return CustomerMapping.toDomain(e);
    });
  }

  @Override
  public Optional<Customer> find(TenantId tenant, CustomerId id) {
    return tx.call(em -> load(em, tenant, id).map(CustomerMapping::toDomain));
  }

  @Override
  public Optional<Customer> findByName(TenantId tenant, CustomerName name) {
    return tx.call(em -> em.createQuery(FIND_BY_NAME, CustomerEntity.class)
        .setParameter("tenant", tenant.value())
        .setParameter("key", name.key())
        .getResultStream().findFirst().map(CustomerMapping::toDomain));
  }

  /**
   * Deletes the customer and its contacts; its SIMs must be unassigned already (the use case does it
   * in the same transaction). One statement reads the version and locks the row, without loading the
   * customer again, then two bulk DELETEs remove the contacts and the customer.
   */
  @Override
  public void delete(TenantId tenant, CustomerId id, long expectedVersion) {
    tx.execute(em -> {
      em.flush();
      // Lock the customer row before removing what refers to it: a concurrent assignment or new
      // contact (whose foreign-key check takes a key-share lock on this row) then waits for the
      // deletion instead of interleaving with it, which PostgreSQL ended as a deadlock.
      List<?> versions = em.createNativeQuery(
              "select version from simestate_customer where id = ?1 and tenant_id = ?2 for update")
          .setParameter(1, id.toString())
          .setParameter(2, tenant.value())
          .getResultList();
      if (versions.isEmpty()) {
        throw notFound(id);
      }
      if (((Number) versions.get(0)).longValue() != expectedVersion) {
        throw stale(id);
      }
      // The use case may have loaded the customer into this persistence context: it must not be
      // written back after the bulk DELETEs. A reference costs no query.
      em.detach(em.getReference(CustomerEntity.class, id.toString()));
      em.createQuery("delete from SimEstateContact k where k.customer.id = :id")
          .setParameter("id", id.toString()).executeUpdate();
      int deleted;
      try {
        deleted = em.createQuery(
                "delete from SimEstateCustomer c where c.id = :id and c.tenantId = :tenant and c.version = :version")
            .setParameter("id", id.toString())
            .setParameter("tenant", tenant.value())
            .setParameter("version", expectedVersion)
            .executeUpdate();
      } catch (PersistenceException ex) {
        // SIMs still refer to the customer: they were assigned by a concurrent transaction after the
        // use case released them, or the caller did not release them; either way it changed.
        if (Errors.isConstraintViolation(ex)) {
          throw stale(id);
        }
        throw ex;
      }
      if (deleted == 0) {
        throw stale(id);
      }
    });
  }

  @Override
  public Page<CustomerSummary> list(TenantId tenant, Optional<String> nameContains, PageRequest page) {
    String pattern = "%" + escapeLike(nameContains.map(JpaCustomerStore::fold).orElse("")) + "%";
    return tx.call(em -> {
      List<Object[]> rows = em.createQuery(LIST, Object[].class)
          .setParameter("tenant", tenant.value())
          .setParameter("pattern", pattern)
          .setFirstResult(page.offset())
          .setMaxResults(page.limit())
          .getResultList();
      long total = em.createQuery(COUNT, Long.class)
          .setParameter("tenant", tenant.value())
          .setParameter("pattern", pattern)
          .getSingleResult();
      List<CustomerSummary> items = rows.stream()
          .map(r -> new CustomerSummary(new CustomerId(UUID.fromString((String) r[0])), (String) r[1]))
          .toList();
      return new Page<>(items, total, page);
    });
  }

  private static Optional<CustomerEntity> load(EntityManager em, TenantId tenant, CustomerId id) {
    TypedQuery<CustomerEntity> q = em.createQuery(FIND, CustomerEntity.class)
        .setParameter("tenant", tenant.value())
        .setParameter("id", id.toString());
    return q.getResultStream().findFirst();
  }

  private static void requireNameFree(EntityManager em, Customer customer) {
    Optional<String> holder = em.createQuery(NAME_TAKEN, String.class)
        .setParameter("tenant", customer.tenantId().value())
        .setParameter("key", customer.name().key())
        .setParameter("id", customer.id().toString())
        .getResultStream().findFirst();
    if (holder.isPresent()) {
      throw duplicate(holder.get(), null);
    }
  }

  /** Flushes now so that a concurrent duplicate name or edit surfaces as a conflict here. */
  private static void flush(EntityManager em, Customer customer) {
    try {
      em.flush();
    } catch (PersistenceException e) {
      RuntimeException translated = Errors.translate(e);
      if (translated instanceof ConflictException) {
        throw translated;
      }
      if (Errors.isConstraintViolation(e)) {
        // The other customer was created at the same moment; this transaction cannot read it.
        throw duplicate(null, e);
      }
      throw translated;
    }
  }

  /**
   * Folds search text the way {@code CustomerName.key()} folds names, so that the search runs on the
   * indexed key column ("ß" finds "Große", whose key holds "ss").
   */
  static String fold(String text) {
    return CustomerName.searchKey(text);
  }

  static String escapeLike(String text) {
    return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
  }

  private static NotFoundException notFound(CustomerId id) {
    return new NotFoundException("Customer " + id + " not found");
  }

  private static ConflictException stale(CustomerId id) {
    return new ConflictException(ConflictException.Reason.STALE_VERSION,
        "Customer " + id + " was changed by someone else in the meantime; reload it and try again");
  }

  private static ConflictException duplicate(String holder, Throwable cause) {
    return ConflictException.duplicateName("Another customer of this account already has this name "
        + "(names are compared ignoring case, invisible characters and look-alike forms)", holder, cause);
  }
}
