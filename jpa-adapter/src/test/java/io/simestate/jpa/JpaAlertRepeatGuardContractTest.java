package io.simestate.jpa;

import io.simestate.core.alert.AlertRepeatGuard;
import io.simestate.core.contract.AlertRepeatGuardContract;
import org.junit.jupiter.api.Nested;

/** Core's {@code AlertRepeatGuardContract}, run against the JPA adapter once per database. */
class JpaAlertRepeatGuardContractTest {

  @Nested
  @Db(DatabaseVendor.H2)
  class OnH2 extends AlertRepeatGuardContract {
    @Override
    protected AlertRepeatGuard alertRepeatGuard() {
      return Db.Of.database(this).persistence.repeatGuard();
    }
  }

  @Nested
  @Db(DatabaseVendor.POSTGRESQL)
  class OnPostgreSql extends AlertRepeatGuardContract {
    @Override
    protected AlertRepeatGuard alertRepeatGuard() {
      return Db.Of.database(this).persistence.repeatGuard();
    }
  }

  @Nested
  @Db(DatabaseVendor.MARIADB)
  class OnMariaDb extends AlertRepeatGuardContract {
    @Override
    protected AlertRepeatGuard alertRepeatGuard() {
      return Db.Of.database(this).persistence.repeatGuard();
    }
  }
}
