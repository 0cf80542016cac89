package io.simestate.core.alert;

import static io.simestate.core.alert.AlertFixture.ACME;
import static io.simestate.core.alert.AlertFixture.GLOBEX;
import static io.simestate.core.alert.AlertFixture.sim;
import static org.assertj.core.api.Assertions.assertThat;

import io.simestate.core.AlertKind;
import io.simestate.core.customer.Contact;
import io.simestate.core.customer.Customer;
import io.simestate.core.customer.EmailAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** F10, F14: the dispatcher sends each delivery once, retries outages, and gives up when it must. */
class DispatcherTest {

  private static final Duration LEASE = Duration.ofMinutes(2);
  /** How long a test waits for the host's executor before it calls it a hang; never reached when it works. */
  private static final Duration HANG_GUARD = Duration.ofMinutes(2);

  private final AlertFixture f = new AlertFixture(b -> b.retryPolicy(AlertFixture.exactRetry(4)).dispatchLease(LEASE));

  private Contact ana;
  private Contact bo;

  private AlertId routeToTwoContacts() {
    Customer northwind = f.customer("Northwind");
    ana = f.alerted(northwind, "Ana");
    bo = f.alerted(northwind, "Bo");
    f.assign(northwind, sim(1));
    return f.route(sim(1), AlertKind.WARNING).decision().alert().id();
  }

  private Delivery deliveryTo(AlertId alert, Contact contact) {
    return f.estate.alerts().deliveriesOf(ACME, alert).stream()
        .filter(d -> contact.id().equals(d.recipient().contactId())).findFirst().orElseThrow();
  }

  @Test
  void eachAlertIsSentOncePerContact() {
    AlertId alert = routeToTwoContacts();

    DispatchReport first = f.estate.dispatcher().dispatchDue();
    DispatchReport second = f.estate.dispatcher().dispatchDue();

    assertThat(first.sent()).isEqualTo(2);
    assertThat(second).isEqualTo(DispatchReport.EMPTY);
    assertThat(f.sender.attempts()).extracting(n -> n.recipient().contactId()).containsExactlyInAnyOrder(ana.id(), bo.id());
    assertThat(f.estate.alerts().deliveriesOf(ACME, alert)).allSatisfy(d -> {
      assertThat(d.status()).isEqualTo(DeliveryStatus.SENT);
      assertThat(d.attempts()).isEqualTo(1);
      assertThat(d.sentAt()).isEqualTo(f.clock.instant());
    });
  }

  @Test
  void theLagIsTheAgeOfTheOldestDeliveryNotYetSentAndEndsWhenItIsSent() {
    assertThat(f.estate.alerts().oldestPendingCreatedAt()).isEmpty();
    Instant routedAt = f.clock.instant();
    routeToTwoContacts();
    f.clock.advance(Duration.ofMinutes(3));

    assertThat(f.estate.alerts().oldestPendingCreatedAt()).contains(routedAt);
    f.estate.dispatcher().dispatchDue();
    assertThat(f.estate.alerts().oldestPendingCreatedAt()).isEmpty();
  }

  @Test
  void messageNamesTheAlertAndOnlyItsRecipient() {
    routeToTwoContacts();

    f.estate.dispatcher().dispatchDue();

    assertThat(f.sender.accepted()).allSatisfy(n -> {
      AlertNotification a = (AlertNotification) n;
      assertThat(a.alert().iccid()).isEqualTo(sim(1));
      assertThat(a.customerName()).isEqualTo("Northwind");
      assertThat(a.messageKey()).contains(a.alert().id().value()).contains(a.recipient().key());
    });
  }

  @Test
  void transientFailureIsRetriedAfterTheBackOffAndDeliveredOnceAfterRecovery() {
    AlertId alert = routeToTwoContacts();
    f.sender.answer(n -> n.recipient().contactId().equals(ana.id())
        ? SendResult.transientFailure("421 service not available") : SendResult.sent());
    Instant failedAt = f.clock.instant();

    DispatchReport report = f.estate.dispatcher().dispatchDue();

    assertThat(report.sent()).isEqualTo(1);
    assertThat(report.retried()).isEqualTo(1);
    Delivery waiting = deliveryTo(alert, ana);
    assertThat(waiting.status()).isEqualTo(DeliveryStatus.PENDING);
    assertThat(waiting.attempts()).isEqualTo(1);
    assertThat(waiting.lastError()).contains("421");
    assertThat(waiting.nextAttemptAt()).isEqualTo(failedAt.plusSeconds(30));

    f.clock.advance(Duration.ofSeconds(29));
    assertThat(f.estate.dispatcher().dispatchDue().claimed()).isZero();

    f.sender.answer(n -> SendResult.sent());
    f.clock.advance(Duration.ofSeconds(1));
    f.estate.dispatcher().dispatchDue();
    f.clock.advance(Duration.ofHours(2));
    f.estate.dispatcher().dispatchDue();

    assertThat(f.sender.accepted()).extracting(n -> n.recipient().contactId()).containsExactlyInAnyOrder(ana.id(), bo.id());
    assertThat(deliveryTo(alert, ana).status()).isEqualTo(DeliveryStatus.SENT);
    assertThat(deliveryTo(alert, ana).attempts()).isEqualTo(2);
    assertThat(deliveryTo(alert, bo).attempts()).isEqualTo(1);
  }

  @Test
  void nextAttemptTimeGrowsWithEachFailure() {
    AlertFixture g = new AlertFixture(b -> b.retryPolicy(
        new RetryPolicy(Duration.ofSeconds(30), Duration.ofMinutes(3), 10, 0)));
    Customer northwind = g.customer("Northwind");
    g.alerted(northwind, "Ana");
    g.assign(northwind, sim(1));
    AlertId alert = g.route(sim(1), AlertKind.WARNING).decision().alert().id();
    g.sender.answer(n -> SendResult.transientFailure("451 local error"));

    List<Duration> delays = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      Instant before = g.clock.instant();
      g.estate.dispatcher().dispatchDue();
      Delivery d = g.estate.alerts().deliveriesOf(ACME, alert).get(0);
      delays.add(Duration.between(before, d.nextAttemptAt()));
      g.clock.set(d.nextAttemptAt());
    }

    assertThat(delays).containsExactly(Duration.ofSeconds(30), Duration.ofSeconds(60), Duration.ofSeconds(120),
        Duration.ofSeconds(180), Duration.ofSeconds(180));
    assertThat(g.sender.attempts()).hasSize(5);
  }

  @Test
  void jitterKeepsEachDelayWithinItsBoundsAndVaries() {
    RetryPolicy policy = new RetryPolicy(Duration.ofSeconds(10), Duration.ofMinutes(30), 8, 0.25);
    SplittableRandom random = new SplittableRandom(7);
    for (int attempts = 1; attempts <= 10; attempts++) {
      long base = Math.min(10_000L << (attempts - 1), 1_800_000L);
      List<Long> seen = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        long ms = policy.delayAfter(attempts, random).toMillis();
        assertThat(ms).isBetween(Math.round(base * 0.75), Math.round(base * 1.25));
        seen.add(ms);
      }
      assertThat(seen.stream().distinct().count()).as("jitter varies the delay").isGreaterThan(50);
    }
  }

  @Test
  void dispatcherAppliesJitterWithinTheDefaultPolicysBounds() {
    AlertFixture g = new AlertFixture();
    Customer northwind = g.customer("Northwind");
    g.alerted(northwind, "Ana");
    g.assign(northwind, sim(1));
    AlertId alert = g.route(sim(1), AlertKind.WARNING).decision().alert().id();
    g.sender.answer(n -> SendResult.transientFailure("421"));
    Instant failedAt = g.clock.instant();

    g.estate.dispatcher().dispatchDue();

    Duration delay = Duration.between(failedAt, g.estate.alerts().deliveriesOf(ACME, alert).get(0).nextAttemptAt());
    assertThat(delay).isBetween(Duration.ofSeconds(24), Duration.ofSeconds(36));
  }

  @Test
  void permanentFailureMarksTheDeliveryFailedAndIsNotRetried() {
    AlertId alert = routeToTwoContacts();
    f.sender.answer(n -> n.recipient().contactId().equals(ana.id())
        ? SendResult.permanentFailure("550 mailbox unavailable") : SendResult.sent());

    DispatchReport report = f.estate.dispatcher().dispatchDue();
    f.sender.answer(n -> SendResult.sent());
    for (int i = 0; i < 5; i++) {
      f.clock.advance(Duration.ofHours(1));
      f.estate.dispatcher().dispatchDue();
    }

    assertThat(report.failed()).isEqualTo(1);
    Delivery failed = deliveryTo(alert, ana);
    assertThat(failed.status()).isEqualTo(DeliveryStatus.FAILED);
    assertThat(failed.attempts()).isEqualTo(1);
    assertThat(failed.lastError()).contains("550");
    assertThat(f.sender.attempts()).filteredOn(n -> n.recipient().contactId().equals(ana.id())).hasSize(1);
  }

  @Test
  void deliveryFailsAfterMaxAttempts() {
    AlertId alert = routeToTwoContacts();
    f.sender.answer(n -> n.recipient().contactId().equals(ana.id())
        ? SendResult.transientFailure("421 busy") : SendResult.sent());

    for (int i = 0; i < 10; i++) {
      f.estate.dispatcher().dispatchDue();
      f.clock.advance(Duration.ofMinutes(15));
    }

    Delivery given = deliveryTo(alert, ana);
    assertThat(given.status()).isEqualTo(DeliveryStatus.FAILED);
    assertThat(given.attempts()).isEqualTo(4);
    assertThat(given.lastError()).contains("4 attempts").contains("421 busy");
    assertThat(f.sender.attempts()).filteredOn(n -> n.recipient().contactId().equals(ana.id())).hasSize(4);
    assertThat(deliveryTo(alert, bo).status()).isEqualTo(DeliveryStatus.SENT);
  }

  @Test
  void senderThatThrowsIsTreatedAsTransientFailure() {
    AlertId alert = routeToTwoContacts();
    f.sender.answer(n -> {
      throw new IllegalStateException("connection pool closed");
    });

    DispatchReport report = f.estate.dispatcher().dispatchDue();

    assertThat(report.retried()).isEqualTo(2);
    assertThat(f.estate.alerts().deliveriesOf(ACME, alert)).allSatisfy(d -> {
      assertThat(d.status()).isEqualTo(DeliveryStatus.PENDING);
      assertThat(d.lastError()).contains("IllegalStateException");
    });

    f.sender.answer(n -> SendResult.sent());
    f.clock.advance(Duration.ofSeconds(30));
    f.estate.dispatcher().dispatchDue();

    assertThat(f.estate.alerts().deliveriesOf(ACME, alert))
        .allSatisfy(d -> assertThat(d.status()).isEqualTo(DeliveryStatus.SENT));
    assertThat(f.sender.accepted()).hasSize(2);
  }

  @Test
  void senderThatThrowsForOneMessageDoesNotResendTheOthersOfTheBatch() {
    AlertId alert = routeToTwoContacts();
    AtomicInteger calls = new AtomicInteger();
    f.sender.answer(n -> {
      if (calls.incrementAndGet() == 2) {
        throw new IllegalStateException("connection reset");
      }
      return SendResult.sent();
    });

    f.estate.dispatcher().dispatchDue();
    f.clock.advance(Duration.ofMinutes(1));
    f.estate.dispatcher().dispatchDue();

    assertThat(f.sender.accepted()).extracting(n -> n.recipient().contactId())
        .containsExactlyInAnyOrder(ana.id(), bo.id());
    assertThat(f.estate.alerts().deliveriesOf(ACME, alert)).extracting(Delivery::attempts)
        .containsExactlyInAnyOrder(1, 2);
  }

  @Test
  void senderReturningNoResultIsTreatedAsTransientFailure() {
    AlertFixture g = new AlertFixture(b -> b.notificationSender(n -> null));
    Customer northwind = g.customer("Northwind");
    g.alerted(northwind, "Ana");
    g.assign(northwind, sim(1));
    AlertId alert = g.route(sim(1), AlertKind.WARNING).decision().alert().id();

    DispatchReport report = g.estate.dispatcher().dispatchDue();

    assertThat(report.sent()).isZero();
    assertThat(report.retried()).isEqualTo(1);
    assertThat(g.estate.alerts().deliveriesOf(ACME, alert).get(0).status()).isEqualTo(DeliveryStatus.PENDING);
  }

  @Test
  void tenantsOwnSenderIdentityIsUsedAndOthersGetTheLibraryDefault() {
    SenderIdentity acmeSender = SenderIdentity.of("alerts@acme.example", "ACME Alerts");
    SenderIdentity fallback = SenderIdentity.of("noreply@portal.example", "Portal");
    AlertFixture g = new AlertFixture(b -> b.defaultSender(fallback)
        .tenant(ACME, TenantAlertSettings.DEFAULTS.withSender(acmeSender)));
    Customer acmeCustomer = g.customer(ACME, "Northwind");
    g.alerted(acmeCustomer, "Ana");
    g.assign(acmeCustomer, sim(1));
    Customer globexCustomer = g.customer(GLOBEX, "Initech");
    g.alerted(globexCustomer, "Gil");
    g.assign(globexCustomer, sim(2));
    g.estate.alerts().route(ACME, g.alert(sim(1), AlertKind.WARNING));
    g.estate.alerts().route(GLOBEX, g.alert(sim(2), AlertKind.WARNING));

    g.estate.dispatcher().dispatchDue();

    assertThat(g.sender.accepted()).hasSize(2).allSatisfy(n -> assertThat(n.sender())
        .isEqualTo(n.tenantId().equals(ACME) ? acmeSender : fallback));
    assertThat(g.sender.accepted()).filteredOn(n -> n.tenantId().equals(ACME)).singleElement()
        .satisfies(n -> assertThat(n.sender().address()).isEqualTo(EmailAddress.parse("alerts@acme.example")));
  }

  @Test
  void libraryDefaultSenderIsUsedWhenTheTenantHasNone() {
    routeToTwoContacts();

    f.estate.dispatcher().dispatchDue();

    assertThat(f.sender.accepted()).isNotEmpty().allSatisfy(n ->
        assertThat(n.sender()).isEqualTo(AlertFixture.DEFAULT_SENDER));
  }

  @Test
  void scheduledDispatcherDeliversOnTheHostsExecutor() throws Exception {
    AlertId alert = routeToTwoContacts();
    CountDownLatch bothSent = new CountDownLatch(2);
    f.sender.answer(n -> {
      bothSent.countDown();
      return SendResult.sent();
    });
    ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
    try {
      ScheduledFuture<?> schedule = f.estate.dispatcher().scheduleOn(executor, Duration.ofMillis(20));
      // Waits for the executor's rounds, not for time: the limit only stops a hang.
      assertThat(bothSent.await(HANG_GUARD.toSeconds(), TimeUnit.SECONDS)).as("both messages sent").isTrue();
      schedule.cancel(false);
      assertThat(schedule.isCancelled()).isTrue();
    } finally {
      stop(executor);
    }

    assertThat(f.sender.accepted()).hasSize(2);
    assertThat(f.estate.alerts().deliveriesOf(ACME, alert))
        .allSatisfy(d -> assertThat(d.status()).isEqualTo(DeliveryStatus.SENT));
  }

  @Test
  void scheduledDispatcherKeepsRunningAfterARoundThatThrowsAnError() throws Exception {
    AtomicInteger failuresLeft = new AtomicInteger(2);
    CountDownLatch sent = new CountDownLatch(1);
    // the system clock and a retry after 1 ms: each failed delivery is due again by the next round
    AlertFixture g = new AlertFixture(b -> b.dispatchLease(LEASE).clock(java.time.Clock.systemUTC())
        .retryPolicy(new RetryPolicy(Duration.ofMillis(1), Duration.ofMillis(1), 8, 0)));
    // the fixture raises its alerts at its own clock's reading; the estate checks them against the
    // system clock, so that reading must be the system's too (not the fixed start, which ages out)
    g.clock.set(Instant.now());
    g.sender.answer(n -> {
      if (failuresLeft.getAndUpdate(k -> Math.max(0, k - 1)) > 0) {
        throw new StackOverflowError("a sender that recursed for ever");
      }
      sent.countDown();
      return SendResult.sent();
    });
    Customer northwind = g.customer("Northwind");
    g.alerted(northwind, "Ana");
    g.assign(northwind, sim(1));
    AlertId alert = g.route(sim(1), AlertKind.WARNING).decision().alert().id();
    ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
    try {
      ScheduledFuture<?> schedule = g.estate.dispatcher().scheduleOn(executor, Duration.ofMillis(10));
      // a round that threw would have ended the schedule, and the latch would never open
      assertThat(sent.await(HANG_GUARD.toSeconds(), TimeUnit.SECONDS)).as("sent after two failed rounds").isTrue();
      schedule.cancel(false);
    } finally {
      stop(executor);
    }

    assertThat(failuresLeft.get()).isZero();
    assertThat(g.sender.accepted()).hasSize(1);
    assertThat(g.estate.alerts().deliveriesOf(ACME, alert)).singleElement().satisfies(d -> {
      assertThat(d.status()).isEqualTo(DeliveryStatus.SENT);
      assertThat(d.attempts()).isEqualTo(3);
      assertThat(d.lastError()).contains("StackOverflowError");
    });
  }

  /** Stops the executor and waits for a round in progress, so that its results are recorded. */
  private static void stop(ScheduledExecutorService executor) throws InterruptedException {
    executor.shutdown();
    assertThat(executor.awaitTermination(HANG_GUARD.toSeconds(), TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void deliveryClaimedByADispatcherThatDiedIsClaimedAgainAfterTheLease() {
    AlertId alert = routeToTwoContacts();
    List<Delivery> orphaned = f.estate.persistence().outbox().claimDue(f.clock.instant(), 10, LEASE, "a-dead-dispatcher");
    assertThat(orphaned).hasSize(2);

    f.clock.advance(LEASE.minusSeconds(1));
    assertThat(f.estate.dispatcher().dispatchDue().claimed()).isZero();
    assertThat(f.estate.alerts().deliveriesOf(ACME, alert))
        .allSatisfy(d -> assertThat(d.status()).isEqualTo(DeliveryStatus.IN_FLIGHT));

    f.clock.advance(Duration.ofSeconds(1));
    DispatchReport report = f.estate.dispatcher().dispatchDue();

    assertThat(report.sent()).isEqualTo(2);
    assertThat(f.sender.accepted()).hasSize(2);
    assertThat(f.estate.alerts().deliveriesOf(ACME, alert)).allSatisfy(d -> {
      assertThat(d.status()).isEqualTo(DeliveryStatus.SENT);
      // The dead dispatcher never handed them to the sender: one attempt each.
      assertThat(d.attempts()).isEqualTo(1);
    });
  }
}
