package io.simestate.jpa;

import io.simestate.core.contract.LimitsContract;
import io.simestate.core.persistence.Persistence;
import org.junit.jupiter.api.Nested;

/** Core's {@code LimitsContract}, run against the JPA adapter once per database. */
class JpaLimitsContractTest {

  @Nested
  @Db(DatabaseVendor.H2)
  class OnH2 extends LimitsContract {
    @Override
    protected Persistence persistence() {
      return Db.Of.database(this).persistence;
    }
  }

  @Nested
  @Db(DatabaseVendor.POSTGRESQL)
  class OnPostgreSql extends LimitsContract {
    @Override
    protected Persistence persistence() {
      return Db.Of.database(this).persistence;
    }
  }

  @Nested
  @Db(DatabaseVendor.MARIADB)
  class OnMariaDb extends LimitsContract {
    @Override
    protected Persistence persistence() {
      return Db.Of.database(this).persistence;
    }
  }
}
