package io.simestate.core.inmemory;

import io.simestate.core.InvalidInputException;
import io.simestate.core.Transactions;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Runs use cases one at a time (a reentrant lock), so that a use case's reads and writes across
 * the in-memory stores are atomic with respect to other use cases, and undoes a use case's writes
 * when it fails: each store registers an undo step for every change it makes inside a transaction,
 * and a failing outermost transaction runs them newest first. The stores stay thread-safe on their
 * own for calls outside a transaction. {@link #inNewTransaction} sets the caller's undo log aside,
 * so that the new transaction's changes stay when the caller's transaction later fails.
 */
final class InMemoryTransactions implements Transactions {

  private final ReentrantLock lock = new ReentrantLock();
  private final ThreadLocal<Deque<Runnable>> undoLog = new ThreadLocal<>();

  @Override
  public <T> T inTransaction(Supplier<T> work) {
    InvalidInputException.requirePresent(work, "work");
    lock.lock();
    boolean outermost = undoLog.get() == null;
    if (outermost) {
      undoLog.set(new ArrayDeque<>());
    }
    try {
      T result = work.get();
      if (outermost) {
        undoLog.remove();
      }
      return result;
    } catch (RuntimeException | Error e) {
      if (outermost) {
        rollback();
      }
      throw e;
    } finally {
      lock.unlock();
    }
  }

  @Override
  public <T> T inNewTransaction(Supplier<T> work) {
    InvalidInputException.requirePresent(work, "work");
    lock.lock();
    Deque<Runnable> outer = undoLog.get();
    undoLog.remove();
    try {
      return inTransaction(work);
    } finally {
      if (outer != null) {
        undoLog.set(outer);
      }
      lock.unlock();
    }
  }

  /**
   * Registers how to undo a change just made, if a transaction is running on this thread.
   *
   * @param undo the step that restores the state before the change
   */
  void onRollback(Runnable undo) {
    Deque<Runnable> log = undoLog.get();
    if (log != null) {
      log.push(undo);
    }
  }

  /**
   * Whether a transaction is running on this thread, so that a store knows to keep undo data.
   *
   * @return true inside {@link #inTransaction}
   */
  boolean active() {
    return undoLog.get() != null;
  }

  private void rollback() {
    Deque<Runnable> log = undoLog.get();
    undoLog.remove();
    while (!log.isEmpty()) {
      log.pop().run();
    }
  }
}
