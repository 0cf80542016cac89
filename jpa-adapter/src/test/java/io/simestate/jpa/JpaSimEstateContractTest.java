package io.simestate.jpa;

import io.simestate.core.contract.SimEstateContract;
import io.simestate.core.persistence.Persistence;
import org.junit.jupiter.api.Nested;

/** Core's {@code SimEstateContract}, run against the JPA adapter once per database. */
class JpaSimEstateContractTest {

  @Nested
  @Db(DatabaseVendor.H2)
  class OnH2 extends SimEstateContract {
    @Override
    protected Persistence persistence() {
      return Db.Of.database(this).persistence;
    }
  }

  @Nested
  @Db(DatabaseVendor.POSTGRESQL)
  class OnPostgreSql extends SimEstateContract {
    @Override
    protected Persistence persistence() {
      return Db.Of.database(this).persistence;
    }
  }

  @Nested
  @Db(DatabaseVendor.MARIADB)
  class OnMariaDb extends SimEstateContract {
    @Override
    protected Persistence persistence() {
      return Db.Of.database(this).persistence;
    }
  }
}
