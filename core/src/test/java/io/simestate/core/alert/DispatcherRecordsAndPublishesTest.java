package io.simestate.core.alert;

import static io.simestate.core.alert.AlertFixture.ACME;
import static io.simestate.core.alert.AlertFixture.sim;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.simestate.core.AlertKind;
import io.simestate.core.UnavailableException;
import io.simestate.core.audit.AuditEvent;
import io.simestate.core.audit.AuditEventType;
import io.simestate.core.customer.Contact;
import io.simestate.core.customer.Customer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What the dispatcher records and tells the host: every delivery event reaches the host's publishers
 * once its record committed (also a delivery given up because its last result was never recorded,
 * and the round goes on after it); a result that arrives after another dispatcher took the claim over
 * records nothing, whatever it is; and an alert held back for its contact's subscription notice is not
 * due before the notice is tried again.
 */
class DispatcherRecordsAndPublishesTest {

  private static final Duration LEASE = Duration.ofMinutes(2);

  private final FaultyPersistence persistence = new FaultyPersistence();
  private final List<AuditEvent> published = new CopyOnWriteArrayList<>();

  private AlertFixture estate(int maxAttempts) {
    return new AlertFixture(b -> b.persistence(persistence).dispatchLease(LEASE)
        .retryPolicy(AlertFixture.exactRetry(maxAttempts)).publishEventsTo(published::add));
  }

  private List<AuditEvent> published(AuditEventType type) {
    return published.stream().filter(e -> e.type() == type).toList();
  }

  private static List<AuditEvent> recorded(AlertFixture f, AuditEventType type) {
    return f.estate.auditTrail().recent(ACME, 100).stream().filter(e -> e.type() == type).toList();
  }

  @Test
  void everyDeliveryEventReachesTheHostsPublisherOnceItIsRecorded() {
    AlertFixture f = estate(2);
    Customer northwind = f.customer("Northwind");
    for (String name : List.of("Ana", "Bo", "Cy")) {
      f.alerted(northwind, name);
    }
    f.assign(northwind, sim(1));
    f.route(sim(1), AlertKind.WARNING);
    f.sender.answer(n -> switch (n.recipient().name()) {
      case "Ana" -> SendResult.sent();
      case "Bo" -> SendResult.permanentFailure("550 no such user");
      default -> SendResult.transientFailure("451 try later");
    });

    f.estate.dispatcher().dispatchDue();

    assertThat(published(AuditEventType.DELIVERY_SENT)).singleElement()
        .satisfies(e -> assertThat(e.summary()).contains("Ana").contains("sent"));
    assertThat(published(AuditEventType.DELIVERY_FAILED)).singleElement()
        .satisfies(e -> assertThat(e.summary()).contains("Bo").contains("550 no such user"));
    f.clock.advance(Duration.ofMinutes(1));
    f.estate.dispatcher().dispatchDue();
    assertThat(published(AuditEventType.DELIVERY_FAILED)).hasSize(2).last()
        .satisfies(e -> assertThat(e.summary()).contains("Cy").contains("gave up after 2 attempts"));
    assertThat(published(AuditEventType.DELIVERY_SENT)).isEqualTo(recorded(f, AuditEventType.DELIVERY_SENT));
    assertThat(published(AuditEventType.DELIVERY_FAILED))
        .containsExactlyInAnyOrderElementsOf(recorded(f, AuditEventType.DELIVERY_FAILED));
  }

  @Test
  void aDeliveryGivenUpBecauseItsLastResultWasNeverRecordedIsPublishedAndTheRoundGoesOn() {
    AlertFixture f = estate(1);
    Customer northwind = f.customer("Northwind");
    f.alerted(northwind, "Ana");
    f.assign(northwind, sim(1));
    Customer contoso = f.customer("Contoso");
    Contact bo = f.alerted(contoso, "Bo");
    f.assign(contoso, sim(2));
    AlertId forAna = f.route(sim(1), AlertKind.WARNING).decision().alert().id();
    persistence.inject("DeliveryOutbox.markSent",
        (args, real) -> { throw new UnavailableException("connection to the store lost", null); });
    assertThatThrownBy(() -> f.estate.dispatcher().dispatchDue()).isInstanceOf(UnavailableException.class);
    persistence.heal("DeliveryOutbox.markSent");
    // Ana's only attempt went out unrecorded; Bo's alert comes after her claim ran out
    f.clock.advance(LEASE.plusSeconds(1));
    f.route(sim(2), AlertKind.WARNING);

    DispatchReport report = f.estate.dispatcher().dispatchDue();

    assertThat(report).as("one batch of two: Ana given up, then Bo sent in the same round")
        .isEqualTo(new DispatchReport(2, 1, 1, 0, 0, 1));
    assertThat(f.sender.attempts()).extracting(n -> n.recipient().name()).containsExactly("Ana", "Bo");
    assertThat(f.estate.alerts().deliveriesOf(ACME, forAna)).singleElement()
        .satisfies(d -> assertThat(d.status()).isEqualTo(DeliveryStatus.FAILED));
    assertThat(published(AuditEventType.DELIVERY_FAILED)).singleElement()
        .satisfies(e -> assertThat(e.summary()).contains("Ana").contains("was not recorded"));
    assertThat(published(AuditEventType.DELIVERY_SENT)).singleElement()
        .satisfies(e -> assertThat(e.summary()).contains(bo.name()));
  }

  @ParameterizedTest
  @ValueSource(strings = {"sent", "permanent", "transient"})
  void aResultArrivingAfterAnotherDispatcherTookTheClaimOverRecordsNothing(String outcome) {
    AlertFixture f = estate(3);
    Customer northwind = f.customer("Northwind");
    f.alerted(northwind, "Ana");
    f.assign(northwind, sim(1));
    AlertId alert = f.route(sim(1), AlertKind.WARNING).decision().alert().id();
    Supplier<SendResult> result = switch (outcome) {
      case "sent" -> SendResult::sent;
      case "permanent" -> () -> SendResult.permanentFailure("550 no such user");
      default -> () -> SendResult.transientFailure("451 try later");
    };
    f.sender.answer(n -> {
      // slow beyond the lease: another dispatcher claims the delivery meanwhile
      f.clock.advance(LEASE.plusSeconds(1));
      assertThat(f.estate.persistence().outbox().claimDue(f.clock.instant(), 10, LEASE, "other")).hasSize(1);
      return result.get();
    });

    DispatchReport report = f.estate.dispatcher().dispatchDue();

    assertThat(report).isEqualTo(new DispatchReport(1, 0, 0, 0, 0, 0));
    assertThat(f.estate.alerts().deliveriesOf(ACME, alert)).singleElement().satisfies(d -> {
      assertThat(d.status()).isEqualTo(DeliveryStatus.IN_FLIGHT);
      assertThat(d.lastError()).isNull();
    });
    assertThat(recorded(f, AuditEventType.DELIVERY_SENT)).isEmpty();
    assertThat(recorded(f, AuditEventType.DELIVERY_FAILED)).isEmpty();
    assertThat(published).noneMatch(e -> e.type() == AuditEventType.DELIVERY_SENT
        || e.type() == AuditEventType.DELIVERY_FAILED);
  }

  @Test
  void anAlertHeldBackForItsContactsNoticeIsNotDueBeforeTheNoticeIsTriedAgain() {
    AlertFixture f = new AlertFixture(b -> b.retryPolicy(AlertFixture.exactRetry(5))
        .tenant(ACME, TenantAlertSettings.DEFAULTS.withSubscriptionNotices(true)));
    Customer northwind = f.customer("Northwind");
    Contact ana = f.alerted(northwind, "Ana");
    f.assign(northwind, sim(1));
    AlertId alert = f.route(sim(1), AlertKind.WARNING).decision().alert().id();
    f.sender.answer(n -> SendResult.transientFailure("421 busy"));

    f.estate.dispatcher().dispatchDue();

    Delivery notice = f.estate.alerts().deliveriesTo(ACME, ana.id(), 10).stream()
        .filter(d -> d.kind() == DeliveryKind.SUBSCRIPTION_NOTICE).findFirst().orElseThrow();
    assertThat(notice.status()).isEqualTo(DeliveryStatus.PENDING);
    assertThat(notice.nextAttemptAt()).isAfter(f.clock.instant());
    assertThat(f.estate.alerts().deliveriesOf(ACME, alert)).singleElement().satisfies(d -> {
      assertThat(d.status()).isEqualTo(DeliveryStatus.PENDING);
      assertThat(d.attempts()).as("held back, not attempted").isZero();
      assertThat(d.nextAttemptAt()).isAfter(notice.nextAttemptAt());
    });
    assertThat(f.sender.attempts()).singleElement().isInstanceOf(SubscriptionNotice.class);
  }

  @Test
  void aScheduleOfOneMillisecondIsAccepted() {
    AlertFixture f = estate(3);
    ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
    try {
      ScheduledFuture<?> schedule = f.estate.dispatcher().scheduleOn(executor, Duration.ofMillis(1));
      f.estate.dispatcher().close();
      assertThat(schedule.isCancelled()).isTrue();
    } finally {
      executor.shutdownNow();
    }
  }
}
