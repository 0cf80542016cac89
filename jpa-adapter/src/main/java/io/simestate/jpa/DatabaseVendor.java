package io.simestate.jpa;

import io.simestate.core.InvalidInputException;
import java.util.Locale;

/**
 * The databases the adapter ships schema scripts and vendor-specific SQL for.
 */
public enum DatabaseVendor {
  /** H2 2.x (tests, embedded use). */
  H2("h2"),
  /** PostgreSQL 12 or later. */
  POSTGRESQL("postgresql"),
  /** MariaDB 10.6 or later (for {@code SKIP LOCKED}). */
  MARIADB("mariadb");

  private final String folder;

  DatabaseVendor(String folder) {
    this.folder = folder;
  }

  /**
   * The class-path location of this vendor's schema scripts, for Flyway's {@code locations}
   * ({@code classpath:db/simestate/<vendor>}).
   *
   * @return e.g. {@code db/simestate/postgresql}
   */
  public String scriptFolder() {
    return "db/simestate/" + folder;
  }

  /**
   * Tells the vendor from a JDBC product name ({@code DatabaseMetaData.getDatabaseProductName()}).
   *
   * @param productName the product name, e.g. {@code "PostgreSQL"}
   * @return the vendor
   * @throws InvalidInputException naming {@code productName} if it is missing or not one of the
   *     databases supported
   */
  public static DatabaseVendor fromProductName(String productName) {
    String name = InvalidInputException.requirePresent(productName, "productName").toLowerCase(Locale.ROOT);
    if (name.contains("h2")) {
      return H2;
    }
    if (name.contains("postgres")) {
      return POSTGRESQL;
    }
    if (name.contains("mariadb") || name.contains("mysql")) {
      return MARIADB;
    }
    throw InvalidInputException.of("productName", "SIM Estate supports H2, PostgreSQL and MariaDB, not " + productName);
  }

  /** SQL that inserts a row unless it clashes with a unique key; the update count tells which. */
  String insertIfAbsent(String table, String columns, int count) {
    String values = "?" + ", ?".repeat(count - 1);
    return switch (this) {
      case POSTGRESQL -> "insert into " + table + " (" + columns + ") values (" + values + ") on conflict do nothing";
      case MARIADB -> "insert ignore into " + table + " (" + columns + ") values (" + values + ")";
      case H2 -> "insert into " + table + " (" + columns + ") values (" + values + ")";
    };
  }

  /** Whether {@link #insertIfAbsent} reports a clash as a duplicate-key exception instead of 0 rows. */
  boolean duplicateRaises() {
    return this == H2;
  }

  /** {@code limit} plus a row lock that skips rows other transactions hold. */
  String limitForUpdateSkipLocked() {
    return this == H2 ? " fetch first ? rows only for update skip locked" : " limit ? for update skip locked";
  }
}
