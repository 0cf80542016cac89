package io.simestate.jpa;

import io.simestate.core.UnavailableException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies and upgrades the SIM Estate schema scripts ({@code db/simestate/<vendor>/V1__simestate_schema.sql},
 * {@code V2__per_recipient_repeats.sql}, …) without Flyway. A host that uses Flyway or Liquibase points
 * it at {@link DatabaseVendor#scriptFolder()} instead; the file names follow Flyway's conventions and
 * the checksums recorded here are computed as Flyway computes them.
 *
 * <p>{@code apply} works in the connection's current schema (database). It records every script it
 * applied in a table of its own, {@value #HISTORY} (version, description, script, Flyway checksum,
 * when, how long), and applies only the scripts it does not record: on an empty schema it
 * creates everything, on a schema an earlier version created it upgrades in place, and applied again
 * it changes nothing. A schema created before the history table existed is recognised by its tables
 * and recorded as the version it is at ({@code BASELINE} rows). After the scripts it brings stored
 * customer names to the current name rules ({@link #upgradeCustomerNames(DataSource)}), which a host
 * that runs the scripts itself calls on its own.
 *
 * <p>A new script goes at the end of {@code SCRIPTS} with the next version; {@code SchemaUpgradeTest}
 * then upgrades every earlier version to it and compares the result with a new database.
 *
 * <p>Run it from one instance at a time (at start-up, before dispatchers start), as with Flyway's
 * {@code migrate}. On PostgreSQL a script and its history row commit together; H2 and MariaDB commit
 * each DDL statement on its own, so a script that fails there halfway is reported and not recorded.
 */
public final class JpaSchema {

  /** The table in which {@code apply} records the scripts applied. */
  public static final String HISTORY = "simestate_schema_history";

  /** The scripts in the order they are applied. */
  static final List<String> SCRIPTS = List.of("V1__simestate_schema.sql", "V2__per_recipient_repeats.sql",
      "V3__fenced_claims.sql", "V4__tenant_settings.sql", "V5__retention_indexes.sql",
      "V6__customer_sim_counts.sql");

  private static final Pattern SCRIPT_NAME = Pattern.compile("V(\\d+)__(.+)\\.sql");

  private static final Logger LOG = LoggerFactory.getLogger(JpaSchema.class);

  private JpaSchema() {}

  /**
   * Brings the schema to the current version: applies every script not applied yet, then upgrades
   * the stored customer names. Safe to call on every start.
   *
   * @param dataSource where the tables are (or go)
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
   * Brings the schema to the current version on a connection, committing after each script (and
   * restoring the connection's auto-commit mode). The connection stays open.
   *
   * @param connection where the tables are (or go)
   * @param vendor which database it is
   * @throws UnavailableException if a statement fails
   */
  public static void apply(Connection connection, DatabaseVendor vendor) {
    apply(connection, vendor, latestVersion());
    upgradeCustomerNames(connection);
  }

  /**
   * The schema version of a database: the highest script version recorded in {@value #HISTORY}, the
   * version recognised from its tables if it predates that table, or 0 if it holds no SIM Estate
   * tables. Reads only.
   *
   * @param dataSource the SIM Estate schema
   * @return e.g. {@code 2}
   * @throws UnavailableException if the database cannot be read
   */
  public static int version(DataSource dataSource) {
    try (Connection connection = dataSource.getConnection()) {
      return version(connection);
    } catch (SQLException e) {
      throw new UnavailableException("Could not read the SIM Estate schema version", e);
    }
  }

  /** The version of the last script this build ships. */
  static int latestVersion() {
    return versionOf(SCRIPTS.get(SCRIPTS.size() - 1));
  }

  /**
   * Applies every script up to version {@code target} that the history does not record, in order,
   * recording each (a script numbered below one already applied, as from a branch merged later, is
   * applied too, as Flyway's {@code outOfOrder} would).
   */
  static void apply(Connection connection, DatabaseVendor vendor, int target) {
    try {
      boolean autoCommit = connection.getAutoCommit();
      try {
        connection.setAutoCommit(false);
        Set<Integer> applied = startHistory(connection, vendor);
        int current = applied.stream().max(Integer::compare).orElse(0);
        if (current > latestVersion()) {
          LOG.warn("The SIM Estate schema is at version {}, newer than this build's {}", current, latestVersion());
        }
        verifyChecksums(connection, vendor);
        for (String script : SCRIPTS) {
          int version = versionOf(script);
          if (!applied.contains(version) && version <= target) {
            applyScript(connection, vendor, script);
          }
        }
      } finally {
        connection.setAutoCommit(autoCommit);
      }
    } catch (SQLException e) {
      throw new UnavailableException("Could not read or write the SIM Estate schema history " + HISTORY, e);
    }
  }

  private static void applyScript(Connection connection, DatabaseVendor vendor, String script) {
    String location = vendor.scriptFolder() + "/" + script;
    String text = read(location);
    long started = System.nanoTime();
    try (Statement statement = connection.createStatement()) {
      for (String sql : statements(text)) {
        statement.execute(sql);
      }
      record(connection, vendor, script, "SQL", checksum(text), (int) ((System.nanoTime() - started) / 1_000_000));
      connection.commit();
      LOG.info("Applied SIM Estate schema script {}", location);
    } catch (SQLException e) {
      rollbackQuietly(connection);
      throw new UnavailableException("Could not apply the SIM Estate schema script " + location, e);
    }
  }

  /**
   * Creates the history table if it is missing and returns the versions recorded. A schema without the
   * history table but with SIM Estate's tables was created before it existed: its version is told
   * from its tables and recorded as baseline rows, one per script it holds.
   */
  private static Set<Integer> startHistory(Connection connection, DatabaseVendor vendor) throws SQLException {
    if (tableExists(connection, HISTORY)) {
      return recordedVersions(connection);
    }
    int found = versionFromTables(connection);
    try (Statement s = connection.createStatement()) {
      s.execute(historyTable(vendor));
    }
    for (String script : SCRIPTS) {
      if (versionOf(script) <= found) {
        record(connection, vendor, script, "BASELINE", checksum(read(vendor.scriptFolder() + "/" + script)), 0);
      }
    }
    connection.commit();
    if (found > 0) {
      LOG.info("Found SIM Estate tables at schema version {} without {}; recorded them as that version", found,
          HISTORY);
    }
    return recordedVersions(connection);
  }

  /**
   * The version of a schema written without this class's history table (by an earlier version, or
   * by Flyway): 0 without SIM Estate tables, 6 once {@code simestate_customer_sims} exists, 5 once
   * the index {@code ix_simestate_delivery_sent} exists, 4 once {@code simestate_tenant_settings}
   * exists, 3 once {@code simestate_delivery.claim_token} exists, 2 once {@code simestate_alert_told}
   * exists, 1 otherwise: each script is told by what it adds.
   */
  private static int versionFromTables(Connection connection) throws SQLException {
    if (!tableExists(connection, "simestate_customer")) {
      return 0;
    }
    if (tableExists(connection, "simestate_customer_sims")) {
      return 6;
    }
    if (indexExists(connection, "simestate_delivery", "ix_simestate_delivery_sent")) {
      return 5;
    }
    if (tableExists(connection, "simestate_tenant_settings")) {
      return 4;
    }
    if (columnExists(connection, "simestate_delivery", "claim_token")) {
      return 3;
    }
    return tableExists(connection, "simestate_alert_told") ? 2 : 1;
  }

  /** Whether a table of the connection's current schema has a column of that name (any letter case). */
  static boolean columnExists(Connection connection, String table, String column) throws SQLException {
    DatabaseMetaData meta = connection.getMetaData();
    for (String t : List.of(table, table.toUpperCase(Locale.ROOT))) {
      try (ResultSet rs = meta.getColumns(connection.getCatalog(), connection.getSchema(), t, null)) {
        while (rs.next()) {
          if (rs.getString("COLUMN_NAME").equalsIgnoreCase(column)) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /** Whether a table of the connection's current schema has an index of that name (any letter case). */
  static boolean indexExists(Connection connection, String table, String index) throws SQLException {
    DatabaseMetaData meta = connection.getMetaData();
    for (String t : List.of(table, table.toUpperCase(Locale.ROOT))) {
      try (ResultSet rs = meta.getIndexInfo(connection.getCatalog(), connection.getSchema(), t, false, true)) {
        while (rs.next()) {
          if (index.equalsIgnoreCase(rs.getString("INDEX_NAME"))) {
            return true;
          }
        }
      }
    }
    return false;
  }

  private static int version(Connection connection) throws SQLException {
    if (!tableExists(connection, HISTORY)) {
      return versionFromTables(connection);
    }
    return recordedVersions(connection).stream().max(Integer::compare).orElse(0);
  }

  private static Set<Integer> recordedVersions(Connection connection) throws SQLException {
    Set<Integer> versions = new TreeSet<>();
    try (Statement s = connection.createStatement();
        ResultSet rs = s.executeQuery("select version from " + HISTORY + " where success = true")) {
      while (rs.next()) {
        versions.add(Integer.parseInt(rs.getString(1)));
      }
    }
    return versions;
  }

  /** Warns about a recorded script whose text has changed since it was applied (as Flyway's validate would). */
  private static void verifyChecksums(Connection connection, DatabaseVendor vendor) throws SQLException {
    try (Statement s = connection.createStatement();
        ResultSet rs = s.executeQuery("select script, checksum from " + HISTORY + " where type = 'SQL'")) {
      while (rs.next()) {
        String script = rs.getString(1);
        if (SCRIPTS.contains(script)) {
          int now = checksum(read(vendor.scriptFolder() + "/" + script));
          if (now != rs.getInt(2)) {
            LOG.warn("SIM Estate schema script {} changed since it was applied (checksum {} recorded, {} now); "
                + "it is not applied again", script, rs.getInt(2), now);
          }
        }
      }
    }
  }

  private static String historyTable(DatabaseVendor vendor) {
    String time = vendor == DatabaseVendor.MARIADB ? "datetime(6)" : "timestamp(6) with time zone";
    String key = vendor == DatabaseVendor.MARIADB ? "primary key (version)"
        : "constraint pk_" + HISTORY + " primary key (version)";
    String tail = vendor == DatabaseVendor.MARIADB ? " engine=InnoDB default charset=utf8mb4 collate=utf8mb4_bin" : "";
    return "create table " + HISTORY + " (installed_rank integer not null, version varchar(50) not null, "
        + "description varchar(200) not null, type varchar(20) not null, script varchar(1000) not null, "
        + "checksum integer, installed_on " + time + " not null, execution_time integer not null, "
        + "success boolean not null, " + key + ")" + tail;
  }

  private static void record(Connection connection, DatabaseVendor vendor, String script, String type,
      int checksum, int millis) throws SQLException {
    int rank;
    try (Statement s = connection.createStatement();
        ResultSet rs = s.executeQuery("select count(*) from " + HISTORY)) {
      rs.next();
      rank = rs.getInt(1) + 1;
    }
    try (PreparedStatement ps = connection.prepareStatement("insert into " + HISTORY + " (installed_rank, version, "
        + "description, type, script, checksum, installed_on, execution_time, success) "
        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      ps.setInt(1, rank);
      ps.setString(2, Integer.toString(versionOf(script)));
      ps.setString(3, descriptionOf(script));
      ps.setString(4, type);
      ps.setString(5, script);
      ps.setInt(6, checksum);
      Jdbc.setInstant(ps, 7, Instant.now(), vendor);
      ps.setInt(8, millis);
      ps.setBoolean(9, true);
      ps.executeUpdate();
    }
  }

  /** Whether a table of that name is in the connection's current schema (any letter case). */
  static boolean tableExists(Connection connection, String table) throws SQLException {
    DatabaseMetaData meta = connection.getMetaData();
    String escape = meta.getSearchStringEscape();
    for (String name : List.of(table, table.toUpperCase(Locale.ROOT))) {
      String pattern = escape == null ? name : name.replace("_", escape + "_");
      try (ResultSet rs = meta.getTables(connection.getCatalog(), connection.getSchema(), pattern, null)) {
        while (rs.next()) {
          if (rs.getString("TABLE_NAME").equalsIgnoreCase(table)) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /** The version of a script from its Flyway name, {@code V<version>__<description>.sql}. */
  static int versionOf(String script) {
    Matcher m = SCRIPT_NAME.matcher(script);
    if (!m.matches()) {
      throw new IllegalStateException("Schema script " + script + " is not named V<version>__<description>.sql");
    }
    return Integer.parseInt(m.group(1));
  }

  /** The description Flyway records for a script: the part after "__", underscores as spaces. */
  static String descriptionOf(String script) {
    Matcher m = SCRIPT_NAME.matcher(script);
    if (!m.matches()) {
      throw new IllegalStateException("Schema script " + script + " is not named V<version>__<description>.sql");
    }
    return m.group(2).replace('_', ' ');
  }

  /**
   * The checksum Flyway records for a script: CRC32 over the UTF-8 bytes of its lines without their
   * line breaks (and without a byte-order mark), as a signed int.
   */
  static int checksum(String text) {
    CRC32 crc = new CRC32();
    String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
    for (String line : body.split("\r\n|\r|\n", -1)) {
      crc.update(line.getBytes(StandardCharsets.UTF_8));
    }
    return (int) crc.getValue();
  }

  private static void rollbackQuietly(Connection connection) {
    try {
      connection.rollback();
    } catch (SQLException ignored) {
      // the failure being reported matters more
    }
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

  /**
   * Sets every customer's kept SIM count ({@code simestate_customer_sims}, from schema version 6) to
   * the number of its rows in {@code simestate_sim_assignment}. The adapter keeps the counts in the
   * transaction of every assignment and release; a host that writes assignment rows with its own SQL
   * calls this afterwards, while nothing else assigns or releases SIMs, or the deletion preview and the
   * customer report state the old count (and a deletion confirmed with it is refused as stale).
   * Reads every assignment row once; one transaction.
   *
   * @param dataSource the SIM Estate schema
   * @throws UnavailableException if a statement fails; then nothing changed
   */
  public static void recountSims(DataSource dataSource) {
    try (Connection connection = dataSource.getConnection()) {
      inOneTransaction(connection, SimCounts::recount);
    } catch (SQLException e) {
      throw new UnavailableException("Could not recount the SIMs of the SIM Estate customers", e);
    }
  }

  /** Work that needs a connection. */
  private interface Work {
    void run(Connection connection) throws SQLException;
  }

  /** Runs the work in a transaction of its own, restoring the connection's auto-commit mode. */
  private static void inOneTransaction(Connection connection, Work work) throws SQLException {
    boolean autoCommit = connection.getAutoCommit();
    connection.setAutoCommit(false);
    try {
      work.run(connection);
      connection.commit();
    } catch (SQLException | RuntimeException e) {
      connection.rollback();
      throw e;
    } finally {
      connection.setAutoCommit(autoCommit);
    }
  }

  private static void upgradeCustomerNames(Connection connection) {
    try {
      inOneTransaction(connection, CustomerNameKeys::apply);
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
