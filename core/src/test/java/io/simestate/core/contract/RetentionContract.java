package io.simestate.core.contract;

import static io.simestate.core.contract.ContractFixtures.newIccid;
import static io.simestate.core.contract.ContractFixtures.newTenant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.simestate.core.Actor;
import io.simestate.core.AlertKind;
import io.simestate.core.InvalidInputException;
import io.simestate.core.TenantId;
import io.simestate.core.alert.AlertDecision;
import io.simestate.core.alert.AlertId;
import io.simestate.core.alert.Delivery;
import io.simestate.core.alert.DeliveryStatus;
import io.simestate.core.alert.Recipient;
import io.simestate.core.alert.RepeatKey;
import io.simestate.core.alert.RoutingOutcome;
import io.simestate.core.alert.SkipReason;
import io.simestate.core.alert.SkippedContact;
import io.simestate.core.alert.TestClock;
import io.simestate.core.alert.UsageAlert;
import io.simestate.core.audit.AuditEvent;
import io.simestate.core.audit.AuditEventType;
import io.simestate.core.customer.ContactId;
import io.simestate.core.customer.EmailAddress;
import io.simestate.core.estate.PurgeReport;
import io.simestate.core.estate.RetentionPolicy;
import io.simestate.core.estate.SimEstate;
import io.simestate.core.persistence.Persistence;
import io.simestate.core.persistence.RetentionStore;
import io.simestate.core.sim.Iccid;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract of retention (F19): the {@code RetentionStore} port through {@code
 * SimEstate.retention()}. A purge removes, across tenants, exactly what the policy no longer keeps,
 * and never a pending or in-flight delivery however old. The purge spans every tenant, so {@link
 * #persistence()} must answer a store that holds nothing when each test starts.
 */
public abstract class RetentionContract {

  /** The claim token the contract's own claims use. */
  private static final String CLAIM = "contract-claim";

  private static final Duration LEASE = Duration.ofMinutes(5);
  private static final Instant NOW = Instant.parse("2028-06-01T12:00:00Z");

  private static final Recipient ANA = new Recipient(ContactId.random(), "Ana", EmailAddress.parse("ana@example.com"));

  private final TestClock clock = new TestClock(NOW);
  private SimEstate estate;
  private final TenantId tenant = newTenant();

  /**
   * The persistence under test, empty at the start of each test.
   *
   * @return the persistence
   */
  protected abstract Persistence persistence();

  @BeforeEach
  void buildTheEstate() {
    estate = SimEstate.builder().persistence(persistence()).clock(clock).build();
  }

  private static Instant daysAgo(long days) {
    return NOW.minus(Duration.ofDays(days));
  }

  /** A delivery created {@code createdDaysAgo} days ago, brought to a status with the outbox's own calls. */
  private Delivery delivery(DeliveryStatus status, long daysAgo) {
    Instant at = daysAgo(daysAgo);
    Delivery d = DeliveryOutboxContract.pending(tenant, "a-" + UUID.randomUUID(), ContactId.random(), newIccid(), at);
    d = new Delivery(d.id(), d.tenantId(), d.kind(), d.alertId(), d.alert(), d.customerId(), d.customerName(),
        d.recipient(), d.digestKey(), d.status(), d.attempts(), at, at, null, null);
    persistence().outbox().enqueue(List.of(d));
    if (status != DeliveryStatus.PENDING) {
      Delivery claimed = persistence().transactions().inTransaction(() -> persistence().outbox()
          .claimDue(at, 1, LEASE, CLAIM)).get(0);
      assertThat(claimed.id()).isEqualTo(d.id());
      switch (status) {
        case SENT -> persistence().outbox().markSent(d.id(), CLAIM, at);
        case FAILED -> persistence().outbox().markFailed(d.id(), CLAIM, "550");
        case DISCARDED -> {
          persistence().outbox().markFailed(d.id(), CLAIM, "550");
          persistence().deliveryOperations().discard(tenant, List.of(d.id()), NOW);
        }
        default -> { }
      }
    }
    return persistence().outbox().find(d.id()).orElseThrow();
  }

  private AlertDecision decision(long daysAgo) {
    Instant at = daysAgo(daysAgo);
    AlertDecision d = new AlertDecision(tenant, UsageAlert.of(AlertId.of("d-" + UUID.randomUUID()), newIccid(),
        AlertKind.WARNING, at), RoutingOutcome.NO_ELIGIBLE_CONTACT, null, null, List.of(),
        List.of(new SkippedContact(ContactId.random(), "Bo", SkipReason.ALERTS_OFF)), at);
    persistence().transactions().run(() -> persistence().decisions().record(d));
    return d;
  }

  /** Remembers that a recipient was told about a key {@code daysAgo} days ago. */
  private void remember(RepeatKey key, Recipient recipient, long daysAgo) {
    persistence().transactions().run(() -> persistence().repeatGuard()
        .firstWithin(tenant, key, List.of(recipient), daysAgo(daysAgo), Duration.ofDays(400)));
  }

  private void auditEvent(long daysAgo, String summary) {
    persistence().auditTrail().publish(new AuditEvent(UUID.randomUUID(), tenant, AuditEventType.SIMS_ASSIGNED,
        Actor.of("ops"), daysAgo(daysAgo), null, List.of(newIccid()), summary));
  }

  private boolean exists(Delivery d) {
    return persistence().outbox().find(d.id()).isPresent();
  }

  @Test
  void aPurgeRemovesExactlyWhatThePolicyNoLongerKeepsAndReportsIt() {
    Delivery oldSent = delivery(DeliveryStatus.SENT, 40);
    Delivery newSent = delivery(DeliveryStatus.SENT, 20);
    Delivery oldFailed = delivery(DeliveryStatus.FAILED, 100);
    Delivery newFailed = delivery(DeliveryStatus.FAILED, 80);
    Delivery oldDiscarded = delivery(DeliveryStatus.DISCARDED, 100);
    AlertDecision oldDecision = decision(100);
    AlertDecision newDecision = decision(80);
    remember(new RepeatKey(newIccid(), AlertKind.WARNING, "2026-11"), ANA, 401);
    auditEvent(800, "old");

    PurgeReport report = estate.retention().purge(RetentionPolicy.defaults().withAuditEvents(Duration.ofDays(365)));

    assertThat(report).isEqualTo(new PurgeReport(1, 1, 1, 1, 1, 1));
    assertThat(report.total()).isEqualTo(6);
    assertThat(exists(oldSent)).isFalse();
    assertThat(exists(newSent)).isTrue();
    assertThat(exists(oldFailed)).isFalse();
    assertThat(exists(newFailed)).isTrue();
    assertThat(exists(oldDiscarded)).isFalse();
    assertThat(persistence().decisions().find(tenant, oldDecision.alert().id())).isEmpty();
    assertThat(persistence().decisions().find(tenant, newDecision.alert().id())).contains(newDecision);
    assertThat(estate.retention().purge(RetentionPolicy.defaults()).total()).as("a second purge").isZero();
  }

  @Test
  void pendingAndInFlightDeliveriesAreNeverRemovedHoweverOld() {
    Delivery inFlight = delivery(DeliveryStatus.IN_FLIGHT, 1000);
    Delivery pending = delivery(DeliveryStatus.PENDING, 999);

    estate.retention().purge(new RetentionPolicy(Duration.ofDays(1), Duration.ofDays(1), Duration.ofDays(1),
        RetentionPolicy.MIN_REPEAT_GUARD, java.util.Optional.of(Duration.ofDays(1))));

    assertThat(persistence().outbox().find(pending.id())).contains(pending);
    assertThat(persistence().outbox().find(inFlight.id())).contains(inFlight);
    assertThatThrownBy(() -> persistence().retention().purgeDeliveries(DeliveryStatus.PENDING, NOW, 10))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("status");
    assertThatThrownBy(() -> persistence().retention().purgeDeliveries(DeliveryStatus.IN_FLIGHT, NOW, 10))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("status");
  }

  @Test
  void aResubmittedDeliveryIsKeptHoweverOldItsFailure() {
    Delivery failed = delivery(DeliveryStatus.FAILED, 200);
    estate.deliveries().resubmit(tenant, Actor.of("ops"), List.of(failed.id()));

    assertThat(estate.retention().purge(RetentionPolicy.defaults()).failedDeliveries()).isZero();
    assertThat(persistence().outbox().find(failed.id()).orElseThrow().status()).isEqualTo(DeliveryStatus.PENDING);
  }

  @Test
  void deDuplicationIsForgottenOnlyPastItsWindow() {
    Iccid sim = newIccid();
    RepeatKey old = new RepeatKey(sim, AlertKind.WARNING, "2026-11");
    RepeatKey recent = new RepeatKey(sim, AlertKind.WARNING, "2028-05");
    remember(old, ANA, 401);
    remember(recent, ANA, 20);

    assertThat(estate.retention().purge(RetentionPolicy.defaults()).repeatGuardEntries()).isEqualTo(1);

    persistence().transactions().run(() -> {
      assertThat(persistence().repeatGuard().firstWithin(tenant, recent, List.of(ANA), NOW, Duration.ofDays(400)))
          .as("still remembered").isEmpty();
      assertThat(persistence().repeatGuard().firstWithin(tenant, old, List.of(ANA), NOW, Duration.ofDays(400)))
          .as("forgotten").containsExactly(ANA);
    });
  }

  @Test
  void auditEventsAreKeptForEverUnlessThePolicySaysOtherwise() {
    auditEvent(800, "old");
    auditEvent(10, "recent");

    assertThat(estate.retention().purge(RetentionPolicy.defaults()).auditEvents()).isZero();
    assertThat(estate.retention().purge(RetentionPolicy.defaults().withAuditEvents(Duration.ofDays(365)))
        .auditEvents()).isEqualTo(1);
    assertThat(estate.auditTrail().recent(tenant, 10)).extracting(AuditEvent::summary).containsExactly("recent");
  }

  @Test
  void aStorePurgeOfAtMostOneRemovesOneAndOfNoneIsRefusedNamingIt() {
    remember(new RepeatKey(newIccid(), AlertKind.WARNING, "2026-10"), ANA, 500);
    auditEvent(800, "old enough");
    Instant cutOff = daysAgo(400);

    assertThat(persistence().transactions().inTransaction(() -> persistence().retention().purgeRepeatGuard(cutOff, 1)))
        .isEqualTo(1);
    assertThat(persistence().transactions().inTransaction(() -> persistence().retention().purgeAuditEvents(cutOff, 1)))
        .isEqualTo(1);
    assertThatThrownBy(() -> persistence().retention().purgeRepeatGuard(cutOff, 0))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("max");
    assertThatThrownBy(() -> persistence().retention().purgeAuditEvents(cutOff, 0))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("max");
  }

  @Test
  void severalRepeatGuardEntriesArePurgedInOneCall() {
    List<RepeatKey> keys = List.of(new RepeatKey(newIccid(), AlertKind.WARNING, "2026-10"),
        new RepeatKey(newIccid(), AlertKind.CUT_OFF, "2026-10"), new RepeatKey(newIccid(), AlertKind.WARNING, "2026-09"));
    keys.forEach(key -> remember(key, ANA, 500));

    assertThat(persistence().transactions().inTransaction(
        () -> persistence().retention().purgeRepeatGuard(daysAgo(400), 1000))).isGreaterThanOrEqualTo(3);

    persistence().transactions().run(() -> keys.forEach(key -> assertThat(persistence().repeatGuard()
        .firstWithin(tenant, key, List.of(ANA), NOW, Duration.ofDays(400))).as("forgotten").containsExactly(ANA)));
  }

  @Test
  void aPurgeGoesPageByPage() {
    int n = io.simestate.core.estate.Retention.PAGE + 7;
    for (int i = 0; i < n; i++) {
      decision(100);
    }
    assertThat(estate.retention().purge(RetentionPolicy.defaults()).decisions()).isEqualTo(n);
  }
  @Test
  void eachPurgeRemovesAtMostItsMaximumEvenOneAndKeepsWhatIsExactlyAtTheCutOff() {
    Instant cutOff = daysAgo(30);
    delivery(DeliveryStatus.SENT, 40);
    delivery(DeliveryStatus.SENT, 41);
    Delivery sentAtCutOff = delivery(DeliveryStatus.SENT, 30);
    AlertDecision oldDecision = decision(100);
    decision(101);
    AlertDecision decisionAtCutOff = decision(30);
    remember(new RepeatKey(newIccid(), AlertKind.WARNING, "2026-11"), ANA, 401);
    remember(new RepeatKey(newIccid(), AlertKind.WARNING, "2026-11"), ANA, 402);
    auditEvent(800, "old");
    auditEvent(801, "older");
    auditEvent(30, "at the cut-off");
    RetentionStore retention = persistence().retention();

    assertThat(List.of(retention.purgeDeliveries(DeliveryStatus.SENT, cutOff, 1),
        retention.purgeDeliveries(DeliveryStatus.SENT, cutOff, 1),
        retention.purgeDeliveries(DeliveryStatus.SENT, cutOff, 1))).as("deliveries").containsExactly(1, 1, 0);
    assertThat(List.of(retention.purgeDecisions(cutOff, 1), retention.purgeDecisions(cutOff, 1),
        retention.purgeDecisions(cutOff, 1))).as("decisions").containsExactly(1, 1, 0);
    assertThat(List.of(retention.purgeRepeatGuard(cutOff, 1), retention.purgeRepeatGuard(cutOff, 1),
        retention.purgeRepeatGuard(cutOff, 1))).as("repeat guard").containsExactly(1, 1, 0);
    assertThat(List.of(retention.purgeAuditEvents(cutOff, 1), retention.purgeAuditEvents(cutOff, 1),
        retention.purgeAuditEvents(cutOff, 1))).as("audit events").containsExactly(1, 1, 0);

    assertThat(exists(sentAtCutOff)).isTrue();
    assertThat(persistence().decisions().bySim(tenant, oldDecision.alert().iccid(), 10)).isEmpty();
    assertThat(persistence().decisions().bySim(tenant, decisionAtCutOff.alert().iccid(), 10))
        .containsExactly(decisionAtCutOff);
    assertThat(estate.auditTrail().recent(tenant, 10)).extracting(AuditEvent::summary)
        .containsExactly("at the cut-off");
  }
}
