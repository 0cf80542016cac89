package io.simestate.reliability;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.simestate.jpa.DatabaseVendor;
import io.simestate.jpa.JpaPersistence;
import io.simestate.jpa.JpaSchema;
import jakarta.persistence.EntityManagerFactory;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import javax.sql.DataSource;
import org.mariadb.jdbc.MariaDbDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * One PostgreSQL schema or MariaDB database of its own for one scenario (random name, dropped by
 * {@link #close()}), with the SIM Estate tables applied. A database that cannot be reached fails the
 * scenario: the reliability profile never skips.
 *
 * <p>Connection settings: system properties {@code simestate.test.postgresql.url|user|password} (or
 * {@code SIMESTATE_TEST_POSTGRESQL_URL}, ...), default {@code jdbc:postgresql://127.0.0.1:5432/test},
 * postgres, empty; the same for {@code mariadb} (default {@code jdbc:mariadb://127.0.0.1:3306/test},
 * root, empty).
 */
final class Database implements AutoCloseable {

  final DatabaseVendor vendor;
  final String schema;
  final String url;
  final String user;
  final String password;
  private final List<EntityManagerFactory> factories = new ArrayList<>();
  private final List<HikariDataSource> pools = new ArrayList<>();

  private Database(DatabaseVendor vendor) {
    this.vendor = vendor;
    this.schema = "rel_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    String key = vendor.name().toLowerCase(Locale.ROOT);
    this.url = setting(key, "url", vendor == DatabaseVendor.POSTGRESQL
        ? "jdbc:postgresql://127.0.0.1:5432/test" : "jdbc:mariadb://127.0.0.1:3306/test");
    this.user = setting(key, "user", vendor == DatabaseVendor.POSTGRESQL ? "postgres" : "root");
    this.password = setting(key, "password", "");
    try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
      s.execute(vendor == DatabaseVendor.POSTGRESQL ? "create schema " + schema
          : "create database " + schema + " character set utf8mb4 collate utf8mb4_bin");
    } catch (SQLException e) {
      throw new IllegalStateException("The reliability scenarios need " + vendor + " at " + url
          + " and could not reach it: " + e.getMessage(), e);
    }
    JpaSchema.apply(dataSource(), vendor);
  }

  static Database postgres() {
    return new Database(DatabaseVendor.POSTGRESQL);
  }

  static Database mariadb() {
    return new Database(DatabaseVendor.MARIADB);
  }

  static Database of(DatabaseVendor vendor) {
    return new Database(vendor);
  }

  /** A data source on this scenario's schema, direct to the server. */
  DataSource dataSource() {
    return dataSource("127.0.0.1", port(), "simestate-reliability");
  }

  /** A data source on this scenario's schema through another host and port (a proxy). */
  DataSource dataSource(String host, int port, String applicationName) {
    try {
      if (vendor == DatabaseVendor.POSTGRESQL) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setServerNames(new String[] {host});
        ds.setPortNumbers(new int[] {port});
        ds.setDatabaseName(databaseName());
        ds.setUser(user);
        ds.setPassword(password);
        ds.setCurrentSchema(schema);
        ds.setReWriteBatchedInserts(true);
        ds.setApplicationName(applicationName);
        ds.setConnectTimeout(10);
        ds.setSocketTimeout(60);
        return ds;
      }
      MariaDbDataSource ds = new MariaDbDataSource("jdbc:mariadb://" + host + ":" + port + "/" + schema
          + "?connectTimeout=10000&socketTimeout=60000");
      ds.setUser(user);
      ds.setPassword(password);
      return ds;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The server's port from the configured URL. */
  int port() {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("//[^:/]+:(\\d+)").matcher(url);
    return m.find() ? Integer.parseInt(m.group(1)) : (vendor == DatabaseVendor.POSTGRESQL ? 5432 : 3306);
  }

  private String databaseName() {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("//[^/]+/([^?]+)").matcher(url);
    return m.find() ? m.group(1) : "test";
  }

  /** A JDBC URL on this scenario's schema, for a child JVM. */
  String schemaUrl() {
    return vendor == DatabaseVendor.POSTGRESQL
        ? "jdbc:postgresql://127.0.0.1:" + port() + "/" + databaseName() + "?currentSchema=" + schema
            + "&reWriteBatchedInserts=true"
        : "jdbc:mariadb://127.0.0.1:" + port() + "/" + schema;
  }

  /** A new factory on the data source, validating the mapping; closed with this database. */
  EntityManagerFactory factory(DataSource source) {
    EntityManagerFactory f = factory(source, vendor);
    synchronized (factories) {
      factories.add(f);
    }
    return f;
  }

  static EntityManagerFactory factory(DataSource source, DatabaseVendor vendor) {
    return JpaPersistence.persistenceConfiguration("simestate-reliability-" + vendor)
        .property("hibernate.connection.datasource", source)
        .property("hibernate.hbm2ddl.auto", "validate")
        .property("hibernate.jdbc.batch_size", "50")
        .property("hibernate.order_inserts", "true")
        .createEntityManagerFactory();
  }

  /** A standalone adapter on a new factory with a pool of up to 10 connections, direct to the server. */
  JpaPersistence persistence() {
    return JpaPersistence.standalone(factory(pool(dataSource(), 10)));
  }

  /** A connection pool on a data source; closed with this database. */
  DataSource pool(DataSource source, int size) {
    return pooled(source, size, pools, false);
  }

  static HikariDataSource pooled(DataSource source, int size, List<HikariDataSource> into) {
    return pooled(source, size, into, false);
  }

  static HikariDataSource pooled(DataSource source, int size, List<HikariDataSource> into, boolean autoCommit) {
    HikariConfig config = new HikariConfig();
    config.setDataSource(source);
    config.setMaximumPoolSize(size);
    config.setMinimumIdle(1);
    config.setConnectionTimeout(30_000);
    config.setAutoCommit(autoCommit);
    HikariDataSource pool = new HikariDataSource(config);
    if (into != null) {
      synchronized (into) {
        into.add(pool);
      }
    }
    return pool;
  }

  private DataSource checks;

  /** A connection for checks that bypass the adapter (auto-commit), from a small pool. */
  synchronized Connection connection() throws SQLException {
    if (checks == null) {
      checks = pooled(dataSource(), 3, pools, true);
    }
    return checks.getConnection();
  }

  /** One number from a query. */
  long count(String sql, Object... args) {
    try (Connection c = connection(); PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        ps.setObject(i + 1, args[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  /** Every row of a query, each row's columns joined with '|', in the query's order. */
  List<String> rows(String sql, Object... args) {
    try (Connection c = connection(); PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        ps.setObject(i + 1, args[i]);
      }
      List<String> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        int n = rs.getMetaData().getColumnCount();
        while (rs.next()) {
          StringBuilder row = new StringBuilder();
          for (int i = 1; i <= n; i++) {
            row.append(i > 1 ? "|" : "").append(rs.getString(i));
          }
          out.add(row.toString());
        }
      }
      return out;
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  @Override
  public void close() {
    synchronized (factories) {
      for (EntityManagerFactory f : factories) {
        try {
          f.close();
        } catch (RuntimeException ignored) {
          // dropping the schema anyway
        }
      }
    }
    synchronized (pools) {
      pools.forEach(HikariDataSource::close);
    }
    try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
      s.execute(vendor == DatabaseVendor.POSTGRESQL ? "drop schema " + schema + " cascade" : "drop database " + schema);
    } catch (SQLException e) {
      System.err.println("Could not drop " + schema + ": " + e.getMessage());
    }
  }

  static String setting(String db, String key, String fallback) {
    String value = System.getProperty("simestate.test." + db + "." + key);
    if (value == null) {
      value = System.getenv(("SIMESTATE_TEST_" + db + "_" + key).toUpperCase(Locale.ROOT));
    }
    return value != null ? value : fallback;
  }
}
