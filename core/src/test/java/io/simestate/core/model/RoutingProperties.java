package io.simestate.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.simestate.core.Actor;
import io.simestate.core.AlertKind;
import io.simestate.core.TenantId;
import io.simestate.core.alert.AlertDecision;
import io.simestate.core.alert.AlertId;
import io.simestate.core.alert.Delivery;
import io.simestate.core.alert.Recipient;
import io.simestate.core.alert.RoutingOutcome;
import io.simestate.core.alert.RoutingResult;
import io.simestate.core.alert.SkipReason;
import io.simestate.core.alert.SkippedContact;
import io.simestate.core.alert.TenantAlertSettings;
import io.simestate.core.alert.TestClock;
import io.simestate.core.alert.UsageAlert;
import io.simestate.core.customer.Contact;
import io.simestate.core.customer.ContactDetails;
import io.simestate.core.customer.ContactId;
import io.simestate.core.customer.Customer;
import io.simestate.core.customer.CustomerDetails;
import io.simestate.core.customer.CustomerId;
import io.simestate.core.customer.EmailAddress;
import io.simestate.core.estate.SimEstate;
import io.simestate.core.sim.Iccid;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * F9, F12, F13, F15 as a property: for generated estates of several tenants and generated alerts,
 * routing chooses exactly the recipients a plain-map model computes (every skip reason included, each
 * recipient told once per SIM, kind and period), and the outbox holds exactly one delivery per chosen
 * recipient — never a contact of another customer or tenant.
 */
class RoutingProperties {

  private static final Actor ACTOR = Actor.of("prop");
  private static final int SIMS = 12;

  // One estate for every try (building one bootstraps Bean Validation); each try uses its own
  // tenants and its own SIM numbers, so tries never see each other's data.
  private static final Map<TenantId, TenantAlertSettings> SETTINGS = new java.util.concurrent.ConcurrentHashMap<>();
  private static final SimEstate ESTATE = SimEstate.builder().clock(new TestClock()).random(new SplittableRandom(1))
      .tenantSettings(t -> SETTINGS.getOrDefault(t, TenantAlertSettings.DEFAULTS)).build();
  private static final java.util.concurrent.atomic.AtomicInteger TRIES = new java.util.concurrent.atomic.AtomicInteger();

  record ContactSpec(boolean alertsOn, Set<AlertKind> kinds, boolean hasEmail) {}

  record CustomerSpec(List<ContactSpec> contacts) {}

  record TenantSpec(List<CustomerSpec> customers, boolean catchAll) {}

  /** An alert: tenant and SIM by index (taken modulo), kind, one of two periods, or a repeat of an earlier id. */
  record AlertSpec(int tenant, int sim, AlertKind kind, int period, boolean repeatEarlierId) {}

  record EstateSpec(List<TenantSpec> tenants, List<Integer> assignments, List<AlertSpec> alerts) {}

  @Provide
  Arbitrary<EstateSpec> estates() {
    Arbitrary<ContactSpec> contact = Combinators.combine(Arbitraries.of(true, false),
        Arbitraries.of(AlertKind.class).set().ofMinSize(1), Arbitraries.of(true, true, false))
        .as((on, kinds, email) -> new ContactSpec(on, kinds, on || email));
    Arbitrary<CustomerSpec> customer = contact.list().ofMaxSize(4).map(CustomerSpec::new);
    Arbitrary<TenantSpec> tenant = Combinators.combine(customer.list().ofMinSize(1).ofMaxSize(3),
        Arbitraries.of(true, false)).as(TenantSpec::new);
    Arbitrary<List<Integer>> assignments = Arbitraries.integers().between(-4, 20).list().ofSize(SIMS);
    Arbitrary<AlertSpec> alert = Combinators.combine(Arbitraries.integers().between(0, 2),
        Arbitraries.integers().between(0, SIMS - 1), Arbitraries.of(AlertKind.class),
        Arbitraries.integers().between(0, 1), Arbitraries.of(false, false, false, true)).as(AlertSpec::new);
    return Combinators.combine(tenant.list().ofMinSize(2).ofMaxSize(3), assignments,
        alert.list().ofMinSize(1).ofMaxSize(25)).as(EstateSpec::new);
  }

  /** What the model knows of one contact. */
  record ModelContact(ContactId id, ContactSpec spec, EmailAddress email) {}

  /** Who holds a SIM in the model. */
  record ModelHolder(TenantId tenant, CustomerId customer) {}

  @Property(tries = 150)
  void recipientsAreExactlyWhatThePlainModelComputes(@ForAll("estates") EstateSpec spec) {
    int run = TRIES.incrementAndGet();
    SimEstate estate = ESTATE;
    long deliveriesBefore = estate.alerts().deliveryCounts().values().stream().mapToLong(Long::longValue).sum();
    Map<TenantId, List<Recipient>> catchAll = new HashMap<>();
    List<TenantId> tenants = new ArrayList<>();
    for (int t = 0; t < spec.tenants().size(); t++) {
      TenantId tenant = TenantId.of("r" + run + "-t" + t);
      tenants.add(tenant);
      List<Recipient> list = spec.tenants().get(t).catchAll()
          ? List.of(Recipient.catchAll("NOC " + t, EmailAddress.parse("noc@t" + t + ".example")))
          : List.of();
      catchAll.put(tenant, list);
      SETTINGS.put(tenant, TenantAlertSettings.DEFAULTS.withCatchAll(list));
    }

    // build the estate and the model side by side
    Map<CustomerId, List<ModelContact>> contactsOf = new HashMap<>();
    Map<ContactId, CustomerId> ownerOf = new HashMap<>();
    List<ModelHolder> allCustomers = new ArrayList<>();
    for (int t = 0; t < tenants.size(); t++) {
      TenantId tenant = tenants.get(t);
      List<CustomerSpec> customers = spec.tenants().get(t).customers();
      for (int c = 0; c < customers.size(); c++) {
        Customer customer = estate.customers().create(tenant, ACTOR, CustomerDetails.named("Customer " + c));
        allCustomers.add(new ModelHolder(tenant, customer.id()));
        List<ModelContact> modelContacts = new ArrayList<>();
        List<ContactSpec> contactSpecs = customers.get(c).contacts();
        for (int k = 0; k < contactSpecs.size(); k++) {
          ContactSpec cs = contactSpecs.get(k);
          String email = cs.hasEmail() ? "c" + k + "@cust" + c + ".t" + t + ".example" : null;
          Contact stored = estate.customers().addContact(tenant, ACTOR, customer.id(),
              new ContactDetails("Contact " + k, email, null, null, cs.alertsOn(), cs.kinds()));
          modelContacts.add(new ModelContact(stored.id(), cs, email == null ? null : EmailAddress.parse(email)));
          ownerOf.put(stored.id(), customer.id());
        }
        contactsOf.put(customer.id(), modelContacts);
      }
    }
    Map<Integer, ModelHolder> holderOfSim = new HashMap<>();
    for (int s = 0; s < SIMS; s++) {
      int pick = spec.assignments().get(s);
      if (pick >= 0) {
        ModelHolder h = allCustomers.get(pick % allCustomers.size());
        estate.sims().assign(h.tenant(), ACTOR, h.customer(), List.of(sim(run, s).digits()));
        holderOfSim.put(s, h);
      }
    }

    // route the alerts and compare each decision with the model
    Map<String, List<Recipient>> firstChosen = new HashMap<>();
    Map<String, UsageAlert> alertsById = new HashMap<>();
    List<String> earlierIds = new ArrayList<>();
    Set<String> toldKeys = new HashSet<>();
    for (int i = 0; i < spec.alerts().size(); i++) {
      AlertSpec as = spec.alerts().get(i);
      TenantId tenant = tenants.get(as.tenant() % tenants.size());
      UsageAlert alert;
      boolean repeat = as.repeatEarlierId() && earlierIds.stream().anyMatch(k -> k.startsWith(tenant + "|"));
      if (repeat) {
        String key = earlierIds.stream().filter(k -> k.startsWith(tenant + "|")).findFirst().orElseThrow();
        alert = alertsById.get(key);
      } else {
        alert = UsageAlert.of(AlertId.of("a" + i), sim(run, as.sim()), as.kind(), TestClock.START)
            .withPeriod("2026-" + (11 + as.period()));
      }
      String idKey = tenant + "|" + alert.id();

      RoutingResult result = estate.alerts().route(tenant, alert);

      if (repeat) {
        assertThat(result.duplicateAlertId()).isTrue();
        assertThat(result.deliveries()).isEmpty();
        assertThat(result.decision().chosen()).isEqualTo(firstChosen.get(idKey));
        continue;
      }
      int s = spec.alerts().get(i).sim();
      ModelHolder holder = holderOfSim.get(s);
      boolean held = holder != null && holder.tenant().equals(tenant);
      List<Recipient> eligible = new ArrayList<>();
      List<List<SkipReason>> expectedSkips = new ArrayList<>();
      if (held) {
        for (ModelContact mc : contactsOf.get(holder.customer())) {
          List<SkipReason> reasons = new ArrayList<>();
          if (!mc.spec().alertsOn()) {
            reasons.add(SkipReason.ALERTS_OFF);
          }
          if (mc.email() == null) {
            reasons.add(SkipReason.NO_VALID_EMAIL);
          }
          if (!mc.spec().kinds().contains(alert.kind())) {
            reasons.add(SkipReason.KIND_NOT_WANTED);
          }
          if (reasons.isEmpty()) {
            eligible.add(new Recipient(mc.id(), "Contact " + contactsOf.get(holder.customer()).indexOf(mc),
                mc.email()));
          } else {
            expectedSkips.add(reasons);
          }
        }
      } else {
        eligible.addAll(catchAll.get(tenant));
      }
      // de-duplication is per recipient: each is told once per SIM, kind and period
      List<Recipient> expected = new ArrayList<>();
      for (Recipient r : eligible) {
        if (toldKeys.add(tenant + "|" + alert.iccid() + "|" + alert.kind() + "|" + alert.period() + "|" + r.key())) {
          expected.add(r);
        } else {
          expectedSkips.add(List.of(SkipReason.ALREADY_TOLD));
        }
      }
      AlertDecision d = result.decision();

      assertThat(result.duplicateAlertId()).isFalse();
      assertThat(d.customerId()).isEqualTo(held ? holder.customer() : null);
      assertThat(d.skipped()).extracting(SkippedContact::reasons).containsExactlyElementsOf(expectedSkips);
      RoutingOutcome routedOutcome = held ? RoutingOutcome.ROUTED : RoutingOutcome.CATCH_ALL;
      RoutingOutcome nobody = held ? RoutingOutcome.NO_ELIGIBLE_CONTACT : RoutingOutcome.UNASSIGNED;
      assertThat(d.outcome()).isEqualTo(eligible.isEmpty() ? nobody
          : expected.isEmpty() ? RoutingOutcome.REPEAT_SUPPRESSED : routedOutcome);
      assertThat(d.chosen()).containsExactlyElementsOf(expected);
      assertThat(result.deliveries()).extracting(Delivery::recipient).containsExactlyElementsOf(expected);
      assertThat(estate.alerts().deliveriesOf(tenant, alert.id())).extracting(Delivery::recipient)
          .containsExactlyElementsOf(expected);
      for (Recipient r : d.chosen()) {
        if (!r.isCatchAll()) {
          assertThat(ownerOf.get(r.contactId())).as("a chosen contact belongs to the SIM's customer")
              .isEqualTo(holder.customer());
        }
      }
      firstChosen.put(idKey, d.chosen());
      alertsById.put(idKey, alert);
      earlierIds.add(idKey);
    }

    // the outbox as a whole: one delivery per (alert, recipient), all to the right people
    long total = firstChosen.values().stream().mapToLong(List::size).sum();
    assertThat(estate.alerts().deliveryCounts().values().stream().mapToLong(Long::longValue).sum())
        .isEqualTo(deliveriesBefore + total);
  }

  static Iccid sim(int run, int n) {
    return Iccid.withCheckDigit(String.format("8944700%06d%05d", run, n));
  }
}
