package io.simestate.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.simestate.core.Actor;
import io.simestate.core.AlertKind;
import io.simestate.core.TenantId;
import io.simestate.core.alert.AlertId;
import io.simestate.core.alert.Delivery;
import io.simestate.core.alert.DeliveryStatus;
import io.simestate.core.alert.NotificationSender;
import io.simestate.core.alert.SendResult;
import io.simestate.core.alert.SenderIdentity;
import io.simestate.core.alert.UsageAlert;
import io.simestate.core.customer.ContactDetails;
import io.simestate.core.customer.Customer;
import io.simestate.core.customer.CustomerDetails;
import io.simestate.core.estate.SimEstate;
import io.simestate.core.sim.Iccid;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The dispatcher runs while the context runs and, on shutdown, finishes the message in flight. */
class DispatcherLifecycleTest {

  static final TenantId ACME = TenantId.of("acme");

  @Test
  void stoppingWaitsForTheMessageInFlightWhichIsRecordedAsSent() throws Exception {
    CountDownLatch sending = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    NotificationSender slow = notification -> {
      sending.countDown();
      try {
        release.await(60, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return SendResult.transientFailure("interrupted");
      }
      return SendResult.sent();
    };
    SimEstate estate = SimEstate.builder().notificationSender(slow)
        .defaultSender(SenderIdentity.of("alerts@portal.example")).build();
    Customer c = estate.customers().create(ACME, Actor.of("ana"), CustomerDetails.named("In Flight Ltd"));
    estate.customers().addContact(ACME, Actor.of("ana"), c.id(), ContactDetails.alerted("Ana", "ana@flight.example"));
    Iccid sim = Iccid.parse("8944500102198304826");
    estate.sims().assign(ACME, Actor.of("ana"), c.id(), List.of(sim.digits()));
    estate.alerts().route(ACME, UsageAlert.of(AlertId.of("w-1"), sim, AlertKind.WARNING, Instant.now()));
    DispatcherLifecycle lifecycle = new DispatcherLifecycle(estate.dispatcher(), Duration.ofMillis(50),
        Duration.ofSeconds(60));

    lifecycle.start();
    assertThat(sending.await(60, TimeUnit.SECONDS)).isTrue();
    Thread stopping = new Thread(lifecycle::stop, "stopping");
    stopping.start();
    stopping.join(300);
    assertThat(stopping.isAlive()).as("stop waits for the message in flight").isTrue();
    release.countDown();
    stopping.join(60_000);

    assertThat(stopping.isAlive()).isFalse();
    assertThat(lifecycle.isRunning()).isFalse();
    assertThat(estate.alerts().deliveriesOf(ACME, AlertId.of("w-1"))).extracting(Delivery::status)
        .containsExactly(DeliveryStatus.SENT);
  }

  @Test
  void startingTwiceRunsOneScheduleAndStoppingTwiceIsHarmless() {
    DispatcherLifecycle lifecycle = new DispatcherLifecycle(SimEstate.inMemory().dispatcher(), Duration.ofSeconds(1),
        Duration.ofSeconds(5));
    lifecycle.start();
    lifecycle.start();
    assertThat(lifecycle.isRunning()).isTrue();
    lifecycle.stop();
    lifecycle.stop();
    assertThat(lifecycle.isRunning()).isFalse();
  }
}
