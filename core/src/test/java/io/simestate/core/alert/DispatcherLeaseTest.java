package io.simestate.core.alert;

import static io.simestate.core.alert.AlertFixture.ACME;
import static io.simestate.core.alert.AlertFixture.sim;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.simestate.core.AlertKind;
import io.simestate.core.UnavailableException;
import io.simestate.core.customer.Customer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A dispatcher's claim on its batch (issue 10): it holds every unsent delivery of the batch while the
 * batch takes longer than the lease, so that each message starts with at least three quarters of the
 * lease left and no other dispatcher takes over deliveries that are still to be sent; and when a
 * round ends early because the store failed, the unsent rest is released at once for any dispatcher
 * to take, without waiting for the lease.
 */
class DispatcherLeaseTest {

  private static final Duration LEASE = Duration.ofMinutes(4);
  private static final List<String> CONTACTS = List.of("Ana", "Bo", "Cy", "Di", "Ed");

  private final FaultyPersistence persistence = new FaultyPersistence();
  private final AlertFixture f = new AlertFixture(b -> b.persistence(persistence).dispatchLease(LEASE)
      .retryPolicy(AlertFixture.exactRetry(3)));

  /** One alert for five contacts: five messages in one batch. */
  private AlertId alertForFiveContacts() {
    Customer northwind = f.customer("Northwind");
    CONTACTS.forEach(name -> f.alerted(northwind, name));
    f.assign(northwind, sim(1));
    return f.route(sim(1), AlertKind.WARNING).decision().alert().id();
  }

  private List<Delivery> inFlight(AlertId alert) {
    return f.estate.alerts().deliveriesOf(ACME, alert).stream()
        .filter(d -> d.status() == DeliveryStatus.IN_FLIGHT).toList();
  }

  @Test
  void aBatchLongerThanTheLeaseKeepsItsClaimSoEachMessageStartsWithThreeQuartersOfTheLeaseLeft() {
    AlertId alert = alertForFiveContacts();
    List<Duration> leftAtEachSend = new ArrayList<>();
    List<Integer> takenByAnother = new ArrayList<>();
    f.sender.answer(n -> {
      Instant now = f.clock.instant();
      List<Delivery> held = inFlight(alert);
      leftAtEachSend.add(held.stream().map(d -> Duration.between(now, d.nextAttemptAt()))
          .min(Duration::compareTo).orElseThrow());
      // another instance looks for due work while this message is sent
      takenByAnother.add(f.estate.persistence().outbox().claimDue(now, 10, LEASE, "another-instance").size());
      // each message takes more than a quarter of the lease: five of them take longer than the lease
      f.clock.advance(LEASE.dividedBy(4).plusSeconds(10));
      return SendResult.sent();
    });

    DispatchReport report = f.estate.dispatcher().dispatchDue();

    assertThat(report.sent()).isEqualTo(CONTACTS.size());
    assertThat(f.sender.attempts()).hasSize(CONTACTS.size());
    assertThat(takenByAnother).as("deliveries another dispatcher claimed while this batch was sent")
        .containsOnly(0);
    assertThat(leftAtEachSend).hasSize(CONTACTS.size())
        .allSatisfy(left -> assertThat(left).isGreaterThanOrEqualTo(LEASE.multipliedBy(3).dividedBy(4)));
    assertThat(f.estate.alerts().deliveriesOf(ACME, alert)).extracting(Delivery::status)
        .containsOnly(DeliveryStatus.SENT);
  }

  @Test
  void aRoundThatFailsOnTheStoreReleasesTheUnsentRestOfItsClaimAtOnce() {
    AlertId alert = alertForFiveContacts();
    AtomicInteger sends = new AtomicInteger();
    AtomicBoolean storeDown = new AtomicBoolean();
    f.sender.answer(n -> {
      if (sends.incrementAndGet() == 2) {
        // the store goes away while the second message is sent: its result cannot be recorded
        storeDown.set(true);
      }
      return SendResult.sent();
    });
    persistence.inject("DeliveryOutbox.markSent", (args, real) -> {
      if (storeDown.get()) {
        throw new UnavailableException("connection to the store lost", null);
      }
      return real.call();
    });

    assertThatThrownBy(() -> f.estate.dispatcher().dispatchDue()).isInstanceOf(UnavailableException.class)
        .hasMessageContaining("connection to the store lost");

    storeDown.set(false);
    assertThat(f.sender.attempts()).hasSize(2);
    assertThat(f.estate.alerts().deliveriesOf(ACME, alert)).extracting(Delivery::status).containsExactlyInAnyOrder(
        DeliveryStatus.SENT, DeliveryStatus.IN_FLIGHT, DeliveryStatus.PENDING, DeliveryStatus.PENDING,
        DeliveryStatus.PENDING);
    // the three never sent are due now, for any dispatcher, with no attempt used up
    List<Delivery> released = f.estate.persistence().outbox().claimDue(f.clock.instant(), 10, LEASE, "another");
    assertThat(released).hasSize(3).allSatisfy(d -> assertThat(d.attempts()).isZero());
  }

  @Test
  void whenTheReleaseFailsTooTheCallerSeesTheFirstFailureAndTheRestWaitsForTheLease() {
    AlertId alert = alertForFiveContacts();
    persistence.inject("DeliveryOutbox.markSent",
        (args, real) -> { throw new UnavailableException("the results table is locked", null); });
    persistence.inject("DeliveryOutbox.release",
        (args, real) -> { throw new UnavailableException("the release failed too", null); });

    assertThatThrownBy(() -> f.estate.dispatcher().dispatchDue()).isInstanceOf(UnavailableException.class)
        .hasMessageContaining("the results table is locked");

    persistence.heal("DeliveryOutbox.markSent");
    persistence.heal("DeliveryOutbox.release");
    assertThat(f.sender.attempts()).hasSize(1);
    assertThat(f.estate.persistence().outbox().claimDue(f.clock.instant(), 10, LEASE, "another")).isEmpty();
    f.clock.advance(LEASE);
    assertThat(f.estate.dispatcher().dispatchDue().sent()).isEqualTo(CONTACTS.size());
    assertThat(f.estate.alerts().deliveriesOf(ACME, alert)).extracting(Delivery::status)
        .containsOnly(DeliveryStatus.SENT);
  }
}
