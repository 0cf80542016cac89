package io.simestate.jpa;

import io.simestate.core.audit.AuditTrail;
import io.simestate.core.contract.AuditTrailContract;
import org.junit.jupiter.api.Nested;

/** Core's {@code AuditTrailContract}, run against the JPA adapter once per database. */
class JpaAuditTrailContractTest {

  @Nested
  @Db(DatabaseVendor.H2)
  class OnH2 extends AuditTrailContract {
    @Override
    protected AuditTrail auditTrail() {
      return Db.Of.database(this).persistence.auditTrail();
    }
  }

  @Nested
  @Db(DatabaseVendor.POSTGRESQL)
  class OnPostgreSql extends AuditTrailContract {
    @Override
    protected AuditTrail auditTrail() {
      return Db.Of.database(this).persistence.auditTrail();
    }
  }

  @Nested
  @Db(DatabaseVendor.MARIADB)
  class OnMariaDb extends AuditTrailContract {
    @Override
    protected AuditTrail auditTrail() {
      return Db.Of.database(this).persistence.auditTrail();
    }
  }
}
