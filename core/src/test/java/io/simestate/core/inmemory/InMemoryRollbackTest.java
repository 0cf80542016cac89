package io.simestate.core.inmemory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.simestate.core.Actor;
import io.simestate.core.AlertKind;
import io.simestate.core.PageRequest;
import io.simestate.core.TenantId;
import io.simestate.core.alert.AlertId;
import io.simestate.core.alert.DeliveryStatus;
import io.simestate.core.alert.RoutingOutcome;
import io.simestate.core.alert.TestClock;
import io.simestate.core.alert.UsageAlert;
import io.simestate.core.customer.Contact;
import io.simestate.core.audit.AuditEventType;
import io.simestate.core.customer.ContactDetails;
import io.simestate.core.customer.Customer;
import io.simestate.core.customer.CustomerDetails;
import io.simestate.core.estate.SimEstate;
import io.simestate.core.sim.Iccid;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/** A use case that fails in the middle leaves the in-memory stores exactly as they were. */
class InMemoryRollbackTest {

  private static final TenantId ACME = TenantId.of("acme");
  private static final Actor ALICE = Actor.of("alice");
  private static final String SIM = "8944500102198304826";

  private static SimEstate estateFailingOn(Set<AuditEventType> failing) {
    return SimEstate.builder().publishEventsTo(event -> {
      if (failing.contains(event.type())) {
        throw new IllegalStateException("host audit store is down");
      }
    }).build();
  }

  @Test
  void aFailedRoutingRecordsNoDecisionNoDeliveryAndNoRepeat() {
    SimEstate estate = estateFailingOn(Set.of(AuditEventType.ALERT_ROUTED));
    Customer c = estate.customers().create(ACME, ALICE, CustomerDetails.named("Acme"));
    estate.customers().addContact(ACME, ALICE, c.id(), ContactDetails.alerted("Ana", "ana@acme.example"));
    estate.sims().assign(ACME, ALICE, c.id(), List.of(SIM));
    UsageAlert alert = UsageAlert.of(AlertId.of("w-1"), Iccid.parse(SIM), AlertKind.WARNING, Instant.now())
        .withPeriod("2026-11");

    assertThatThrownBy(() -> estate.alerts().route(ACME, alert)).isInstanceOf(IllegalStateException.class);

    assertThat(estate.alerts().decision(ACME, alert.id())).isEmpty();
    assertThat(estate.alerts().deliveriesOf(ACME, alert.id())).isEmpty();
    assertThat(estate.auditTrail().forSim(ACME, Iccid.parse(SIM), 10)).extracting(e -> e.type())
        .containsExactly(AuditEventType.SIMS_ASSIGNED);
  }

  @Test
  void aFailedMoveLeavesEverySimWithItsFormerCustomer() {
    SimEstate estate = estateFailingOn(Set.of(AuditEventType.SIMS_UNASSIGNED));
    Customer acme = estate.customers().create(ACME, ALICE, CustomerDetails.named("Acme"));
    Customer bolt = estate.customers().create(ACME, ALICE, CustomerDetails.named("Bolt"));
    estate.sims().assign(ACME, ALICE, acme.id(), List.of(SIM));

    assertThatThrownBy(() -> estate.sims().assign(ACME, ALICE, bolt.id(), List.of(SIM, "8944500102198304834")))
        .isInstanceOf(IllegalStateException.class);

    assertThat(estate.sims().customerOf(ACME, SIM)).contains(acme.id());
    assertThat(estate.sims().customerOf(ACME, "8944500102198304834")).isEmpty();
    assertThat(estate.customers().report(ACME, bolt.id(), PageRequest.first(10)).simCount()).isZero();
    assertThat(estate.customers().report(ACME, acme.id(), PageRequest.first(10)).simCount()).isEqualTo(1);
  }

  @Test
  void aFailedRenameKeepsTheOldNameAndVersion() {
    SimEstate estate = estateFailingOn(Set.of(AuditEventType.CUSTOMER_UPDATED));
    Customer acme = estate.customers().create(ACME, ALICE, CustomerDetails.named("Acme"));

    assertThatThrownBy(() -> estate.customers().update(ACME, ALICE, acme.id(), acme.version(),
        CustomerDetails.named("Acme Ltd"))).isInstanceOf(IllegalStateException.class);

    assertThat(estate.customers().get(ACME, acme.id())).isEqualTo(acme);
    assertThat(estate.customers().list(ACME, "ltd", PageRequest.first(10)).items()).isEmpty();
    assertThat(estate.customers().create(ACME, ALICE, CustomerDetails.named("Acme Ltd")).name().value())
        .isEqualTo("Acme Ltd");
  }

  @Test
  void aFailedCreationFreesTheName() {
    SimEstate estate = estateFailingOn(Set.of(AuditEventType.CUSTOMER_CREATED));
    assertThatThrownBy(() -> estate.customers().create(ACME, ALICE, CustomerDetails.named("Acme")))
        .isInstanceOf(IllegalStateException.class);
    assertThat(estate.customers().list(ACME, null, PageRequest.first(10)).total()).isZero();
  }

  @Test
  void aHostPublisherFailingOnDeliverySentUndoesNeitherTheRecordNorTheSend() {
    SimEstate estate = estateFailingOn(Set.of(AuditEventType.DELIVERY_SENT));
    Customer c = estate.customers().create(ACME, ALICE, CustomerDetails.named("Acme"));
    estate.customers().addContact(ACME, ALICE, c.id(), ContactDetails.alerted("Ana", "ana@acme.example"));
    estate.sims().assign(ACME, ALICE, c.id(), List.of(SIM));
    UsageAlert alert = UsageAlert.of(AlertId.of("w-1"), Iccid.parse(SIM), AlertKind.WARNING, Instant.now());
    estate.alerts().route(ACME, alert);

    assertThat(estate.dispatcher().dispatchDue().sent()).isEqualTo(1);

    // The publisher is called after the record committed: the delivery stays sent, never re-sent.
    assertThat(estate.alerts().deliveriesOf(ACME, alert.id())).singleElement()
        .satisfies(d -> assertThat(d.status().name()).isEqualTo("SENT"));
    assertThat(estate.auditTrail().forSim(ACME, Iccid.parse(SIM), 10)).extracting(e -> e.type())
        .contains(AuditEventType.DELIVERY_SENT);
    assertThat(estate.dispatcher().dispatchDue().claimed()).isZero();
  }

  @Test
  void aFailedRoutingForgetsWhomItToldSoTheAlertReachesThemWhenRoutedAgain() {
    Set<AuditEventType> failing = ConcurrentHashMap.newKeySet();
    SimEstate estate = estateFailingOn(failing);
    Customer c = estate.customers().create(ACME, ALICE, CustomerDetails.named("Acme"));
    Contact ana = estate.customers().addContact(ACME, ALICE, c.id(), ContactDetails.alerted("Ana", "ana@acme.example"));
    estate.sims().assign(ACME, ALICE, c.id(), List.of(SIM));
    UsageAlert alert = UsageAlert.of(AlertId.of("w-1"), Iccid.parse(SIM), AlertKind.WARNING, Instant.now())
        .withPeriod("2026-11");
    failing.add(AuditEventType.ALERT_ROUTED);

    assertThatThrownBy(() -> estate.alerts().route(ACME, alert)).isInstanceOf(IllegalStateException.class);

    assertThat(estate.alerts().deliveriesTo(ACME, ana.id(), 10)).isEmpty();
    assertThat(estate.alerts().deliveriesForSim(ACME, Iccid.parse(SIM), 10)).isEmpty();
    assertThat(estate.alerts().deliveryCounts()).allSatisfy((status, count) -> assertThat(count).isZero());
    assertThat(estate.dispatcher().dispatchDue().claimed()).isZero();
    failing.clear();
    assertThat(estate.alerts().route(ACME, alert).deliveries()).singleElement()
        .satisfies(d -> assertThat(d.recipient().contactId()).isEqualTo(ana.id()));
  }

  @Test
  void aFailedRoutingOfARepeatAfterTheWindowKeepsWhenTheContactWasToldBefore() {
    TestClock clock = new TestClock();
    Set<AuditEventType> failing = ConcurrentHashMap.newKeySet();
    SimEstate estate = SimEstate.builder().clock(clock).repeatWindow(Duration.ofHours(1)).publishEventsTo(event -> {
      if (failing.contains(event.type())) {
        throw new IllegalStateException("host audit store is down");
      }
    }).build();
    Customer c = estate.customers().create(ACME, ALICE, CustomerDetails.named("Acme"));
    estate.customers().addContact(ACME, ALICE, c.id(), ContactDetails.alerted("Ana", "ana@acme.example"));
    estate.sims().assign(ACME, ALICE, c.id(), List.of(SIM));
    estate.alerts().route(ACME, UsageAlert.of(AlertId.of("w-1"), Iccid.parse(SIM), AlertKind.WARNING, clock.instant()));
    clock.advance(Duration.ofHours(2));
    failing.add(AuditEventType.ALERT_ROUTED);
    UsageAlert failed = UsageAlert.of(AlertId.of("w-2"), Iccid.parse(SIM), AlertKind.WARNING, clock.instant());

    assertThatThrownBy(() -> estate.alerts().route(ACME, failed)).isInstanceOf(IllegalStateException.class);

    failing.clear();
    clock.advance(Duration.ofMinutes(30));
    // Ana was last told three and a half hours ago, not (by the failed routing) half an hour ago
    UsageAlert next = UsageAlert.of(AlertId.of("w-3"), Iccid.parse(SIM), AlertKind.WARNING, clock.instant());
    assertThat(estate.alerts().route(ACME, next).decision().outcome()).isEqualTo(RoutingOutcome.ROUTED);
    assertThat(estate.alerts().deliveryCounts().get(DeliveryStatus.PENDING)).isEqualTo(2);
  }
}
