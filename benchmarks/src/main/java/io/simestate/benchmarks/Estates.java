package io.simestate.benchmarks;

import io.simestate.core.Actor;
import io.simestate.core.TenantId;
import io.simestate.core.customer.ContactDetails;
import io.simestate.core.customer.Customer;
import io.simestate.core.customer.CustomerDetails;
import io.simestate.core.estate.SimEstate;
import io.simestate.core.sim.Iccid;
import io.simestate.core.sim.IccidRange;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Generates estates for the benchmarks: customers, contacts and consecutive SIMs. */
final class Estates {

  static final TenantId TENANT = TenantId.of("bench");
  static final Actor ACTOR = Actor.of("benchmark");

  private Estates() {}

  /**
   * The {@code n}-th ICCID of the generated estate: 19 digits with a valid check digit, consecutive
   * bodies so that a customer's SIMs form a range.
   */
  static Iccid iccid(long n) {
    return Iccid.withCheckDigit(body(n));
  }

  /** The 18-digit body of the {@code n}-th ICCID. */
  static String body(long n) {
    return "894450" + String.format("%012d", n);
  }

  /** The range of ICCIDs {@code first} to {@code first + count - 1}. */
  static IccidRange range(long first, int count) {
    return IccidRange.of(iccid(first), iccid(first + count - 1));
  }

  /**
   * Creates customers with their contacts (all alerted) and assigns each a range of SIMs.
   *
   * @return the customers, in creation order; customer {@code i} holds SIMs {@code i*simsEach ..}
   */
  static List<Customer> populate(SimEstate estate, int customers, int contactsEach, int simsEach) {
    List<Customer> created = new ArrayList<>(customers);
    for (int i = 0; i < customers; i++) {
      Customer c = createCustomer(estate, "Customer " + i, contactsEach);
      if (simsEach > 0) {
        estate.sims().assign(TENANT, ACTOR, c.id(), range((long) i * simsEach, simsEach));
      }
      created.add(c);
    }
    return created;
  }

  /** Creates one customer with {@code contacts} alerted contacts. */
  static Customer createCustomer(SimEstate estate, String name, int contacts) {
    Customer c = estate.customers().create(TENANT, ACTOR, CustomerDetails.named(name));
    for (int k = 0; k < contacts; k++) {
      estate.customers().addContact(TENANT, ACTOR, c.id(),
          ContactDetails.alerted("Contact " + k, "c" + k + "." + c.id().toString().substring(0, 8) + "@example.com"));
    }
    return estate.customers().get(TENANT, c.id());
  }

  /** {@code count} ICCIDs drawn at random (seeded) from the first {@code sims} of the estate. */
  static Iccid[] sample(long sims, int count, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    Iccid[] sample = new Iccid[count];
    for (int i = 0; i < count; i++) {
      sample[i] = iccid(random.nextLong(sims));
    }
    return sample;
  }
}
