package io.simestate.jpa;

import io.simestate.core.contract.PortalAnswersContract;
import io.simestate.core.persistence.Persistence;
import org.junit.jupiter.api.Nested;

/** Core's {@code PortalAnswersContract}, run against the JPA adapter once per database. */
class JpaPortalAnswersContractTest {

  @Nested
  @Db(DatabaseVendor.H2)
  class OnH2 extends PortalAnswersContract {
    @Override
    protected Persistence persistence() {
      return Db.Of.database(this).persistence;
    }
  }

  @Nested
  @Db(DatabaseVendor.POSTGRESQL)
  class OnPostgreSql extends PortalAnswersContract {
    @Override
    protected Persistence persistence() {
      return Db.Of.database(this).persistence;
    }
  }

  @Nested
  @Db(DatabaseVendor.MARIADB)
  class OnMariaDb extends PortalAnswersContract {
    @Override
    protected Persistence persistence() {
      return Db.Of.database(this).persistence;
    }
  }
}
