package io.simestate.jpa;

import io.simestate.core.contract.SentRecorderContract;
import io.simestate.core.persistence.Persistence;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;

/**
 * Core's {@code SentRecorderContract}, run against the JPA adapter once per database: one statement on
 * PostgreSQL, the stores in turn on H2 and MariaDB. Claiming spans all tenants, so the contract wants
 * an empty outbox at the start of each test.
 */
class JpaSentRecorderContractTest {

  abstract static class OnDatabase extends SentRecorderContract {
    @BeforeEach
    void startWithAnEmptyOutbox() throws Exception {
      Db.Of.database(this).clearOutbox();
    }

    @Override
    protected Persistence persistence() {
      return Db.Of.database(this).persistence;
    }
  }

  @Nested
  @Db(DatabaseVendor.H2)
  class OnH2 extends OnDatabase {}

  @Nested
  @Db(DatabaseVendor.POSTGRESQL)
  class OnPostgreSql extends OnDatabase {}

  @Nested
  @Db(DatabaseVendor.MARIADB)
  class OnMariaDb extends OnDatabase {}
}
