package io.simestate.benchmarks;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.simestate.jpa.DatabaseVendor;
import io.simestate.jpa.JpaPersistence;
import io.simestate.jpa.JpaSchema;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceConfiguration;
import jakarta.persistence.ValidationMode;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * A database for one benchmark fork: a fresh schema (PostgreSQL) or in-memory database (H2) with the
 * adapter's tables from its own scripts, a HikariCP pool that the adapter and the raw JDBC baselines
 * share, and an EntityManagerFactory for the adapter. PostgreSQL settings come from
 * {@code SIMESTATE_BENCH_PG_URL} (default {@code jdbc:postgresql://127.0.0.1:5432/test}),
 * {@code SIMESTATE_BENCH_PG_USER} (postgres) and {@code SIMESTATE_BENCH_PG_PASSWORD} (empty).
 */
final class BenchDatabase implements AutoCloseable {

  final DatabaseVendor vendor;
  final String schema;
  final HikariDataSource dataSource;
  final EntityManagerFactory factory;

  private final List<HikariDataSource> extraPools = new ArrayList<>();

  private BenchDatabase(DatabaseVendor vendor, int poolSize) {
    this.vendor = vendor;
    this.schema = "simestate_bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    if (vendor == DatabaseVendor.POSTGRESQL) {
      try (Connection c = DriverManager.getConnection(pgUrl(), pgUser(), pgPassword());
          Statement s = c.createStatement()) {
        s.execute("create schema " + schema);
      } catch (SQLException e) {
        throw new IllegalStateException("Cannot reach PostgreSQL at " + pgUrl() + ": " + e.getMessage(), e);
      }
    }
    this.dataSource = new HikariDataSource(config(poolSize, "bench"));
    JpaSchema.apply(dataSource, vendor);
    this.factory = entityManagerFactory(dataSource);
  }

  private HikariConfig config(int poolSize, String name) {
    HikariConfig config = new HikariConfig();
    config.setMaximumPoolSize(poolSize);
    config.setPoolName(name);
    if (vendor == DatabaseVendor.POSTGRESQL) {
      config.setJdbcUrl(pgUrl());
      config.setUsername(pgUser());
      config.setPassword(pgPassword());
      config.addDataSourceProperty("currentSchema", schema);
      config.addDataSourceProperty("reWriteBatchedInserts", "true");
    } else {
      config.setJdbcUrl("jdbc:h2:mem:" + schema + ";DB_CLOSE_DELAY=-1");
    }
    return config;
  }

  /**
   * A second pool on the same schema whose connections run {@code initSql} first (a diagnostic's
   * session setting); closed with the database.
   */
  HikariDataSource extraPool(int poolSize, String initSql) {
    HikariConfig config = config(poolSize, "bench-extra-" + extraPools.size());
    config.setConnectionInitSql(initSql);
    HikariDataSource pool = new HikariDataSource(config);
    extraPools.add(pool);
    return pool;
  }

  /**
   * Opens a database.
   *
   * @param name {@code h2} or {@code postgresql}
   */
  static BenchDatabase open(String name) {
    return open(name, 4);
  }

  /**
   * Opens a database with a pool of {@code poolSize} connections (for benchmarks with several threads).
   *
   * @param name {@code h2} or {@code postgresql}
   */
  static BenchDatabase open(String name, int poolSize) {
    return new BenchDatabase(DatabaseVendor.valueOf(name.toUpperCase(Locale.ROOT)), poolSize);
  }

  /** The adapter's factory as a host would configure it: JDBC batching on, no schema generation. */
  static EntityManagerFactory entityManagerFactory(DataSource source) {
    PersistenceConfiguration configuration = JpaPersistence.persistenceConfiguration("simestate-bench")
        .property("hibernate.connection.datasource", source)
        .property("hibernate.hbm2ddl.auto", "none")
        // The library validates its inputs itself; Hibernate's Bean Validation integration would need EL.
        .validationMode(ValidationMode.NONE)
        .property("hibernate.jdbc.batch_size", "50")
        .property("hibernate.order_inserts", "true");
    return configuration.createEntityManagerFactory();
  }

  Connection connection() throws SQLException {
    return dataSource.getConnection();
  }

  /** Runs statements in one auto-committed connection. */
  void execute(String... sql) {
    try (Connection c = connection(); Statement s = c.createStatement()) {
      for (String statement : sql) {
        s.execute(statement);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Removes every SIM assignment with the customers' kept SIM counts, and on PostgreSQL reclaims the
   * space, so that iterations start alike.
   */
  void clearAssignments() {
    if (vendor == DatabaseVendor.POSTGRESQL) {
      execute("truncate table simestate_sim_assignment, simestate_customer_sims",
          "vacuum analyze simestate_sim_assignment");
    } else {
      execute("truncate table simestate_sim_assignment", "truncate table simestate_customer_sims");
    }
  }

  /** Refreshes the planner's statistics after bulk loading (PostgreSQL). */
  void analyze() {
    if (vendor == DatabaseVendor.POSTGRESQL) {
      execute("analyze");
    }
  }

  @Override
  public void close() {
    factory.close();
    extraPools.forEach(HikariDataSource::close);
    dataSource.close();
    if (vendor == DatabaseVendor.POSTGRESQL) {
      try (Connection c = DriverManager.getConnection(pgUrl(), pgUser(), pgPassword());
          Statement s = c.createStatement()) {
        s.execute("drop schema " + schema + " cascade");
      } catch (SQLException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  private static String pgUrl() {
    return System.getenv().getOrDefault("SIMESTATE_BENCH_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
  }

  private static String pgUser() {
    return System.getenv().getOrDefault("SIMESTATE_BENCH_PG_USER", "postgres");
  }

  private static String pgPassword() {
    return System.getenv().getOrDefault("SIMESTATE_BENCH_PG_PASSWORD", "");
  }
}
