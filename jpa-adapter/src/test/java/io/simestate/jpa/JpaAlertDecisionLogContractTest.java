package io.simestate.jpa;

import io.simestate.core.alert.AlertDecisionLog;
import io.simestate.core.contract.AlertDecisionLogContract;
import org.junit.jupiter.api.Nested;

/** Core's {@code AlertDecisionLogContract}, run against the JPA adapter once per database. */
class JpaAlertDecisionLogContractTest {

  @Nested
  @Db(DatabaseVendor.H2)
  class OnH2 extends AlertDecisionLogContract {
    @Override
    protected AlertDecisionLog alertDecisionLog() {
      return Db.Of.database(this).persistence.decisions();
    }
  }

  @Nested
  @Db(DatabaseVendor.POSTGRESQL)
  class OnPostgreSql extends AlertDecisionLogContract {
    @Override
    protected AlertDecisionLog alertDecisionLog() {
      return Db.Of.database(this).persistence.decisions();
    }
  }

  @Nested
  @Db(DatabaseVendor.MARIADB)
  class OnMariaDb extends AlertDecisionLogContract {
    @Override
    protected AlertDecisionLog alertDecisionLog() {
      return Db.Of.database(this).persistence.decisions();
    }
  }
}
