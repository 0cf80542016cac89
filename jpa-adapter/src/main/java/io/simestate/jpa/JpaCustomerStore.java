package io.simestate.jpa;

import io.simestate.core.ConflictException;
import io.simestate.core.InvalidInputException;
import io.simestate.core.NotFoundException;
import io.simestate.core.Page;
import io.simestate.core.PageRequest;
import io.simestate.core.TenantId;
import io.simestate.core.customer.Contact;
import io.simestate.core.customer.Customer;
import io.simestate.core.customer.CustomerId;
import io.simestate.core.customer.CustomerName;
import io.simestate.core.customer.CustomerStore;
import io.simestate.core.customer.CustomerSummary;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Customers with their contacts, read and written with JDBC: a customer with its contacts is one
 * statement to read, one to update and one batch per kind of contact change to write; deletion is
 * set-based. The entities describe the schema to Hibernate and carry the rows to and from
 * {@link CustomerMapping}; none is ever managed in a persistence context.
 */
final class JpaCustomerStore implements CustomerStore {

  /** A customer with its contacts in one statement: one row per contact (one row with none). */
  private static final String READ = """
      select c.id, c.tenant_id, c.version, c.created_at, c.name, c.name_key, c.street, c.postal_code, c.city,
        c.region, c.country, c.phone, c.email, c.website, c.reference, c.notes, c.updated_at,
        k.id, k.name, k.email, k.phone, k.contact_role, k.alerts_enabled, k.wants_warning, k.wants_cut_off
      from simestate_customer c left join simestate_contact k on k.customer_id = c.id
      where c.tenant_id = ? and\s""";
  private static final String FIND = READ + "c.id = ? order by k.ordinal";
  private static final String FIND_BY_NAME = READ + "c.name_key = ? order by k.ordinal";
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
   * Reads the stored state, checks its version, then writes as {@link #update(Customer, Customer)}
   * does: for a caller that did not read the customer in this transaction.
   */
  @Override
  public Customer update(Customer customer) {
    return tx.call(em -> Jdbc.on(em, c -> {
      Customer current = read(c, FIND, customer.tenantId(), customer.id().toString())
          .orElseThrow(() -> notFound(customer.id()));
      if (current.version() != customer.version()) {
        throw stale(customer.id());
      }
      return write(c, current, customer);
    }));
  }

  /**
   * Writes the new state with JDBC, compared with the state the use case read in this transaction
   * (no statement to read it again): one version-checked UPDATE of the customer row first (it locks
   * the row, in the same order as {@link #delete}: contact writes take a key-share lock on it through
   * their foreign key, and taking that before the version let a concurrent deletion deadlock), then
   * one batch per kind of contact change. Every change of a contact raises the customer's version,
   * so a successful version check also proves that the stored contacts are {@code current}'s. The
   * name is looked up only when its key changes; the unique key catches a concurrent rename.
   */
  @Override
  public Customer update(Customer current, Customer next) {
    if (!current.id().equals(next.id()) || !current.tenantId().equals(next.tenantId())) {
      throw InvalidInputException.of("customerId", "the new state must be of the same customer as the state read");
    }
    if (current.version() != next.version()) {
      throw stale(next.id());
    }
    return tx.call(em -> Jdbc.on(em, c -> write(c, current, next)));
  }

  private static Customer write(Connection c, Customer current, Customer customer) throws SQLException {
    CustomerEntity stored = new CustomerEntity();
    stored.id = current.id().toString();
    CustomerMapping.applyContacts(current, stored);
    CustomerEntity next = new CustomerEntity();
    next.id = stored.id;
    next.createdAt = current.createdAt();
    next.version = customer.version() + 1;
    CustomerMapping.apply(customer, next);
    CustomerMapping.applyContacts(customer, next);
    DatabaseVendor vendor = Jdbc.vendor(c);
    if (!next.nameKey.equals(current.name().key())) {
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
      throw exists(c, customer.tenantId(), next.id) ? stale(customer.id()) : notFound(customer.id());
    }
    writeContactChanges(c, stored.contacts, next.contacts);
    return CustomerMapping.toDomain(next);
  }

  /** One JDBC statement; outside a use case's transaction it runs in auto-commit. */
  @Override
  public Optional<Customer> find(TenantId tenant, CustomerId id) {
    return tx.read(c -> read(c, FIND, tenant, id.toString()));
  }

  @Override
  public Optional<Customer> findByName(TenantId tenant, CustomerName name) {
    return tx.read(c -> read(c, FIND_BY_NAME, tenant, name.key()));
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
      Jdbc.on(em, c -> {
        // Lock the customer row before removing what refers to it: a concurrent assignment or new
        // contact (whose foreign-key check takes a key-share lock on this row) then waits for the
        // deletion instead of interleaving with it, which PostgreSQL ended as a deadlock.
        try (PreparedStatement ps = c.prepareStatement(
            "select version from simestate_customer where id = ? and tenant_id = ? for update")) {
          ps.setString(1, id.toString());
          ps.setString(2, tenant.value());
          try (ResultSet rs = ps.executeQuery()) {
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

  /** Reads one customer with its contacts by {@link #FIND} or {@link #FIND_BY_NAME}. */
  private static Optional<Customer> read(Connection c, String sql, TenantId tenant, String key) throws SQLException {
    DatabaseVendor vendor = Jdbc.vendor(c);
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, tenant.value());
      ps.setString(2, key);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        CustomerEntity e = new CustomerEntity();
        e.id = rs.getString(1);
        e.tenantId = rs.getString(2);
        e.version = rs.getLong(3);
        e.createdAt = Jdbc.getInstant(rs, 4, vendor);
        e.name = rs.getString(5);
        e.nameKey = rs.getString(6);
        e.street = rs.getString(7);
        e.postalCode = rs.getString(8);
        e.city = rs.getString(9);
        e.region = rs.getString(10);
        e.country = rs.getString(11);
        e.phone = rs.getString(12);
        e.email = rs.getString(13);
        e.website = rs.getString(14);
        e.reference = rs.getString(15);
        e.notes = rs.getString(16);
        e.updatedAt = Jdbc.getInstant(rs, 17, vendor);
        List<Contact> contacts = new ArrayList<>(4);
        do {
          String contactId = rs.getString(18);
          if (contactId != null) {
            contacts.add(CustomerMapping.contact(contactId, rs.getString(19), rs.getString(20), rs.getString(21),
                rs.getString(22), rs.getBoolean(23), rs.getBoolean(24), rs.getBoolean(25)));
          }
        } while (rs.next());
        return Optional.of(CustomerMapping.toDomain(e, contacts));
      }
    }
  }

  private static boolean exists(Connection c, TenantId tenant, String id) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("select 1 from simestate_customer where id = ? and tenant_id = ?")) {
      ps.setString(1, id);
      ps.setString(2, tenant.value());
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
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
      try (ResultSet rs = ps.executeQuery()) {
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
