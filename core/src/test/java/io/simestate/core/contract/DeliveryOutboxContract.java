package io.simestate.core.contract;

import static io.simestate.core.contract.ContractFixtures.T0;
import static io.simestate.core.contract.ContractFixtures.at;
import static io.simestate.core.contract.ContractFixtures.newIccid;
import static io.simestate.core.contract.ContractFixtures.newTenant;
import static org.assertj.core.api.Assertions.assertThat;

import io.simestate.core.AlertKind;
import io.simestate.core.TenantId;
import io.simestate.core.alert.AlertId;
import io.simestate.core.alert.Delivery;
import io.simestate.core.alert.DeliveryId;
import io.simestate.core.alert.DeliveryKind;
import io.simestate.core.alert.DeliveryOutbox;
import io.simestate.core.alert.DeliveryStatus;
import io.simestate.core.alert.Recipient;
import io.simestate.core.alert.Usage;
import io.simestate.core.alert.UsageAlert;
import io.simestate.core.customer.ContactId;
import io.simestate.core.customer.CustomerId;
import io.simestate.core.customer.EmailAddress;
import io.simestate.core.sim.Iccid;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link DeliveryOutbox}. Claiming looks at every tenant's deliveries, so
 * {@link #deliveryOutbox()} must answer an outbox that holds no deliveries when each test starts
 * (a database adapter's test clears the table before each test).
 */
public abstract class DeliveryOutboxContract {

  private static final Duration LEASE = Duration.ofMinutes(5);

  /**
   * The outbox under test, holding no deliveries at the start of each test.
   *
   * @return the outbox
   */
  protected abstract DeliveryOutbox deliveryOutbox();

  /**
   * A pending alert delivery due at {@code due}.
   *
   * @param tenant the tenant
   * @param alertId the alert id
   * @param contact the contact (recipient key)
   * @param sim the SIM
   * @param due when it is due
   * @return the delivery
   */
  protected static Delivery pending(TenantId tenant, String alertId, ContactId contact, Iccid sim, Instant due) {
    UsageAlert alert = UsageAlert.of(AlertId.of(alertId), sim, AlertKind.WARNING, T0);
    return new Delivery(DeliveryId.random(), tenant, DeliveryKind.ALERT, alert.id(), alert, CustomerId.random(),
        "Acme", new Recipient(contact, "Ana", EmailAddress.parse("ana@example.com")), null, DeliveryStatus.PENDING, 0,
        T0, due, null, null);
  }

  private static Delivery pending(TenantId tenant, Instant due) {
    return pending(tenant, "a-" + UUID.randomUUID(), ContactId.random(), newIccid(), due);
  }

  @Test
  void enqueueRecordsPendingDeliveries() {
    Delivery d = pending(newTenant(), at(0));
    assertThat(deliveryOutbox().enqueue(List.of(d))).containsExactly(d);
    assertThat(deliveryOutbox().find(d.id())).contains(d);
  }

  @Test
  void everyFieldRoundTrips() {
    TenantId tenant = newTenant();
    UsageAlert alert = UsageAlert.of(AlertId.of("cut/42 ✓"), newIccid(), AlertKind.CUT_OFF, at(3))
        .withPeriod("2026-11")
        .withUsage(new Usage(new BigDecimal("1000.5"), new BigDecimal("1000"), "MB", new BigDecimal("100.05"), "IoT 1 GB"));
    Delivery d = new Delivery(DeliveryId.random(), tenant, DeliveryKind.ALERT, alert.id(), alert, CustomerId.random(),
        "Grüne Wiese 📡", new Recipient(ContactId.random(), "Zoë ‮evil", EmailAddress.parse("Zoe@xn--grn-hoa.example")),
        "digest-key", DeliveryStatus.PENDING, 0, at(1), at(2), null, null);
    Delivery catchAll = new Delivery(DeliveryId.random(), tenant, DeliveryKind.ALERT, alert.id(), alert, null, null,
        Recipient.catchAll("NOC", EmailAddress.parse("noc@example.com")), null, DeliveryStatus.PENDING, 0, at(1), at(2),
        null, null);
    Delivery notice = new Delivery(DeliveryId.random(), tenant, DeliveryKind.SUBSCRIPTION_NOTICE,
        AlertId.of("notice-1"), null, CustomerId.random(), "Acme",
        new Recipient(ContactId.random(), "Ana", EmailAddress.parse("ana@example.com")), null, DeliveryStatus.PENDING,
        0, at(1), at(2), null, null);
    deliveryOutbox().enqueue(List.of(d, catchAll, notice));
    assertThat(deliveryOutbox().find(d.id())).contains(d);
    assertThat(deliveryOutbox().find(catchAll.id())).contains(catchAll);
    assertThat(deliveryOutbox().find(notice.id())).contains(notice);
  }

  @Test
  void aSecondDeliveryForTheSameAlertAndRecipientIsLeftOut() {
    TenantId tenant = newTenant();
    ContactId ana = ContactId.random();
    Iccid sim = newIccid();
    Delivery first = pending(tenant, "a-1", ana, sim, at(0));
    Delivery again = pending(tenant, "a-1", ana, sim, at(0));
    deliveryOutbox().enqueue(List.of(first));
    assertThat(deliveryOutbox().enqueue(List.of(again))).isEmpty();
    assertThat(deliveryOutbox().byAlert(tenant, AlertId.of("a-1"))).containsExactly(first);
  }

  @Test
  void theSameAlertIdInAnotherTenantIsADifferentDelivery() {
    ContactId ana = ContactId.random();
    Iccid sim = newIccid();
    deliveryOutbox().enqueue(List.of(pending(newTenant(), "a-1", ana, sim, at(0))));
    assertThat(deliveryOutbox().enqueue(List.of(pending(newTenant(), "a-1", ana, sim, at(0))))).hasSize(1);
  }

  @Test
  void claimDueReturnsOnlyDueDeliveriesEarliestFirst() {
    TenantId tenant = newTenant();
    Delivery later = pending(tenant, at(20));
    Delivery early = pending(tenant, at(5));
    Delivery notYet = pending(tenant, at(100));
    deliveryOutbox().enqueue(List.of(later, early, notYet));
    List<Delivery> claimed = deliveryOutbox().claimDue(at(30), 10, LEASE);
    assertThat(claimed).extracting(Delivery::id).containsExactly(early.id(), later.id());
  }

  @Test
  void claimDueRespectsTheMaximum() {
    TenantId tenant = newTenant();
    for (int i = 0; i < 5; i++) {
      deliveryOutbox().enqueue(List.of(pending(tenant, at(i))));
    }
    assertThat(deliveryOutbox().claimDue(at(10), 3, LEASE)).hasSize(3);
    assertThat(deliveryOutbox().claimDue(at(10), 3, LEASE)).hasSize(2);
  }

  @Test
  void aClaimedDeliveryIsInFlightWithOneMoreAttemptUntilTheLeaseEnds() {
    Delivery d = pending(newTenant(), at(0));
    deliveryOutbox().enqueue(List.of(d));
    Delivery claimed = deliveryOutbox().claimDue(at(10), 10, LEASE).get(0);
    assertThat(claimed.status()).isEqualTo(DeliveryStatus.IN_FLIGHT);
    assertThat(claimed.attempts()).isEqualTo(1);
    assertThat(claimed.nextAttemptAt()).isEqualTo(at(10).plus(LEASE));
    assertThat(deliveryOutbox().find(d.id())).contains(claimed);
  }

  @Test
  void aClaimedDeliveryIsNotClaimedAgainBeforeItsLeaseEnds() {
    deliveryOutbox().enqueue(List.of(pending(newTenant(), at(0))));
    assertThat(deliveryOutbox().claimDue(at(10), 10, LEASE)).hasSize(1);
    assertThat(deliveryOutbox().claimDue(at(10).plus(LEASE).minusSeconds(1), 10, LEASE)).isEmpty();
  }

  @Test
  void aDeliveryWhoseDispatcherDiedIsClaimedAgainAfterTheLease() {
    Delivery d = pending(newTenant(), at(0));
    deliveryOutbox().enqueue(List.of(d));
    deliveryOutbox().claimDue(at(10), 10, LEASE);
    List<Delivery> again = deliveryOutbox().claimDue(at(10).plus(LEASE), 10, LEASE);
    assertThat(again).extracting(Delivery::id).containsExactly(d.id());
    assertThat(again.get(0).attempts()).isEqualTo(2);
  }

  @Test
  void aSentDeliveryIsNeverClaimedAgain() {
    Delivery d = pending(newTenant(), at(0));
    deliveryOutbox().enqueue(List.of(d));
    deliveryOutbox().claimDue(at(10), 10, LEASE);
    deliveryOutbox().markSent(d.id(), at(11));
    Delivery sent = deliveryOutbox().find(d.id()).orElseThrow();
    assertThat(sent.status()).isEqualTo(DeliveryStatus.SENT);
    assertThat(sent.sentAt()).isEqualTo(at(11));
    assertThat(deliveryOutbox().claimDue(at(100_000), 10, LEASE)).isEmpty();
  }

  @Test
  void aRetriedDeliveryIsPendingAndDueAtItsNextAttempt() {
    Delivery d = pending(newTenant(), at(0));
    deliveryOutbox().enqueue(List.of(d));
    deliveryOutbox().claimDue(at(10), 10, LEASE);
    deliveryOutbox().markRetry(d.id(), at(70), "451 try later");
    Delivery retried = deliveryOutbox().find(d.id()).orElseThrow();
    assertThat(retried.status()).isEqualTo(DeliveryStatus.PENDING);
    assertThat(retried.lastError()).isEqualTo("451 try later");
    assertThat(retried.attempts()).isEqualTo(1);
    assertThat(deliveryOutbox().claimDue(at(69), 10, LEASE)).isEmpty();
    assertThat(deliveryOutbox().claimDue(at(70), 10, LEASE)).extracting(Delivery::id).containsExactly(d.id());
  }

  @Test
  void aFailedDeliveryKeepsItsErrorAndIsNeverClaimedAgain() {
    Delivery d = pending(newTenant(), at(0));
    deliveryOutbox().enqueue(List.of(d));
    deliveryOutbox().claimDue(at(10), 10, LEASE);
    deliveryOutbox().markFailed(d.id(), "550 no such user");
    Delivery failed = deliveryOutbox().find(d.id()).orElseThrow();
    assertThat(failed.status()).isEqualTo(DeliveryStatus.FAILED);
    assertThat(failed.lastError()).isEqualTo("550 no such user");
    assertThat(deliveryOutbox().claimDue(at(100_000), 10, LEASE)).isEmpty();
  }

  @Test
  void deliveriesAreReadBackPerAlertContactAndSim() {
    TenantId tenant = newTenant();
    ContactId ana = ContactId.random();
    Iccid sim = newIccid();
    Delivery first = pending(tenant, "a-1", ana, sim, at(0));
    Delivery second = pending(tenant, "a-2", ana, sim, at(1));
    Delivery other = pending(tenant, "a-2", ContactId.random(), newIccid(), at(1));
    deliveryOutbox().enqueue(List.of(first));
    deliveryOutbox().enqueue(List.of(second, other));
    assertThat(deliveryOutbox().byAlert(tenant, AlertId.of("a-2"))).extracting(Delivery::id)
        .containsExactlyInAnyOrder(second.id(), other.id());
    assertThat(deliveryOutbox().byContact(tenant, ana, 10)).extracting(Delivery::id)
        .containsExactly(second.id(), first.id());
    assertThat(deliveryOutbox().byContact(tenant, ana, 1)).extracting(Delivery::id).containsExactly(second.id());
    assertThat(deliveryOutbox().bySim(tenant, sim, 10)).extracting(Delivery::id).containsExactly(second.id(), first.id());
    assertThat(deliveryOutbox().bySim(newTenant(), sim, 10)).isEmpty();
    assertThat(deliveryOutbox().byContact(newTenant(), ana, 10)).isEmpty();
  }

  @Test
  void countsCoverEveryStatus() {
    TenantId tenant = newTenant();
    Delivery a = pending(tenant, at(0));
    Delivery b = pending(tenant, at(0));
    Delivery c = pending(tenant, at(500));
    deliveryOutbox().enqueue(List.of(a, b, c));
    deliveryOutbox().claimDue(at(1), 10, LEASE);
    deliveryOutbox().markSent(a.id(), at(2));
    Map<DeliveryStatus, Long> counts = deliveryOutbox().countByStatus();
    assertThat(counts).containsEntry(DeliveryStatus.SENT, 1L).containsEntry(DeliveryStatus.IN_FLIGHT, 1L)
        .containsEntry(DeliveryStatus.PENDING, 1L).containsEntry(DeliveryStatus.FAILED, 0L);
  }

  @Test
  void theOldestPendingDeliveryIsTheEarliestRecordedThatIsNeitherSentNorFailed() {
    assertThat(deliveryOutbox().oldestPendingCreatedAt()).isEmpty();
    TenantId tenant = newTenant();
    Delivery sent = recordedAt(pending(tenant, at(0)), at(-300));
    Delivery failed = recordedAt(pending(tenant, at(0)), at(-200));
    Delivery inFlight = recordedAt(pending(tenant, at(0)), at(-100));
    Delivery waiting = recordedAt(pending(newTenant(), at(1_000)), at(-50));
    deliveryOutbox().enqueue(List.of(sent, failed, inFlight, waiting));
    assertThat(deliveryOutbox().claimDue(at(1), 10, LEASE)).hasSize(3);
    deliveryOutbox().markSent(sent.id(), at(2));
    deliveryOutbox().markFailed(failed.id(), "550 no such user");
    assertThat(deliveryOutbox().oldestPendingCreatedAt()).contains(at(-100));
    deliveryOutbox().markRetry(inFlight.id(), at(60), "421 try later");
    assertThat(deliveryOutbox().oldestPendingCreatedAt()).contains(at(-100));
    deliveryOutbox().claimDue(at(60), 10, LEASE);
    deliveryOutbox().markSent(inFlight.id(), at(61));
    assertThat(deliveryOutbox().oldestPendingCreatedAt()).contains(at(-50));
    deliveryOutbox().claimDue(at(1_000), 10, LEASE);
    deliveryOutbox().markSent(waiting.id(), at(1_001));
    assertThat(deliveryOutbox().oldestPendingCreatedAt()).isEmpty();
  }

  private static Delivery recordedAt(Delivery d, Instant createdAt) {
    return new Delivery(d.id(), d.tenantId(), d.kind(), d.alertId(), d.alert(), d.customerId(), d.customerName(),
        d.recipient(), d.digestKey(), d.status(), d.attempts(), createdAt, d.nextAttemptAt(), d.sentAt(),
        d.lastError());
  }

  @Test
  void concurrentClaimersNeverReceiveTheSameDelivery() throws Exception {
    TenantId tenant = newTenant();
    List<Delivery> all = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      all.add(pending(tenant, at(i % 50)));
    }
    deliveryOutbox().enqueue(all);
    Set<DeliveryId> seen = Collections.synchronizedSet(new HashSet<>());
    List<DeliveryId> claimedTwice = Collections.synchronizedList(new ArrayList<>());
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> workers = new ArrayList<>();
      for (int w = 0; w < 4; w++) {
        workers.add(pool.submit(() -> {
          List<Delivery> batch;
          while (!(batch = deliveryOutbox().claimDue(at(100), 7, LEASE)).isEmpty()) {
            for (Delivery d : batch) {
              if (!seen.add(d.id())) {
                claimedTwice.add(d.id());
              }
              deliveryOutbox().markSent(d.id(), at(101));
            }
          }
          return null;
        }));
      }
      // A hang guard only: draining 400 deliveries takes well under a second in memory and a few
      // seconds on a database; the outcome does not depend on how the threads are scheduled.
      for (Future<?> f : workers) {
        f.get(2, TimeUnit.MINUTES);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(claimedTwice).isEmpty();
    assertThat(seen).hasSize(400);
  }
}
