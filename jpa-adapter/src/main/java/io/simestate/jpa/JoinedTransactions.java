package io.simestate.jpa;

import io.simestate.core.InvalidInputException;
import jakarta.persistence.EntityManager;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Joined mode: the host owns the transaction. Every unit of work runs with the host's
 * transaction-bound EntityManager and commits or rolls back with the host's own changes. There is no
 * transaction of the adapter's own to open: {@code inNewTransaction} joins the host's too.
 */
final class JoinedTransactions implements JpaTransactions {

  private final Supplier<EntityManager> entityManagers;

  JoinedTransactions(Supplier<EntityManager> entityManagers) {
    this.entityManagers = entityManagers;
  }

  @Override
  public <T> T inTransaction(Supplier<T> work) {
    return InvalidInputException.requirePresent(work, "work").get();
  }

  @Override
  public EntityManager entityManager() {
    return Objects.requireNonNull(entityManagers.get(), "the host's EntityManager supplier returned null");
  }
}
