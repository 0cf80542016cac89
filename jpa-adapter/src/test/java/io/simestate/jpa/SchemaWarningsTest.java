package io.simestate.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Applying the schema scripts raises no warning on any database. MariaDB ignores the names of
 * primary keys and said so with warning 1280 for each of the nine tables on every apply; the
 * MariaDB script now leaves those names out (issue 15).
 */
class SchemaWarningsTest {

  abstract static class Scenarios {

    final TestDatabase db = Db.Of.database(this);

    @Test
    void everyStatementOfTheScriptsRunsWithoutAWarning() throws SQLException {
      String schema = "simestate_w_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
      List<String> warnings = new ArrayList<>();
      try (Connection c = db.connection(); Statement s = c.createStatement()) {
        enter(c, s, schema);
        try {
          List<String> statements = JpaSchema.statements(db.vendor);
          assertThat(statements).isNotEmpty();
          for (String sql : statements) {
            s.execute(sql);
            warnings.addAll(warnings(s, sql));
          }
          assertThat(tables(c)).as("the scripts ran in the new schema")
              .anyMatch(t -> t.equalsIgnoreCase("simestate_customer"));
        } finally {
          leave(c, s, schema);
        }
      }
      assertThat(warnings).isEmpty();
    }

    /** Creates an empty schema (a database on MariaDB) and makes it the connection's current one. */
    private void enter(Connection c, Statement s, String schema) throws SQLException {
      switch (db.vendor) {
        case MARIADB -> {
          s.execute("create database " + schema + " character set utf8mb4 collate utf8mb4_bin");
          c.setCatalog(schema);
        }
        case POSTGRESQL -> {
          s.execute("create schema " + schema);
          s.execute("set search_path to " + schema);
        }
        default -> {
          s.execute("create schema " + schema);
          s.execute("set schema " + schema);
        }
      }
    }

    private void leave(Connection c, Statement s, String schema) throws SQLException {
      switch (db.vendor) {
        case MARIADB -> {
          s.execute("drop database " + schema);
          c.setCatalog(db.schema);
        }
        case POSTGRESQL -> {
          s.execute("set search_path to " + db.schema);
          s.execute("drop schema " + schema + " cascade");
        }
        default -> {
          s.execute("set schema public");
          s.execute("drop schema " + schema + " cascade");
        }
      }
    }

    /** The warnings of the statement: on MariaDB the server's own list, elsewhere the driver's. */
    private List<String> warnings(Statement s, String sql) throws SQLException {
      List<String> found = new ArrayList<>();
      String first = sql.lines().findFirst().orElse(sql);
      if (db.vendor == DatabaseVendor.MARIADB) {
        try (ResultSet rs = s.executeQuery("show warnings")) {
          while (rs.next()) {
            found.add(first + " -> " + rs.getInt("Code") + " " + rs.getString("Message"));
          }
        }
      } else {
        for (SQLWarning w = s.getWarnings(); w != null; w = w.getNextWarning()) {
          found.add(first + " -> " + w.getErrorCode() + " " + w.getMessage());
        }
      }
      s.clearWarnings();
      return found;
    }

    private List<String> tables(Connection c) throws SQLException {
      List<String> names = new ArrayList<>();
      boolean mariaDb = db.vendor == DatabaseVendor.MARIADB;
      String schema = mariaDb ? null : c.getSchema();
      try (ResultSet rs = c.getMetaData().getTables(mariaDb ? c.getCatalog() : null, schema, "%",
          new String[] {"TABLE", "BASE TABLE"})) {
        while (rs.next()) {
          names.add(rs.getString("TABLE_NAME"));
        }
      }
      return names;
    }
  }

  @Nested
  @Db(DatabaseVendor.H2)
  class OnH2 extends Scenarios {}

  @Nested
  @Db(DatabaseVendor.POSTGRESQL)
  class OnPostgreSql extends Scenarios {}

  @Nested
  @Db(DatabaseVendor.MARIADB)
  class OnMariaDb extends Scenarios {}
}
