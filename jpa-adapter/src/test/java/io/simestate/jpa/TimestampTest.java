package io.simestate.jpa;

import static io.simestate.jpa.Fixtures.customer;
import static io.simestate.jpa.Fixtures.tenant;
import static org.assertj.core.api.Assertions.assertThat;

import io.simestate.core.Actor;
import io.simestate.core.TenantId;
import io.simestate.core.audit.AuditEvent;
import io.simestate.core.audit.AuditEventType;
import io.simestate.core.customer.Customer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Instants written by Hibernate (entities) and by the adapter's own JDBC land in the columns alike,
 * whatever the JVM's time zone (the tests run in UTC+13:45).
 */
class TimestampTest {

  abstract static class Scenarios {

    final TestDatabase db = Db.Of.database(this);
    final TenantId tenant = tenant();

    @Test
    void anInstantStoredThroughAnEntityAndThroughJdbcIsTheSameColumnValue() throws Exception {
      Customer c = db.persistence.customers().insert(customer(tenant, "Clock"));
      AuditEvent e = new AuditEvent(UUID.randomUUID(), tenant, AuditEventType.CUSTOMER_CREATED, Actor.system(),
          c.createdAt(), c.id(), null, "created");
      db.persistence.auditTrail().publish(e);

      try (Connection conn = db.connection(); PreparedStatement ps = conn.prepareStatement(
          "select count(*) from simestate_customer c join simestate_audit_event e on e.customer_id = c.id "
              + "where c.id = ? and e.occurred_at = c.created_at")) {
        ps.setString(1, c.id().toString());
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          assertThat(rs.getLong(1)).isEqualTo(1);
        }
      }
      assertThat(db.persistence.auditTrail().forCustomer(tenant, c.id(), 1).get(0).at()).isEqualTo(c.createdAt());
    }
  }

  @Nested
  @Db(DatabaseVendor.H2)
  class OnH2 extends Scenarios {}

  @Nested
  @Db(DatabaseVendor.POSTGRESQL)
  class OnPostgreSql extends Scenarios {}

  @Nested
  @Db(DatabaseVendor.MARIADB)
  class OnMariaDb extends Scenarios {}
}
