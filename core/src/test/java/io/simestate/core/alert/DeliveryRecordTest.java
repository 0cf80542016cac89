package io.simestate.core.alert;

import static io.simestate.core.alert.AlertFixture.ACME;
import static io.simestate.core.alert.AlertFixture.GLOBEX;
import static io.simestate.core.alert.AlertFixture.sim;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.simestate.core.AlertKind;
import io.simestate.core.customer.Contact;
import io.simestate.core.customer.ContactDetails;
import io.simestate.core.customer.Customer;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** F16: who was chosen, who was skipped and why, and how each delivery went, read back later. */
class DeliveryRecordTest {

  private final AlertFixture f = new AlertFixture(b -> b.retryPolicy(AlertFixture.exactRetry(2)));
  private Customer northwind;
  private Contact ana;
  private Contact bo;
  private Contact quinn;
  private Contact wendy;

  @BeforeEach
  void northwindWithFourContacts() {
    northwind = f.customer("Northwind");
    ana = f.alerted(northwind, "Ana");
    bo = f.alerted(northwind, "Bo");
    quinn = f.contact(northwind, ContactDetails.silent("Quinn", "quinn@northwind.example"));
    wendy = f.alerted(northwind, "Wendy", AlertKind.WARNING);
    f.assign(northwind, sim(1), sim(2));
  }

  @Test
  void decisionIsReadableByAlertIdWithChosenAndSkippedContacts() {
    AlertId id = f.route(sim(1), AlertKind.CUT_OFF).decision().alert().id();

    AlertDecision d = f.estate.alerts().decision(ACME, id).orElseThrow();

    assertThat(d.outcome()).isEqualTo(RoutingOutcome.ROUTED);
    assertThat(d.customerId()).isEqualTo(northwind.id());
    assertThat(d.customerName()).isEqualTo("Northwind");
    assertThat(d.decidedAt()).isEqualTo(f.clock.instant());
    assertThat(d.chosen()).extracting(Recipient::contactId, Recipient::name).containsExactly(
        tuple(ana.id(), "Ana"), tuple(bo.id(), "Bo"));
    assertThat(d.skipped()).extracting(SkippedContact::contactId, SkippedContact::contactName, SkippedContact::reason)
        .containsExactly(tuple(quinn.id(), "Quinn", SkipReason.ALERTS_OFF),
            tuple(wendy.id(), "Wendy", SkipReason.KIND_NOT_WANTED));
  }

  @Test
  void decisionIsNotReadableFromAnotherTenant() {
    AlertId id = f.route(sim(1), AlertKind.CUT_OFF).decision().alert().id();

    assertThat(f.estate.alerts().decision(GLOBEX, id)).isEmpty();
    assertThat(f.estate.alerts().deliveriesOf(GLOBEX, id)).isEmpty();
    assertThat(f.estate.alerts().deliveriesTo(GLOBEX, ana.id(), 10)).isEmpty();
    assertThat(f.estate.alerts().deliveriesForSim(GLOBEX, sim(1), 10)).isEmpty();
    assertThat(f.estate.alerts().decisionsForSim(GLOBEX, sim(1), 10)).isEmpty();
  }

  @Test
  void decisionsPerSimAreListedNewestFirst() {
    AlertId first = f.route(sim(1), AlertKind.WARNING).decision().alert().id();
    f.clock.advance(Duration.ofMinutes(1));
    AlertId second = f.route(sim(1), AlertKind.CUT_OFF).decision().alert().id();
    f.route(sim(2), AlertKind.CUT_OFF);

    assertThat(f.estate.alerts().decisionsForSim(ACME, sim(1), 10)).extracting(d -> d.alert().id())
        .containsExactly(second, first);
    assertThat(f.estate.alerts().decisionsForSim(ACME, sim(1), 1)).extracting(d -> d.alert().id())
        .containsExactly(second);
  }

  @Test
  void deliveriesPerAlertShowStatusAttemptsAndLastError() {
    AlertId id = f.route(sim(1), AlertKind.WARNING).decision().alert().id();
    f.sender.answer(n -> n.recipient().contactId().equals(bo.id())
        ? SendResult.permanentFailure("550 5.1.1 user unknown") : SendResult.sent());

    f.estate.dispatcher().dispatchDue();

    assertThat(f.estate.alerts().deliveriesOf(ACME, id))
        .extracting(d -> d.recipient().contactId(), Delivery::status, Delivery::attempts, Delivery::lastError)
        .containsExactlyInAnyOrder(
            tuple(ana.id(), DeliveryStatus.SENT, 1, null),
            tuple(bo.id(), DeliveryStatus.FAILED, 1, "550 5.1.1 user unknown"),
            tuple(wendy.id(), DeliveryStatus.SENT, 1, null));
  }

  @Test
  void pendingRetryShowsTheLastErrorUntilItIsSent() {
    AlertId id = f.route(sim(1), AlertKind.CUT_OFF).decision().alert().id();
    f.sender.answer(n -> SendResult.transientFailure("421 4.7.0 try again later"));
    f.estate.dispatcher().dispatchDue();

    assertThat(f.estate.alerts().deliveriesOf(ACME, id))
        .allSatisfy(d -> {
          assertThat(d.status()).isEqualTo(DeliveryStatus.PENDING);
          assertThat(d.attempts()).isEqualTo(1);
          assertThat(d.lastError()).isEqualTo("421 4.7.0 try again later");
          assertThat(d.sentAt()).isNull();
        });

    f.sender.answer(n -> SendResult.sent());
    f.clock.advance(Duration.ofSeconds(30));
    f.estate.dispatcher().dispatchDue();

    assertThat(f.estate.alerts().deliveriesOf(ACME, id)).allSatisfy(d -> {
      assertThat(d.status()).isEqualTo(DeliveryStatus.SENT);
      assertThat(d.attempts()).isEqualTo(2);
      assertThat(d.sentAt()).isEqualTo(f.clock.instant());
    });
  }

  @Test
  void deliveriesPerContactAreListedNewestFirst() {
    AlertId first = f.route(sim(1), AlertKind.WARNING).decision().alert().id();
    f.clock.advance(Duration.ofMinutes(1));
    AlertId second = f.route(sim(2), AlertKind.CUT_OFF).decision().alert().id();
    f.clock.advance(Duration.ofMinutes(1));
    f.route(sim(2), AlertKind.WARNING);

    assertThat(f.estate.alerts().deliveriesTo(ACME, wendy.id(), 10)).hasSize(2);
    assertThat(f.estate.alerts().deliveriesTo(ACME, ana.id(), 2)).extracting(Delivery::alertId).hasSize(2)
        .doesNotContain(first);
    assertThat(f.estate.alerts().deliveriesTo(ACME, ana.id(), 10)).extracting(Delivery::alertId).hasSize(3)
        .endsWith(second, first);
    assertThat(f.estate.alerts().deliveriesTo(ACME, quinn.id(), 10)).isEmpty();
  }

  @Test
  void deliveriesPerSimCoverOnlyThatSim() {
    f.route(sim(1), AlertKind.WARNING);
    f.route(sim(2), AlertKind.WARNING);
    f.route(sim(2), AlertKind.CUT_OFF);

    assertThat(f.estate.alerts().deliveriesForSim(ACME, sim(1), 100)).hasSize(3)
        .allSatisfy(d -> assertThat(d.alert().iccid()).isEqualTo(sim(1)));
    assertThat(f.estate.alerts().deliveriesForSim(ACME, sim(2), 100)).hasSize(5)
        .allSatisfy(d -> assertThat(d.alert().iccid()).isEqualTo(sim(2)));
    assertThat(f.estate.alerts().deliveriesForSim(ACME, sim(3), 100)).isEmpty();
  }

  @Test
  void deliveryCountsTellHowManyAreInEachStatus() {
    f.route(sim(1), AlertKind.WARNING);
    f.route(sim(2), AlertKind.WARNING);
    assertThat(f.estate.alerts().deliveryCounts()).containsExactlyInAnyOrderEntriesOf(Map.of(
        DeliveryStatus.PENDING, 6L, DeliveryStatus.IN_FLIGHT, 0L, DeliveryStatus.SENT, 0L, DeliveryStatus.FAILED, 0L,
        DeliveryStatus.DISCARDED, 0L));

    f.sender.answer(n -> n.recipient().contactId().equals(ana.id()) ? SendResult.permanentFailure("550")
        : n.recipient().contactId().equals(bo.id()) ? SendResult.transientFailure("421") : SendResult.sent());
    f.estate.dispatcher().dispatchDue();

    assertThat(f.estate.alerts().deliveryCounts()).containsExactlyInAnyOrderEntriesOf(Map.of(
        DeliveryStatus.PENDING, 2L, DeliveryStatus.IN_FLIGHT, 0L, DeliveryStatus.SENT, 2L, DeliveryStatus.FAILED, 2L,
        DeliveryStatus.DISCARDED, 0L));

    f.estate.persistence().outbox().claimDue(f.clock.instant().plusSeconds(60), 1, Duration.ofMinutes(1), "a-claim");
    assertThat(f.estate.alerts().deliveryCounts()).containsEntry(DeliveryStatus.IN_FLIGHT, 1L)
        .containsEntry(DeliveryStatus.PENDING, 1L);
  }

  @Test
  void deliveryKeepsTheCustomerAndContactAsTheyWereWhenRouted() {
    AlertId id = f.route(sim(1), AlertKind.CUT_OFF).decision().alert().id();
    f.estate.customers().update(ACME, AlertFixture.ALICE, northwind.id(), f.estate.customers()
        .get(ACME, northwind.id()).version(), io.simestate.core.customer.CustomerDetails.named("Northwind Group"));

    assertThat(f.estate.alerts().deliveriesOf(ACME, id)).allSatisfy(d -> {
      assertThat(d.customerId()).isEqualTo(northwind.id());
      assertThat(d.customerName()).isEqualTo("Northwind");
    });
    assertThat(f.estate.alerts().decision(ACME, id).orElseThrow().customerName()).isEqualTo("Northwind");
  }
}
