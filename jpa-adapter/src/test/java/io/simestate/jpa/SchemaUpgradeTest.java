package io.simestate.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import io.simestate.core.alert.DeliveryOutbox;
import io.simestate.core.contract.AlertRoutingContract;
import io.simestate.core.contract.DeliveryOutboxContract;
import io.simestate.core.contract.SimEstateContract;
import io.simestate.core.persistence.Persistence;
import jakarta.persistence.EntityManagerFactory;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * {@link JpaSchema#apply} upgrades a database at any earlier version in place (issue 12, F21). For
 * every earlier version, reached both as the code before the schema history left it (no history
 * table, recognised by its tables) and as {@code apply} leaves it (recorded in the history): version
 * 1's scripts, an estate written in version 1's tables, the scripts up to that version, then {@code
 * apply}; the estate reads back intact through the current adapter, the upgraded tables are the
 * tables a new database gets, and applying again changes nothing. The contract suites run on an
 * upgraded database too. Every script added later is covered without touching this test.
 */
class SchemaUpgradeTest {

  abstract static class Scenarios {

    final DatabaseVendor vendor = Db.Of.vendor(this);
    final int latest = JpaSchema.latestVersion();

    @Test
    void anEstateAtAnyEarlierVersionIsUpgradedInPlaceAndKeepsItsData() throws Exception {
      // Versions as the scripts number them: a number may be missing (reserved for a branch not merged yet).
      for (int version : JpaSchema.SCRIPTS.stream().map(JpaSchema::versionOf).toList()) {
        for (boolean recorded : List.of(false, true)) {
          if (!recorded && version > 2) {
            continue; // versions from 3 on were only ever written with a history
          }
          TestDatabase db = TestDatabase.empty(vendor);
          EarlierSchema.V1Estate estate;
          try (Connection c = db.connection()) {
            if (recorded) {
              JpaSchema.apply(c, vendor, 1);
            } else {
              EarlierSchema.runWithoutHistory(c, vendor, EarlierSchema.upTo(1));
            }
            estate = EarlierSchema.V1Estate.load(c, vendor);
            if (recorded) {
              JpaSchema.apply(c, vendor, version);
            } else {
              List<String> upTo = EarlierSchema.upTo(version);
              EarlierSchema.runWithoutHistory(c, vendor, upTo.subList(1, upTo.size()));
            }
          }
          assertThat(JpaSchema.version(db.dataSource)).as("at version %d, recorded %s", version, recorded)
              .isEqualTo(version);

          JpaSchema.apply(db.dataSource, vendor);

          assertThat(JpaSchema.version(db.dataSource)).isEqualTo(latest);
          assertThat(history(db)).as("history after upgrading from %d, recorded %s", version, recorded)
              .containsExactlyElementsOf(JpaSchema.SCRIPTS.stream().map(script -> JpaSchema.versionOf(script) + " "
                  + JpaSchema.descriptionOf(script) + " "
                  + JpaSchema.checksum(EarlierSchema.read(vendor.scriptFolder() + "/" + script)))
                  .toList());
          assertThat(shape(db)).as("tables upgraded from %d", version).isEqualTo(shape(TestDatabase.of(vendor)));
          EntityManagerFactory factory = db.entityManagerFactory(db.dataSource, Map.of()); // validates the mapping
          try {
            estate.assertIntact(JpaPersistence.standalone(factory));
          } finally {
            factory.close();
          }
        }
      }
    }

    /**
     * A schema a host migrated with its own tool (no history table of ours) is recognised at the
     * version of the last script it ran, so that {@code apply} runs none of them again.
     */
    @Test
    void aSchemaWithoutHistoryIsRecognisedAtTheVersionOfItsLastScript() throws Exception {
      for (int version : JpaSchema.SCRIPTS.stream().map(JpaSchema::versionOf).toList()) {
        TestDatabase db = TestDatabase.empty(vendor);
        try (Connection c = db.connection()) {
          EarlierSchema.runWithoutHistory(c, vendor, EarlierSchema.upTo(version));
        }
        assertThat(JpaSchema.version(db.dataSource)).as("scripts up to %d", version).isEqualTo(version);
      }
    }

    @Test
    void applyingAgainChangesNothing() throws Exception {
      TestDatabase db = TestDatabase.empty(vendor);
      try (Connection c = db.connection()) {
        EarlierSchema.runWithoutHistory(c, vendor, EarlierSchema.upTo(1));
        EarlierSchema.V1Estate.load(c, vendor);
      }
      JpaSchema.apply(db.dataSource, vendor);
      List<String> history = historyRows(db);
      List<String> shape = shape(db);
      List<String> customers = rows(db, "select * from simestate_customer order by id");

      JpaSchema.apply(db.dataSource, vendor);

      assertThat(historyRows(db)).isEqualTo(history);
      assertThat(shape(db)).isEqualTo(shape);
      assertThat(rows(db, "select * from simestate_customer order by id")).isEqualTo(customers).isNotEmpty();
    }

    /** The history as "version description checksum", oldest first. */
    List<String> history(TestDatabase db) throws SQLException {
      List<String> rows = new ArrayList<>();
      try (Connection c = db.connection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
          "select version, description, checksum, success from " + JpaSchema.HISTORY + " order by installed_rank")) {
        while (rs.next()) {
          assertThat(rs.getBoolean(4)).isTrue();
          rows.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getInt(3));
        }
      }
      return rows;
    }

    private List<String> historyRows(TestDatabase db) throws SQLException {
      return rows(db, "select * from " + JpaSchema.HISTORY + " order by installed_rank");
    }

    /** Every row of a query, each as its values separated by "|". */
    private static List<String> rows(TestDatabase db, String query) throws SQLException {
      List<String> rows = new ArrayList<>();
      try (Connection c = db.connection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(query)) {
        int columns = rs.getMetaData().getColumnCount();
        while (rs.next()) {
          StringBuilder row = new StringBuilder();
          for (int i = 1; i <= columns; i++) {
            row.append(rs.getString(i)).append('|');
          }
          rows.add(row.toString());
        }
      }
      return rows;
    }

    /**
     * The SIM Estate tables of a database as sorted lines: every column with its type, size and
     * nullability, every index with its columns and uniqueness (names of indexes that the database
     * generates left out); the schema history is not part of it.
     */
    static List<String> shape(TestDatabase db) throws SQLException {
      TreeSet<String> lines = new TreeSet<>();
      try (Connection c = db.connection()) {
        DatabaseMetaData meta = c.getMetaData();
        List<String> tables = new ArrayList<>();
        try (ResultSet rs = meta.getTables(c.getCatalog(), c.getSchema(), "%", new String[] {"TABLE"})) {
          while (rs.next()) {
            String table = rs.getString("TABLE_NAME");
            if (table.toLowerCase(Locale.ROOT).startsWith("simestate_") && !table.equalsIgnoreCase(JpaSchema.HISTORY)) {
              tables.add(table);
            }
          }
        }
        for (String table : tables) {
          String t = table.toLowerCase(Locale.ROOT);
          try (ResultSet rs = meta.getColumns(c.getCatalog(), c.getSchema(), table, "%")) {
            while (rs.next()) {
              lines.add(t + "." + rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT) + " "
                  + rs.getString("TYPE_NAME").toLowerCase(Locale.ROOT) + "(" + rs.getInt("COLUMN_SIZE") + ") "
                  + rs.getString("IS_NULLABLE"));
            }
          }
          try (ResultSet rs = meta.getIndexInfo(c.getCatalog(), c.getSchema(), table, false, false)) {
            while (rs.next()) {
              String name = rs.getString("INDEX_NAME");
              if (name == null || rs.getString("COLUMN_NAME") == null) {
                continue;
              }
              String n = name.toLowerCase(Locale.ROOT).replaceFirst("_index_[0-9a-f]+$", "");
              lines.add(t + " index " + (n.startsWith("ix_") || n.startsWith("uk_") ? n : "(generated)") + " "
                  + rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT) + " " + rs.getShort("ORDINAL_POSITION")
                  + (rs.getBoolean("NON_UNIQUE") ? " non-unique" : " unique"));
            }
          }
        }
      }
      return new ArrayList<>(lines);
    }
  }

  @Nested
  @Db(DatabaseVendor.H2)
  class OnH2 extends Scenarios {

    /**
     * The checksums {@code apply} records are the ones Flyway records for the same scripts, and a
     * database Flyway migrated is taken over by {@code apply} without running a script again.
     */
    @Test
    void theChecksumsRecordedAreFlywaysAndAFlywayDatabaseIsTakenOver() throws Exception {
      TestDatabase db = TestDatabase.empty(vendor);
      Flyway.configure().dataSource(db.dataSource).locations("classpath:" + vendor.scriptFolder()).load().migrate();
      List<String> flyway = new ArrayList<>();
      try (Connection c = db.connection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
          "select \"version\", \"description\", \"checksum\" from \"flyway_schema_history\" where \"version\" is not null order by \"installed_rank\"")) {
        while (rs.next()) {
          flyway.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getInt(3));
        }
      }
      assertThat(flyway).hasSize(JpaSchema.SCRIPTS.size());
      List<String> shape = shape(db);

      JpaSchema.apply(db.dataSource, vendor);

      assertThat(history(db)).isEqualTo(flyway);
      assertThat(shape(db)).isEqualTo(shape);
    }
  }

  @Nested
  @Db(DatabaseVendor.POSTGRESQL)
  class OnPostgreSql extends Scenarios {}

  @Nested
  @Db(DatabaseVendor.MARIADB)
  class OnMariaDb extends Scenarios {}

  // The contract suites on a database upgraded from version 1 with an estate in it.

  @Nested
  @Db(DatabaseVendor.H2)
  class EstateUpgradedOnH2 extends SimEstateContract {
    @Override
    protected Persistence persistence() {
      return TestDatabase.upgradedFromV1(DatabaseVendor.H2).persistence;
    }
  }

  @Nested
  @Db(DatabaseVendor.POSTGRESQL)
  class EstateUpgradedOnPostgreSql extends SimEstateContract {
    @Override
    protected Persistence persistence() {
      return TestDatabase.upgradedFromV1(DatabaseVendor.POSTGRESQL).persistence;
    }
  }

  @Nested
  @Db(DatabaseVendor.MARIADB)
  class EstateUpgradedOnMariaDb extends SimEstateContract {
    @Override
    protected Persistence persistence() {
      return TestDatabase.upgradedFromV1(DatabaseVendor.MARIADB).persistence;
    }
  }

  @Nested
  @Db(DatabaseVendor.H2)
  class RoutingUpgradedOnH2 extends AlertRoutingContract {
    @Override
    protected Persistence persistence() {
      return TestDatabase.upgradedFromV1(DatabaseVendor.H2).persistence;
    }
  }

  @Nested
  @Db(DatabaseVendor.POSTGRESQL)
  class RoutingUpgradedOnPostgreSql extends AlertRoutingContract {
    @Override
    protected Persistence persistence() {
      return TestDatabase.upgradedFromV1(DatabaseVendor.POSTGRESQL).persistence;
    }
  }

  @Nested
  @Db(DatabaseVendor.MARIADB)
  class RoutingUpgradedOnMariaDb extends AlertRoutingContract {
    @Override
    protected Persistence persistence() {
      return TestDatabase.upgradedFromV1(DatabaseVendor.MARIADB).persistence;
    }
  }

  @Nested
  @Db(DatabaseVendor.H2)
  class OutboxUpgradedOnH2 extends DeliveryOutboxContract {
    @BeforeEach
    void startWithAnEmptyOutbox() throws Exception {
      TestDatabase.upgradedFromV1(DatabaseVendor.H2).clearOutbox();
    }

    @Override
    protected DeliveryOutbox deliveryOutbox() {
      return TestDatabase.upgradedFromV1(DatabaseVendor.H2).persistence.outbox();
    }
  }

  @Nested
  @Db(DatabaseVendor.POSTGRESQL)
  class OutboxUpgradedOnPostgreSql extends DeliveryOutboxContract {
    @BeforeEach
    void startWithAnEmptyOutbox() throws Exception {
      TestDatabase.upgradedFromV1(DatabaseVendor.POSTGRESQL).clearOutbox();
    }

    @Override
    protected DeliveryOutbox deliveryOutbox() {
      return TestDatabase.upgradedFromV1(DatabaseVendor.POSTGRESQL).persistence.outbox();
    }
  }

  @Nested
  @Db(DatabaseVendor.MARIADB)
  class OutboxUpgradedOnMariaDb extends DeliveryOutboxContract {
    @BeforeEach
    void startWithAnEmptyOutbox() throws Exception {
      TestDatabase.upgradedFromV1(DatabaseVendor.MARIADB).clearOutbox();
    }

    @Override
    protected DeliveryOutbox deliveryOutbox() {
      return TestDatabase.upgradedFromV1(DatabaseVendor.MARIADB).persistence.outbox();
    }
  }
}
