package io.simestate.jpa;

import io.simestate.core.ConflictException;
import io.simestate.core.SimEstateException;
import io.simestate.core.UnavailableException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import java.sql.SQLException;

/** Translates persistence and JDBC exceptions into core's hierarchy at the adapter boundary. */
final class Errors {

  private Errors() {}

  /** A core exception for any runtime exception; core exceptions pass through unchanged. */
  static RuntimeException translate(RuntimeException e) {
    if (e instanceof SimEstateException) {
      return e;
    }
    for (Throwable t = e.getCause(); t != null && t != t.getCause(); t = t.getCause()) {
      if (t instanceof SimEstateException core) {
        return core;
      }
    }
    if (e instanceof OptimisticLockException || hasCause(e, OptimisticLockException.class)
        || e.getClass().getName().contains("StaleObjectState") || e.getClass().getName().contains("StaleState")) {
      return new ConflictException(ConflictException.Reason.STALE_VERSION,
          "The record was changed by someone else in the meantime; reload it and try again", e);
    }
    if (e instanceof PersistenceException || sqlException(e) != null) {
      return new UnavailableException("The SIM Estate database could not complete the operation: "
          + summary(e), e);
    }
    return e;
  }

  /** The same for a checked JDBC exception. */
  static RuntimeException translate(SQLException e) {
    return new UnavailableException("The SIM Estate database could not complete the operation: "
        + summary(e), e);
  }

  /** Whether an exception (or a cause) is an integrity constraint violation (SQLState class 23). */
  static boolean isConstraintViolation(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql) {
        for (SQLException next = sql; next != null; next = next.getNextException()) {
          if (next.getSQLState() != null && next.getSQLState().startsWith("23")) {
            return true;
          }
          if (next.getNextException() == next) {
            break;
          }
        }
      }
      if (t.getClass().getSimpleName().equals("ConstraintViolationException")) {
        return true;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return false;
  }

  /**
   * Whether an exception (or a cause) is a deadlock or serialization failure that rolled the whole
   * transaction back: PostgreSQL 40P01/40001, MariaDB 1213 (SQLState 40001), H2 40001.
   */
  static boolean isDeadlock(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql) {
        String state = sql.getSQLState();
        if ("40P01".equals(state) || "40001".equals(state) || sql.getErrorCode() == 1213) {
          return true;
        }
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return false;
  }

  static SQLException sqlException(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql) {
        return sql;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return null;
  }

  private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
    for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return false;
  }

  /** Names the failure without the driver's message, which may quote stored values (addresses). */
  private static String summary(Throwable e) {
    SQLException sql = sqlException(e);
    return sql != null
        ? "SQLState " + sql.getSQLState() + ", vendor code " + sql.getErrorCode() + " (see the cause)"
        : e.getClass().getSimpleName() + " (see the cause)";
  }
}
