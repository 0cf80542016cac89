package io.simestate.jpa;

import io.simestate.core.contract.SimAssignmentStoreContract;
import io.simestate.core.customer.CustomerStore;
import io.simestate.core.sim.SimAssignmentStore;
import org.junit.jupiter.api.Nested;

/** Core's {@code SimAssignmentStoreContract}, run against the JPA adapter once per database. */
class JpaSimAssignmentStoreContractTest {

  @Nested
  @Db(DatabaseVendor.H2)
  class OnH2 extends SimAssignmentStoreContract {
    @Override
    protected CustomerStore customerStore() {
      return Db.Of.database(this).persistence.customers();
    }

    @Override
    protected SimAssignmentStore simAssignmentStore() {
      return Db.Of.database(this).persistence.simAssignments();
    }
  }

  @Nested
  @Db(DatabaseVendor.POSTGRESQL)
  class OnPostgreSql extends SimAssignmentStoreContract {
    @Override
    protected CustomerStore customerStore() {
      return Db.Of.database(this).persistence.customers();
    }

    @Override
    protected SimAssignmentStore simAssignmentStore() {
      return Db.Of.database(this).persistence.simAssignments();
    }
  }

  @Nested
  @Db(DatabaseVendor.MARIADB)
  class OnMariaDb extends SimAssignmentStoreContract {
    @Override
    protected CustomerStore customerStore() {
      return Db.Of.database(this).persistence.customers();
    }

    @Override
    protected SimAssignmentStore simAssignmentStore() {
      return Db.Of.database(this).persistence.simAssignments();
    }
  }
}
