package io.simestate.core.contract;

import static io.simestate.core.contract.ContractFixtures.newIccids;
import static io.simestate.core.contract.ContractFixtures.newTenant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import io.simestate.core.Actor;
import io.simestate.core.AlertKind;
import io.simestate.core.ConflictException;
import io.simestate.core.InvalidInputException;
import io.simestate.core.TenantId;
import io.simestate.core.UnavailableException;
import io.simestate.core.Violation;
import io.simestate.core.alert.AlertDecision;
import io.simestate.core.alert.AlertId;
import io.simestate.core.alert.Recipient;
import io.simestate.core.alert.RoutingOutcome;
import io.simestate.core.alert.RoutingResult;
import io.simestate.core.alert.SkipReason;
import io.simestate.core.alert.SkippedContact;
import io.simestate.core.alert.TestClock;
import io.simestate.core.alert.Usage;
import io.simestate.core.alert.UsageAlert;
import io.simestate.core.audit.AuditEventType;
import io.simestate.core.customer.Contact;
import io.simestate.core.customer.ContactDetails;
import io.simestate.core.customer.Customer;
import io.simestate.core.customer.CustomerDetails;
import io.simestate.core.estate.SimEstate;
import io.simestate.core.persistence.Persistence;
import io.simestate.core.sim.Iccid;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Routing rules of issue 11 on an adapter's {@link Persistence}: de-duplication per contact, every
 * skip reason kept, a reused alert id refused, and the time window's edges stored exactly.
 */
public abstract class AlertRoutingContract {

  private static final Actor ALICE = Actor.of("alice@portal");

  private final TestClock clock = new TestClock();
  private SimEstate estate;
  private TenantId tenant;

  /**
   * The persistence under test; may be shared between tests.
   *
   * @return the persistence
   */
  protected abstract Persistence persistence();

  @BeforeEach
  void wireTheLibrary() {
    estate = SimEstate.builder().persistence(persistence()).clock(clock).build();
    tenant = newTenant();
  }

  private Customer customerWith(String name, ContactDetails... contacts) {
    Customer c = estate.customers().create(tenant, ALICE, CustomerDetails.named(name));
    for (ContactDetails d : contacts) {
      estate.customers().addContact(tenant, ALICE, c.id(), d);
    }
    return estate.customers().get(tenant, c.id());
  }

  private UsageAlert warning(String id, Iccid sim) {
    return UsageAlert.of(AlertId.of(id), sim, AlertKind.WARNING, clock.instant()).withPeriod("2026-11");
  }

  @Test
  void aSimMovedToAnotherCustomerAlertsTheNewHoldersContactsAndNobodyTwice() {
    Customer c1 = customerWith("Northwind", ContactDetails.alerted("Ana", "ana@northwind.example"));
    Customer c2 = customerWith("Contoso", ContactDetails.alerted("Carl", "carl@contoso.example"));
    Iccid sim = newIccids(1).get(0);
    estate.sims().assign(tenant, ALICE, c1.id(), List.of(sim.digits()));
    estate.alerts().route(tenant, warning("w-1", sim));

    estate.sims().assign(tenant, ALICE, c2.id(), List.of(sim.digits()));
    RoutingResult afterMove = estate.alerts().route(tenant, warning("w-2", sim));
    estate.sims().assign(tenant, ALICE, c1.id(), List.of(sim.digits()));
    RoutingResult movedBack = estate.alerts().route(tenant, warning("w-3", sim));

    assertThat(afterMove.decision().outcome()).isEqualTo(RoutingOutcome.ROUTED);
    assertThat(afterMove.deliveries()).extracting(d -> d.recipient().name()).containsExactly("Carl");
    assertThat(movedBack.decision().outcome()).isEqualTo(RoutingOutcome.REPEAT_SUPPRESSED);
    assertThat(movedBack.deliveries()).isEmpty();
    assertThat(estate.alerts().decision(tenant, AlertId.of("w-3")).orElseThrow().skipped())
        .extracting(SkippedContact::contactName, SkippedContact::reasons)
        .containsExactly(tuple("Ana", List.of(SkipReason.ALREADY_TOLD)));
    assertThat(estate.alerts().decision(tenant, AlertId.of("w-3")).orElseThrow().outcome())
        .isEqualTo(RoutingOutcome.REPEAT_SUPPRESSED);
  }

  @Test
  void aReplayedAlertIdRemembersNobodyAsToldSoALaterRepeatReachesAContactAddedBetween() {
    Customer c = customerWith("Northwind", ContactDetails.alerted("Ana", "ana@northwind.example"));
    Iccid sim = newIccids(1).get(0);
    estate.sims().assign(tenant, ALICE, c.id(), List.of(sim.digits()));
    UsageAlert first = warning("w-1", sim);
    estate.alerts().route(tenant, first);
    Contact bo = estate.customers().addContact(tenant, ALICE, c.id(), ContactDetails.alerted("Bo", "bo@northwind.example"));

    RoutingResult replay = estate.alerts().route(tenant, first);
    RoutingResult repeat = estate.alerts().route(tenant, warning("w-2", sim));

    assertThat(replay.duplicateAlertId()).isTrue();
    assertThat(replay.deliveries()).isEmpty();
    assertThat(estate.alerts().deliveriesOf(tenant, first.id())).extracting(d -> d.recipient().name())
        .containsExactly("Ana");
    assertThat(repeat.deliveries()).extracting(d -> d.recipient().contactId()).containsExactly(bo.id());
  }

  @Test
  void aRoutedAlertLeavesItsDecisionDeliveriesAndOneAuditEventReadableBack() {
    Customer c = customerWith("Northwind", ContactDetails.alerted("Ana", "ana@northwind.example"),
        ContactDetails.alerted("Bo", "bo@northwind.example"), ContactDetails.silent("Cy", null));
    Iccid sim = newIccids(1).get(0);
    estate.sims().assign(tenant, ALICE, c.id(), List.of(sim.digits()));

    RoutingResult routed = estate.alerts().route(tenant, warning("w-1", sim));

    assertThat(estate.alerts().decision(tenant, AlertId.of("w-1"))).contains(routed.decision());
    assertThat(estate.alerts().deliveriesOf(tenant, AlertId.of("w-1"))).extracting(d -> d.recipient().name())
        .containsExactlyInAnyOrder("Ana", "Bo");
    assertThat(routed.deliveries()).hasSize(2);
    assertThat(estate.auditTrail().forSim(tenant, sim, 10))
        .filteredOn(e -> e.type() == AuditEventType.ALERT_ROUTED)
        .singleElement()
        .satisfies(e -> {
          assertThat(e.customerId()).isEqualTo(c.id());
          assertThat(e.sims()).containsExactly(sim);
          assertThat(e.summary()).contains("w-1", "routed to 2 contact(s) of Northwind", "1 skipped");
        });
  }

  @Test
  void ofConcurrentRoutesOfOneAlertIdOneRecordsAndTheOthersReplay() throws Exception {
    Customer c = customerWith("Northwind", ContactDetails.alerted("Ana", "ana@northwind.example"),
        ContactDetails.alerted("Bo", "bo@northwind.example"));
    Iccid sim = newIccids(1).get(0);
    estate.sims().assign(tenant, ALICE, c.id(), List.of(sim.digits()));
    UsageAlert alert = warning("same", sim);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Callable<RoutingResult>> calls = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        calls.add(() -> {
          while (true) {
            try {
              return estate.alerts().route(tenant, alert);
            } catch (UnavailableException e) {
              // "route it again": another call held the alert id at the same moment
            }
          }
        });
      }
      List<RoutingResult> results = new ArrayList<>();
      // A hang guard only: eight calls take milliseconds, whichever order the threads run them in.
      for (Future<RoutingResult> f : pool.invokeAll(calls, 2, TimeUnit.MINUTES)) {
        results.add(f.get());
      }

      assertThat(results).filteredOn(r -> !r.duplicateAlertId()).singleElement()
          .satisfies(r -> assertThat(r.deliveries()).hasSize(2));
      assertThat(results).filteredOn(RoutingResult::duplicateAlertId).hasSize(7)
          .allSatisfy(r -> assertThat(r.deliveries()).isEmpty());
      assertThat(estate.alerts().deliveriesOf(tenant, alert.id())).hasSize(2);
      assertThat(estate.auditTrail().forSim(tenant, sim, 10)).filteredOn(e -> e.type() == AuditEventType.ALERT_ROUTED)
          .hasSize(1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void everySkipReasonIsStoredAndReadBack() {
    Customer c = customerWith("Northwind",
        ContactDetails.silent("Nemo", null).wanting(AlertKind.CUT_OFF),
        ContactDetails.alerted("Ana", "ana@northwind.example"),
        ContactDetails.alerted("Wendy", "wendy@northwind.example").wanting(AlertKind.CUT_OFF));
    Iccid sim = newIccids(1).get(0);
    estate.sims().assign(tenant, ALICE, c.id(), List.of(sim.digits()));
    estate.alerts().route(tenant, warning("w-1", sim));

    AlertDecision repeat = estate.alerts().route(tenant, warning("w-2", sim)).decision();

    assertThat(estate.alerts().decision(tenant, AlertId.of("w-2"))).contains(repeat);
    assertThat(repeat.skipped()).extracting(SkippedContact::contactName, SkippedContact::reasons).containsExactly(
        tuple("Nemo", List.of(SkipReason.ALERTS_OFF, SkipReason.NO_VALID_EMAIL, SkipReason.KIND_NOT_WANTED)),
        tuple("Wendy", List.of(SkipReason.KIND_NOT_WANTED)),
        tuple("Ana", List.of(SkipReason.ALREADY_TOLD)));
  }

  @Test
  void aContactAddedAfterTheFirstAlertGetsTheRepeatAlone() {
    Customer c = customerWith("Northwind", ContactDetails.alerted("Ana", "ana@northwind.example"));
    Iccid sim = newIccids(1).get(0);
    estate.sims().assign(tenant, ALICE, c.id(), List.of(sim.digits()));
    estate.alerts().route(tenant, warning("w-1", sim));
    Contact bo = estate.customers().addContact(tenant, ALICE, c.id(), ContactDetails.alerted("Bo", "bo@northwind.example"));

    RoutingResult repeat = estate.alerts().route(tenant, warning("w-2", sim));

    assertThat(repeat.decision().chosen()).extracting(Recipient::contactId).containsExactly(bo.id());
    assertThat(repeat.deliveries()).hasSize(1);
  }

  @Test
  void aReusedAlertIdWithOtherContentIsRefusedAndTheSameContentReplayed() {
    Customer c = customerWith("Northwind", ContactDetails.alerted("Ana", "ana@northwind.example"));
    List<Iccid> sims = newIccids(2);
    estate.sims().assign(tenant, ALICE, c.id(), sims.stream().map(Iccid::digits).toList());
    UsageAlert first = warning("a-1", sims.get(0)).withUsage(
        new Usage(new BigDecimal("950.5"), new BigDecimal("1000"), "MB", new BigDecimal("95.05"), "IoT 1 GB"));
    estate.alerts().route(tenant, first);

    ConflictException e = catchThrowableOfType(ConflictException.class,
        () -> estate.alerts().route(tenant, warning("a-1", sims.get(1))));
    RoutingResult replay = estate.alerts().route(tenant, first);

    assertThat(e.reason()).isEqualTo(ConflictException.Reason.ALERT_ID_REUSED);
    assertThat(estate.alerts().decisionsForSim(tenant, sims.get(1), 10)).isEmpty();
    assertThat(replay.duplicateAlertId()).isTrue();
    assertThat(replay.decision().alert()).isEqualTo(first);
  }

  @Test
  void theEdgesOfTheTimeWindowAreStoredAndReadBackExactly() {
    Customer c = customerWith("Northwind", ContactDetails.alerted("Ana", "ana@northwind.example"));
    Iccid sim = newIccids(1).get(0);
    estate.sims().assign(tenant, ALICE, c.id(), List.of(sim.digits()));
    Instant oldest = clock.instant().minus(Duration.ofDays(30)).plusNanos(1000);
    Instant newest = clock.instant().plus(Duration.ofMinutes(5)).minusNanos(1000);

    UsageAlert old = UsageAlert.of(AlertId.of("old"), sim, AlertKind.WARNING, oldest);
    UsageAlert late = UsageAlert.of(AlertId.of("new"), sim, AlertKind.CUT_OFF, newest);
    estate.alerts().route(tenant, old);
    estate.alerts().route(tenant, late);

    assertThat(estate.alerts().decision(tenant, old.id()).orElseThrow().alert().raisedAt()).isEqualTo(oldest);
    assertThat(estate.alerts().decision(tenant, late.id()).orElseThrow().alert().raisedAt()).isEqualTo(newest);
    assertThat(estate.alerts().deliveriesOf(tenant, late.id())).singleElement()
        .satisfies(d -> assertThat(d.alert().raisedAt()).isEqualTo(newest));
  }

  @Test
  void aTimeOutsideTheWindowIsRefusedBeforeAnythingIsStored() {
    Customer c = customerWith("Northwind", ContactDetails.alerted("Ana", "ana@northwind.example"));
    Iccid sim = newIccids(1).get(0);
    estate.sims().assign(tenant, ALICE, c.id(), List.of(sim.digits()));

    for (Instant absurd : List.of(Instant.MAX, Instant.MIN, Instant.ofEpochSecond(clock.instant().toEpochMilli()))) {
      assertThatThrownBy(() -> estate.alerts().route(tenant, UsageAlert.of(AlertId.of("x"), sim, AlertKind.WARNING,
          absurd))).isInstanceOfSatisfying(InvalidInputException.class,
              ex -> assertThat(ex.violations()).extracting(Violation::field).containsExactly("raisedAt"));
    }

    assertThat(estate.alerts().decisionsForSim(tenant, sim, 10)).isEmpty();
    assertThat(estate.alerts().route(tenant, warning("ok", sim)).decision().outcome())
        .isEqualTo(RoutingOutcome.ROUTED);
  }
}
