package io.simestate.benchmarks;

import io.simestate.core.customer.Contact;
import io.simestate.core.customer.Customer;
import io.simestate.core.customer.CustomerId;
import io.simestate.core.estate.SimEstate;
import io.simestate.core.inmemory.InMemoryPersistence;
import io.simestate.core.sim.Iccid;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * An in-memory estate (by default 1,000,000 SIMs, 10,000 customers, 3 contacts each) and, built from
 * the same data, the baseline: two bare {@link HashMap}s, ICCID to customer and customer to contacts.
 * Generated once per fork, not timed.
 */
@State(Scope.Benchmark)
public class InMemoryEstate {

  /** How many SIMs the estate holds, spread evenly over the customers. */
  @Param("1000000")
  public int sims;

  /** How many customers. */
  @Param("10000")
  public int customers;

  /** How many contacts each customer has, all with alerts on. */
  @Param("3")
  public int contacts;

  InMemoryPersistence data;
  SimEstate estate;
  Map<Iccid, CustomerId> customerOfSim;
  Map<CustomerId, List<Contact>> contactsOfCustomer;
  Iccid[] sample;

  /** Generates the estate and the baseline maps. */
  @Setup(Level.Trial)
  public void generate() {
    data = InMemoryPersistence.create();
    estate = SimEstate.builder().persistence(data).build();
    int simsEach = sims / customers;
    List<Customer> created = Estates.populate(estate, customers, contacts, simsEach);
    customerOfSim = new HashMap<>(sims * 2);
    contactsOfCustomer = new HashMap<>(customers * 2);
    for (int i = 0; i < created.size(); i++) {
      Customer c = created.get(i);
      contactsOfCustomer.put(c.id(), c.contacts());
      for (Iccid sim : Estates.range((long) i * simsEach, simsEach)) {
        customerOfSim.put(sim, c.id());
      }
    }
    sample = Estates.sample((long) simsEach * customers, 1 << 16, 42);
  }
}
