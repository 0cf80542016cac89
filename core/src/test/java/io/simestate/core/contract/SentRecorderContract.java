package io.simestate.core.contract;

import static io.simestate.core.contract.ContractFixtures.at;
import static io.simestate.core.contract.ContractFixtures.newIccid;
import static io.simestate.core.contract.ContractFixtures.newIccids;
import static io.simestate.core.contract.ContractFixtures.newTenant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.simestate.core.Actor;
import io.simestate.core.NotFoundException;
import io.simestate.core.TenantId;
import io.simestate.core.alert.Delivery;
import io.simestate.core.alert.DeliveryId;
import io.simestate.core.alert.DeliveryStatus;
import io.simestate.core.alert.SentRecorder;
import io.simestate.core.audit.AuditEvent;
import io.simestate.core.audit.AuditEventType;
import io.simestate.core.customer.ContactId;
import io.simestate.core.persistence.Persistence;
import io.simestate.core.sim.Iccid;
import io.simestate.core.sim.IccidRange;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link Persistence#sentRecorder()}: a sent message's delivery and its audit event
 * are written together, or neither. Claiming looks at every tenant's deliveries, so
 * {@link #persistence()} must answer a persistence whose outbox holds no deliveries when each test
 * starts (a database adapter's test clears the table before each test).
 */
public abstract class SentRecorderContract {

  /**
   * The persistence under test, its outbox empty at the start of each test.
   *
   * @return the persistence
   */
  protected abstract Persistence persistence();

  private SentRecorder recorder() {
    return persistence().sentRecorder();
  }

  /** Enqueues the delivery and claims it under a new token; answers the token. */
  private String claimed(Delivery d) {
    persistence().outbox().enqueue(List.of(d));
    String claim = DeliveryOutboxContract.claim();
    assertThat(persistence().outbox().claimDue(at(1), 10, Duration.ofMinutes(5), claim))
        .extracting(Delivery::id).containsExactly(d.id());
    return claim;
  }

  /** A pending alert delivery about {@code sim}, due at once, for a new tenant. */
  private static Delivery pendingAlert(Iccid sim) {
    return DeliveryOutboxContract.pending(newTenant(), "a-1", ContactId.random(), sim, at(0));
  }

  private static AuditEvent sent(Delivery d, Collection<Iccid> sims) {
    return new AuditEvent(UUID.randomUUID(), d.tenantId(), AuditEventType.DELIVERY_SENT, Actor.system(), at(2),
        d.customerId(), sims, "Warning alert " + d.alertId() + " to Ana sent ✓");
  }

  private boolean recordSent(DeliveryId id, String claim, AuditEvent event) {
    return persistence().transactions().inTransaction(() -> recorder().recordSent(id, claim, at(2), event));
  }

  private List<AuditEvent> eventsOf(Delivery d) {
    return persistence().auditTrail().forCustomer(d.tenantId(), d.customerId(), 10);
  }

  @Test
  void aHeldDeliveryIsMarkedSentAndItsEventWrittenWithItsSim() {
    Iccid sim = newIccid();
    Delivery d = pendingAlert(sim);
    String claim = claimed(d);
    AuditEvent event = sent(d, List.of(sim));

    assertThat(recordSent(d.id(), claim, event)).isTrue();

    Delivery after = persistence().outbox().find(d.id()).orElseThrow();
    assertThat(after.status()).isEqualTo(DeliveryStatus.SENT);
    assertThat(after.sentAt()).isEqualTo(at(2));
    List<AuditEvent> events = eventsOf(d);
    assertThat(events).extracting(AuditEvent::id).containsExactly(event.id());
    AuditEvent read = events.get(0);
    assertThat(read.type()).isEqualTo(AuditEventType.DELIVERY_SENT);
    assertThat(read.actor()).isEqualTo(Actor.system());
    assertThat(read.at()).isEqualTo(at(2));
    assertThat(read.summary()).isEqualTo(event.summary());
    assertThat(read.sims()).containsExactly(sim);
    assertThat(persistence().auditTrail().forSim(d.tenantId(), sim, 10)).extracting(AuditEvent::id)
        .containsExactly(event.id());
    // The claim is over: the delivery is not claimed again.
    assertThat(persistence().outbox().claimDue(at(3_600), 10, Duration.ofMinutes(5), DeliveryOutboxContract.claim()))
        .isEmpty();
  }

  @Test
  void anEventWithoutSimsIsWrittenForASubscriptionNotice() {
    Delivery notice = DeliveryOutboxContract.notice(newTenant(), ContactId.random(), "n-1", at(0));
    String claim = claimed(notice);
    AuditEvent event = sent(notice, List.of());

    assertThat(recordSent(notice.id(), claim, event)).isTrue();

    assertThat(persistence().outbox().find(notice.id()).orElseThrow().status()).isEqualTo(DeliveryStatus.SENT);
    assertThat(eventsOf(notice)).singleElement().satisfies(e -> {
      assertThat(e.id()).isEqualTo(event.id());
      assertThat(e.sims()).isEmpty();
    });
  }

  @Test
  void anEventKeepsEveryOneOfSeveralSimsAndEveryOneOfARange() {
    TenantId tenant = newTenant();
    List<Iccid> several = newIccids(3);
    String prefix = ContractFixtures.newRangePrefix();
    IccidRange range = IccidRange.of(Iccid.withCheckDigit(prefix + "0000"), Iccid.withCheckDigit(prefix + "0099"));
    Delivery first = DeliveryOutboxContract.pending(tenant, "a-1", ContactId.random(), several.get(0), at(0));
    Delivery second = DeliveryOutboxContract.pending(tenant, "a-2", ContactId.random(), range.first(), at(0));
    String claimFirst = claimed(first);
    String claimSecond = claimed(second);

    assertThat(recordSent(first.id(), claimFirst, sent(first, several))).isTrue();
    assertThat(recordSent(second.id(), claimSecond, sent(second, range))).isTrue();

    assertThat(eventsOf(first)).singleElement().satisfies(e -> assertThat(e.sims()).containsExactlyElementsOf(several));
    assertThat(eventsOf(second)).singleElement().satisfies(e -> assertThat(e.sims()).hasSize(100));
    assertThat(persistence().auditTrail().forSim(tenant, several.get(2), 10)).hasSize(1);
    assertThat(persistence().auditTrail().forSim(tenant, Iccid.withCheckDigit(prefix + "0042"), 10)).hasSize(1);
  }

  @Test
  void aDeliveryAnotherClaimTookOverIsNeitherMarkedNorItsEventWritten() {
    Iccid sim = newIccid();
    Delivery d = pendingAlert(sim);
    claimed(d);

    assertThat(recordSent(d.id(), DeliveryOutboxContract.claim(), sent(d, List.of(sim)))).isFalse();

    assertThat(persistence().outbox().find(d.id()).orElseThrow().status()).isEqualTo(DeliveryStatus.IN_FLIGHT);
    assertThat(eventsOf(d)).isEmpty();
    assertThat(persistence().auditTrail().forSim(d.tenantId(), sim, 10)).isEmpty();
  }

  @Test
  void aDeliveryRecordedSentAlreadyIsNotRecordedAgain() {
    Iccid sim = newIccid();
    Delivery d = pendingAlert(sim);
    String claim = claimed(d);
    AuditEvent first = sent(d, List.of(sim));
    assertThat(recordSent(d.id(), claim, first)).isTrue();

    assertThat(recordSent(d.id(), claim, sent(d, List.of(sim)))).isFalse();

    assertThat(eventsOf(d)).extracting(AuditEvent::id).containsExactly(first.id());
  }

  @Test
  void anUnknownDeliveryIsNotFoundAndNothingIsWritten() {
    Delivery d = pendingAlert(newIccid());
    AuditEvent event = sent(d, List.of());

    assertThatThrownBy(() -> recordSent(DeliveryId.random(), DeliveryOutboxContract.claim(), event))
        .isInstanceOf(NotFoundException.class);

    assertThat(eventsOf(d)).isEmpty();
  }

  @Test
  void whatItRecordedIsUndoneWithItsTransaction() {
    Iccid sim = newIccid();
    Delivery d = pendingAlert(sim);
    String claim = claimed(d);

    assertThatThrownBy(() -> persistence().transactions().inTransaction(() -> {
      assertThat(recorder().recordSent(d.id(), claim, at(2), sent(d, List.of(sim)))).isTrue();
      throw new IllegalStateException("the rest of the transaction failed");
    })).hasMessageContaining("the rest of the transaction failed");

    assertThat(persistence().outbox().find(d.id()).orElseThrow().status()).isEqualTo(DeliveryStatus.IN_FLIGHT);
    assertThat(eventsOf(d)).isEmpty();
  }

  @Test
  void theDefaultRecorderMadeOfTheStoresKeepsTheSameContract() {
    Iccid sim = newIccid();
    Delivery d = pendingAlert(sim);
    String claim = claimed(d);
    SentRecorder composed = SentRecorder.composedOf(persistence().outbox(), persistence().auditTrail());
    AuditEvent event = sent(d, List.of(sim));

    assertThat(persistence().transactions().inTransaction(
        () -> composed.recordSent(d.id(), DeliveryOutboxContract.claim(), at(2), event))).isFalse();
    assertThat(eventsOf(d)).isEmpty();
    assertThat(persistence().transactions().inTransaction(() -> composed.recordSent(d.id(), claim, at(2), event)))
        .isTrue();

    assertThat(persistence().outbox().find(d.id()).orElseThrow().status()).isEqualTo(DeliveryStatus.SENT);
    assertThat(eventsOf(d)).extracting(AuditEvent::id).containsExactly(event.id());
  }
}
