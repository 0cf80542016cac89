package io.simestate.examples;

import io.simestate.core.inmemory.InMemoryPersistence;
import io.simestate.core.persistence.Persistence;
import io.simestate.jpa.DatabaseVendor;
import io.simestate.jpa.JpaPersistence;
import io.simestate.jpa.JpaSchema;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.ValidationMode;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcConnectionPool;
import org.mariadb.jdbc.MariaDbPoolDataSource;
import org.postgresql.ds.PGConnectionPoolDataSource;

/**
 * The demo's persistence: the JPA adapter in standalone mode on an embedded H2 database (the
 * default) or on a real PostgreSQL or MariaDB, with the tables created from the adapter's own schema
 * scripts; or the in-memory adapter. Wired the way a host would wire it: a pooled {@link DataSource},
 * an {@link EntityManagerFactory} built from {@link JpaPersistence#persistenceConfiguration}, and
 * {@link JpaPersistence#standalone}.
 */
final class DemoDatabase implements AutoCloseable {

  private final Persistence persistence;
  private final String description;
  private final EntityManagerFactory factory;
  private final AutoCloseable pool;
  private final Runnable cleanup;

  private DemoDatabase(Persistence persistence, String description, EntityManagerFactory factory, AutoCloseable pool,
      Runnable cleanup) {
    this.persistence = persistence;
    this.description = description;
    this.factory = factory;
    this.pool = pool;
    this.cleanup = cleanup;
  }

  /**
   * Opens the persistence the options ask for.
   *
   * @param options the demo's options
   * @return the open database; close it at the end
   */
  static DemoDatabase open(DemoOptions options) {
    if (options.inMemory()) {
      return new DemoDatabase(InMemoryPersistence.create(), "in memory", null, null, () -> { });
    }
    if (options.jdbcUrl() == null) {
      return h2();
    }
    return external(options.jdbcUrl(), options.jdbcUser(), options.jdbcPassword());
  }

  /** The adapter to hand to {@code SimEstate.builder().persistence(...)}. */
  Persistence persistence() {
    return persistence;
  }

  /** Which database this is, for the banner. */
  String description() {
    return description;
  }

  private static DemoDatabase h2() {
    String name = "simestate-demo-" + Long.toHexString(System.nanoTime());
    JdbcConnectionPool pool = JdbcConnectionPool.create(
        "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000", "sa", "");
    pool.setMaxConnections(8);
    JpaSchema.apply(pool, DatabaseVendor.H2);
    EntityManagerFactory factory = factory(pool);
    Runnable shutdown = () -> {
      try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
        s.execute("shutdown");
      } catch (SQLException e) {
        // The database is going away anyway.
      }
    };
    return new DemoDatabase(JpaPersistence.standalone(factory), "H2 " + org.h2.engine.Constants.FULL_VERSION
        + " in memory (jdbc:h2:mem:" + name + ")", factory, pool::dispose, shutdown);
  }

  private static DemoDatabase external(String url, String user, String password) {
    DatabaseVendor vendor;
    String schema = "simestate_demo_" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss"));
    try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
      vendor = DatabaseVendor.fromProductName(c.getMetaData().getDatabaseProductName());
      switch (vendor) {
        case POSTGRESQL -> s.execute("create schema " + schema);
        case MARIADB -> s.execute("create database " + schema + " character set utf8mb4 collate utf8mb4_bin");
        default -> throw new IllegalArgumentException("--jdbc-url is for PostgreSQL or MariaDB; H2 is the default");
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot reach " + url + ": " + e.getMessage(), e);
    }
    DataSource dataSource;
    AutoCloseable pool;
    try {
      if (vendor == DatabaseVendor.POSTGRESQL) {
        PGConnectionPoolDataSource pg = new PGConnectionPoolDataSource();
        pg.setURL(url);
        pg.setUser(user);
        pg.setPassword(password);
        pg.setCurrentSchema(schema);
        pg.setReWriteBatchedInserts(true);
        JdbcConnectionPool h2Pool = JdbcConnectionPool.create(pg);
        h2Pool.setMaxConnections(8);
        dataSource = h2Pool;
        pool = h2Pool::dispose;
      } else {
        String inSchema = url.replaceFirst("(//[^/]+)/[^/?]*", "$1/" + schema);
        MariaDbPoolDataSource maria = new MariaDbPoolDataSource(
            inSchema + (inSchema.contains("?") ? "&" : "?") + "maxPoolSize=8");
        if (user != null) {
          maria.setUser(user);
        }
        if (password != null) {
          maria.setPassword(password);
        }
        dataSource = maria;
        pool = maria;
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot set up a connection pool for " + url + ": " + e.getMessage(), e);
    }
    JpaSchema.apply(dataSource, vendor);
    EntityManagerFactory factory = factory(dataSource);
    Runnable drop = () -> {
      try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
        s.execute(vendor == DatabaseVendor.POSTGRESQL ? "drop schema " + schema + " cascade" : "drop database " + schema);
      } catch (SQLException e) {
        System.err.println("Could not drop the demo's schema " + schema + ": " + e.getMessage());
      }
    };
    return new DemoDatabase(JpaPersistence.standalone(factory), vendor + " " + url + " (schema " + schema
        + ", dropped at the end)", factory, pool, drop);
  }

  private static EntityManagerFactory factory(DataSource dataSource) {
    return JpaPersistence.persistenceConfiguration("simestate-demo")
        // The library validates its input itself; the entities need no Bean Validation from JPA.
        .validationMode(ValidationMode.NONE)
        .property("hibernate.connection.datasource", dataSource)
        // The tables come from the adapter's scripts; Hibernate only checks that its mapping matches them.
        .property("hibernate.hbm2ddl.auto", "validate")
        .property("hibernate.jdbc.batch_size", "100")
        .property("hibernate.order_inserts", "true")
        .property("hibernate.order_updates", "true")
        .createEntityManagerFactory();
  }

  /** Closes the factory and the pool; drops the demo's schema on an external database. */
  @Override
  public void close() {
    if (factory != null) {
      factory.close();
    }
    cleanup.run();
    if (pool != null) {
      try {
        pool.close();
      } catch (Exception e) {
        // Closing at the end of the run: nothing left to do about it.
      }
    }
  }
}
