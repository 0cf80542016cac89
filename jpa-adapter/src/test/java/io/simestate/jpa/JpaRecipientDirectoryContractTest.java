package io.simestate.jpa;

import io.simestate.core.alert.RecipientDirectory;
import io.simestate.core.contract.RecipientDirectoryContract;
import io.simestate.core.customer.CustomerStore;
import io.simestate.core.sim.SimAssignmentStore;
import org.junit.jupiter.api.Nested;

/** Core's {@code RecipientDirectoryContract}, run against the JPA adapter once per database. */
class JpaRecipientDirectoryContractTest {

  @Nested
  @Db(DatabaseVendor.H2)
  class OnH2 extends RecipientDirectoryContract {
    @Override
    protected CustomerStore customerStore() {
      return Db.Of.database(this).persistence.customers();
    }

    @Override
    protected SimAssignmentStore simAssignmentStore() {
      return Db.Of.database(this).persistence.simAssignments();
    }

    @Override
    protected RecipientDirectory recipientDirectory() {
      return Db.Of.database(this).persistence.recipients();
    }
  }

  @Nested
  @Db(DatabaseVendor.POSTGRESQL)
  class OnPostgreSql extends RecipientDirectoryContract {
    @Override
    protected CustomerStore customerStore() {
      return Db.Of.database(this).persistence.customers();
    }

    @Override
    protected SimAssignmentStore simAssignmentStore() {
      return Db.Of.database(this).persistence.simAssignments();
    }

    @Override
    protected RecipientDirectory recipientDirectory() {
      return Db.Of.database(this).persistence.recipients();
    }
  }

  @Nested
  @Db(DatabaseVendor.MARIADB)
  class OnMariaDb extends RecipientDirectoryContract {
    @Override
    protected CustomerStore customerStore() {
      return Db.Of.database(this).persistence.customers();
    }

    @Override
    protected SimAssignmentStore simAssignmentStore() {
      return Db.Of.database(this).persistence.simAssignments();
    }

    @Override
    protected RecipientDirectory recipientDirectory() {
      return Db.Of.database(this).persistence.recipients();
    }
  }
}
