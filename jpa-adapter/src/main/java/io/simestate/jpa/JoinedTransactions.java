package io.simestate.jpa;

import io.simestate.core.InvalidInputException;
import io.simestate.core.Transactions;
import jakarta.persistence.EntityManager;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Joined mode: the host owns the transaction. Every unit of work runs with the host's
 * transaction-bound EntityManager and commits or rolls back with the host's own changes. With the
 * host's transaction runner (a Spring {@code TransactionTemplate}, say), a unit of work called
 * outside any transaction gets one from the host; without it, the work runs as it is. There is no
 * transaction of the adapter's own to open: {@code inNewTransaction} joins the host's too, so a host
 * runs the dispatcher where no transaction of its own is open (its own thread, say).
 */
final class JoinedTransactions implements JpaTransactions {

  /** Runs the work as it is: the caller must already be inside the host's transaction. */
  private static final Transactions AS_CALLED = Supplier::get;

  private final Supplier<EntityManager> entityManagers;
  private final Transactions host;

  JoinedTransactions(Supplier<EntityManager> entityManagers) {
    this(entityManagers, AS_CALLED);
  }

  JoinedTransactions(Supplier<EntityManager> entityManagers, Transactions host) {
    this.entityManagers = entityManagers;
    this.host = host;
  }

  @Override
  public <T> T inTransaction(Supplier<T> work) {
    return host.inTransaction(InvalidInputException.requirePresent(work, "work"));
  }

  @Override
  public EntityManager entityManager() {
    return Objects.requireNonNull(entityManagers.get(), "the host's EntityManager supplier returned null");
  }
}
