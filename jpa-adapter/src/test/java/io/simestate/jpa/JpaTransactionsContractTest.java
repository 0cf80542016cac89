package io.simestate.jpa;

import io.simestate.core.contract.TransactionsContract;
import io.simestate.core.persistence.Persistence;
import jakarta.persistence.EntityManager;
import java.util.function.Supplier;
import org.junit.jupiter.api.Nested;

/**
 * Core's {@code TransactionsContract}, run against the JPA adapter in both modes once per database:
 * standalone (the adapter's own transactions) and joined (every step inside a host transaction on an
 * EntityManager of the host's, committed at the end of the step or rolled back when it throws).
 */
class JpaTransactionsContractTest {

  /** Joined mode: the host's transaction per test step. */
  abstract static class JoinedContract extends TransactionsContract {
    private final ThreadLocal<EntityManager> host = new ThreadLocal<>();
    private final JpaPersistence joined = JpaPersistence.joined(host::get);

    @Override
    protected Persistence persistence() {
      return joined;
    }

    @Override
    protected boolean opensOwnTransactions() {
      return false;
    }

    @Override
    protected <T> T asHost(Supplier<T> step) {
      EntityManager em = Db.Of.database(this).factory.createEntityManager();
      host.set(em);
      try {
        em.getTransaction().begin();
        T result = step.get();
        em.getTransaction().commit();
        return result;
      } catch (RuntimeException | Error e) {
        if (em.getTransaction().isActive()) {
          em.getTransaction().rollback();
        }
        throw e;
      } finally {
        host.remove();
        em.close();
      }
    }
  }

  @Nested
  @Db(DatabaseVendor.H2)
  class StandaloneOnH2 extends TransactionsContract {
    @Override
    protected Persistence persistence() {
      return Db.Of.database(this).persistence;
    }
  }

  @Nested
  @Db(DatabaseVendor.H2)
  class JoinedOnH2 extends JoinedContract {
  }

  @Nested
  @Db(DatabaseVendor.POSTGRESQL)
  class StandaloneOnPostgreSql extends TransactionsContract {
    @Override
    protected Persistence persistence() {
      return Db.Of.database(this).persistence;
    }
  }

  @Nested
  @Db(DatabaseVendor.POSTGRESQL)
  class JoinedOnPostgreSql extends JoinedContract {
  }

  @Nested
  @Db(DatabaseVendor.MARIADB)
  class StandaloneOnMariaDb extends TransactionsContract {
    @Override
    protected Persistence persistence() {
      return Db.Of.database(this).persistence;
    }
  }

  @Nested
  @Db(DatabaseVendor.MARIADB)
  class JoinedOnMariaDb extends JoinedContract {
  }
}
