package io.simestate.core.alert;

import static io.simestate.core.alert.AlertFixture.ACME;
import static io.simestate.core.alert.AlertFixture.sim;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.simestate.core.AlertKind;
import io.simestate.core.UnavailableException;
import io.simestate.core.customer.Customer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The dispatcher against a store that fails: it tries a claim or a record up to five times and then
 * gives up with the store's error, leaving the delivery to be claimed again; a claim the store undid is
 * claimed again at once; and its report adds up every round of one call.
 */
class DispatcherStoreFaultsTest {

  private static final Duration LEASE = Duration.ofMinutes(5);

  private final FaultyPersistence persistence = new FaultyPersistence();
  private final AlertFixture f = new AlertFixture(b -> b.persistence(persistence).dispatchLease(LEASE)
      .retryPolicy(AlertFixture.exactRetry(3)));

  private AlertId alertForAna() {
    Customer northwind = f.customer("Northwind");
    f.alerted(northwind, "Ana");
    f.assign(northwind, sim(1));
    return f.route(sim(1), AlertKind.WARNING).decision().alert().id();
  }

  private Delivery onlyDelivery(AlertId alert) {
    List<Delivery> deliveries = f.estate.alerts().deliveriesOf(ACME, alert);
    assertThat(deliveries).hasSize(1);
    return deliveries.get(0);
  }

  @Test
  void aStoreThatKeepsFailingWhileResultsAreRecordedMakesTheDispatcherGiveUpAfterFiveTries() {
    AlertId alert = alertForAna();
    AtomicInteger recordTries = new AtomicInteger();
    persistence.inject("DeliveryOutbox.markSent", (args, real) -> {
      recordTries.incrementAndGet();
      throw new UnavailableException("connection to the store lost", null);
    });

    assertThatThrownBy(() -> f.estate.dispatcher().dispatchDue()).isInstanceOf(UnavailableException.class);

    assertThat(recordTries).hasValue(5);
    assertThat(f.sender.attempts()).hasSize(1);
    persistence.heal("DeliveryOutbox.markSent");
    Delivery inFlight = onlyDelivery(alert);
    assertThat(inFlight.status()).isEqualTo(DeliveryStatus.IN_FLIGHT);
    assertThat(inFlight.attempts()).as("the attempt was counted before the message went out").isEqualTo(1);
    // the result was never recorded: the delivery is claimed again once its lease ran out
    f.clock.set(inFlight.nextAttemptAt());
    assertThat(f.estate.dispatcher().dispatchDue().sent()).isEqualTo(1);
    assertThat(onlyDelivery(alert).status()).isEqualTo(DeliveryStatus.SENT);
  }

  @Test
  void aStoreThatKeepsFailingWhileClaimingMakesTheDispatcherGiveUpAfterFiveTries() {
    AlertId alert = alertForAna();
    AtomicInteger claimTries = new AtomicInteger();
    persistence.inject("DeliveryOutbox.claimDue", (args, real) -> {
      claimTries.incrementAndGet();
      throw new UnavailableException("deadlock detected", null);
    });

    assertThatThrownBy(() -> f.estate.dispatcher().dispatchDue()).isInstanceOf(UnavailableException.class);

    assertThat(claimTries).hasValue(5);
    assertThat(f.sender.attempts()).isEmpty();
    assertThat(onlyDelivery(alert).status()).isEqualTo(DeliveryStatus.PENDING);
  }

  @Test
  void aClaimTheStoreUndidIsClaimedAgainAtOnce() {
    AlertId alert = alertForAna();
    AtomicBoolean failedOnce = new AtomicBoolean();
    // the claim is made, then the store loses the transaction (a commit that fails): it is rolled back
    persistence.inject("DeliveryOutbox.claimDue", (args, real) -> {
      Object batch = real.call();
      if (!failedOnce.getAndSet(true)) {
        throw new UnavailableException("commit failed", null);
      }
      return batch;
    });

    DispatchReport report = f.estate.dispatcher().dispatchDue();

    assertThat(failedOnce).isTrue();
    assertThat(report.sent()).isEqualTo(1);
    assertThat(f.sender.accepted()).hasSize(1);
    assertThat(onlyDelivery(alert).status()).isEqualTo(DeliveryStatus.SENT);
  }

  @Test
  void theReportAddsUpEveryRoundOfOneCall() {
    AlertFixture g = new AlertFixture(b -> b.dispatchBatchSize(2).retryPolicy(AlertFixture.exactRetry(3)));
    Customer northwind = g.customer("Northwind");
    g.alerted(northwind, "Ana");
    g.assign(northwind, sim(1), sim(2), sim(3), sim(4), sim(5));
    for (int n = 1; n <= 5; n++) {
      g.route(sim(n), AlertKind.WARNING);
    }
    g.sender.answer(n -> {
      UsageAlert a = ((AlertNotification) n).alert();
      if (a.iccid().equals(sim(2))) {
        return SendResult.permanentFailure("550 no such user");
      }
      return a.iccid().equals(sim(4)) ? SendResult.transientFailure("451 try later") : SendResult.sent();
    });

    DispatchReport report = g.estate.dispatcher().dispatchDue();

    assertThat(report).isEqualTo(new DispatchReport(5, 3, 5, 0, 1, 1));
    assertThat(g.sender.attempts()).hasSize(5);
    assertThat(g.estate.dispatcher().dispatchDue()).isEqualTo(DispatchReport.EMPTY);
  }
}
