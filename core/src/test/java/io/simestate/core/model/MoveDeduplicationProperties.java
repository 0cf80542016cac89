package io.simestate.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.simestate.core.Actor;
import io.simestate.core.AlertKind;
import io.simestate.core.TenantId;
import io.simestate.core.alert.AlertId;
import io.simestate.core.alert.Delivery;
import io.simestate.core.alert.Recipient;
import io.simestate.core.alert.RoutingOutcome;
import io.simestate.core.alert.RoutingResult;
import io.simestate.core.alert.TestClock;
import io.simestate.core.alert.UsageAlert;
import io.simestate.core.customer.Contact;
import io.simestate.core.customer.ContactDetails;
import io.simestate.core.customer.ContactId;
import io.simestate.core.customer.Customer;
import io.simestate.core.customer.CustomerDetails;
import io.simestate.core.customer.CustomerId;
import io.simestate.core.estate.SimEstate;
import io.simestate.core.sim.Iccid;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * F13 with moves (issue 11): for random sequences of SIM moves, new contacts and alerts, every
 * (contact, SIM, kind, period) gets at most one message, and the first alert after a move reaches
 * every eligible contact of the new holder that was not told before. A plain model of "who has been
 * told what" predicts each decision exactly.
 */
class MoveDeduplicationProperties {

  private static final Actor ACTOR = Actor.of("prop");
  private static final int SIMS = 3;
  private static final int CUSTOMERS = 3;
  private static final TestClock CLOCK = new TestClock();
  // One estate for every try (building one bootstraps Bean Validation); each try has its own tenant.
  private static final SimEstate ESTATE = SimEstate.builder().clock(CLOCK).random(new SplittableRandom(7)).build();
  private static final AtomicInteger TRIES = new AtomicInteger();

  /** One step: move a SIM (customer -1 unassigns), add a contact, or raise an alert. */
  sealed interface Step {}

  record Move(int sim, int customer) implements Step {}

  record AddContact(int customer, Set<AlertKind> kinds, boolean alertsOn) implements Step {}

  record Raise(int sim, AlertKind kind, int period, int minutesLater) implements Step {}

  @Provide
  Arbitrary<List<Step>> steps() {
    Arbitrary<Step> move = Combinators.combine(Arbitraries.integers().between(0, SIMS - 1),
        Arbitraries.integers().between(-1, CUSTOMERS - 1)).as(Move::new);
    Arbitrary<Step> contact = Combinators.combine(Arbitraries.integers().between(0, CUSTOMERS - 1),
        Arbitraries.of(AlertKind.class).set().ofMinSize(1), Arbitraries.of(true, true, false)).as(AddContact::new);
    Arbitrary<Step> raise = Combinators.combine(Arbitraries.integers().between(0, SIMS - 1),
        Arbitraries.of(AlertKind.class), Arbitraries.integers().between(0, 1), Arbitraries.integers().between(0, 600))
        .as(Raise::new);
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(3, move), net.jqwik.api.Tuple.of(2, contact), net.jqwik.api.Tuple.of(5, raise))
        .list().ofMinSize(1).ofMaxSize(40);
  }

  /** A contact as the model knows it. */
  record ModelContact(ContactId id, Set<AlertKind> kinds, boolean alertsOn) {}

  /** What the model keys "told" by. */
  record Told(ContactId contact, int sim, AlertKind kind, int period) {}

  @Property(tries = 200)
  void everyContactIsToldOncePerSimKindAndPeriodAndANewHolderIsAlwaysTold(@ForAll("steps") List<Step> steps) {
    int run = TRIES.incrementAndGet();
    TenantId tenant = TenantId.of("move-" + run);
    List<CustomerId> customers = new ArrayList<>();
    Map<CustomerId, List<ModelContact>> contacts = new HashMap<>();
    for (int c = 0; c < CUSTOMERS; c++) {
      Customer created = ESTATE.customers().create(tenant, ACTOR, CustomerDetails.named("Customer " + c));
      customers.add(created.id());
      contacts.put(created.id(), new ArrayList<>());
      // every customer starts with one contact who wants everything
      addContact(tenant, created.id(), Set.of(AlertKind.WARNING, AlertKind.CUT_OFF), true, contacts);
    }
    Map<Integer, CustomerId> holder = new HashMap<>();
    Set<Told> told = new HashSet<>();
    int alertSeq = 0;

    for (Step step : steps) {
      if (step instanceof Move m) {
          if (m.customer() < 0) {
            ESTATE.sims().unassign(tenant, ACTOR, List.of(sim(run, m.sim()).digits()));
            holder.remove(m.sim());
          } else {
            CustomerId to = customers.get(m.customer());
            ESTATE.sims().assign(tenant, ACTOR, to, List.of(sim(run, m.sim()).digits()));
            holder.put(m.sim(), to);
          }
      } else if (step instanceof AddContact a) {
        addContact(tenant, customers.get(a.customer()), a.kinds(), a.alertsOn(), contacts);
      } else if (step instanceof Raise r) {
          CLOCK.advance(Duration.ofMinutes(r.minutesLater()));
          UsageAlert alert = UsageAlert.of(AlertId.of("a-" + run + "-" + (++alertSeq)), sim(run, r.sim()), r.kind(),
              CLOCK.instant()).withPeriod("2026-" + (11 + r.period()));
          RoutingResult result = ESTATE.alerts().route(tenant, alert);

          CustomerId h = holder.get(r.sim());
          List<ContactId> eligible = h == null ? List.of() : contacts.get(h).stream()
              .filter(c -> c.alertsOn() && c.kinds().contains(r.kind())).map(ModelContact::id).toList();
          List<ContactId> expected = eligible.stream()
              .filter(c -> told.add(new Told(c, r.sim(), r.kind(), r.period()))).toList();

          assertThat(result.decision().chosen()).extracting(Recipient::contactId).containsExactlyElementsOf(expected);
          assertThat(result.deliveries()).extracting(d -> d.recipient().contactId())
              .containsExactlyElementsOf(expected);
          RoutingOutcome outcome = result.decision().outcome();
          if (h == null) {
            assertThat(outcome).isEqualTo(RoutingOutcome.UNASSIGNED);
          } else if (eligible.isEmpty()) {
            assertThat(outcome).isEqualTo(RoutingOutcome.NO_ELIGIBLE_CONTACT);
          } else {
            assertThat(outcome).isEqualTo(expected.isEmpty() ? RoutingOutcome.REPEAT_SUPPRESSED : RoutingOutcome.ROUTED);
          }
      }
    }

    // the outbox as a whole: at most one message per (contact, SIM, kind, period), exactly those told
    Map<Told, Integer> messages = new HashMap<>();
    for (int s = 0; s < SIMS; s++) {
      for (Delivery d : ESTATE.alerts().deliveriesForSim(tenant, sim(run, s), 10_000)) {
        int period = Integer.parseInt(d.alert().period().substring(5)) - 11;
        messages.merge(new Told(d.recipient().contactId(), s, d.alert().kind(), period), 1, Integer::sum);
      }
    }
    assertThat(messages.values()).allMatch(n -> n == 1);
    assertThat(messages.keySet()).isEqualTo(told);
  }

  private static void addContact(TenantId tenant, CustomerId customer, Set<AlertKind> kinds, boolean alertsOn,
      Map<CustomerId, List<ModelContact>> contacts) {
    int n = contacts.get(customer).size();
    Contact c = ESTATE.customers().addContact(tenant, ACTOR, customer,
        new ContactDetails("Contact " + n, "c" + n + "@example.com", null, null, alertsOn, kinds));
    contacts.get(customer).add(new ModelContact(c.id(), kinds, alertsOn));
  }

  static Iccid sim(int run, int n) {
    return Iccid.withCheckDigit(String.format("8944900%06d%05d", run, n));
  }
}
