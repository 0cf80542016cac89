package io.simestate.jpa;

import io.simestate.core.contract.DeliveryOperationsContract;
import io.simestate.core.persistence.Persistence;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;

/**
 * Core's {@code DeliveryOperationsContract}, run against the JPA adapter once per database. The
 * contract claims across tenants, so each test starts with an empty outbox.
 */
class JpaDeliveryOperationsContractTest {

  @Nested
  @Db(DatabaseVendor.H2)
  class OnH2 extends DeliveryOperationsContract {
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
  @Db(DatabaseVendor.POSTGRESQL)
  class OnPostgreSql extends DeliveryOperationsContract {
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
  @Db(DatabaseVendor.MARIADB)
  class OnMariaDb extends DeliveryOperationsContract {
    @BeforeEach
    void startWithAnEmptyOutbox() throws Exception {
      Db.Of.database(this).clearOutbox();
    }

    @Override
    protected Persistence persistence() {
      return Db.Of.database(this).persistence;
    }
  }
}
