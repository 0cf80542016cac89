package io.simestate.jpa;

import io.simestate.core.contract.TenantSettingsContract;
import io.simestate.core.persistence.Persistence;
import org.junit.jupiter.api.Nested;

/** Core's {@code TenantSettingsContract}, run against the JPA adapter once per database. */
class JpaTenantSettingsContractTest {

  @Nested
  @Db(DatabaseVendor.H2)
  class OnH2 extends TenantSettingsContract {
    @Override
    protected Persistence persistence() {
      return Db.Of.database(this).persistence;
    }
  }

  @Nested
  @Db(DatabaseVendor.POSTGRESQL)
  class OnPostgreSql extends TenantSettingsContract {
    @Override
    protected Persistence persistence() {
      return Db.Of.database(this).persistence;
    }
  }

  @Nested
  @Db(DatabaseVendor.MARIADB)
  class OnMariaDb extends TenantSettingsContract {
    @Override
    protected Persistence persistence() {
      return Db.Of.database(this).persistence;
    }
  }
}
