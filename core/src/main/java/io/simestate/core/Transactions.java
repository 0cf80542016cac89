package io.simestate.core;

import java.util.function.Supplier;

/**
 * Port: runs one use case atomically. The in-memory adapter serialises writers; the JPA adapter
 * runs a database transaction (or joins the host's). Every change a use case makes through the
 * stores, and every event it publishes, commits or rolls back together.
 */
@FunctionalInterface
public interface Transactions {

  /**
   * Runs work in one transaction. A nested call joins the outer transaction.
   *
   * @param work the work
   * @param <T> its result type
   * @return the work's result
   */
  <T> T inTransaction(Supplier<T> work);

  /**
   * Runs work without a result in one transaction.
   *
   * @param work the work
   */
  default void run(Runnable work) {
    inTransaction(() -> {
      work.run();
      return null;
    });
  }
}
