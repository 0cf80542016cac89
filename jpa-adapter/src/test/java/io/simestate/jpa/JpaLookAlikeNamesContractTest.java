package io.simestate.jpa;

import io.simestate.core.contract.LookAlikeNamesContract;
import io.simestate.core.persistence.Persistence;
import org.junit.jupiter.api.Nested;

/** Core's {@code LookAlikeNamesContract}, run against the JPA adapter once per database. */
class JpaLookAlikeNamesContractTest {

  @Nested
  @Db(DatabaseVendor.H2)
  class OnH2 extends LookAlikeNamesContract {
    @Override
    protected Persistence persistence() {
      return Db.Of.database(this).persistence;
    }
  }

  @Nested
  @Db(DatabaseVendor.POSTGRESQL)
  class OnPostgreSql extends LookAlikeNamesContract {
    @Override
    protected Persistence persistence() {
      return Db.Of.database(this).persistence;
    }
  }

  @Nested
  @Db(DatabaseVendor.MARIADB)
  class OnMariaDb extends LookAlikeNamesContract {
    @Override
    protected Persistence persistence() {
      return Db.Of.database(this).persistence;
    }
  }
}
