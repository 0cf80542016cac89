package io.simestate.core.inmemory;

import io.simestate.core.Transactions;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Runs use cases one at a time (a reentrant lock), so that a use case's reads and writes across
 * the in-memory stores are atomic with respect to other use cases. The stores stay thread-safe on
 * their own for reads outside a transaction.
 */
final class InMemoryTransactions implements Transactions {

  private final ReentrantLock lock = new ReentrantLock();

  @Override
  public <T> T inTransaction(Supplier<T> work) {
    lock.lock();
    try {
      return work.get();
    } finally {
      lock.unlock();
    }
  }
}
