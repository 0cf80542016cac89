package io.simestate.jpa;

import jakarta.persistence.EntityManagerFactory;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.hibernate.SessionFactory;
import org.mariadb.jdbc.MariaDbDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * One database the tests run on, with its own schema for this run (dropped when the JVM ends), the
 * migrated SIM Estate tables, an EntityManagerFactory that validates its mapping against them, and a
 * standalone adapter.
 *
 * <p>Which databases are enabled comes from the system property {@code simestate.test.databases}
 * (the {@code databases} Maven profile enables all three). An enabled database that cannot be
 * reached fails its tests. Connection settings come from system properties or environment variables:
 * {@code simestate.test.postgresql.url} / {@code SIMESTATE_TEST_POSTGRESQL_URL} (default
 * {@code jdbc:postgresql://127.0.0.1:5432/test}), {@code .user} (postgres), {@code .password} (empty);
 * the same for {@code mariadb} (default {@code jdbc:mariadb://127.0.0.1:3306/test}, root, empty).
 */
final class TestDatabase {

  private static final Map<DatabaseVendor, TestDatabase> OPEN = new EnumMap<>(DatabaseVendor.class);
  private static final Map<String, TestDatabase> OWN = new java.util.HashMap<>();
  private static final Map<DatabaseVendor, TestDatabase> UPGRADED = new EnumMap<>(DatabaseVendor.class);
  private static final java.util.List<TestDatabase> EMPTY = new java.util.ArrayList<>();

  final DatabaseVendor vendor;
  final String schema;
  final CountingDataSource dataSource;
  final EntityManagerFactory factory;
  final JpaPersistence persistence;

  private TestDatabase(DatabaseVendor vendor) {
    this(vendor, true);
  }

  private TestDatabase(DatabaseVendor vendor, boolean migrated) {
    this(vendor, migrated, c -> { });
  }

  private TestDatabase(DatabaseVendor vendor, boolean migrated, Before before) {
    this.vendor = vendor;
    this.schema = "simestate_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    this.dataSource = new CountingDataSource(createSchema());
    if (migrated) {
      try (Connection c = dataSource.getConnection()) {
        before.accept(c);
      } catch (SQLException e) {
        throw new IllegalStateException("Could not prepare the " + vendor + " test database", e);
      }
      JpaSchema.apply(dataSource, vendor);
      this.factory = entityManagerFactory(dataSource, Map.of());
      this.persistence = JpaPersistence.standalone(factory);
    } else {
      this.factory = null;
      this.persistence = null;
    }
  }

  /** Work on a connection before the schema is applied. */
  @FunctionalInterface
  interface Before {
    void accept(Connection connection) throws SQLException;
  }

  /** The database of this run for a vendor, created on first use. */
  static synchronized TestDatabase of(DatabaseVendor vendor) {
    return OPEN.computeIfAbsent(vendor, TestDatabase::new);
  }

  /**
   * A database of its own on an empty schema (no tables, no factory), for tests that apply the
   * schema scripts themselves, such as upgrades; dropped with the others when the run ends.
   */
  static synchronized TestDatabase empty(DatabaseVendor vendor) {
    TestDatabase db = new TestDatabase(vendor, false);
    EMPTY.add(db);
    return db;
  }

  /**
   * A database of its own as the first version left it, with an estate in that version's tables
   * ({@link EarlierSchema.V1Estate}), then upgraded by {@link JpaSchema#apply}; created on first use.
   */
  static synchronized TestDatabase upgradedFromV1(DatabaseVendor vendor) {
    return UPGRADED.computeIfAbsent(vendor, v -> new TestDatabase(v, true, c -> {
      EarlierSchema.runWithoutHistory(c, v, EarlierSchema.upTo(1));
      EarlierSchema.V1Estate.load(c, v);
    }));
  }

  /**
   * A migrated database of its own for tests that look across every tenant (a purge), kept for the
   * run under its purpose; such tests empty it with {@link #clearAll()} before each test.
   */
  static synchronized TestDatabase own(DatabaseVendor vendor, String purpose) {
    return OWN.computeIfAbsent(vendor + "/" + purpose, k -> new TestDatabase(vendor));
  }

  /** Deletes every row of every SIM Estate table (not the schema history). */
  void clearAll() throws SQLException {
    try (Connection c = connection(); Statement s = c.createStatement()) {
      for (String table : java.util.List.of("simestate_decision_entry", "simestate_alert_decision",
          "simestate_audit_sim", "simestate_audit_event", "simestate_alert_told", "simestate_delivery",
          "simestate_contact", "simestate_sim_assignment", "simestate_customer")) {
        s.executeUpdate("delete from " + table);
      }
    }
  }

  /** Drops the schemas of this run; called once when the test run ends. */
  static synchronized void dropAll() {
    OPEN.values().forEach(TestDatabase::drop);
    OPEN.clear();
    UPGRADED.values().forEach(TestDatabase::drop);
    UPGRADED.clear();
    OWN.values().forEach(TestDatabase::drop);
    OWN.clear();
    EMPTY.forEach(TestDatabase::drop);
    EMPTY.clear();
  }

  /** The vendors this run tests. */
  static Set<DatabaseVendor> enabled() {
    String list = System.getProperty("simestate.test.databases", "h2");
    return Arrays.stream(list.split(",")).map(String::strip).filter(s -> !s.isEmpty())
        .map(s -> DatabaseVendor.valueOf(s.toUpperCase(Locale.ROOT))).collect(Collectors.toSet());
  }

  static boolean enabled(DatabaseVendor vendor) {
    return enabled().contains(vendor);
  }

  /** A new factory on the same schema, validating the mapping; extra Hibernate properties on top. */
  EntityManagerFactory entityManagerFactory(DataSource source, Map<String, Object> extra) {
    var configuration = JpaPersistence.persistenceConfiguration("simestate-test-" + vendor)
        .property("hibernate.connection.datasource", source)
        .property("hibernate.hbm2ddl.auto", "validate")
        .property("hibernate.generate_statistics", "true")
        .property("hibernate.session.events.log", "false")
        .property("hibernate.jdbc.batch_size", "50")
        .property("hibernate.order_inserts", "true");
    extra.forEach(configuration::property);
    return configuration.createEntityManagerFactory();
  }

  /** Statements prepared on this database so far. */
  long statements() {
    return dataSource.statements();
  }

  /** Hibernate's count of prepared statements for the shared factory. */
  long hibernateStatements() {
    return factory.unwrap(SessionFactory.class).getStatistics().getPrepareStatementCount();
  }

  /**
   * The customer's rows of {@code simestate_sim_assignment}, counted in the table: what the customer's
   * kept SIM count must say.
   */
  long simRowsOf(io.simestate.core.customer.CustomerId customer) {
    try (Connection c = connection();
        java.sql.PreparedStatement ps = c.prepareStatement(
            "select count(*) from simestate_sim_assignment where customer_id = ?")) {
      ps.setString(1, customer.toString());
      try (java.sql.ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A plain JDBC connection to this run's schema, for checks that bypass the adapter. */
  Connection connection() throws SQLException {
    return dataSource.getConnection();
  }

  /** Deletes every delivery, for tests that claim across all tenants. */
  void clearOutbox() throws SQLException {
    try (Connection c = connection(); Statement s = c.createStatement()) {
      s.executeUpdate("delete from simestate_delivery");
    }
  }

  private DataSource createSchema() {
    try {
      switch (vendor) {
        case H2 -> {
          JdbcDataSource ds = new JdbcDataSource();
          // A concurrent test waits for another transaction's row locks; those transactions take
          // well under a second, so the lock time-out only ends a hang, even on a busy machine.
          ds.setURL("jdbc:h2:mem:" + schema + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=120000");
          return ds;
        }
        case POSTGRESQL -> {
          String url = setting("postgresql", "url", "jdbc:postgresql://127.0.0.1:5432/test");
          String user = setting("postgresql", "user", "postgres");
          String password = setting("postgresql", "password", "");
          try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
            s.execute("create schema " + schema);
          }
          PGSimpleDataSource ds = new PGSimpleDataSource();
          ds.setURL(url);
          ds.setUser(user);
          ds.setPassword(password);
          ds.setCurrentSchema(schema);
          ds.setReWriteBatchedInserts(true);
          return ds;
        }
        case MARIADB -> {
          String url = setting("mariadb", "url", "jdbc:mariadb://127.0.0.1:3306/test");
          String user = setting("mariadb", "user", "root");
          String password = setting("mariadb", "password", "");
          try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
            s.execute("create database " + schema + " character set utf8mb4 collate utf8mb4_bin");
          }
          MariaDbDataSource ds = new MariaDbDataSource(url.replaceFirst("/[^/?]*(\\?|$)", "/" + schema + "$1"));
          ds.setUser(user);
          ds.setPassword(password);
          return ds;
        }
        default -> throw new IllegalStateException();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot reach the " + vendor + " test database: " + e.getMessage(), e);
    }
  }

  private void drop() {
    try {
      if (factory != null) {
        factory.close();
      }
    } catch (RuntimeException e) {
      // the JVM is ending
    }
    dataSource.closeAll();
    try {
      switch (vendor) {
        case POSTGRESQL -> {
          try (Connection c = DriverManager.getConnection(setting("postgresql", "url",
                  "jdbc:postgresql://127.0.0.1:5432/test"), setting("postgresql", "user", "postgres"),
              setting("postgresql", "password", "")); Statement s = c.createStatement()) {
            s.execute("drop schema " + schema + " cascade");
          }
        }
        case MARIADB -> {
          try (Connection c = DriverManager.getConnection(setting("mariadb", "url", "jdbc:mariadb://127.0.0.1:3306/test"),
              setting("mariadb", "user", "root"), setting("mariadb", "password", "")); Statement s = c.createStatement()) {
            s.execute("drop database " + schema);
          }
        }
        default -> { }
      }
    } catch (SQLException e) {
      System.err.println("Could not drop test schema " + schema + ": " + e.getMessage());
    }
  }

  private static String setting(String db, String key, String fallback) {
    String value = System.getProperty("simestate.test." + db + "." + key);
    if (value == null) {
      value = System.getenv(("SIMESTATE_TEST_" + db + "_" + key).toUpperCase(Locale.ROOT));
    }
    return value != null ? value : fallback;
  }
}
