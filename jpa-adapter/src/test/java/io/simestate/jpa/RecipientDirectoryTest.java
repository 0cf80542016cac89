package io.simestate.jpa;

import static io.simestate.jpa.Fixtures.contact;
import static io.simestate.jpa.Fixtures.customer;
import static io.simestate.jpa.Fixtures.tenant;
import static org.assertj.core.api.Assertions.assertThat;

import io.simestate.core.AlertKind;
import io.simestate.core.TenantId;
import io.simestate.core.alert.SimHolder;
import io.simestate.core.customer.Customer;
import io.simestate.core.sim.Iccid;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Routing's look-up: the holder with all its contacts, in one SQL statement. */
class RecipientDirectoryTest {

  abstract static class Scenarios {

    final TestDatabase db = Db.Of.database(this);
    final TenantId tenant = tenant();

    @Test
    void theHolderComesWithEveryContactInOrderFromOneStatement() {
      Customer c = db.persistence.customers().insert(customer(tenant, "Holder 🚀",
          contact("Ann", "ann@example.com", true, AlertKind.WARNING),
          contact("Bob", null, false),
          contact("Cid", "cid@example.com", false, AlertKind.CUT_OFF)));
      Iccid sim = Fixtures.iccid();
      db.persistence.simAssignments().assign(tenant, c.id(), List.of(sim));
      long before = db.statements();

      Optional<SimHolder> holder = db.persistence.recipients().holderOf(tenant, sim);

      // every statement prepared on the database, the provider's and the adapter's own JDBC alike
      long statements = db.statements() - before;
      System.out.printf("[%s] route (holderOf): %d statement(s)%n", db.vendor, statements);
      assertThat(statements).isEqualTo(1);
      assertThat(holder).contains(new SimHolder(c.id(), "Holder 🚀", c.contacts()));
    }

    @Test
    void aHolderWithoutContactsHasAnEmptyList() {
      Customer c = db.persistence.customers().insert(customer(tenant, "Lonely"));
      Iccid sim = Fixtures.iccid();
      db.persistence.simAssignments().assign(tenant, c.id(), List.of(sim));

      assertThat(db.persistence.recipients().holderOf(tenant, sim)).contains(new SimHolder(c.id(), "Lonely", List.of()));
    }

    @Test
    void aSimOfAnotherTenantHasNoHolder() {
      Customer c = db.persistence.customers().insert(customer(tenant, "Theirs", contact("Ann", "a@example.com", true)));
      Iccid sim = Fixtures.iccid();
      db.persistence.simAssignments().assign(tenant, c.id(), List.of(sim));

      assertThat(db.persistence.recipients().holderOf(tenant(), sim)).isEmpty();
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
