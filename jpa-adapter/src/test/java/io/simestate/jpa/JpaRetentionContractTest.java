package io.simestate.jpa;

import io.simestate.core.contract.RetentionContract;
import io.simestate.core.persistence.Persistence;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;

/**
 * Core's {@code RetentionContract}, run against the JPA adapter once per database. A purge spans
 * every tenant, so the contract runs on a database of its own, emptied before each test.
 */
class JpaRetentionContractTest {

  @Nested
  @Db(DatabaseVendor.H2)
  class OnH2 extends RetentionContract {
    @BeforeEach
    void startEmpty() throws Exception {
      TestDatabase.own(DatabaseVendor.H2, "retention").clearAll();
    }

    @Override
    protected Persistence persistence() {
      return TestDatabase.own(DatabaseVendor.H2, "retention").persistence;
    }
  }

  @Nested
  @Db(DatabaseVendor.POSTGRESQL)
  class OnPostgreSql extends RetentionContract {
    @BeforeEach
    void startEmpty() throws Exception {
      TestDatabase.own(DatabaseVendor.POSTGRESQL, "retention").clearAll();
    }

    @Override
    protected Persistence persistence() {
      return TestDatabase.own(DatabaseVendor.POSTGRESQL, "retention").persistence;
    }
  }

  @Nested
  @Db(DatabaseVendor.MARIADB)
  class OnMariaDb extends RetentionContract {
    @BeforeEach
    void startEmpty() throws Exception {
      TestDatabase.own(DatabaseVendor.MARIADB, "retention").clearAll();
    }

    @Override
    protected Persistence persistence() {
      return TestDatabase.own(DatabaseVendor.MARIADB, "retention").persistence;
    }
  }
}
