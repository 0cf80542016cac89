package io.simestate.core;

import java.util.function.Supplier;

/**
 * Port: runs one use case atomically. The in-memory adapter serialises writers; the JPA adapter
 * runs a database transaction (or joins the host's). Every change a use case makes through the
 * stores, and every event it publishes, commits or rolls back together.
 *
 * <p>Two operations: {@link #inTransaction} joins a transaction that already runs on the calling
 * thread; {@link #inNewTransaction} always runs (and commits) a transaction of its own, which the
 * dispatcher uses to record each delivery's result the moment it is known. Where the host owns every
 * transaction (the JPA adapter's joined mode) there is no transaction of one's own to open, and
 * {@link #inNewTransaction} joins the host's as well. The contract is {@code TransactionsContract} in
 * core's test-jar.
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
   * Runs work in a transaction of its own that has committed when this method returns, also when
   * it is called inside another transaction: that one is set aside meanwhile, does not see this one's
   * changes before it commits, and its own later rollback does not undo them. A failure rolls back this
   * transaction only and reaches the caller.
   *
   * <p>Where the host owns every transaction (JPA joined mode) the work runs in the host's
   * transaction and commits with it. The default, for implementations that never nest, is
   * {@link #inTransaction}.
   *
   * @param work the work
   * @param <T> its result type
   * @return the work's result
   */
  default <T> T inNewTransaction(Supplier<T> work) {
    return inTransaction(work);
  }

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
