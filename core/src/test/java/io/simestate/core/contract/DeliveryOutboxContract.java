package io.simestate.core.contract;

import static io.simestate.core.contract.ContractFixtures.T0;
import static io.simestate.core.contract.ContractFixtures.at;
import static io.simestate.core.contract.ContractFixtures.newIccid;
import static io.simestate.core.contract.ContractFixtures.newTenant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.simestate.core.AlertKind;
import io.simestate.core.NotFoundException;
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

  /**
   * A new claim token.
   *
   * @return a random token of 36 characters
   */
  protected static String claim() {
    return UUID.randomUUID().toString();
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
    assertThat(deliveryOutbox().unsentNotice(tenant, notice.recipient().contactId())).contains(notice);

    String claim = claim();
    Instant leaseUntil = at(10).plus(LEASE);
    assertThat(deliveryOutbox().claimDue(at(10), 10, LEASE, claim))
        .containsExactlyInAnyOrder(d.claimed(leaseUntil), catchAll.claimed(leaseUntil), notice.claimed(leaseUntil));
    assertThat(deliveryOutbox().unsentNotices(tenant, List.of(notice.recipient().contactId())))
        .containsEntry(notice.recipient().contactId(), notice.claimed(leaseUntil));
    assertThat(deliveryOutbox().beginAttempt(d.id(), claim)).isTrue();
    assertThat(deliveryOutbox().markRetry(d.id(), claim, at(20), "451 4.7.1 Zoë, try later")).isTrue();
    assertThat(deliveryOutbox().claimDue(at(20), 10, LEASE, claim()))
        .containsExactly(d.attempted().retryAt(at(20), "451 4.7.1 Zoë, try later").claimed(at(20).plus(LEASE)));
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
    List<Delivery> claimed = deliveryOutbox().claimDue(at(30), 10, LEASE, "c1");
    assertThat(claimed).extracting(Delivery::id).containsExactly(early.id(), later.id());
  }

  @Test
  void claimDueRespectsTheMaximum() {
    TenantId tenant = newTenant();
    for (int i = 0; i < 5; i++) {
      deliveryOutbox().enqueue(List.of(pending(tenant, at(i))));
    }
    assertThat(deliveryOutbox().claimDue(at(10), 3, LEASE, claim())).hasSize(3);
    assertThat(deliveryOutbox().claimDue(at(10), 3, LEASE, claim())).hasSize(2);
  }

  @Test
  void aClaimTakesTheEarliestDueFirstWhetherPendingOrLeftInFlightByADispatcherThatDied() {
    TenantId tenant = newTenant();
    Delivery abandoned = pending(tenant, at(0));
    deliveryOutbox().enqueue(List.of(abandoned));
    deliveryOutbox().claimDue(at(0), 10, LEASE, claim()); // its dispatcher dies: due again when the lease ends
    Instant leaseEnd = at(0).plus(LEASE);
    Delivery dueNext = pending(tenant, leaseEnd.plusSeconds(10));
    Delivery dueLast = pending(tenant, leaseEnd.plusSeconds(50));
    deliveryOutbox().enqueue(List.of(dueNext, dueLast));

    List<Delivery> claimed = deliveryOutbox().claimDue(leaseEnd.plusSeconds(100), 2, LEASE, claim());

    assertThat(claimed).extracting(Delivery::id).containsExactly(abandoned.id(), dueNext.id());
  }

  @Test
  void aThousandAndAThousandAndOneHeldDeliveriesAreRenewedAndReleasedInFull() {
    // A database adapter may split long id lists into statements of some size (often 1,000 ids).
    TenantId tenant = newTenant();
    List<Delivery> many = new ArrayList<>();
    for (int i = 0; i < 1_001; i++) {
      many.add(pending(tenant, at(0)));
    }
    deliveryOutbox().enqueue(many);
    String claim = claim();
    assertThat(deliveryOutbox().claimDue(at(1), 2_000, LEASE, claim)).hasSize(1_001);
    List<DeliveryId> ids = many.stream().map(Delivery::id).toList();

    assertThat(deliveryOutbox().renewLease(ids.subList(0, 1_000), claim, at(2).plus(LEASE))).isEqualTo(1_000);
    assertThat(deliveryOutbox().renewLease(ids, claim, at(3).plus(LEASE))).isEqualTo(1_001);
    assertThat(deliveryOutbox().release(ids.subList(0, 1_000), claim, at(4))).isEqualTo(1_000);
    assertThat(deliveryOutbox().release(ids, claim, at(4))).isEqualTo(1);
    assertThat(deliveryOutbox().countByStatus()).containsEntry(DeliveryStatus.PENDING, 1_001L);
  }

  @Test
  void aClaimedDeliveryIsInFlightUntilTheLeaseEndsAndAnAttemptCountsWhenItBegins() {
    Delivery d = pending(newTenant(), at(0));
    deliveryOutbox().enqueue(List.of(d));
    String claim = claim();
    Delivery claimed = deliveryOutbox().claimDue(at(10), 10, LEASE, claim).get(0);
    assertThat(claimed.status()).isEqualTo(DeliveryStatus.IN_FLIGHT);
    assertThat(claimed.attempts()).isZero();
    assertThat(deliveryOutbox().beginAttempt(d.id(), claim)).isTrue();
    assertThat(deliveryOutbox().find(d.id()).orElseThrow().attempts()).isEqualTo(1);
    assertThat(claimed.nextAttemptAt()).isEqualTo(at(10).plus(LEASE));
    assertThat(deliveryOutbox().find(d.id()).orElseThrow().nextAttemptAt()).isEqualTo(at(10).plus(LEASE));
  }

  @Test
  void aClaimedDeliveryIsNotClaimedAgainBeforeItsLeaseEnds() {
    deliveryOutbox().enqueue(List.of(pending(newTenant(), at(0))));
    assertThat(deliveryOutbox().claimDue(at(10), 10, LEASE, claim())).hasSize(1);
    assertThat(deliveryOutbox().claimDue(at(10).plus(LEASE).minusSeconds(1), 10, LEASE, claim())).isEmpty();
  }

  @Test
  void aDeliveryWhoseDispatcherDiedIsClaimedAgainAfterTheLease() {
    Delivery d = pending(newTenant(), at(0));
    deliveryOutbox().enqueue(List.of(d));
    deliveryOutbox().claimDue(at(10), 10, LEASE, claim());
    List<Delivery> again = deliveryOutbox().claimDue(at(10).plus(LEASE), 10, LEASE, claim());
    assertThat(again).extracting(Delivery::id).containsExactly(d.id());
    assertThat(again.get(0).attempts()).isZero();
  }

  @Test
  void aSentDeliveryIsNeverClaimedAgain() {
    Delivery d = pending(newTenant(), at(0));
    deliveryOutbox().enqueue(List.of(d));
    String claim = claim();
    deliveryOutbox().claimDue(at(10), 10, LEASE, claim);
    deliveryOutbox().markSent(d.id(), claim, at(11));
    Delivery sent = deliveryOutbox().find(d.id()).orElseThrow();
    assertThat(sent.status()).isEqualTo(DeliveryStatus.SENT);
    assertThat(sent.sentAt()).isEqualTo(at(11));
    assertThat(deliveryOutbox().claimDue(at(100_000), 10, LEASE, claim())).isEmpty();
  }

  @Test
  void aRetriedDeliveryIsPendingAndDueAtItsNextAttempt() {
    Delivery d = pending(newTenant(), at(0));
    deliveryOutbox().enqueue(List.of(d));
    String claim = claim();
    deliveryOutbox().claimDue(at(10), 10, LEASE, claim);
    deliveryOutbox().beginAttempt(d.id(), claim);
    assertThat(deliveryOutbox().markRetry(d.id(), claim, at(70), "451 try later")).isTrue();
    Delivery retried = deliveryOutbox().find(d.id()).orElseThrow();
    assertThat(retried.status()).isEqualTo(DeliveryStatus.PENDING);
    assertThat(retried.lastError()).isEqualTo("451 try later");
    assertThat(retried.attempts()).isEqualTo(1);
    assertThat(deliveryOutbox().claimDue(at(69), 10, LEASE, claim())).isEmpty();
    assertThat(deliveryOutbox().claimDue(at(70), 10, LEASE, claim())).extracting(Delivery::id).containsExactly(d.id());
  }

  @Test
  void aFailedDeliveryKeepsItsErrorAndIsNeverClaimedAgain() {
    Delivery d = pending(newTenant(), at(0));
    deliveryOutbox().enqueue(List.of(d));
    String claim = claim();
    deliveryOutbox().claimDue(at(10), 10, LEASE, claim);
    deliveryOutbox().markFailed(d.id(), claim, "550 no such user");
    Delivery failed = deliveryOutbox().find(d.id()).orElseThrow();
    assertThat(failed.status()).isEqualTo(DeliveryStatus.FAILED);
    assertThat(failed.lastError()).isEqualTo("550 no such user");
    assertThat(deliveryOutbox().claimDue(at(100_000), 10, LEASE, claim())).isEmpty();
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
    String claim = claim();
    deliveryOutbox().claimDue(at(1), 10, LEASE, claim);
    deliveryOutbox().markSent(a.id(), claim, at(2));
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
    assertThat(deliveryOutbox().claimDue(at(1), 10, LEASE, "c1")).hasSize(3);
    deliveryOutbox().markSent(sent.id(), "c1", at(2));
    deliveryOutbox().markFailed(failed.id(), "c1", "550 no such user");
    assertThat(deliveryOutbox().oldestPendingCreatedAt()).contains(at(-100));
    deliveryOutbox().markRetry(inFlight.id(), "c1", at(60), "421 try later");
    assertThat(deliveryOutbox().oldestPendingCreatedAt()).contains(at(-100));
    deliveryOutbox().claimDue(at(60), 10, LEASE, "c2");
    deliveryOutbox().markSent(inFlight.id(), "c2", at(61));
    assertThat(deliveryOutbox().oldestPendingCreatedAt()).contains(at(-50));
    deliveryOutbox().claimDue(at(1_000), 10, LEASE, "c3");
    deliveryOutbox().markSent(waiting.id(), "c3", at(1_001));
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
          String claim;
          while (!(batch = deliveryOutbox().claimDue(at(100), 7, LEASE, claim = claim())).isEmpty()) {
            for (Delivery d : batch) {
              if (!seen.add(d.id())) {
                claimedTwice.add(d.id());
              }
              deliveryOutbox().markSent(d.id(), claim, at(101));
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

  @Test
  void aClaimTakenOverAfterItsLeaseChangesNothingAndLearnsIt() {
    Delivery d = pending(newTenant(), at(0));
    deliveryOutbox().enqueue(List.of(d));
    String slow = claim();
    String fast = claim();
    deliveryOutbox().claimDue(at(10), 10, LEASE, slow);
    assertThat(deliveryOutbox().beginAttempt(d.id(), slow)).isTrue();
    assertThat(deliveryOutbox().claimDue(at(10).plus(LEASE), 10, LEASE, fast)).extracting(Delivery::id)
        .containsExactly(d.id());
    assertThat(deliveryOutbox().beginAttempt(d.id(), fast)).isTrue();
    assertThat(deliveryOutbox().markSent(d.id(), fast, at(400))).isTrue();

    assertThat(deliveryOutbox().markRetry(d.id(), slow, at(900), "451 late answer")).isFalse();
    assertThat(deliveryOutbox().markFailed(d.id(), slow, "550 late answer")).isFalse();
    assertThat(deliveryOutbox().markSent(d.id(), slow, at(901))).isFalse();
    assertThat(deliveryOutbox().beginAttempt(d.id(), slow)).isFalse();
    assertThat(deliveryOutbox().renewLease(List.of(d.id()), slow, at(2000))).isZero();
    assertThat(deliveryOutbox().release(List.of(d.id()), slow, at(902))).isZero();

    Delivery stored = deliveryOutbox().find(d.id()).orElseThrow();
    assertThat(stored.status()).isEqualTo(DeliveryStatus.SENT);
    assertThat(stored.sentAt()).isEqualTo(at(400));
    assertThat(stored.attempts()).isEqualTo(2);
    assertThat(stored.lastError()).isNull();
  }

  @Test
  void aClaimStillInFlightButTakenOverCannotRecordEither() {
    Delivery d = pending(newTenant(), at(0));
    deliveryOutbox().enqueue(List.of(d));
    String slow = claim();
    deliveryOutbox().claimDue(at(10), 10, LEASE, slow);
    deliveryOutbox().claimDue(at(10).plus(LEASE), 10, LEASE, claim());

    assertThat(deliveryOutbox().markSent(d.id(), slow, at(400))).isFalse();
    assertThat(deliveryOutbox().find(d.id()).orElseThrow().status()).isEqualTo(DeliveryStatus.IN_FLIGHT);
  }

  @Test
  void aRenewedLeaseKeepsTheRestOfTheBatchFromBeingClaimedAgain() {
    TenantId tenant = newTenant();
    Delivery first = pending(tenant, at(0));
    Delivery second = pending(tenant, at(1));
    deliveryOutbox().enqueue(List.of(first, second));
    String claim = claim();
    deliveryOutbox().claimDue(at(10), 10, LEASE, claim);
    deliveryOutbox().markSent(first.id(), claim, at(20));

    assertThat(deliveryOutbox().renewLease(List.of(first.id(), second.id()), claim,
        at(10).plus(LEASE).plusSeconds(60))).isEqualTo(1);

    assertThat(deliveryOutbox().claimDue(at(10).plus(LEASE), 10, LEASE, claim())).isEmpty();
    assertThat(deliveryOutbox().find(second.id()).orElseThrow().nextAttemptAt())
        .isEqualTo(at(10).plus(LEASE).plusSeconds(60));
    assertThat(deliveryOutbox().markSent(second.id(), claim, at(30))).isTrue();
  }

  @Test
  void aReleasedClaimIsDueAtOnceForAnotherDispatcherWithItsAttemptsKept() {
    TenantId tenant = newTenant();
    Delivery sent = pending(tenant, at(0));
    Delivery rest = pending(tenant, at(1));
    deliveryOutbox().enqueue(List.of(sent, rest));
    String claim = claim();
    deliveryOutbox().claimDue(at(10), 10, LEASE, claim);
    deliveryOutbox().beginAttempt(sent.id(), claim);
    deliveryOutbox().markSent(sent.id(), claim, at(11));

    assertThat(deliveryOutbox().release(List.of(sent.id(), rest.id()), claim, at(12))).isEqualTo(1);

    Delivery released = deliveryOutbox().find(rest.id()).orElseThrow();
    assertThat(released.status()).isEqualTo(DeliveryStatus.PENDING);
    assertThat(released.attempts()).isZero();
    assertThat(deliveryOutbox().markFailed(rest.id(), claim, "late")).isFalse();
    assertThat(deliveryOutbox().claimDue(at(12), 10, LEASE, claim())).extracting(Delivery::id)
        .containsExactly(rest.id());
  }

  @Test
  void attemptsBegunTogetherAreCountedOnlyOnTheDeliveriesTheClaimStillHolds() {
    TenantId tenant = newTenant();
    Delivery kept = pending(tenant, at(0));
    Delivery takenOver = pending(tenant, at(1));
    Delivery recorded = pending(tenant, at(2));
    deliveryOutbox().enqueue(List.of(kept, takenOver, recorded));
    String claim = claim();
    deliveryOutbox().claimDue(at(10), 10, LEASE, claim);
    deliveryOutbox().markSent(recorded.id(), claim, at(11));
    deliveryOutbox().renewLease(List.of(kept.id()), claim, at(10).plus(LEASE).plusSeconds(60));
    String other = claim();
    assertThat(deliveryOutbox().claimDue(at(10).plus(LEASE), 10, LEASE, other)).extracting(Delivery::id)
        .containsExactly(takenOver.id());

    assertThat(deliveryOutbox().beginAttempts(List.of(kept.id(), takenOver.id(), recorded.id()), claim))
        .isEqualTo(1);

    assertThat(deliveryOutbox().find(kept.id()).orElseThrow().attempts()).isEqualTo(1);
    assertThat(deliveryOutbox().find(takenOver.id()).orElseThrow().attempts()).isZero();
    assertThat(deliveryOutbox().find(recorded.id()).orElseThrow().attempts()).isZero();
    assertThat(deliveryOutbox().beginAttempts(List.of(), claim)).isZero();
  }

  @Test
  void deliveriesReleasedUnsentGetTheirAttemptBackAndAreDueAtOnce() {
    TenantId tenant = newTenant();
    Delivery retried = pending(tenant, at(0));
    Delivery unsent = pending(tenant, at(15));
    Delivery sent = pending(tenant, at(16));
    deliveryOutbox().enqueue(List.of(unsent, retried, sent));
    String first = claim();
    deliveryOutbox().claimDue(at(10), 10, LEASE, first);
    deliveryOutbox().beginAttempts(List.of(retried.id()), first);
    deliveryOutbox().markRetry(retried.id(), first, at(20), "451 try later");
    String claim = claim();
    deliveryOutbox().claimDue(at(20), 10, LEASE, claim);
    assertThat(deliveryOutbox().beginAttempts(List.of(unsent.id(), retried.id(), sent.id()), claim)).isEqualTo(3);
    deliveryOutbox().markSent(sent.id(), claim, at(21));

    assertThat(deliveryOutbox().releaseNotSent(List.of(unsent.id(), retried.id(), sent.id()), claim, at(22)))
        .isEqualTo(2);

    Delivery released = deliveryOutbox().find(unsent.id()).orElseThrow();
    assertThat(released.status()).isEqualTo(DeliveryStatus.PENDING);
    assertThat(released.attempts()).isZero();
    assertThat(released.nextAttemptAt()).isEqualTo(at(22));
    Delivery releasedRetry = deliveryOutbox().find(retried.id()).orElseThrow();
    assertThat(releasedRetry.attempts()).isEqualTo(1);
    assertThat(releasedRetry.lastError()).isEqualTo("451 try later");
    assertThat(deliveryOutbox().find(sent.id()).orElseThrow().attempts()).isEqualTo(1);
    assertThat(deliveryOutbox().markSent(unsent.id(), claim, at(23))).isFalse();
    assertThat(deliveryOutbox().releaseNotSent(List.of(unsent.id()), claim, at(24))).isZero();
    assertThat(deliveryOutbox().claimDue(at(22), 10, LEASE, claim())).extracting(Delivery::id)
        .containsExactlyInAnyOrder(unsent.id(), retried.id());
  }

  @Test
  void theUnsentNoticesOfSeveralContactsAreTheEarliestDuePerContactOfThatTenant() {
    TenantId tenant = newTenant();
    ContactId waits = ContactId.random();
    ContactId told = ContactId.random();
    ContactId never = ContactId.random();
    Delivery later = notice(tenant, waits, "notice-later", at(9));
    Delivery earliest = notice(tenant, waits, "notice-earliest", at(3));
    Delivery sentNotice = notice(tenant, told, "notice-sent", at(1));
    Delivery otherTenants = notice(newTenant(), never, "notice-elsewhere", at(5));
    deliveryOutbox().enqueue(List.of(later, earliest, sentNotice, otherTenants));
    String claim = claim();
    deliveryOutbox().claimDue(at(1), 1, LEASE, claim);
    deliveryOutbox().markSent(sentNotice.id(), claim, at(2));

    Map<ContactId, Delivery> notices = deliveryOutbox().unsentNotices(tenant, List.of(waits, told, never));

    assertThat(notices).containsOnlyKeys(waits);
    assertThat(notices.get(waits).id()).isEqualTo(earliest.id());
    assertThat(deliveryOutbox().unsentNotices(tenant, List.of())).isEmpty();
    assertThat(deliveryOutbox().unsentNotice(tenant, waits)).get().extracting(Delivery::id).isEqualTo(earliest.id());
    assertThat(deliveryOutbox().unsentNotice(tenant, told)).isEmpty();
    assertThat(deliveryOutbox().unsentNotice(tenant, never)).isEmpty();
  }

  /** A thousand contacts, the last of them with a notice: one round of the JPA adapter's look-up. */
  @Test
  void theUnsentNoticeOfTheLastOfAThousandContactsIsFound() {
    TenantId tenant = newTenant();
    List<ContactId> contacts = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      contacts.add(ContactId.random());
    }
    Delivery last = notice(tenant, contacts.get(999), "notice-last", at(3));
    deliveryOutbox().enqueue(List.of(last));

    assertThat(deliveryOutbox().unsentNotices(tenant, contacts)).containsOnlyKeys(contacts.get(999));
  }

  /**
   * A pending subscription notice of the tenant (a delivery without an alert), created at {@link
   * ContractFixtures#T0}.
   *
   * @param tenant the tenant
   * @param contact the contact (recipient key)
   * @param id the notice's alert id (its idempotency key)
   * @param due when it is due
   * @return the delivery
   */
  protected static Delivery notice(TenantId tenant, ContactId contact, String id, Instant due) {
    return new Delivery(DeliveryId.random(), tenant, DeliveryKind.SUBSCRIPTION_NOTICE, AlertId.of(id), null,
        CustomerId.random(), "Acme", new Recipient(contact, "Ana", EmailAddress.parse("ana@example.com")), null,
        DeliveryStatus.PENDING, 0, T0, due, null, null);
  }

  @Test
  void recordingAnUnknownDeliveryIsNotFound() {
    assertThatThrownBy(() -> deliveryOutbox().markSent(DeliveryId.random(), claim(), at(1)))
        .isInstanceOf(NotFoundException.class);
  }
}
