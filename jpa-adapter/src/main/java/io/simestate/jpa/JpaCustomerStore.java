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
import jakarta.persistence.TypedQuery;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Customers with their contacts: read as entities (a customer is small), written with JDBC (one
 * statement for the customer, one batch per kind of contact change); deletion is set-based.
 */
final class JpaCustomerStore implements CustomerStore {

  private static final String FIND = """
      select distinct c from SimEstateCustomer c left join fetch c.contacts
      where c.tenantId = :tenant and c.id = :id""";
  private static final String FIND_BY_NAME = """
      select distinct c from SimEstateCustomer c left join fetch c.contacts
      where c.tenantId = :tenant and c.nameKey = :key""";
  private static final String LIST = """
      select c.id, c.name from SimEstateCustomer c
      where c.tenantId = :tenant and c.nameKey like :pattern escape '!'
      order by c.nameKey, c.id""";
  private static final String COUNT = """
      select count(c) from SimEstateCustomer c
      where c.tenantId = :tenant and c.nameKey like :pattern escape '!'""";

  private static final String CUSTOMER_COLUMNS = "id, tenant_id, version, created_at, name, name_key, street, "
      + "postal_code, city, region, country, phone, email, website, reference, notes, updated_at";
  private static final String UPDATE_CUSTOMER = """
      update simestate_customer set name = ?, name_key = ?, street = ?, postal_code = ?, city = ?, region = ?,
        country = ?, phone = ?, email = ?, website = ?, reference = ?, notes = ?, updated_at = ?,
        version = version + 1
      where id = ? and tenant_id = ? and version = ?""";
  private static final String CONTACT_COLUMNS =
      "name, email, phone, contact_role, alerts_enabled, wants_warning, wants_cut_off, ordinal, customer_id, id";
  private static final String INSERT_CONTACT = "insert into simestate_contact (" + CONTACT_COLUMNS + ") values ("
      + Jdbc.marks(10) + ")";
  private static final String UPDATE_CONTACT = """
      update simestate_contact set name = ?, email = ?, phone = ?, contact_role = ?, alerts_enabled = ?,
        wants_warning = ?, wants_cut_off = ?, ordinal = ?
      where customer_id = ? and id = ?""";

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
      // Built as entities only to reuse the mapping's column checks; written with JDBC (one insert,
      // one batch of contacts), never put in the persistence context.
      CustomerEntity e = new CustomerEntity();
      e.id = customer.id().toString();
      e.version = 1L;
      CustomerMapping.apply(customer, e);
      CustomerMapping.applyContacts(customer, e);
      Jdbc.on(em, c -> {
        DatabaseVendor vendor = Jdbc.vendor(c);
        // The unique key (tenant, name key) is the uniqueness check: no look-up before the insert.
        // PostgreSQL reports a clash as 0 rows (a failed statement would end the transaction); H2
        // and MariaDB raise, and their transaction goes on, so the holder can be read either way.
        boolean inserted;
        try (PreparedStatement ps = c.prepareStatement("insert into simestate_customer (" + CUSTOMER_COLUMNS
            + ") values (" + Jdbc.marks(17) + ")" + (vendor == DatabaseVendor.POSTGRESQL ? " on conflict do nothing" : ""))) {
          bindCustomer(ps, e, vendor);
          inserted = ps.executeUpdate() == 1;
        } catch (SQLException ex) {
          if (!Errors.isConstraintViolation(ex)) {
            throw ex;
          }
          inserted = false;
        }
        if (!inserted) {
          throw duplicate(holder(c, customer).orElse(null), null);
        }
        insertContacts(c, e.contacts);
        return null;
      });
      return CustomerMapping.toDomain(e);
    });
  }

  /**
   * Writes the new state with JDBC: one version-checked UPDATE of the customer row first (it locks
   * the row, in the same order as {@link #delete}: contact writes take a key-share lock on it through
   * their foreign key, and taking that before the version let a concurrent deletion deadlock), then
   * one batch per kind of contact change. The stored state to compare with is the entity the use
   * case loaded in this transaction (no statement), or one read now. The name is looked up only when
   * its key changes; the unique key catches a concurrent rename.
   */
  @Override
  public Customer update(Customer customer) {
    return tx.call(em -> {
      CustomerEntity stored = em.find(CustomerEntity.class, customer.id().toString());
      if (stored == null || !stored.tenantId.equals(customer.tenantId().value())) {
        throw notFound(customer.id());
      }
      if (stored.version != customer.version()) {
        throw stale(customer.id());
      }
      CustomerEntity next = new CustomerEntity();
      next.id = stored.id;
      next.createdAt = stored.createdAt;
      next.version = stored.version + 1;
      CustomerMapping.apply(customer, next);
      CustomerMapping.applyContacts(customer, next);
      boolean renamed = !next.nameKey.equals(stored.nameKey);
      List<ContactEntity> before = List.copyOf(stored.contacts);
      // Written past the persistence context: the loaded entities must not be flushed or read back.
      em.detach(stored);
      Jdbc.on(em, c -> {
        DatabaseVendor vendor = Jdbc.vendor(c);
        if (renamed) {
          Optional<String> holder = holder(c, customer);
          if (holder.isPresent()) {
            throw duplicate(holder.get(), null);
          }
        }
        int updated;
        try (PreparedStatement ps = c.prepareStatement(UPDATE_CUSTOMER)) {
          int i = bindCustomerFields(ps, 1, next, vendor);
          ps.setString(i, next.id);
          ps.setString(i + 1, next.tenantId);
          ps.setLong(i + 2, customer.version());
          updated = ps.executeUpdate();
        } catch (SQLException ex) {
          if (Errors.isConstraintViolation(ex)) {
            // Renamed at the same moment as another customer took the name.
            throw duplicate(null, ex);
          }
          throw ex;
        }
        if (updated != 1) {
          throw stale(customer.id());
        }
        writeContactChanges(c, before, next.contacts);
        return null;
      });
      return CustomerMapping.toDomain(next);
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
   * customer again, then two DELETEs remove the contacts and the customer, in plain JDBC (a JPQL bulk
   * delete's first translation cost more than the statements).
   */
  @Override
  public void delete(TenantId tenant, CustomerId id, long expectedVersion) {
    tx.execute(em -> {
      // The use case may have loaded the customer into this persistence context: it must not be
      // written back after the DELETEs. A reference costs no query.
      em.detach(em.getReference(CustomerEntity.class, id.toString()));
      Jdbc.on(em, c -> {
        // Lock the customer row before removing what refers to it: a concurrent assignment or new
        // contact (whose foreign-key check takes a key-share lock on this row) then waits for the
        // deletion instead of interleaving with it, which PostgreSQL ended as a deadlock.
        try (PreparedStatement ps = c.prepareStatement(
            "select version from simestate_customer where id = ? and tenant_id = ? for update")) {
          ps.setString(1, id.toString());
          ps.setString(2, tenant.value());
          try (java.sql.ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
              throw notFound(id);
            }
            if (rs.getLong(1) != expectedVersion) {
              throw stale(id);
            }
          }
        }
        try (PreparedStatement ps = c.prepareStatement("delete from simestate_contact where customer_id = ?")) {
          ps.setString(1, id.toString());
          ps.executeUpdate();
        }
        int deleted;
        try (PreparedStatement ps = c.prepareStatement(
            "delete from simestate_customer where id = ? and tenant_id = ? and version = ?")) {
          ps.setString(1, id.toString());
          ps.setString(2, tenant.value());
          ps.setLong(3, expectedVersion);
          deleted = ps.executeUpdate();
        } catch (SQLException ex) {
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
        return null;
      });
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

  private static void bindCustomer(PreparedStatement ps, CustomerEntity e, DatabaseVendor vendor) throws SQLException {
    ps.setString(1, e.id);
    ps.setString(2, e.tenantId);
    ps.setLong(3, e.version);
    Jdbc.setInstant(ps, 4, e.createdAt, vendor);
    bindCustomerFields(ps, 5, e, vendor);
  }

  /** Binds name to updated_at, in {@link #CUSTOMER_COLUMNS}' order, from {@code from}; returns the next index. */
  private static int bindCustomerFields(PreparedStatement ps, int from, CustomerEntity e, DatabaseVendor vendor)
      throws SQLException {
    String[] texts = {e.name, e.nameKey, e.street, e.postalCode, e.city, e.region, e.country, e.phone, e.email,
        e.website, e.reference, e.notes};
    for (int i = 0; i < texts.length; i++) {
      Jdbc.setString(ps, from + i, texts[i]);
    }
    Jdbc.setInstant(ps, from + texts.length, e.updatedAt, vendor);
    return from + texts.length + 1;
  }

  private static void bindContact(PreparedStatement ps, ContactEntity k) throws SQLException {
    Jdbc.setString(ps, 1, k.name);
    Jdbc.setString(ps, 2, k.email);
    Jdbc.setString(ps, 3, k.phone);
    Jdbc.setString(ps, 4, k.role);
    ps.setBoolean(5, k.alertsEnabled);
    ps.setBoolean(6, k.wantsWarning);
    ps.setBoolean(7, k.wantsCutOff);
    ps.setInt(8, k.ordinal);
    ps.setString(9, k.customer.id);
    ps.setString(10, k.id);
  }

  private static void insertContacts(Connection c, List<ContactEntity> contacts) throws SQLException {
    batch(c, INSERT_CONTACT, contacts);
  }

  /** Deletes, updates and inserts what differs between the stored contacts and the new ones. */
  private static void writeContactChanges(Connection c, List<ContactEntity> before, List<ContactEntity> after)
      throws SQLException {
    Map<String, ContactEntity> old = new HashMap<>();
    before.forEach(k -> old.put(k.id, k));
    List<ContactEntity> added = new ArrayList<>();
    List<ContactEntity> changed = new ArrayList<>();
    for (ContactEntity k : after) {
      ContactEntity was = old.remove(k.id);
      if (was == null) {
        added.add(k);
      } else if (!sameColumns(was, k)) {
        changed.add(k);
      }
    }
    if (!old.isEmpty()) {
      try (PreparedStatement ps = c.prepareStatement("delete from simestate_contact where customer_id = ? and id = ?")) {
        for (ContactEntity k : old.values()) {
          ps.setString(1, k.customer.id);
          ps.setString(2, k.id);
          ps.addBatch();
        }
        ps.executeBatch();
      }
    }
    batch(c, UPDATE_CONTACT, changed);
    batch(c, INSERT_CONTACT, added);
  }

  private static void batch(Connection c, String sql, List<ContactEntity> contacts) throws SQLException {
    if (contacts.isEmpty()) {
      return;
    }
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      if (contacts.size() == 1) {
        bindContact(ps, contacts.get(0));
        ps.executeUpdate();
        return;
      }
      for (ContactEntity k : contacts) {
        bindContact(ps, k);
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  private static boolean sameColumns(ContactEntity a, ContactEntity b) {
    return a.ordinal == b.ordinal && Objects.equals(a.name, b.name) && Objects.equals(a.email, b.email)
        && Objects.equals(a.phone, b.phone) && Objects.equals(a.role, b.role) && a.alertsEnabled == b.alertsEnabled
        && a.wantsWarning == b.wantsWarning && a.wantsCutOff == b.wantsCutOff;
  }

  /** The id of another customer of the tenant holding the customer's name key. */
  private static Optional<String> holder(Connection c, Customer customer) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "select id from simestate_customer where tenant_id = ? and name_key = ? and id <> ?")) {
      ps.setString(1, customer.tenantId().value());
      ps.setString(2, customer.name().key());
      ps.setString(3, customer.id().toString());
      try (java.sql.ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
      }
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
