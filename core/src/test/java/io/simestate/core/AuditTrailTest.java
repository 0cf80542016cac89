package io.simestate.core;

import static io.simestate.core.Scenarios.ACME;
import static io.simestate.core.Scenarios.ALICE;
import static io.simestate.core.Scenarios.BOB;
import static io.simestate.core.Scenarios.GLOBEX;
import static io.simestate.core.Scenarios.NOW;
import static io.simestate.core.Scenarios.iccid;
import static io.simestate.core.Scenarios.iccids;
import static io.simestate.core.Scenarios.sim;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.simestate.core.audit.AuditEvent;
import io.simestate.core.audit.AuditEventType;
import io.simestate.core.customer.Contact;
import io.simestate.core.customer.ContactDetails;
import io.simestate.core.customer.Customer;
import io.simestate.core.customer.CustomerDetails;
import io.simestate.core.estate.SimEstate;
import io.simestate.core.sim.IccidRange;
import java.io.StringReader;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** F11: every change is an event naming who did it and when, readable per customer and per SIM. */
class AuditTrailTest {

  private final List<AuditEvent> hostEvents = new ArrayList<>();
  private final SimEstate estate = SimEstate.builder().clock(Scenarios.CLOCK).publishEventsTo(hostEvents::add).build();

  private Customer create(Actor actor, String name) {
    return estate.customers().create(ACME, actor, CustomerDetails.named(name));
  }

  @Test
  void everyCustomerAndContactChangeIsRecordedWithItsActorNewestFirst() {
    Customer c = create(ALICE, "Northwind");
    Contact ana = estate.customers().addContact(ACME, BOB, c.id(), ContactDetails.silent("Ana", null));
    estate.customers().updateContact(ACME, ALICE, c.id(), ana.id(), ContactDetails.alerted("Ana", "ana@northwind.example"));
    Customer current = estate.customers().get(ACME, c.id());
    estate.customers().update(ACME, BOB, c.id(), current.version(), CustomerDetails.named("Northwind AG"));
    estate.customers().removeContact(ACME, ALICE, c.id(), ana.id());

    List<AuditEvent> trail = estate.auditTrail().forCustomer(ACME, c.id(), 10);
    assertThat(trail).extracting(AuditEvent::type).containsExactly(AuditEventType.CONTACT_REMOVED,
        AuditEventType.CUSTOMER_UPDATED, AuditEventType.CONTACT_UPDATED, AuditEventType.CONTACT_ADDED,
        AuditEventType.CUSTOMER_CREATED);
    assertThat(trail).extracting(AuditEvent::actor).containsExactly(ALICE, BOB, ALICE, BOB, ALICE);
    assertThat(trail).allSatisfy(e -> {
      assertThat(e.tenantId()).isEqualTo(ACME);
      assertThat(e.customerId()).isEqualTo(c.id());
      assertThat(e.at()).isEqualTo(NOW);
      assertThat(e.summary()).isNotBlank();
    });
  }

  @Test
  void aCustomerCreatedWithContactsIsOneEventNamingEachContactAndWhichAlertsItGets() {
    Customer c = estate.customers().create(ACME, ALICE, CustomerDetails.named("Northwind"), List.of(
        ContactDetails.alerted("Ana", "ana@northwind.example"),
        ContactDetails.silent("Quinn", null),
        ContactDetails.alerted("Bo", "bo@northwind.example").wanting(AlertKind.CUT_OFF),
        ContactDetails.alerted("Cy", "cy@northwind.example").wanting(AlertKind.WARNING)));

    assertThat(estate.auditTrail().forCustomer(ACME, c.id(), 10)).singleElement().satisfies(e -> {
      assertThat(e.type()).isEqualTo(AuditEventType.CUSTOMER_CREATED);
      assertThat(e.summary()).isEqualTo("Created customer Northwind with contact Ana (alerts on: warning and cut-off), "
          + "Quinn (alerts off), Bo (alerts on: cut-off only), Cy (alerts on: warning only)");
    });
  }

  @Test
  void theHostReceivesTheSameEventsAsTheTrail() {
    Customer c = create(ALICE, "Northwind");
    estate.sims().assign(ACME, BOB, c.id(), iccids(0, 2));
    assertThat(hostEvents).extracting(AuditEvent::type)
        .containsExactly(AuditEventType.CUSTOMER_CREATED, AuditEventType.SIMS_ASSIGNED);
    assertThat(estate.auditTrail().recent(ACME, 10)).containsExactlyInAnyOrderElementsOf(hostEvents);
  }

  @Test
  void anEventTheHostWritesToTheEstatesTrailIsReadBackPerSimAndCustomer() {
    Customer c = create(ALICE, "Northwind");
    AuditEvent hosts = new AuditEvent(java.util.UUID.randomUUID(), ACME, AuditEventType.SIMS_ASSIGNED, BOB, NOW,
        c.id(), List.of(sim(7)), "assigned by the portal's own import");

    estate.auditTrail().publish(hosts);

    assertThat(estate.auditTrail().forSim(ACME, sim(7), 10)).containsExactly(hosts);
    assertThat(estate.auditTrail().forCustomer(ACME, c.id(), 10)).contains(hosts);
  }

  @Test
  void eventsCarryTheTimeOfTheInjectedClock() {
    AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-01-01T00:00:00Z"));
    Clock moving = new Clock() {
      @Override
      public ZoneId getZone() {
        return ZoneOffset.UTC;
      }

      @Override
      public Clock withZone(ZoneId zone) {
        return this;
      }

      @Override
      public Instant instant() {
        return now.get();
      }
    };
    SimEstate timed = SimEstate.builder().clock(moving).build();
    Customer c = timed.customers().create(ACME, ALICE, CustomerDetails.named("Northwind"));
    now.set(now.get().plus(Duration.ofHours(3)));
    timed.sims().assign(ACME, ALICE, c.id(), List.of(iccid(0)));
    assertThat(timed.auditTrail().forCustomer(ACME, c.id(), 10)).extracting(AuditEvent::at)
        .containsExactly(Instant.parse("2026-01-01T03:00:00Z"), Instant.parse("2026-01-01T00:00:00Z"));
  }

  @Test
  void aSimsTrailShowsEveryCustomerItWentTo() {
    Customer northwind = create(ALICE, "Northwind");
    Customer contoso = create(ALICE, "Contoso");
    estate.sims().assign(ACME, ALICE, northwind.id(), iccids(0, 3));
    estate.sims().assign(ACME, BOB, contoso.id(), List.of(iccid(1)));
    estate.sims().unassign(ACME, ALICE, List.of(iccid(1)));

    List<AuditEvent> trail = estate.auditTrail().forSim(ACME, sim(1), 10);
    assertThat(trail).extracting(AuditEvent::type).containsExactly(AuditEventType.SIMS_UNASSIGNED,
        AuditEventType.SIMS_ASSIGNED, AuditEventType.SIMS_ASSIGNED);
    assertThat(trail.get(1).customerId()).isEqualTo(contoso.id());
    assertThat(trail.get(1).actor()).isEqualTo(BOB);
    assertThat(trail.get(2).customerId()).isEqualTo(northwind.id());
    assertThat(estate.auditTrail().forSim(ACME, sim(2), 10)).hasSize(1);
    assertThat(estate.auditTrail().forSim(ACME, sim(99), 10)).isEmpty();
  }

  @Test
  void aRangeAssignmentIsReadablePerSim() {
    Customer c = create(ALICE, "Northwind");
    estate.sims().assign(ACME, BOB, c.id(), IccidRange.parse(iccid(0) + ".." + iccid(999)));
    assertThat(estate.auditTrail().forSim(ACME, sim(500), 10)).singleElement().satisfies(e -> {
      assertThat(e.type()).isEqualTo(AuditEventType.SIMS_ASSIGNED);
      assertThat(e.actor()).isEqualTo(BOB);
      assertThat(e.sims()).hasSize(1000);
    });
    assertThat(estate.auditTrail().forSim(ACME, sim(1000), 10)).isEmpty();
  }

  @Test
  void aCsvImportIsReadablePerSim() {
    Customer c = create(ALICE, "Northwind");
    estate.sims().importCsv(ACME, BOB, new StringReader(iccid(7) + ",Northwind\n"));
    assertThat(estate.auditTrail().forSim(ACME, sim(7), 10)).singleElement()
        .satisfies(e -> assertThat(e.customerId()).isEqualTo(c.id()));
  }

  @Test
  void aMoveIsRecordedForBothCustomers() {
    Customer northwind = create(ALICE, "Northwind");
    Customer contoso = create(ALICE, "Contoso");
    estate.sims().assign(ACME, ALICE, northwind.id(), iccids(0, 2));
    estate.sims().assign(ACME, BOB, contoso.id(), iccids(0, 2));
    assertThat(estate.auditTrail().forCustomer(ACME, northwind.id(), 1)).singleElement().satisfies(e -> {
      assertThat(e.type()).isEqualTo(AuditEventType.SIMS_UNASSIGNED);
      assertThat(e.actor()).isEqualTo(BOB);
      assertThat(e.summary()).contains("Contoso");
    });
  }

  @Test
  void theDeletionIsKeptInTheTrailOfTheDeletedCustomer() {
    Customer c = create(ALICE, "Northwind");
    estate.customers().delete(ACME, BOB, estate.customers().previewDeletion(ACME, c.id()).confirmation());
    assertThat(estate.auditTrail().forCustomer(ACME, c.id(), 10)).extracting(AuditEvent::type)
        .containsExactly(AuditEventType.CUSTOMER_DELETED, AuditEventType.CUSTOMER_CREATED);
  }

  @Test
  void refusedCommandsLeaveNoEvent() {
    Customer c = create(ALICE, "Northwind");
    int before = estate.auditTrail().recent(ACME, 100).size();
    assertThatThrownBy(() -> create(ALICE, "NORTHWIND")).isInstanceOf(ConflictException.class);
    assertThatThrownBy(() -> estate.sims().assign(ACME, ALICE, c.id(), List.of("bad"))).isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> estate.customers().addContact(ACME, ALICE, c.id(), ContactDetails.alerted("A", null)))
        .isInstanceOf(InvalidInputException.class);
    assertThat(estate.auditTrail().recent(ACME, 100)).hasSize(before);
  }

  @Test
  void theLimitIsHonoured() {
    Customer c = create(ALICE, "Northwind");
    for (int i = 0; i < 5; i++) {
      estate.sims().assign(ACME, ALICE, c.id(), List.of(iccid(i)));
    }
    assertThat(estate.auditTrail().forCustomer(ACME, c.id(), 3)).hasSize(3);
    assertThat(estate.auditTrail().recent(ACME, 2)).hasSize(2);
  }

  @Test
  void eachTenantReadsOnlyItsOwnTrail() {
    Customer c = create(ALICE, "Northwind");
    estate.sims().assign(ACME, ALICE, c.id(), List.of(iccid(0)));
    assertThat(estate.auditTrail().forCustomer(GLOBEX, c.id(), 10)).isEmpty();
    assertThat(estate.auditTrail().forSim(GLOBEX, sim(0), 10)).isEmpty();
    assertThat(estate.auditTrail().recent(GLOBEX, 10)).isEmpty();
  }

  @Test
  void theActorIsValidatedLikeAnyInput() {
    assertThatThrownBy(() -> Actor.of(" ")).isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> Actor.of("eve\r\nadmin")).isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> Actor.of("x".repeat(201))).isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> Actor.of(null)).isInstanceOf(InvalidInputException.class);
    assertThat(Actor.of("alice@portal")).hasToString("alice@portal");
  }
  @Test
  void anActorOfExactlyTwoHundredCharactersIsAccepted() {
    assertThat(Actor.of("x".repeat(200)).name()).hasSize(200);
  }

  @Test
  void anEventKeepsARangeOfSimsAsTheRangeAndAListAsAReadOnlyCollection() {
    IccidRange range = IccidRange.of(sim(0), sim(9));
    AuditEvent ofRange = new AuditEvent(java.util.UUID.randomUUID(), ACME, AuditEventType.SIMS_ASSIGNED, BOB, NOW,
        null, range, "a range");
    AuditEvent ofList = new AuditEvent(java.util.UUID.randomUUID(), ACME, AuditEventType.SIMS_ASSIGNED, BOB, NOW,
        null, new ArrayList<>(List.of(sim(0))), "a list");

    assertThat(ofRange.sims()).isSameAs(range);
    assertThatThrownBy(() -> ofList.sims().add(sim(1))).isInstanceOf(UnsupportedOperationException.class);
    assertThat(ofList.sims()).containsExactly(sim(0));
  }

  @Test
  void thePublisherOfNoneTakesEveryEventAndDropsIt() {
    AuditEvent event = new AuditEvent(java.util.UUID.randomUUID(), ACME, AuditEventType.SIMS_ASSIGNED, BOB, NOW,
        null, List.of(sim(0)), "dropped");

    org.assertj.core.api.Assertions.assertThatCode(() -> io.simestate.core.audit.EventPublisher.none().publish(event))
        .doesNotThrowAnyException();
  }
}
