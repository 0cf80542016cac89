package io.simestate.jpa;

import io.simestate.core.InvalidInputException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Standalone mode: the adapter owns its transactions. Each outermost {@code inTransaction} opens an
 * EntityManager, binds it to the thread, commits or rolls back, and closes it; nested calls join;
 * {@code inNewTransaction} always opens one of its own.
 */
final class StandaloneTransactions implements JpaTransactions {

  private static final Logger LOG = LoggerFactory.getLogger(StandaloneTransactions.class);

  private final EntityManagerFactory factory;
  private final ThreadLocal<EntityManager> current = new ThreadLocal<>();

  StandaloneTransactions(EntityManagerFactory factory) {
    this.factory = factory;
  }

  @Override
  public <T> T inTransaction(Supplier<T> work) {
    InvalidInputException.requirePresent(work, "work");
    if (current.get() != null) {
      return work.get();
    }
    // A deadlock victim's transaction was rolled back whole by the database, so the use case can run
    // again from the start; other failures (a lost connection, a constraint) are not retried.
    for (int attempt = 1; ; attempt++) {
      try {
        return runOwn(em -> work.get());
      } catch (io.simestate.core.UnavailableException e) {
        if (attempt >= DEADLOCK_ATTEMPTS || !Errors.isDeadlock(e)) {
          throw e;
        }
      }
    }
  }

  /** How often a use case runs when the database keeps choosing it as a deadlock victim. */
  private static final int DEADLOCK_ATTEMPTS = 3;

  /**
   * Sets the caller's transaction aside (its EntityManager stays open and unchanged), runs the work
   * as an outermost transaction of its own, and puts the caller's back.
   */
  @Override
  public <T> T inNewTransaction(Supplier<T> work) {
    InvalidInputException.requirePresent(work, "work");
    EntityManager outer = current.get();
    if (outer == null) {
      return inTransaction(work);
    }
    current.remove();
    try {
      return inTransaction(work);
    } finally {
      current.set(outer);
    }
  }

  /**
   * Outside a use case's transaction, the look-up borrows a pooled connection through an
   * EntityManager that never begins a transaction, so the statement runs in auto-commit: no
   * {@code BEGIN}/{@code COMMIT} round trip for a single read. Inside one, it joins it.
   */
  @Override
  public <T> T read(Jdbc.Work<T> work) {
    if (current.get() != null) {
      return JpaTransactions.super.read(work);
    }
    EntityManager em;
    try {
      em = factory.createEntityManager();
    } catch (RuntimeException e) {
      throw Errors.translate(e);
    }
    try {
      return em.callWithConnection((java.sql.Connection c) -> work.apply(c));
    } catch (RuntimeException e) {
      throw Errors.translate(e);
    } finally {
      try {
        em.close();
      } catch (RuntimeException e) {
        LOG.warn("Could not close an EntityManager", e);
      }
    }
  }

  private <T> T runOwn(Function<EntityManager, T> work) {
    EntityManager em;
    try {
      em = factory.createEntityManager();
    } catch (RuntimeException e) {
      throw Errors.translate(e);
    }
    current.set(em);
    EntityTransaction tx = null;
    try {
      tx = em.getTransaction();
      tx.begin();
      T result = work.apply(em);
      tx.commit();
      return result;
    } catch (RuntimeException e) {
      rollbackQuietly(tx, e);
      throw Errors.translate(e);
    } catch (Error e) {
      rollbackQuietly(tx, e);
      throw e;
    } finally {
      current.remove();
      try {
        em.close();
      } catch (RuntimeException e) {
        LOG.warn("Could not close an EntityManager", e);
      }
    }
  }

  private static void rollbackQuietly(EntityTransaction tx, Throwable cause) {
    try {
      if (tx != null && tx.isActive()) {
        tx.rollback();
      }
    } catch (RuntimeException e) {
      cause.addSuppressed(e);
    }
  }

  @Override
  public EntityManager entityManager() {
    EntityManager em = current.get();
    if (em == null) {
      throw new IllegalStateException("No SIM Estate transaction runs on this thread");
    }
    return em;
  }
}
