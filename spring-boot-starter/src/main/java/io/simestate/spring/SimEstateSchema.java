package io.simestate.spring;

import io.simestate.core.UnavailableException;
import io.simestate.jpa.DatabaseVendor;
import io.simestate.jpa.JpaSchema;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;

/**
 * SIM Estate's tables, created or migrated when the context starts, before the EntityManagerFactory:
 * with a Flyway of SIM Estate's own (its scripts for the database at hand and its own history table,
 * so the application's Flyway history is untouched) or, without Flyway, with {@link JpaSchema}.
 */
public final class SimEstateSchema implements InitializingBean {

  private static final Logger LOG = LoggerFactory.getLogger(SimEstateSchema.class);

  /** How the tables are created. */
  public enum Method {
    /** SIM Estate's own Flyway, with its own history table. */
    FLYWAY,
    /** {@link JpaSchema#apply(DataSource, DatabaseVendor)}, which applies the scripts a database lacks. */
    SCRIPTS
  }

  private final DataSource dataSource;
  private final Method method;
  private final String flywayTable;
  private DatabaseVendor vendor;

  /**
   * The schema of one data source.
   *
   * @param dataSource the application's data source
   * @param method how the tables are created
   * @param flywayTable the history table of SIM Estate's own Flyway
   */
  public SimEstateSchema(DataSource dataSource, Method method, String flywayTable) {
    this.dataSource = dataSource;
    this.method = method;
    this.flywayTable = flywayTable;
  }

  /**
   * How the tables were created.
   *
   * @return never null
   */
  public Method method() {
    return method;
  }

  /**
   * The database, read from the JDBC metadata.
   *
   * @return the vendor, known once the context has started
   */
  public DatabaseVendor vendor() {
    return vendor;
  }

  /** Creates or migrates the tables. */
  @Override
  public void afterPropertiesSet() {
    vendor = detectVendor();
    if (method == Method.FLYWAY) {
      FlywayMigration.migrate(dataSource, vendor, flywayTable);
      JpaSchema.upgradeCustomerNames(dataSource);
    } else {
      // Version-aware: applies only the scripts this database lacks, and nothing on a current one.
      JpaSchema.apply(dataSource, vendor);
    }
  }

  private DatabaseVendor detectVendor() {
    try (Connection c = dataSource.getConnection()) {
      return DatabaseVendor.fromProductName(c.getMetaData().getDatabaseProductName());
    } catch (SQLException e) {
      throw new UnavailableException("Could not connect to read which database SIM Estate runs on", e);
    }
  }

  /** Kept apart so that Flyway's classes are loaded only when Flyway is there. */
  static final class FlywayMigration {

    private FlywayMigration() {}

    static void migrate(DataSource dataSource, DatabaseVendor vendor, String table) {
      org.flywaydb.core.Flyway.configure()
          .dataSource(dataSource)
          .locations("classpath:" + vendor.scriptFolder())
          .table(table.toLowerCase(Locale.ROOT))
          // The application's own tables may be there already: SIM Estate's history starts before V1.
          .baselineOnMigrate(true)
          .baselineVersion("0")
          .placeholderReplacement(false)
          .load()
          .migrate();
    }
  }
}
