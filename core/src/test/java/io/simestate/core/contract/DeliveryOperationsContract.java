package io.simestate.core.contract;

import static io.simestate.core.contract.ContractFixtures.T0;
import static io.simestate.core.contract.ContractFixtures.newIccid;
import static io.simestate.core.contract.ContractFixtures.newTenant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.simestate.core.Actor;
import io.simestate.core.InvalidInputException;
import io.simestate.core.Page;
import io.simestate.core.PageRequest;
import io.simestate.core.TenantId;
import io.simestate.core.alert.Delivery;
import io.simestate.core.alert.DeliveryFilter;
import io.simestate.core.alert.DeliveryId;
import io.simestate.core.alert.DeliveryStatus;
import io.simestate.core.alert.TestClock;
import io.simestate.core.audit.AuditEvent;
import io.simestate.core.audit.AuditEventType;
import io.simestate.core.customer.ContactId;
import io.simestate.core.estate.Deliveries;
import io.simestate.core.estate.SimEstate;
import io.simestate.core.persistence.Persistence;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract of failed and stuck deliveries (F18): the {@code DeliveryOperations} port through
 * {@code SimEstate.deliveries()}. Listing is per tenant, paged, oldest first; resubmit and discard
 * change only the tenant's deliveries whose state allows it, keep a delivery's id, and are audited
 * with the actor. Claiming looks at every tenant, so {@link #persistence()} must answer an outbox that
 * holds no deliveries when each test starts.
 */
public abstract class DeliveryOperationsContract {

  /** The claim token the contract's own claims use. */
  private static final String CLAIM = "contract-claim";

  private static final Duration LEASE = Duration.ofMinutes(5);
  private static final Actor OPS = Actor.of("ops@portal.example");

  private final TestClock clock = new TestClock(T0.plus(Duration.ofDays(1)));
  private SimEstate estate;
  private Deliveries deliveries;

  /**
   * The persistence under test, its outbox empty at the start of each test.
   *
   * @return the persistence
   */
  protected abstract Persistence persistence();

  @BeforeEach
  void buildTheEstate() {
    estate = SimEstate.builder().persistence(persistence()).clock(clock).build();
    deliveries = estate.deliveries();
  }

  private Instant now() {
    return clock.instant();
  }

  /** A pending delivery of the tenant, created {@code minutesAgo} minutes ago and due then. */
  private Delivery pending(TenantId tenant, long minutesAgo) {
    Instant at = now().minus(Duration.ofMinutes(minutesAgo));
    Delivery d = createdAndDueAt(at,
        DeliveryOutboxContract.pending(tenant, "a-" + UUID.randomUUID(), ContactId.random(), newIccid(), at));
    assertThat(persistence().outbox().enqueue(List.of(d))).hasSize(1);
    return d;
  }

  private static Delivery createdAndDueAt(Instant at, Delivery d) {
    return new Delivery(d.id(), d.tenantId(), d.kind(), d.alertId(), d.alert(), d.customerId(), d.customerName(),
        d.recipient(), d.digestKey(), d.status(), d.attempts(), at, at, null, null);
  }

  /** A delivery of the tenant given up after one attempt. */
  private Delivery failed(TenantId tenant, long minutesAgo, String error) {
    Delivery d = pending(tenant, minutesAgo);
    claimAll();
    persistence().outbox().beginAttempt(d.id(), CLAIM);
    persistence().outbox().markFailed(d.id(), CLAIM, error);
    return persistence().outbox().find(d.id()).orElseThrow();
  }

  /** {@code count} deliveries of the tenant given up, created a minute apart, oldest first. */
  private List<DeliveryId> failedOldestFirst(TenantId tenant, int count) {
    List<DeliveryId> ids = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      ids.add(failed(tenant, 60 - i, "x").id());
    }
    return ids;
  }

  private List<Delivery> claimAll() {
    return persistence().transactions().inTransaction(() -> persistence().outbox().claimDue(now(), 1000, LEASE, CLAIM));
  }

  private Delivery stored(Delivery d) {
    return persistence().outbox().find(d.id()).orElseThrow();
  }

  @Test
  void aFailedDeliveryIsListedWithItsContactSimAttemptsAndError() {
    TenantId tenant = newTenant();
    Delivery failed = failed(tenant, 30, "550 mailbox unavailable");

    Page<Delivery> page = deliveries.list(tenant, DeliveryFilter.failed(), PageRequest.first(10));

    assertThat(page.total()).isEqualTo(1);
    assertThat(page.items()).singleElement().satisfies(d -> {
      assertThat(d.id()).isEqualTo(failed.id());
      assertThat(d.recipient()).isEqualTo(failed.recipient());
      assertThat(d.alert().iccid()).isEqualTo(failed.alert().iccid());
      assertThat(d.attempts()).isEqualTo(1);
      assertThat(d.lastError()).isEqualTo("550 mailbox unavailable");
    });
  }

  @Test
  void aResubmittedDeliveryKeepsItsIdentityAndIsDueAtOnceWithAFullSetOfAttempts() {
    TenantId tenant = newTenant();
    Delivery failed = failed(tenant, 30, "timeout");

    List<Delivery> resubmitted = deliveries.resubmit(tenant, OPS, List.of(failed.id()));

    Delivery now = stored(failed);
    assertThat(resubmitted).containsExactly(now);
    assertThat(now.id()).isEqualTo(failed.id());
    assertThat(now.alertId()).isEqualTo(failed.alertId());
    assertThat(now.recipient()).isEqualTo(failed.recipient());
    assertThat(now.createdAt()).isEqualTo(failed.createdAt());
    assertThat(now.status()).isEqualTo(DeliveryStatus.PENDING);
    assertThat(now.attempts()).isZero();
    assertThat(now.nextAttemptAt()).isEqualTo(now());
    assertThat(claimAll()).extracting(Delivery::id).containsExactly(failed.id());
  }

  @Test
  void resubmittingAndDiscardingAreAuditedWithTheActorAndTheSims() {
    TenantId tenant = newTenant();
    Delivery a = failed(tenant, 30, "timeout");
    Delivery b = failed(tenant, 20, "timeout");

    deliveries.resubmit(tenant, OPS, List.of(a.id()));
    deliveries.discard(tenant, Actor.of("lead@portal.example"), List.of(b.id()));

    List<AuditEvent> events = estate.auditTrail().recent(tenant, 10);
    assertThat(events).extracting(AuditEvent::type)
        .contains(AuditEventType.DELIVERIES_RESUBMITTED, AuditEventType.DELIVERIES_DISCARDED);
    AuditEvent resubmitted = events.stream().filter(e -> e.type() == AuditEventType.DELIVERIES_RESUBMITTED)
        .findFirst().orElseThrow();
    assertThat(resubmitted.actor()).isEqualTo(OPS);
    assertThat(resubmitted.sims()).containsExactly(a.alert().iccid());
    assertThat(resubmitted.summary()).isEqualTo("Resubmitted 1 delivery: " + a.id());
    assertThat(resubmitted.customerId()).isEqualTo(a.customerId());
    assertThat(estate.auditTrail().forCustomer(tenant, a.customerId(), 10)).extracting(AuditEvent::id)
        .contains(resubmitted.id());
    AuditEvent discarded = events.stream().filter(e -> e.type() == AuditEventType.DELIVERIES_DISCARDED)
        .findFirst().orElseThrow();
    assertThat(discarded.actor()).isEqualTo(Actor.of("lead@portal.example"));
    assertThat(estate.auditTrail().forSim(tenant, b.alert().iccid(), 10)).extracting(AuditEvent::type)
        .contains(AuditEventType.DELIVERIES_DISCARDED);
  }

  @Test
  void aChangeToSeveralCustomersDeliveriesIsAuditedForEachSimAndForNoOneCustomer() {
    TenantId tenant = newTenant();
    Delivery a = failed(tenant, 30, "timeout");
    Delivery b = failed(tenant, 20, "timeout");
    assertThat(a.customerId()).isNotEqualTo(b.customerId());

    deliveries.resubmit(tenant, OPS, List.of(a.id(), b.id()));

    assertThat(estate.auditTrail().recent(tenant, 10)).singleElement().satisfies(e -> {
      assertThat(e.customerId()).isNull();
      assertThat(e.sims()).containsExactlyInAnyOrder(a.alert().iccid(), b.alert().iccid());
      assertThat(e.summary()).startsWith("Resubmitted 2 deliveries: ").contains(a.id().toString(), b.id().toString());
    });
  }

  @Test
  void aSubscriptionNoticeIsDiscardedAndAuditedWithoutASim() {
    TenantId tenant = newTenant();
    Instant at = now().minus(Duration.ofMinutes(90));
    Delivery n = createdAndDueAt(at,
        DeliveryOutboxContract.notice(tenant, ContactId.random(), "notice-" + UUID.randomUUID(), at));
    assertThat(persistence().outbox().enqueue(List.of(n))).hasSize(1);

    assertThat(deliveries.discard(tenant, OPS, List.of(n.id()))).extracting(Delivery::status)
        .containsExactly(DeliveryStatus.DISCARDED);

    assertThat(estate.auditTrail().recent(tenant, 10)).singleElement().satisfies(e -> {
      assertThat(e.type()).isEqualTo(AuditEventType.DELIVERIES_DISCARDED);
      assertThat(e.sims()).isEmpty();
      assertThat(e.summary()).isEqualTo("Discarded 1 delivery: " + n.id());
    });
  }

  @Test
  void anAuditSummaryNamesTwentyDeliveriesAndCountsTheRest() {
    TenantId tenant = newTenant();
    List<DeliveryId> ids = failedOldestFirst(tenant, 21);

    deliveries.discard(tenant, OPS, ids.subList(0, 20));
    deliveries.resubmit(tenant, OPS, ids);

    List<AuditEvent> events = estate.auditTrail().recent(tenant, 10);
    assertThat(events).extracting(AuditEvent::type)
        .containsExactly(AuditEventType.DELIVERIES_RESUBMITTED, AuditEventType.DELIVERIES_DISCARDED);
    String twenty = events.get(1).summary();
    assertThat(twenty).startsWith("Discarded 20 deliveries: ").doesNotContain("more");
    assertThat(ids.subList(0, 20)).allSatisfy(id -> assertThat(twenty).contains(id.toString()));
    String all = events.get(0).summary();
    assertThat(all).startsWith("Resubmitted 21 deliveries: ").endsWith(" and 1 more");
    assertThat(ids.stream().filter(id -> all.contains(id.toString()))).hasSize(20);
  }

  @Test
  void listingIsPerTenantPagedAndOldestFirst() {
    TenantId tenant = newTenant();
    TenantId other = newTenant();
    Delivery oldest = failed(tenant, 50, "x");
    Delivery middle = failed(tenant, 40, "x");
    Delivery newest = failed(tenant, 30, "x");
    failed(other, 45, "x");

    Page<Delivery> first = deliveries.list(tenant, DeliveryFilter.failed(), PageRequest.first(2));
    Page<Delivery> second = deliveries.list(tenant, DeliveryFilter.failed(), first.request().next());

    assertThat(first.total()).isEqualTo(3);
    assertThat(first.items()).extracting(Delivery::id).containsExactly(oldest.id(), middle.id());
    assertThat(second.items()).extracting(Delivery::id).containsExactly(newest.id());
    assertThat(second.hasNext()).isFalse();
    assertThat(deliveries.list(other, DeliveryFilter.failed(), PageRequest.first(10)).total()).isEqualTo(1);
  }

  @Test
  void listingIsOldestFirstWhateverOrderTheDeliveriesWereRecordedIn() {
    TenantId tenant = newTenant();
    Delivery newest = failed(tenant, 30, "x");
    Delivery oldest = failed(tenant, 50, "x");
    Delivery middle = failed(tenant, 40, "x");

    assertThat(deliveries.list(tenant, DeliveryFilter.failed(), PageRequest.first(10)).items())
        .extracting(Delivery::id).containsExactly(oldest.id(), middle.id(), newest.id());
  }

  @Test
  void anotherTenantsDeliveryIsNeitherResubmittedNorDiscarded() {
    TenantId tenant = newTenant();
    TenantId other = newTenant();
    Delivery failed = failed(tenant, 30, "x");

    assertThat(deliveries.resubmit(other, OPS, List.of(failed.id()))).isEmpty();
    assertThat(deliveries.discard(other, OPS, List.of(failed.id()))).isEmpty();
    assertThat(deliveries.resubmitAll(other, OPS, DeliveryFilter.failed())).isZero();

    assertThat(stored(failed)).isEqualTo(failed);
    assertThat(estate.auditTrail().recent(other, 10)).isEmpty();
  }

  @Test
  void aPendingDeliveryIsStuckOnlyWhenOverdueForLongerThanAsked() {
    TenantId tenant = newTenant();
    Delivery overdue = pending(tenant, 120);
    pending(tenant, 10);

    assertThat(deliveries.list(tenant, DeliveryFilter.pendingLongerThan(Duration.ofHours(1)), PageRequest.first(10))
        .items()).extracting(Delivery::id).containsExactly(overdue.id());
    assertThat(deliveries.list(tenant, DeliveryFilter.pendingLongerThan(Duration.ofHours(3)), PageRequest.first(10))
        .items()).isEmpty();
  }

  @Test
  void aDeliveryInFlightIsLeftToItsDispatcherUntilTheLeaseRunsOut() {
    TenantId tenant = newTenant();
    Delivery d = pending(tenant, 1);
    assertThat(claimAll()).hasSize(1);

    assertThat(deliveries.list(tenant, DeliveryFilter.inFlightPastLease(), PageRequest.first(10)).items()).isEmpty();
    assertThat(deliveries.resubmit(tenant, OPS, List.of(d.id()))).isEmpty();
    assertThat(deliveries.discard(tenant, OPS, List.of(d.id()))).isEmpty();
    assertThat(stored(d).status()).isEqualTo(DeliveryStatus.IN_FLIGHT);

    clock.advance(LEASE.plusMinutes(1));

    assertThat(deliveries.list(tenant, DeliveryFilter.inFlightPastLease(), PageRequest.first(10)).items())
        .extracting(Delivery::id).containsExactly(d.id());
    assertThat(deliveries.resubmit(tenant, OPS, List.of(d.id()))).extracting(Delivery::status)
        .containsExactly(DeliveryStatus.PENDING);
  }

  @Test
  void aSentDeliveryIsNeverResubmittedNorDiscarded() {
    TenantId tenant = newTenant();
    Delivery d = pending(tenant, 5);
    claimAll();
    persistence().outbox().markSent(d.id(), CLAIM, now());
    Delivery sent = stored(d);

    assertThat(deliveries.resubmit(tenant, OPS, List.of(d.id()))).isEmpty();
    assertThat(deliveries.discard(tenant, OPS, List.of(d.id()))).isEmpty();
    assertThat(stored(d)).isEqualTo(sent);
  }

  @Test
  void allThatMeetAFilterAreDiscardedAndADiscardedDeliveryIsNotSentUntilResubmitted() {
    TenantId tenant = newTenant();
    List<DeliveryId> failedIds = failedOldestFirst(tenant, 5);
    Delivery waiting = pending(tenant, 1);

    assertThat(deliveries.discardAll(tenant, OPS, DeliveryFilter.failed())).isEqualTo(5);

    assertThat(deliveries.list(tenant, DeliveryFilter.discarded(), PageRequest.first(10)).items())
        .extracting(Delivery::id).containsExactlyElementsOf(failedIds);
    assertThat(deliveries.list(tenant, DeliveryFilter.failed(), PageRequest.first(10)).total()).isZero();
    assertThat(claimAll()).extracting(Delivery::id).containsExactly(waiting.id());

    assertThat(deliveries.resubmitAll(tenant, OPS, DeliveryFilter.discarded())).isEqualTo(5);
    List<DeliveryId> claimed = claimAll().stream().map(Delivery::id).toList();
    assertThat(claimed).containsExactlyInAnyOrderElementsOf(failedIds);
  }

  @Test
  void resubmittingAllOverduePendingDeliveriesEnds() {
    TenantId tenant = newTenant();
    for (int i = 0; i < 3; i++) {
      pending(tenant, 90);
    }
    // Resubmitted deliveries are due now, and so still "overdue for at least zero": each is changed once.
    assertThat(deliveries.resubmitAll(tenant, OPS, DeliveryFilter.pendingLongerThan(Duration.ZERO))).isEqualTo(3);
    assertThat(estate.auditTrail().recent(tenant, 10)).hasSize(1);
  }

  @Test
  void asManyIdsAsOneCallHandlesAreTakenAndOneMoreIsRefusedNamingTheField() {
    List<DeliveryId> ids = new ArrayList<>();
    for (int i = 0; i < Deliveries.MAX_PER_CALL; i++) {
      ids.add(DeliveryId.random());
    }
    ids.add(ids.get(0));
    assertThat(deliveries.discard(newTenant(), OPS, ids)).as("a repeated id counts once").isEmpty();

    ids.add(DeliveryId.random());
    assertThatThrownBy(() -> deliveries.resubmit(newTenant(), OPS, ids))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("ids");
  }

  @Test
  void discardingAllThatMeetAFilterGoesOnPastOneCallsWorth() {
    TenantId tenant = newTenant();
    Instant at = now().minus(Duration.ofMinutes(90));
    List<Delivery> overdue = new ArrayList<>();
    for (int i = 0; i <= Deliveries.MAX_PER_CALL; i++) {
      overdue.add(createdAndDueAt(at,
          DeliveryOutboxContract.pending(tenant, "a-" + UUID.randomUUID(), ContactId.random(), newIccid(), at)));
    }
    assertThat(persistence().outbox().enqueue(overdue)).hasSize(overdue.size());

    assertThat(deliveries.discardAll(tenant, OPS, DeliveryFilter.pendingLongerThan(Duration.ofHours(1))))
        .isEqualTo(Deliveries.MAX_PER_CALL + 1);

    assertThat(deliveries.list(tenant, DeliveryFilter.discarded(), PageRequest.first(1)).total())
        .isEqualTo(Deliveries.MAX_PER_CALL + 1);
    assertThat(estate.auditTrail().recent(tenant, 10)).hasSize(2);
  }
}
