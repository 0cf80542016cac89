package io.simestate.benchmarks;

import io.simestate.core.customer.Contact;
import io.simestate.core.customer.ContactDetails;
import io.simestate.core.customer.Customer;
import io.simestate.core.customer.CustomerDetails;
import io.simestate.core.estate.SimEstate;
import io.simestate.jpa.JpaPersistence;
import jakarta.persistence.EntityManagerFactory;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Benchmark 9: customer and contact writes through the JPA adapter (standalone mode), on H2 and on
 * PostgreSQL, as a portal's forms make them. "Create" is a customer with 3 alerted contacts, the way a
 * portal's "new customer" form submits it: {@code customers().create(tenant, actor, details, contacts)},
 * one use case; baseline: one transaction with the customer row, the contact rows in one batch and
 * one audit event. "Create in four" is the same customer made by {@code create} and three {@code
 * addContact}, four use cases, against four raw transactions. "Edit" is {@code updateContact}
 * of one contact of an existing customer (round robin over {@value #EDITED} customers). The
 * baselines are raw JDBC with the same transactions and rows: the customer row, each contact row,
 * the customer's version raised with the version checked ({@code where version = ?}, one row or a
 * conflict) on every contact change, and one audit event per use case. Statements per operation,
 * both sides, are counted in setup and written to the side results. Target: ours ≥ 0.5× the
 * baseline's throughput.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-Dorg.jboss.logging.provider=slf4j"})
@State(Scope.Benchmark)
public class JpaCustomerWritesBenchmark {

  private static final int EDITED = 100;
  private static final int CONTACTS = 3;

  /** The database: {@code h2} (in memory) or {@code postgresql} (the local server). */
  @Param({"h2", "postgresql"})
  public String db;

  private BenchDatabase database;
  private SimEstate estate;
  private Customer[] edited;
  private long[] versions;
  private long next;

  /** Creates the schema and the customers to edit, and counts the statements of each operation. */
  @Setup(Level.Trial)
  public void setUp() throws SQLException {
    database = BenchDatabase.open(db);
    estate = SimEstate.builder().persistence(JpaPersistence.standalone(database.factory)).build();
    edited = Estates.populate(estate, EDITED, CONTACTS, 0).stream()
        .map(c -> estate.customers().get(Estates.TENANT, c.id())).toArray(Customer[]::new);
    versions = new long[EDITED];
    for (int i = 0; i < EDITED; i++) {
      versions[i] = edited[i].version();
    }
    countStatements();
  }

  private void countStatements() throws SQLException {
    StatementCounter counter = new StatementCounter();
    DataSource source = counter.wrap(database.dataSource);
    EntityManagerFactory counted = BenchDatabase.entityManagerFactory(source);
    try {
      SimEstate probe = SimEstate.builder().persistence(JpaPersistence.standalone(counted)).build();
      String key = "jpaCustomerWrites." + db + ".";
      // Not counted: the first use case of a tenant reads its settings once (the notice switch).
      createInOne(probe, "Counted warm-up");
      long before = counter.executed();
      createInOne(probe, "Counted customer in one");
      SideResults.record(key + "statementsPerCreate", counter.executed() - before);
      before = counter.executed();
      rawCreateInOne(source, "Counted raw customer in one");
      SideResults.record(key + "baselineStatementsPerCreate", counter.executed() - before);
      before = counter.executed();
      Customer created = createWithContacts(probe, "Counted customer");
      SideResults.record(key + "statementsPerCreateInFour", counter.executed() - before);
      Contact first = probe.customers().get(Estates.TENANT, created.id()).contacts().get(0);
      before = counter.executed();
      probe.customers().updateContact(Estates.TENANT, Estates.ACTOR, created.id(), first.id(), edit(first, 1));
      SideResults.record(key + "statementsPerEdit", counter.executed() - before);
      before = counter.executed();
      String[] raw = rawCreate(source, "Counted raw customer");
      SideResults.record(key + "baselineStatementsPerCreateInFour", counter.executed() - before);
      before = counter.executed();
      rawEdit(source, raw[0], raw[1], CONTACTS + 1L, 1);
      SideResults.record(key + "baselineStatementsPerEdit", counter.executed() - before);
    } finally {
      counted.close();
    }
  }

  /** Drops the schema. */
  @TearDown(Level.Trial)
  public void tearDown() {
    database.close();
  }

  /** Ours: a customer with 3 alerted contacts, one use case (a portal's "new customer" form). */
  @Benchmark
  public Customer oursCreate() {
    return createInOne(estate, "Customer new " + next++);
  }

  /** Baseline: the same rows in raw JDBC, one transaction (contacts in one batch). */
  @Benchmark
  public String baselineCreate() throws SQLException {
    return rawCreateInOne(database.dataSource, "Customer new " + next++);
  }

  /** Ours: a customer with 3 alerted contacts, four use cases. */
  @Benchmark
  public Customer oursCreateInFour() {
    return createWithContacts(estate, "Customer new " + next++);
  }

  /** Baseline: the same rows in raw JDBC, four transactions. */
  @Benchmark
  public String[] baselineCreateInFour() throws SQLException {
    return rawCreate(database.dataSource, "Customer new " + next++);
  }

  /** Ours: edits one contact (name and phone) of an existing customer. */
  @Benchmark
  public Contact oursEdit() {
    long n = next++;
    Customer customer = edited[(int) (n % EDITED)];
    Contact contact = customer.contacts().get(0);
    return estate.customers().updateContact(Estates.TENANT, Estates.ACTOR, customer.id(), contact.id(), edit(contact, n));
  }

  /** Baseline: the contact update, the customer's version raised with the version checked, an audit event. */
  @Benchmark
  public long baselineEdit() throws SQLException {
    long n = next++;
    int i = (int) (n % EDITED);
    Customer customer = edited[i];
    versions[i] = rawEdit(database.dataSource, customer.id().toString(), customer.contacts().get(0).id().toString(),
        versions[i], n);
    return versions[i];
  }

  private static Customer createWithContacts(SimEstate on, String name) {
    Customer c = on.customers().create(Estates.TENANT, Estates.ACTOR, CustomerDetails.named(name));
    for (int k = 0; k < CONTACTS; k++) {
      on.customers().addContact(Estates.TENANT, Estates.ACTOR, c.id(), alerted(k, c.id().toString()));
    }
    return c;
  }

  private static Customer createInOne(SimEstate on, String name) {
    String tag = UUID.randomUUID().toString();
    List<ContactDetails> contacts = new ArrayList<>(CONTACTS);
    for (int k = 0; k < CONTACTS; k++) {
      contacts.add(alerted(k, tag));
    }
    return on.customers().create(Estates.TENANT, Estates.ACTOR, CustomerDetails.named(name), contacts);
  }

  private static ContactDetails alerted(int k, String customerId) {
    return ContactDetails.alerted("Contact " + k, "c" + k + "." + customerId.substring(0, 8) + "@example.com");
  }

  private static ContactDetails edit(Contact contact, long n) {
    return ContactDetails.from(contact).withName("Contact edited " + n).withPhone("+44 20 7946 " + (1000 + n % 9000));
  }

  /** The raw create in one transaction: returns the customer's id. */
  private static String rawCreateInOne(DataSource source, String name) throws SQLException {
    String customerId = UUID.randomUUID().toString();
    try (Connection c = source.getConnection()) {
      c.setAutoCommit(false);
      try {
        insertCustomer(c, customerId, name);
        StringBuilder summary = new StringBuilder("Created customer ").append(name);
        try (PreparedStatement ps = c.prepareStatement(INSERT_CONTACT)) {
          for (int k = 0; k < CONTACTS; k++) {
            ContactDetails d = alerted(k, customerId);
            bindContact(ps, UUID.randomUUID().toString(), customerId, k, d);
            ps.addBatch();
            summary.append(k == 0 ? " with contact " : ", ").append(d.name()).append(" (alerts on: warning and cut-off)");
          }
          ps.executeBatch();
        }
        audit(c, customerId, "CUSTOMER_CREATED", summary.toString());
        c.commit();
      } finally {
        c.rollback();
        c.setAutoCommit(true);
      }
    }
    return customerId;
  }

  private static final String INSERT_CONTACT = "insert into simestate_contact (id, customer_id, ordinal, name, "
      + "email, alerts_enabled, wants_warning, wants_cut_off) values (?, ?, ?, ?, ?, true, true, true)";

  private static void bindContact(PreparedStatement ps, String contactId, String customerId, int k, ContactDetails d)
      throws SQLException {
    ps.setString(1, contactId);
    ps.setString(2, customerId);
    ps.setInt(3, k);
    ps.setString(4, d.name());
    ps.setString(5, d.email());
  }

  private static void insertCustomer(Connection c, String customerId, String name) throws SQLException {
    Timestamp now = Timestamp.from(Instant.now());
    try (PreparedStatement ps = c.prepareStatement("insert into simestate_customer (id, tenant_id, name, name_key, "
        + "version, created_at, updated_at) values (?, ?, ?, ?, 1, ?, ?)")) {
      ps.setString(1, customerId);
      ps.setString(2, Estates.TENANT.value());
      ps.setString(3, name);
      ps.setString(4, name.toLowerCase(Locale.ROOT));
      ps.setTimestamp(5, now);
      ps.setTimestamp(6, now);
      ps.executeUpdate();
    }
  }

  /** The raw create: returns the customer's and its first contact's ids. */
  private static String[] rawCreate(DataSource source, String name) throws SQLException {
    String customerId = UUID.randomUUID().toString();
    String firstContact = null;
    try (Connection c = source.getConnection()) {
      c.setAutoCommit(false);
      try {
        insertCustomer(c, customerId, name);
        audit(c, customerId, "CUSTOMER_CREATED", "Created customer " + name);
        c.commit();
        for (int k = 0; k < CONTACTS; k++) {
          String contactId = UUID.randomUUID().toString();
          firstContact = firstContact == null ? contactId : firstContact;
          ContactDetails d = alerted(k, customerId);
          try (PreparedStatement ps = c.prepareStatement(INSERT_CONTACT)) {
            bindContact(ps, contactId, customerId, k, d);
            ps.executeUpdate();
          }
          raiseVersion(c, customerId, k + 1L);
          audit(c, customerId, "CONTACT_ADDED", "Added contact " + d.name() + " with alerts on to " + name);
          c.commit();
        }
      } finally {
        c.rollback();
        c.setAutoCommit(true);
      }
    }
    return new String[] {customerId, firstContact};
  }

  /** The raw edit of a contact of a customer at {@code version}; returns the new version. */
  private static long rawEdit(DataSource source, String customerId, String contactId, long version, long n)
      throws SQLException {
    try (Connection c = source.getConnection()) {
      c.setAutoCommit(false);
      try {
        raiseVersion(c, customerId, version);
        try (PreparedStatement ps = c.prepareStatement("update simestate_contact set name = ?, phone = ? "
            + "where id = ? and customer_id = ?")) {
          ps.setString(1, "Contact edited " + n);
          ps.setString(2, "+44 20 7946 " + (1000 + n % 9000));
          ps.setString(3, contactId);
          ps.setString(4, customerId);
          if (ps.executeUpdate() != 1) {
            throw new IllegalStateException("contact " + contactId + " not found");
          }
        }
        audit(c, customerId, "CONTACT_UPDATED", "Edited contact Contact edited " + n);
        c.commit();
      } finally {
        c.rollback();
        c.setAutoCommit(true);
      }
    }
    return version + 1;
  }

  /** The version check: raises the customer's version if it is still {@code version}, else fails. */
  private static void raiseVersion(Connection c, String customerId, long version) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("update simestate_customer set version = version + 1, "
        + "updated_at = ? where id = ? and tenant_id = ? and version = ?")) {
      ps.setTimestamp(1, Timestamp.from(Instant.now()));
      ps.setString(2, customerId);
      ps.setString(3, Estates.TENANT.value());
      ps.setLong(4, version);
      if (ps.executeUpdate() != 1) {
        throw new IllegalStateException("customer " + customerId + " changed meanwhile (not at version " + version + ")");
      }
    }
  }

  private static void audit(Connection c, String customerId, String type, String summary) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("insert into simestate_audit_event (id, tenant_id, event_type, actor, "
        + "occurred_at, customer_id, summary, sim_count) values (?, ?, ?, ?, ?, ?, ?, 0)")) {
      ps.setString(1, UUID.randomUUID().toString());
      ps.setString(2, Estates.TENANT.value());
      ps.setString(3, type);
      ps.setString(4, Estates.ACTOR.name());
      ps.setTimestamp(5, Timestamp.from(Instant.now()));
      ps.setString(6, customerId);
      ps.setString(7, summary);
      ps.executeUpdate();
    }
  }
}
