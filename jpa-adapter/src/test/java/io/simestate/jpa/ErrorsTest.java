package io.simestate.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import io.simestate.core.ConflictException;
import io.simestate.core.UnavailableException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/**
 * How {@link Errors} reads a driver's failure: which ones are duplicates (the caller answers with a
 * conflict), which are deadlocks (the transaction is retried), and what an operator reads in the
 * message. Exceptions are built by hand so that every vendor's codes are covered on H2 alone.
 */
class ErrorsTest {

  /** Hibernate's exception is recognised by its simple name, so the adapter needs no Hibernate import. */
  static final class ConstraintViolationException extends RuntimeException {
    ConstraintViolationException() {
      super("duplicate");
    }
  }

  private static SQLException sql(String state, int code) {
    return new SQLException("driver text quoting alice@example.com", state, code);
  }

  @Test
  void aUniqueViolationWrappedByTheProviderIsAConstraintViolation() {
    assertThat(Errors.isConstraintViolation(new PersistenceException(sql("23505", 0)))).isTrue();
  }

  @Test
  void aConstraintViolationFurtherDownABatchsChainOfSqlExceptionsIsFound() {
    SQLException batch = sql("HY000", 0);
    batch.setNextException(sql("23000", 1062));

    assertThat(Errors.isConstraintViolation(new PersistenceException(batch))).isTrue();
  }

  @Test
  void theProvidersOwnConstraintViolationWithoutASqlCauseIsAConstraintViolation() {
    assertThat(Errors.isConstraintViolation(new PersistenceException(new ConstraintViolationException()))).isTrue();
  }

  @Test
  void aDeadlockIsNotAConstraintViolation() {
    assertThat(Errors.isConstraintViolation(new PersistenceException(sql("40001", 0)))).isFalse();
  }

  @Test
  void aDeadlockOnEachVendorIsRecognisedBehindTheProvidersException() {
    assertThat(Errors.isDeadlock(new PersistenceException(sql("40P01", 0)))).as("PostgreSQL").isTrue();
    assertThat(Errors.isDeadlock(new PersistenceException(sql("40001", 0)))).as("H2, serialization").isTrue();
    assertThat(Errors.isDeadlock(new PersistenceException(sql("HY000", 1213)))).as("MariaDB code").isTrue();
  }

  @Test
  void aConstraintViolationIsNotADeadlock() {
    assertThat(Errors.isDeadlock(new PersistenceException(sql("23505", 0)))).isFalse();
  }

  @Test
  void anOptimisticLockFailureDeepInTheCausesIsAStaleVersionConflict() {
    RuntimeException direct = Errors.translate(new PersistenceException(new OptimisticLockException()));
    RuntimeException deeper = Errors.translate(
        new PersistenceException(new IllegalStateException(new OptimisticLockException())));

    assertThat(direct).isInstanceOfSatisfying(ConflictException.class,
        e -> assertThat(e.reason()).isEqualTo(ConflictException.Reason.STALE_VERSION));
    assertThat(deeper).isInstanceOfSatisfying(ConflictException.class,
        e -> assertThat(e.reason()).isEqualTo(ConflictException.Reason.STALE_VERSION));
  }

  @Test
  void anUnavailableDatabaseNamesSqlStateAndVendorCodeButNotTheDriversText() {
    RuntimeException fromJdbc = Errors.translate(sql("08006", 17));
    RuntimeException fromProvider = Errors.translate(new PersistenceException(sql("08006", 17)));

    for (RuntimeException e : new RuntimeException[] {fromJdbc, fromProvider}) {
      assertThat(e).isInstanceOf(UnavailableException.class);
      assertThat(e.getMessage()).contains("SQLState 08006, vendor code 17").doesNotContain("alice@example.com");
    }
  }

  @Test
  void anUnavailableDatabaseWithoutASqlCauseNamesTheExceptionType() {
    RuntimeException e = Errors.translate(new PersistenceException("closed"));

    assertThat(e).isInstanceOf(UnavailableException.class);
    assertThat(e.getMessage()).endsWith("PersistenceException (see the cause)");
  }
}
