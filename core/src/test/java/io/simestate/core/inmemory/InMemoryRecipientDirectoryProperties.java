package io.simestate.core.inmemory;

import static org.assertj.core.api.Assertions.assertThat;

import io.simestate.core.Actor;
import io.simestate.core.AlertKind;
import io.simestate.core.PageRequest;
import io.simestate.core.SimEstateException;
import io.simestate.core.TenantId;
import io.simestate.core.alert.SimHolder;
import io.simestate.core.customer.Contact;
import io.simestate.core.customer.ContactDetails;
import io.simestate.core.customer.Customer;
import io.simestate.core.customer.CustomerDetails;
import io.simestate.core.customer.CustomerId;
import io.simestate.core.customer.CustomerSummary;
import io.simestate.core.estate.DeletionPreview;
import io.simestate.core.estate.SimEstate;
import io.simestate.core.sim.Iccid;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The in-memory recipient directory keeps each customer's holder view with the stored customer, so
 * that routing allocates nothing. A stale view would misroute an alert: after any sequence of
 * customer, contact and assignment changes, committed or rolled back, the directory answers what the
 * customer and assignment stores answer.
 */
class InMemoryRecipientDirectoryProperties {

  private static final List<TenantId> TENANTS = List.of(TenantId.of("acme"), TenantId.of("globex"));
  private static final Actor ALICE = Actor.of("alice");
  private static final List<Iccid> SIMS = IntStream.range(0, 6)
      .mapToObj(i -> Iccid.parse("89440001000000000" + (10 + i))).toList();

  /** One change: what it does, two numbers that pick its targets, and whether the use case fails. */
  record Step(int kind, int a, int b, boolean fails) {}

  @Provide
  Arbitrary<List<Step>> steps() {
    return Combinators.combine(Arbitraries.integers().between(0, 7), Arbitraries.integers().between(0, 99),
            Arbitraries.integers().between(0, 99), Arbitraries.of(false, false, false, true))
        .as(Step::new).list().ofMaxSize(40);
  }

  @Property(tries = 200)
  void theDirectoryAnswersWhatTheStoresAnswerAfterAnyChanges(@ForAll("steps") List<Step> steps) {
    InMemoryPersistence persistence = InMemoryPersistence.create();
    boolean[] failing = {false};
    SimEstate estate = SimEstate.builder().persistence(persistence).publishEventsTo(event -> {
      if (failing[0]) {
        throw new IllegalStateException("the host's audit store is down");
      }
    }).build();
    int counter = 0;
    for (Step step : steps) {
      failing[0] = step.fails();
      try {
        apply(estate, step, counter++);
      } catch (SimEstateException | IllegalStateException expected) {
        // a refused or failed change must leave the directory in step as well
      } finally {
        failing[0] = false;
      }
      for (TenantId tenant : TENANTS) {
        for (Iccid sim : SIMS) {
          assertThat(persistence.recipients().holderOf(tenant, sim)).isEqualTo(uncached(persistence, tenant, sim));
        }
      }
    }
  }

  private static Optional<SimHolder> uncached(InMemoryPersistence persistence, TenantId tenant, Iccid sim) {
    return persistence.simAssignments().customerOf(tenant, sim)
        .flatMap(id -> persistence.customers().find(tenant, id))
        .map(c -> new SimHolder(c.id(), c.name().value(), c.contacts()));
  }

  private static void apply(SimEstate estate, Step step, int counter) {
    TenantId tenant = TENANTS.get(step.a() % TENANTS.size());
    if (step.kind() == 0) {
      estate.customers().create(tenant, ALICE, CustomerDetails.named("Customer " + counter));
      return;
    }
    List<CustomerSummary> all = estate.customers().list(tenant, null, PageRequest.first(100)).items();
    if (all.isEmpty()) {
      return;
    }
    CustomerId id = all.get(step.b() % all.size()).id();
    Customer customer = estate.customers().get(tenant, id);
    List<Contact> contacts = customer.contacts();
    switch (step.kind()) {
      case 1 -> estate.customers().addContact(tenant, ALICE, id, step.b() % 2 == 0
          ? ContactDetails.alerted("Contact " + counter, "c" + counter + "@example.com")
          : ContactDetails.silent("Contact " + counter, "c" + counter + "@example.com"));
      case 2 -> {
        if (!contacts.isEmpty()) {
          Contact contact = contacts.get(step.a() % contacts.size());
          ContactDetails details = ContactDetails.from(contact);
          details = step.a() % 2 == 0 ? details.withAlerts(!contact.alertsEnabled())
              : details.withAlertKinds(EnumSet.of(step.b() % 2 == 0 ? AlertKind.WARNING : AlertKind.CUT_OFF));
          estate.customers().updateContact(tenant, ALICE, id, contact.id(), details);
        }
      }
      case 3 -> {
        if (!contacts.isEmpty()) {
          estate.customers().removeContact(tenant, ALICE, id, contacts.get(step.a() % contacts.size()).id());
        }
      }
      case 4 -> estate.customers().update(tenant, ALICE, id, customer.version(),
          CustomerDetails.from(customer).withName("Renamed " + counter));
      case 5 -> {
        DeletionPreview preview = estate.customers().previewDeletion(tenant, id);
        estate.customers().delete(tenant, ALICE, preview.confirmation());
      }
      case 6 -> estate.sims().assignIccids(tenant, ALICE, id, List.of(SIMS.get(step.b() % SIMS.size())));
      default -> estate.sims().unassignIccids(tenant, ALICE, List.of(SIMS.get(step.b() % SIMS.size())));
    }
  }
}
