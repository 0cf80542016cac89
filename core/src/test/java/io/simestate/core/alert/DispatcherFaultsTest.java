package io.simestate.core.alert;

import static io.simestate.core.alert.AlertFixture.ACME;
import static io.simestate.core.alert.AlertFixture.GLOBEX;
import static io.simestate.core.alert.AlertFixture.sim;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.simestate.core.AlertKind;
import io.simestate.core.InvalidInputException;
import io.simestate.core.UnavailableException;
import io.simestate.core.customer.Contact;
import io.simestate.core.customer.Customer;
import io.simestate.core.inmemory.InMemoryPersistence;
import io.simestate.core.persistence.Persistence;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * DESIGN §1b, issue 10: every host part that misbehaves (sender, settings source, publisher, store)
 * costs at most its own message, is recorded on the delivery, and never makes a message go out more
 * often than the retry policy allows.
 */
class DispatcherFaultsTest {

  private static final Duration LEASE = Duration.ofMinutes(2);

  @SuppressWarnings("unchecked")
  private static <E extends Throwable> void sneakyThrow(Throwable e) throws E {
    throw (E) e;
  }

  private static Delivery only(AlertFixture f, AlertId alert, Contact c) {
    return f.estate.alerts().deliveriesOf(ACME, alert).stream()
        .filter(d -> c.id().equals(d.recipient().contactId())).findFirst().orElseThrow();
  }

  @Test
  void anErrorAnUndeclaredCheckedExceptionAndARuntimeExceptionEachFailOnlyTheirOwnMessage() {
    AlertFixture f = new AlertFixture(b -> b.retryPolicy(AlertFixture.exactRetry(3)));
    Customer northwind = f.customer("Northwind");
    Contact ana = f.alerted(northwind, "Ana");
    Contact bo = f.alerted(northwind, "Bo");
    Contact cy = f.alerted(northwind, "Cy");
    Contact di = f.alerted(northwind, "Di");
    f.assign(northwind, sim(1));
    f.sender.answer(n -> {
      String name = n.recipient().name();
      switch (name) {
        case "Ana" -> throw new AssertionError("a Kotlin sender's check failed");
        case "Bo" -> sneakyThrow(new IOException("webhook unreachable"));
        case "Cy" -> throw new IllegalStateException("pool closed");
        default -> { }
      }
      return SendResult.sent();
    });
    AlertId alert = f.route(sim(1), AlertKind.WARNING).decision().alert().id();

    DispatchReport report = f.estate.dispatcher().dispatchDue();

    assertThat(report.sent()).isEqualTo(1);
    assertThat(report.retried()).isEqualTo(3);
    assertThat(only(f, alert, ana).lastError()).contains("AssertionError");
    assertThat(only(f, alert, bo).lastError()).contains("IOException").contains("webhook unreachable");
    assertThat(only(f, alert, cy).lastError()).contains("IllegalStateException");
    assertThat(only(f, alert, di).status()).isEqualTo(DeliveryStatus.SENT);
    for (Contact c : List.of(ana, bo, cy)) {
      assertThat(only(f, alert, c).status()).isEqualTo(DeliveryStatus.PENDING);
      assertThat(only(f, alert, c).attempts()).isEqualTo(1);
    }
    assertThat(f.sender.attempts()).hasSize(4);
  }

  @Test
  void aVirtualMachineErrorIsRecordedAndReleasesTheRestBeforeItIsThrown() {
    AlertFixture f = new AlertFixture(b -> b.retryPolicy(AlertFixture.exactRetry(3)).dispatchLease(LEASE));
    Customer northwind = f.customer("Northwind");
    f.alerted(northwind, "Ana");
    f.alerted(northwind, "Bo");
    f.alerted(northwind, "Cy");
    f.assign(northwind, sim(1));
    AtomicInteger calls = new AtomicInteger();
    f.sender.answer(n -> {
      if (calls.incrementAndGet() == 2) {
        throw new OutOfMemoryError("the sender's buffer");
      }
      return SendResult.sent();
    });
    AlertId alert = f.route(sim(1), AlertKind.WARNING).decision().alert().id();

    assertThatThrownBy(() -> f.estate.dispatcher().dispatchDue()).isInstanceOf(OutOfMemoryError.class);

    assertThat(f.estate.alerts().deliveriesOf(ACME, alert)).extracting(Delivery::status)
        .containsExactlyInAnyOrder(DeliveryStatus.SENT, DeliveryStatus.PENDING, DeliveryStatus.PENDING);
    assertThat(f.estate.alerts().deliveriesOf(ACME, alert)).filteredOn(d -> d.status() == DeliveryStatus.PENDING)
        .extracting(Delivery::lastError).containsExactlyInAnyOrder(null, "the notification sender failed: "
            + "java.lang.OutOfMemoryError: the sender's buffer");
    // the released third delivery is due at once, without waiting for the lease
    assertThat(f.estate.dispatcher().dispatchDue().sent()).isEqualTo(1);
    assertThat(f.sender.accepted()).hasSize(2);
  }

  @Test
  void oneTenantsFailingSettingsSourceFailsOnlyThatTenantsMessages() {
    AtomicBoolean broken = new AtomicBoolean();
    AlertFixture f = new AlertFixture(b -> b.tenantSettings(tenant -> {
      if (broken.get() && tenant.equals(GLOBEX)) {
        throw new IllegalStateException("globex settings table locked");
      }
      return TenantAlertSettings.DEFAULTS;
    }));
    Customer northwind = f.customer(ACME, "Northwind");
    f.alerted(northwind, "Ana");
    f.assign(northwind, sim(1));
    Customer initech = f.customer(GLOBEX, "Initech");
    f.alerted(initech, "Gil");
    f.assign(initech, sim(2));
    f.estate.alerts().route(GLOBEX, f.alert(sim(2), AlertKind.WARNING));
    f.estate.alerts().route(ACME, f.alert(sim(1), AlertKind.WARNING));
    broken.set(true);

    DispatchReport report = f.estate.dispatcher().dispatchDue();

    assertThat(report.sent()).isEqualTo(1);
    assertThat(report.retried()).isEqualTo(1);
    assertThat(f.sender.accepted()).singleElement().satisfies(n -> assertThat(n.tenantId()).isEqualTo(ACME));
    assertThat(f.estate.alerts().deliveriesOf(GLOBEX, AlertId.of("alert-1"))).singleElement().satisfies(d -> {
      assertThat(d.status()).isEqualTo(DeliveryStatus.PENDING);
      assertThat(d.attempts()).isEqualTo(1);
      assertThat(d.lastError()).contains("could not prepare the message").contains("globex settings table locked");
    });
  }

  @Test
  void aSendThatHangsIsAbandonedAfterTheTimeLimitAndTheRestOfTheBatchGoesOn() {
    CountDownLatch never = new CountDownLatch(1);
    AlertFixture f = new AlertFixture(b -> b.sendTimeLimit(Duration.ofMillis(200)));
    Customer northwind = f.customer("Northwind");
    Contact ana = f.alerted(northwind, "Ana");
    Contact bo = f.alerted(northwind, "Bo");
    f.assign(northwind, sim(1));
    f.sender.answer(n -> {
      if (n.recipient().name().equals("Ana")) {
        try {
          never.await();
        } catch (InterruptedException e) {
          // abandoned: keeps hanging as a badly written host sender would
          Thread.currentThread().interrupt();
        }
        return SendResult.sent();
      }
      return SendResult.sent();
    });
    AlertId alert = f.route(sim(1), AlertKind.WARNING).decision().alert().id();
    try {
      DispatchReport report = f.estate.dispatcher().dispatchDue();

      assertThat(report.sent()).isEqualTo(1);
      assertThat(report.retried()).isEqualTo(1);
      assertThat(only(f, alert, bo).status()).isEqualTo(DeliveryStatus.SENT);
      assertThat(only(f, alert, ana).status()).isEqualTo(DeliveryStatus.PENDING);
      assertThat(only(f, alert, ana).lastError()).contains("did not answer within 200 ms");
    } finally {
      never.countDown();
    }
  }

  @Test
  void aSenderThatReturnsNothingIsATransientFailure() {
    AlertFixture f = new AlertFixture(b -> b.notificationSender(n -> null));
    Customer northwind = f.customer("Northwind");
    f.alerted(northwind, "Ana");
    f.assign(northwind, sim(1));
    AlertId alert = f.route(sim(1), AlertKind.WARNING).decision().alert().id();

    assertThat(f.estate.dispatcher().dispatchDue().retried()).isEqualTo(1);
    assertThat(f.estate.alerts().deliveriesOf(ACME, alert)).singleElement()
        .satisfies(d -> assertThat(d.lastError()).contains("no result"));
  }

  /** In-memory persistence whose outbox cannot record a sent message while {@code broken} is set. */
  private static Persistence unableToRecordSent(InMemoryPersistence inner, AtomicBoolean broken) {
    DeliveryOutbox outbox = (DeliveryOutbox) Proxy.newProxyInstance(DeliveryOutbox.class.getClassLoader(),
        new Class<?>[] {DeliveryOutbox.class}, (proxy, method, args) -> {
          if (broken.get() && method.getName().equals("markSent")) {
            throw new UnavailableException("the database went away", new RuntimeException("08006"));
          }
          try {
            return method.invoke(inner.outbox(), args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        });
    return (Persistence) Proxy.newProxyInstance(Persistence.class.getClassLoader(), new Class<?>[] {Persistence.class},
        (proxy, method, args) -> switch (method.getName()) {
          case "outbox" -> outbox;
          case "sentRecorder" -> SentRecorder.composedOf(outbox, inner.auditTrail());
          default -> method.invoke(inner, args);
        });
  }

  @Test
  void aSendWhoseResultCannotBeRecordedStillUsesUpAnAttempt() {
    AtomicBoolean broken = new AtomicBoolean(true);
    AlertFixture f = new AlertFixture(b -> b.persistence(unableToRecordSent(InMemoryPersistence.create(), broken))
        .retryPolicy(AlertFixture.exactRetry(3)).dispatchLease(LEASE));
    Customer northwind = f.customer("Northwind");
    f.alerted(northwind, "Ana");
    f.assign(northwind, sim(1));
    AlertId alert = f.route(sim(1), AlertKind.WARNING).decision().alert().id();

    for (int round = 0; round < 8; round++) {
      try {
        f.estate.dispatcher().dispatchDue();
      } catch (UnavailableException expected) {
        // the store is down: the run says so, and the claim waits for its lease
      }
      f.clock.advance(LEASE);
    }
    broken.set(false);
    f.clock.advance(LEASE);
    f.estate.dispatcher().dispatchDue();

    assertThat(f.sender.attempts()).hasSize(3);
    assertThat(f.estate.alerts().deliveriesOf(ACME, alert)).singleElement().satisfies(d -> {
      assertThat(d.status()).isEqualTo(DeliveryStatus.FAILED);
      assertThat(d.attempts()).isEqualTo(3);
      assertThat(d.lastError()).contains("was not recorded");
    });
  }

  @Test
  void aDispatcherWhoseClaimWasTakenOverChangesNothingAndStops() {
    AlertFixture f = new AlertFixture(b -> b.dispatchLease(LEASE));
    Customer northwind = f.customer("Northwind");
    f.alerted(northwind, "Ana");
    f.alerted(northwind, "Bo");
    f.assign(northwind, sim(1));
    AlertId alert = f.route(sim(1), AlertKind.WARNING).decision().alert().id();
    String other = "the-other-dispatcher";
    AtomicInteger calls = new AtomicInteger();
    f.sender.answer(n -> {
      if (calls.incrementAndGet() == 1) {
        // slow beyond the lease: another dispatcher claims both deliveries meanwhile
        f.clock.advance(LEASE.plusSeconds(1));
        assertThat(f.estate.persistence().outbox().claimDue(f.clock.instant(), 10, LEASE, other)).hasSize(2);
        return SendResult.transientFailure("451 too late to matter");
      }
      return SendResult.sent();
    });

    DispatchReport report = f.estate.dispatcher().dispatchDue();

    assertThat(report.retried()).isZero();
    assertThat(f.sender.attempts()).hasSize(1);
    assertThat(f.estate.alerts().deliveriesOf(ACME, alert)).allSatisfy(d -> {
      assertThat(d.status()).isEqualTo(DeliveryStatus.IN_FLIGHT);
      assertThat(d.lastError()).isNull();
    });
    assertThat(f.estate.persistence().outbox().markSent(
        f.estate.alerts().deliveriesOf(ACME, alert).get(0).id(), other, f.clock.instant())).isTrue();
  }

  @Test
  void stoppingFinishesTheMessageInFlightAndReleasesTheRestAtOnce() {
    AlertFixture f = new AlertFixture(b -> b.dispatchLease(LEASE));
    Customer northwind = f.customer("Northwind");
    for (String name : List.of("Ana", "Bo", "Cy")) {
      f.alerted(northwind, name);
    }
    f.assign(northwind, sim(1));
    AlertId alert = f.route(sim(1), AlertKind.WARNING).decision().alert().id();
    AtomicBoolean stopReturned = new AtomicBoolean(true);
    f.sender.answer(n -> {
      // the host stops the dispatcher while this message is being sent
      stopReturned.set(f.estate.dispatcher().stop(Duration.ZERO));
      return SendResult.sent();
    });

    DispatchReport report = f.estate.dispatcher().dispatchDue();

    assertThat(stopReturned).as("a run was still in progress").isFalse();
    assertThat(report.sent()).isEqualTo(1);
    assertThat(f.estate.alerts().deliveriesOf(ACME, alert)).extracting(Delivery::status)
        .containsExactlyInAnyOrder(DeliveryStatus.SENT, DeliveryStatus.PENDING, DeliveryStatus.PENDING);
    assertThat(f.estate.persistence().outbox().claimDue(f.clock.instant(), 10, LEASE, "another-instance"))
        .hasSize(2).allSatisfy(d -> assertThat(d.attempts()).isZero());
    assertThat(f.estate.dispatcher().dispatchDue()).isEqualTo(DispatchReport.EMPTY);
    assertThat(f.estate.dispatcher().stop(Duration.ZERO)).isTrue();
  }

  /**
   * Ana of Northwind, holding SIM 1, in a tenant that sends subscription notices; her notice's first
   * attempt fails (and sets {@code noticeFailed}), every other message is accepted.
   */
  private static AlertFixture anaWhoseNoticeFailsOnce(AtomicBoolean noticeFailed) {
    AlertFixture f = new AlertFixture(b -> b.retryPolicy(AlertFixture.exactRetry(5))
        .tenant(ACME, TenantAlertSettings.DEFAULTS.withSubscriptionNotices(true)));
    Customer northwind = f.customer("Northwind");
    f.alerted(northwind, "Ana");
    f.assign(northwind, sim(1));
    f.sender.answer(n -> n instanceof SubscriptionNotice && !noticeFailed.getAndSet(true)
        ? SendResult.transientFailure("421 busy") : SendResult.sent());
    return f;
  }

  /** Lets the notice's retry come due, then the alert held behind it; both must go out in that order. */
  private static void assertTheRetriedNoticeGoesOutBeforeTheAlert(AlertFixture f) {
    f.clock.advance(Duration.ofSeconds(30));
    f.estate.dispatcher().dispatchDue();
    f.clock.advance(Duration.ofSeconds(1));
    f.estate.dispatcher().dispatchDue();

    assertThat(f.sender.accepted()).hasSize(2);
    assertThat(f.sender.accepted().get(0)).isInstanceOf(SubscriptionNotice.class);
    assertThat(f.sender.accepted().get(1)).isInstanceOf(AlertNotification.class);
  }

  @Test
  void aContactsSubscriptionNoticeGoesOutBeforeItsFirstAlertEvenWhenTheNoticeMustBeRetried() {
    AlertFixture f = anaWhoseNoticeFailsOnce(new AtomicBoolean());
    f.route(sim(1), AlertKind.WARNING);

    f.estate.dispatcher().dispatchDue();
    assertThat(f.sender.accepted()).isEmpty();
    assertTheRetriedNoticeGoesOutBeforeTheAlert(f);
  }

  @Test
  void anAlertRoutedWhileItsContactsNoticeWaitsForARetryWaitsBehindTheNotice() {
    AtomicBoolean noticeFailed = new AtomicBoolean();
    AlertFixture f = anaWhoseNoticeFailsOnce(noticeFailed);
    f.estate.dispatcher().dispatchDue();
    assertThat(noticeFailed).as("the notice's first attempt failed").isTrue();

    // The alert is claimed on its own: the notice it must follow is not due yet.
    f.route(sim(1), AlertKind.WARNING);
    f.estate.dispatcher().dispatchDue();
    assertThat(f.sender.attempts()).as("the alert went out before its contact's notice").hasSize(1);
    assertTheRetriedNoticeGoesOutBeforeTheAlert(f);
  }

  @Test
  void aDigestRetriedAfterAFailureIsTheSameMessage() {
    AlertFixture f = new AlertFixture(b -> b.tenant(ACME, TenantAlertSettings.DEFAULTS
        .withDigestWindow(Duration.ofMinutes(5))));
    Customer northwind = f.customer("Northwind");
    f.alerted(northwind, "Ana");
    f.assign(northwind, sim(1), sim(2), sim(3));
    for (int i = 1; i <= 3; i++) {
      f.route(sim(i), AlertKind.WARNING);
    }
    AtomicBoolean failed = new AtomicBoolean();
    f.sender.answer(n -> failed.getAndSet(true) ? SendResult.sent() : SendResult.transientFailure("421 busy"));

    for (int i = 0; i < 20 && f.sender.accepted().isEmpty(); i++) {
      f.clock.advance(Duration.ofMinutes(1));
      f.estate.dispatcher().dispatchDue();
    }

    assertThat(f.sender.attempts()).hasSize(2);
    DigestNotification first = (DigestNotification) f.sender.attempts().get(0);
    DigestNotification retried = (DigestNotification) f.sender.attempts().get(1);
    assertThat(retried.messageKey()).isEqualTo(first.messageKey());
    assertThat(retried.alerts()).isEqualTo(first.alerts());
  }

  @Test
  void schedulingRefusesMissingOrNonPositiveArgumentsNamingThem() {
    AlertFixture f = new AlertFixture();
    ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
    try {
      assertThatThrownBy(() -> f.estate.dispatcher().scheduleOn(null, Duration.ofSeconds(1)))
          .isInstanceOf(InvalidInputException.class).hasMessageContaining("executor");
      assertThatThrownBy(() -> f.estate.dispatcher().scheduleOn(executor, null))
          .isInstanceOf(InvalidInputException.class).hasMessageContaining("every");
      assertThatThrownBy(() -> f.estate.dispatcher().scheduleOn(executor, Duration.ZERO))
          .isInstanceOf(InvalidInputException.class).hasMessageContaining("every");
      assertThatThrownBy(() -> f.estate.dispatcher().stop(Duration.ofSeconds(-1)))
          .isInstanceOf(InvalidInputException.class).hasMessageContaining("timeout");
    } finally {
      executor.shutdownNow();
    }
  }

  @Test
  void closingStopsTheSchedule() throws Exception {
    AlertFixture f = new AlertFixture();
    ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
    try {
      var schedule = f.estate.dispatcher().scheduleOn(executor, Duration.ofMillis(5));
      f.estate.dispatcher().close();
      assertThat(schedule.isCancelled()).isTrue();
    } finally {
      executor.shutdownNow();
    }
  }
}
