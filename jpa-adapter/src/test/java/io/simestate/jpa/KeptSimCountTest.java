package io.simestate.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import io.simestate.core.PageRequest;
import io.simestate.core.TenantId;
import io.simestate.core.customer.Customer;
import io.simestate.core.customer.CustomerStore;
import io.simestate.core.sim.Iccid;
import io.simestate.core.sim.SimAssignmentStore;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The SIM count the JPA adapter keeps per customer ({@code simestate_customer_sims}) is the number of
 * the customer's rows after any sequence of assignments, moves, releases and releases of everything,
 * with ICCIDs named twice in one call. On H2, the fastest of the three databases; the concurrent cases
 * run on all three in {@link SimAssignmentStoreTest}.
 */
class KeptSimCountTest {

  private static final int CUSTOMERS = 3;
  private static final int SIMS = 12;

  private final TestDatabase db = TestDatabase.of(DatabaseVendor.H2);
  private final CustomerStore customers = db.persistence.customers();
  private final SimAssignmentStore store = db.persistence.simAssignments();

  /** One call on the store: which, for which customer, with which of the pool's SIMs. */
  record Step(int kind, int customer, List<Integer> sims) {
    @Override
    public String toString() {
      return List.of("assign", "unassign", "unassignAll").get(kind) + " " + customer + " " + sims;
    }
  }

  @Property(tries = 40)
  void theKeptCountIsTheNumberOfTheCustomersRowsAfterAnySequenceOfChanges(@ForAll("steps") List<Step> steps) {
    TenantId tenant = Fixtures.tenant();
    List<Customer> holders = new ArrayList<>();
    for (int i = 0; i < CUSTOMERS; i++) {
      holders.add(customers.insert(Fixtures.customer(tenant, "Customer " + i)));
    }
    List<Iccid> pool = new ArrayList<>(Fixtures.range(SIMS));

    for (Step step : steps) {
      Customer holder = holders.get(step.customer());
      List<Iccid> sims = step.sims().stream().map(pool::get).toList();
      switch (step.kind()) {
        case 0 -> store.assign(tenant, holder.id(), sims);
        case 1 -> store.unassign(tenant, sims);
        default -> store.unassignAll(tenant, holder.id());
      }
      for (Customer c : holders) {
        long rows = db.simRowsOf(c.id());
        assertThat(store.countOf(tenant, c.id())).as("count of %s after %s", c.name(), step).isEqualTo(rows);
        assertThat(store.simsOf(tenant, c.id(), PageRequest.first(1)).total()).isEqualTo(rows);
      }
    }
  }

  @Provide
  Arbitrary<List<Step>> steps() {
    Arbitrary<Step> step = Combinators.combine(
            Arbitraries.integers().between(0, 10).map(k -> k < 6 ? 0 : k < 10 ? 1 : 2),
            Arbitraries.integers().between(0, CUSTOMERS - 1),
            Arbitraries.integers().between(0, SIMS - 1).list().ofMinSize(1).ofMaxSize(6))
        .as(Step::new);
    return step.list().ofMinSize(1).ofMaxSize(12);
  }
}
