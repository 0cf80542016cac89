package io.simestate.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.simestate.core.Transactions;
import io.simestate.core.UnavailableException;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Standalone mode runs a use case again when the database chose it as a deadlock victim (its whole
 * transaction was rolled back), three times in all; other failures are not retried. The failure is
 * thrown by the work itself, as the adapter's statements would after translation.
 */
class DeadlockRetryTest {

  @Nested
  @Db(DatabaseVendor.H2)
  class OnH2 {

    final Transactions tx = Db.Of.database(this).persistence.transactions();
    final AtomicInteger runs = new AtomicInteger();

    /** Fails every time with the failure given; a runaway retry ends after ten runs. */
    private Object failing(UnavailableException failure) {
      if (runs.incrementAndGet() > 10) {
        throw new IllegalStateException("retried more than ten times");
      }
      throw failure;
    }

    @Test
    void aUseCaseThatKeepsLosingDeadlocksRunsThreeTimesThenFails() {
      UnavailableException deadlock = new UnavailableException("deadlock", new SQLException("victim", "40001"));

      assertThatThrownBy(() -> tx.inTransaction(() -> failing(deadlock))).isSameAs(deadlock);
      assertThat(runs).hasValue(3);
    }

    @Test
    void aUseCaseThatFailsOtherwiseRunsOnce() {
      UnavailableException lost = new UnavailableException("connection lost", new SQLException("gone", "08006"));

      assertThatThrownBy(() -> tx.inTransaction(() -> failing(lost))).isSameAs(lost);
      assertThat(runs).hasValue(1);
    }
  }
}
