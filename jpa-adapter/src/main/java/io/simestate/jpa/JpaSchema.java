package io.simestate.jpa;

import io.simestate.core.UnavailableException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the SIM Estate schema scripts ({@code db/simestate/<vendor>/V1__simestate_schema.sql},
 * {@code V2__per_recipient_repeats.sql}, {@code V4__tenant_settings.sql}) without Flyway. A host that uses Flyway or Liquibase points it at {@link DatabaseVendor#scriptFolder()}
 * instead; the file names follow Flyway's conventions.
 *
 * <p>{@code apply} creates the tables in the connection's current schema (database); it does not
 * check whether they exist, so call it once on an empty schema. After the scripts it brings stored
 * customer names to the current name rules ({@link #upgradeCustomerNames(DataSource)}), which a host
 * that runs the scripts itself calls on its own.
 */
public final class JpaSchema {

  /** The scripts in the order they are applied. */
  static final List<String> SCRIPTS = List.of("V1__simestate_schema.sql", "V2__per_recipient_repeats.sql",
      "V4__tenant_settings.sql");

  private static final Logger LOG = LoggerFactory.getLogger(JpaSchema.class);

  private JpaSchema() {}

  /**
   * Applies every schema script on a connection from the data source.
   *
   * @param dataSource where to create the tables
   * @param vendor which database it is
   * @throws UnavailableException if a statement fails
   */
  public static void apply(DataSource dataSource, DatabaseVendor vendor) {
    try (Connection connection = dataSource.getConnection()) {
      apply(connection, vendor);
    } catch (SQLException e) {
      throw new UnavailableException("Could not connect to apply the SIM Estate schema", e);
    }
  }

  /**
   * Applies every schema script on a connection, committing if the connection is not in auto-commit
   * mode. The connection stays open.
   *
   * @param connection where to create the tables
   * @param vendor which database it is
   * @throws UnavailableException if a statement fails
   */
  public static void apply(Connection connection, DatabaseVendor vendor) {
    for (String script : SCRIPTS) {
      String location = vendor.scriptFolder() + "/" + script;
      try (Statement statement = connection.createStatement()) {
        for (String sql : statements(read(location))) {
          statement.execute(sql);
        }
        if (!connection.getAutoCommit()) {
          connection.commit();
        }
        LOG.info("Applied SIM Estate schema script {}", location);
      } catch (SQLException e) {
        throw new UnavailableException("Could not apply the SIM Estate schema script " + location, e);
      }
    }
    upgradeCustomerNames(connection);
  }

  /**
   * Brings the stored customer and contact names to the current name rules: every customer's name key
   * becomes {@code CustomerName.key()} (which now also folds invisible characters and compatibility
   * forms), customers that now fold to one key keep their rows under keys of their own,
   * and names that break a rule added since are repaired (the refused characters removed). {@link
   * #apply} does this itself; a host that runs the scripts with Flyway or Liquibase calls this once
   * after migrating a schema that an earlier version wrote. It is idempotent and, on current data,
   * reads the names once and writes nothing. What it changed is logged (ids, no names).
   *
   * @param dataSource the SIM Estate schema
   * @throws UnavailableException if a statement fails; then nothing changed
   */
  public static void upgradeCustomerNames(DataSource dataSource) {
    try (Connection connection = dataSource.getConnection()) {
      upgradeCustomerNames(connection);
    } catch (SQLException e) {
      throw new UnavailableException("Could not connect to upgrade the SIM Estate customer names", e);
    }
  }

  private static void upgradeCustomerNames(Connection connection) {
    try {
      boolean autoCommit = connection.getAutoCommit();
      connection.setAutoCommit(false);
      try {
        CustomerNameKeys.apply(connection);
        connection.commit();
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      } finally {
        connection.setAutoCommit(autoCommit);
      }
    } catch (SQLException e) {
      throw new UnavailableException("Could not upgrade the SIM Estate customer names", e);
    }
  }

  /**
   * The statements of one vendor's schema script, for a host that runs them itself.
   *
   * @param vendor the database
   * @return the SQL statements, in order, without trailing semicolons
   */
  public static List<String> statements(DatabaseVendor vendor) {
    List<String> all = new ArrayList<>();
    for (String script : SCRIPTS) {
      all.addAll(statements(read(vendor.scriptFolder() + "/" + script)));
    }
    return all;
  }

  private static String read(String location) {
    try (InputStream in = JpaSchema.class.getClassLoader().getResourceAsStream(location)) {
      if (in == null) {
        throw new IllegalStateException("Missing schema script " + location + " on the class path");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UnavailableException("Could not read the SIM Estate schema script " + location, e);
    }
  }

  /** Splits a script at semicolons that end a line; lines starting with "--" are comments. */
  static List<String> statements(String script) {
    List<String> out = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : script.split("\n")) {
      String trimmed = line.strip();
      if (trimmed.isEmpty() || trimmed.startsWith("--")) {
        continue;
      }
      current.append(line).append('\n');
      if (trimmed.endsWith(";")) {
        String sql = current.toString().strip();
        out.add(sql.substring(0, sql.length() - 1));
        current.setLength(0);
      }
    }
    if (!current.toString().isBlank()) {
      out.add(current.toString().strip());
    }
    return out;
  }
}
