package io.simestate.jpa;

import io.simestate.core.contract.CsvImportContract;
import io.simestate.core.persistence.Persistence;
import org.junit.jupiter.api.Nested;

/** Core's {@code CsvImportContract}, run against the JPA adapter once per database. */
class JpaCsvImportContractTest {

  @Nested
  @Db(DatabaseVendor.H2)
  class OnH2 extends CsvImportContract {
    @Override
    protected Persistence persistence() {
      return Db.Of.database(this).persistence;
    }
  }

  @Nested
  @Db(DatabaseVendor.POSTGRESQL)
  class OnPostgreSql extends CsvImportContract {
    @Override
    protected Persistence persistence() {
      return Db.Of.database(this).persistence;
    }
  }

  @Nested
  @Db(DatabaseVendor.MARIADB)
  class OnMariaDb extends CsvImportContract {
    @Override
    protected Persistence persistence() {
      return Db.Of.database(this).persistence;
    }
  }
}
