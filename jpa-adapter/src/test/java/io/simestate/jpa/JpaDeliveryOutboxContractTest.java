package io.simestate.jpa;

import io.simestate.core.alert.DeliveryOutbox;
import io.simestate.core.contract.DeliveryOutboxContract;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;

/**
 * Core's {@code DeliveryOutboxContract}, run against the JPA adapter once per database. Claiming spans
 * all tenants, so the contract wants an empty outbox at the start of each test.
 */
class JpaDeliveryOutboxContractTest {

  @Nested
  @Db(DatabaseVendor.H2)
  class OnH2 extends DeliveryOutboxContract {
    @BeforeEach
    void startWithAnEmptyOutbox() throws Exception {
      Db.Of.database(this).clearOutbox();
    }

    @Override
    protected DeliveryOutbox deliveryOutbox() {
      return Db.Of.database(this).persistence.outbox();
    }
  }

  @Nested
  @Db(DatabaseVendor.POSTGRESQL)
  class OnPostgreSql extends DeliveryOutboxContract {
    @BeforeEach
    void startWithAnEmptyOutbox() throws Exception {
      Db.Of.database(this).clearOutbox();
    }

    @Override
    protected DeliveryOutbox deliveryOutbox() {
      return Db.Of.database(this).persistence.outbox();
    }
  }

  @Nested
  @Db(DatabaseVendor.MARIADB)
  class OnMariaDb extends DeliveryOutboxContract {
    @BeforeEach
    void startWithAnEmptyOutbox() throws Exception {
      Db.Of.database(this).clearOutbox();
    }

    @Override
    protected DeliveryOutbox deliveryOutbox() {
      return Db.Of.database(this).persistence.outbox();
    }
  }
}
