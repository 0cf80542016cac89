package io.simestate.jpa;

import io.simestate.core.contract.AlertRoutingContract;
import io.simestate.core.persistence.Persistence;
import org.junit.jupiter.api.Nested;

/** Core's {@code AlertRoutingContract}, run against the JPA adapter once per database. */
class JpaAlertRoutingContractTest {

  @Nested
  @Db(DatabaseVendor.H2)
  class OnH2 extends AlertRoutingContract {
    @Override
    protected Persistence persistence() {
      return Db.Of.database(this).persistence;
    }
  }

  @Nested
  @Db(DatabaseVendor.POSTGRESQL)
  class OnPostgreSql extends AlertRoutingContract {
    @Override
    protected Persistence persistence() {
      return Db.Of.database(this).persistence;
    }
  }

  @Nested
  @Db(DatabaseVendor.MARIADB)
  class OnMariaDb extends AlertRoutingContract {
    @Override
    protected Persistence persistence() {
      return Db.Of.database(this).persistence;
    }
  }
}
