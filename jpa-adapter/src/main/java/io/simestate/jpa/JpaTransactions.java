package io.simestate.jpa;

import io.simestate.core.InvalidInputException;
import io.simestate.core.Transactions;
import jakarta.persistence.EntityManager;
import java.util.function.Consumer;
import java.util.function.Function;

/** The transaction runner of one adapter instance, and the way its stores reach an EntityManager. */
interface JpaTransactions extends Transactions {

  /**
   * Runs work with the EntityManager of the current transaction, starting one if none runs.
   * Exceptions leave as core exceptions.
   */
  default <T> T call(Function<EntityManager, T> work) {
    try {
      return inTransaction(() -> work.apply(entityManager()));
    } catch (RuntimeException e) {
      throw Errors.translate(e);
    }
  }

  /**
   * Runs a read-only JDBC look-up: on the current transaction's connection if one runs (or, in
   * joined mode, in the host's transaction); standalone mode without a transaction overrides this to
   * run it in auto-commit, without opening a transaction of its own.
   */
  default <T> T read(Jdbc.Work<T> work) {
    return call(em -> Jdbc.on(em, work));
  }

  /** The EntityManager of the transaction that runs on this thread. */
  EntityManager entityManager();

  /** Runs work without a result. */
  default void execute(Consumer<EntityManager> work) {
    call(em -> {
      work.accept(em);
      return null;
    });
  }
}
