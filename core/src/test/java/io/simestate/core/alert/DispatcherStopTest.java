package io.simestate.core.alert;

import static io.simestate.core.alert.AlertFixture.ACME;
import static io.simestate.core.alert.AlertFixture.sim;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.simestate.core.AlertKind;
import io.simestate.core.InvalidInputException;
import io.simestate.core.customer.Customer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Stopping the dispatcher (issue 10): {@code stop} waits for the run in progress and says whether it
 * ended; a stopped dispatcher sends nothing more and takes no new schedule. The runs are coordinated
 * with latches, not sleeps.
 */
class DispatcherStopTest {

  private final AlertFixture f = new AlertFixture();
  private final CountDownLatch sending = new CountDownLatch(1);
  private final CountDownLatch mayAnswer = new CountDownLatch(1);
  private CompletableFuture<DispatchReport> run;

  /** Two contacts to alert; the first send waits until the test lets it answer. */
  private AlertId runInProgress() throws InterruptedException {
    Customer northwind = f.customer("Northwind");
    f.alerted(northwind, "Ana");
    f.alerted(northwind, "Bo");
    f.assign(northwind, sim(1));
    AlertId alert = f.route(sim(1), AlertKind.WARNING).decision().alert().id();
    f.sender.answer(n -> {
      sending.countDown();
      try {
        if (!mayAnswer.await(1, TimeUnit.MINUTES)) {
          throw new IllegalStateException("the test never let the send answer");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return SendResult.sent();
    });
    run = CompletableFuture.supplyAsync(() -> f.estate.dispatcher().dispatchDue());
    assertThat(sending.await(1, TimeUnit.MINUTES)).as("the run reached its first send").isTrue();
    return alert;
  }

  @AfterEach
  void letTheSendAnswer() {
    mayAnswer.countDown();
  }

  @Test
  void stopWaitsForTheRunInProgressAndThenSaysItEnded() throws Exception {
    AlertId alert = runInProgress();

    assertThat(f.estate.dispatcher().stop(Duration.ZERO)).as("the run is still sending").isFalse();
    CompletableFuture<Boolean> stopped = CompletableFuture.supplyAsync(
        () -> f.estate.dispatcher().stop(Duration.ofMinutes(1)));
    mayAnswer.countDown();

    assertThat(stopped.get(1, TimeUnit.MINUTES)).isTrue();
    assertThat(run.get(1, TimeUnit.MINUTES).sent()).as("the message in flight was finished").isEqualTo(1);
    assertThat(f.sender.attempts()).hasSize(1);
    assertThat(f.estate.alerts().deliveriesOf(ACME, alert)).extracting(Delivery::status)
        .containsExactlyInAnyOrder(DeliveryStatus.SENT, DeliveryStatus.PENDING);
  }

  @Test
  void anInterruptedStopReturnsAtOnceKeepsTheInterruptAndSaysTheRunHasNotEnded() throws Exception {
    runInProgress();

    Thread.currentThread().interrupt();
    boolean ended = f.estate.dispatcher().stop(Duration.ofMinutes(1));
    boolean stillInterrupted = Thread.interrupted();

    assertThat(ended).isFalse();
    assertThat(stillInterrupted).isTrue();
    mayAnswer.countDown();
    run.get(1, TimeUnit.MINUTES);
    assertThat(f.estate.dispatcher().stop(Duration.ZERO)).isTrue();
  }

  @Test
  void aStoppedDispatcherSendsNothingAndRefusesANewSchedule() {
    Customer northwind = f.customer("Northwind");
    f.alerted(northwind, "Ana");
    f.assign(northwind, sim(1));
    f.route(sim(1), AlertKind.WARNING);

    assertThat(f.estate.dispatcher().stop(Duration.ZERO)).as("no run was in progress").isTrue();

    assertThat(f.estate.dispatcher().dispatchDue()).isEqualTo(DispatchReport.EMPTY);
    assertThat(f.sender.attempts()).isEmpty();
    ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
    try {
      assertThatThrownBy(() -> f.estate.dispatcher().scheduleOn(executor, Duration.ofSeconds(1)))
          .isInstanceOf(InvalidInputException.class).hasMessageContaining("dispatcher")
          .hasMessageContaining("stopped");
    } finally {
      executor.shutdownNow();
    }
  }
}
