package io.simestate.jpa;

import io.simestate.core.contract.CustomerStoreContract;
import io.simestate.core.customer.CustomerStore;
import org.junit.jupiter.api.Nested;

/** Core's {@code CustomerStoreContract}, run against the JPA adapter once per database. */
class JpaCustomerStoreContractTest {

  @Nested
  @Db(DatabaseVendor.H2)
  class OnH2 extends CustomerStoreContract {
    @Override
    protected CustomerStore customerStore() {
      return Db.Of.database(this).persistence.customers();
    }
  }

  @Nested
  @Db(DatabaseVendor.POSTGRESQL)
  class OnPostgreSql extends CustomerStoreContract {
    @Override
    protected CustomerStore customerStore() {
      return Db.Of.database(this).persistence.customers();
    }
  }

  @Nested
  @Db(DatabaseVendor.MARIADB)
  class OnMariaDb extends CustomerStoreContract {
    @Override
    protected CustomerStore customerStore() {
      return Db.Of.database(this).persistence.customers();
    }
  }
}
