package io.simestate.jpa;

import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Calendar;
import java.util.List;
import java.util.TimeZone;

/**
 * Plain JDBC on the connection of the current EntityManager, for set-based and batched work that
 * must not go through the persistence context. Pending entity changes are flushed first.
 */
final class Jdbc {

  /** How many rows one IN list or one JDBC batch holds. */
  static final int CHUNK = 1000;

  /** Work on a connection. */
  @FunctionalInterface
  interface Work<T> {
    T apply(Connection connection) throws SQLException;
  }

  private Jdbc() {}

  /** Runs work on the transaction's connection after flushing the persistence context. */
  static <T> T on(EntityManager em, Work<T> work) {
    em.flush();
    try {
      return em.callWithConnection((Connection c) -> work.apply(c));
    } catch (RuntimeException e) {
      throw Errors.translate(e);
    }
  }

  /** The database this connection talks to, from the driver's (cached) metadata. */
  static DatabaseVendor vendor(Connection c) throws SQLException {
    return DatabaseVendor.fromProductName(c.getMetaData().getDatabaseProductName());
  }

  /**
   * A list as one SQL array parameter ({@code = any(?)}, {@code unnest(?)}; PostgreSQL): one
   * parameter however long the list, so the statement is cheap to plan.
   */
  static java.sql.Array varchars(Connection c, List<String> values) throws SQLException {
    return c.createArrayOf("varchar", values.toArray());
  }

  /** {@code ?, ?, ?} for an IN list. */
  static String marks(int count) {
    return "?" + ", ?".repeat(count - 1);
  }

  /** {@code row, row, row}: the rows of a multi-row {@code values} list, {@code count} of them. */
  static String rows(int count, String row) {
    return String.join(", ", java.util.Collections.nCopies(count, row));
  }

  static void setString(PreparedStatement ps, int index, String value) throws SQLException {
    if (value == null) {
      ps.setNull(index, Types.VARCHAR);
    } else {
      ps.setString(index, value);
    }
  }

  static void setStrings(PreparedStatement ps, int from, List<String> values) throws SQLException {
    for (int i = 0; i < values.size(); i++) {
      ps.setString(from + i, values.get(i));
    }
  }

  /**
   * Binds an instant as Hibernate does for an {@code Instant} attribute: with a time zone where the
   * column has one (H2, PostgreSQL), as UTC wall-clock time otherwise (MariaDB {@code datetime}).
   */
  static void setInstant(PreparedStatement ps, int index, Instant value, DatabaseVendor vendor) throws SQLException {
    if (vendor == DatabaseVendor.MARIADB) {
      if (value == null) {
        ps.setNull(index, Types.TIMESTAMP);
      } else {
        ps.setTimestamp(index, Timestamp.from(value), utc());
      }
    } else if (value == null) {
      ps.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
    } else {
      ps.setObject(index, value.atOffset(ZoneOffset.UTC), Types.TIMESTAMP_WITH_TIMEZONE);
    }
  }

  /** Reads an instant as {@link #setInstant} writes it. */
  static Instant getInstant(ResultSet rs, int index, DatabaseVendor vendor) throws SQLException {
    if (vendor == DatabaseVendor.MARIADB) {
      Timestamp t = rs.getTimestamp(index, utc());
      return t == null ? null : t.toInstant();
    }
    OffsetDateTime t = rs.getObject(index, OffsetDateTime.class);
    return t == null ? null : t.toInstant();
  }

  /** A new UTC calendar for MariaDB's datetime columns; one per call, since a driver may change it. */
  private static Calendar utc() {
    return Calendar.getInstance(TimeZone.getTimeZone(ZoneOffset.UTC));
  }

  /**
   * Executes an insert built by {@link DatabaseVendor#insertIfAbsent}: true if the row was inserted,
   * false if it clashed with a unique key.
   */
  static boolean insertIfAbsent(PreparedStatement ps, DatabaseVendor vendor) throws SQLException {
    if (!vendor.duplicateRaises()) {
      return ps.executeUpdate() == 1;
    }
    try {
      return ps.executeUpdate() == 1;
    } catch (SQLException e) {
      if ("23505".equals(e.getSQLState())) {
        return false;
      }
      throw e;
    }
  }
}
