package io.simestate.jpa;

import static io.simestate.jpa.Fixtures.customer;
import static io.simestate.jpa.Fixtures.tenant;
import static org.assertj.core.api.Assertions.assertThat;

import io.simestate.core.TenantId;
import io.simestate.core.customer.Customer;
import io.simestate.core.sim.IccidRange;
import io.simestate.core.sim.SimAssignmentStore;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * A range of a million SIMs assigned and released in chunked set-based SQL, on the server databases
 * (H2 in memory would hold the million rows in the test's own heap).
 */
class MillionSimsTest {

  abstract static class Scenarios {

    final TestDatabase db = Db.Of.database(this);
    final SimAssignmentStore store = db.persistence.simAssignments();
    final TenantId tenant = tenant();

    @Test
    void aMillionSimRangeIsAssignedInAboutThreeStatementsPerThousandAndReleasedInOne() {
      Customer c = db.persistence.customers().insert(customer(tenant, "Million"));
      IccidRange million = Fixtures.range(IccidRange.MAX_SIZE);
      long before = db.statements();

      long changed = store.assign(tenant, c.id(), million).changed();
      long assignStatements = db.statements() - before;
      long released = store.unassignAll(tenant, c.id());

      System.out.printf("[%s] assign 1,000,000 SIMs: %d statements%n", db.vendor, assignStatements);
      assertThat(changed).isEqualTo(IccidRange.MAX_SIZE);
      assertThat(assignStatements).isLessThanOrEqualTo(3 * 1_000 + 2);
      assertThat(released).isEqualTo(IccidRange.MAX_SIZE);
    }
  }

  @Nested
  @Db(DatabaseVendor.POSTGRESQL)
  class OnPostgreSql extends Scenarios {}

  @Nested
  @Db(DatabaseVendor.MARIADB)
  class OnMariaDb extends Scenarios {}
}
