package io.simestate.core.monitor;

import static io.simestate.core.alert.AlertFixture.sim;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.simestate.core.AlertKind;
import io.simestate.core.InvalidInputException;
import io.simestate.core.alert.AlertFixture;
import io.simestate.core.alert.SendResult;
import io.simestate.core.alert.StoreOutage;
import io.simestate.core.customer.Customer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** F20: the health check answers from the oldest pending delivery and the last completed dispatch run. */
class HealthCheckTest {

  private static final HealthThresholds THRESHOLDS = HealthThresholds.of(Duration.ofMinutes(30), Duration.ofMinutes(5));

  private final AlertFixture f = new AlertFixture(b -> b.healthThresholds(THRESHOLDS));

  private void routeOneAlert() {
    Customer northwind = f.customer("Northwind");
    f.alerted(northwind, "Ana");
    f.assign(northwind, sim(1));
    f.route(sim(1), AlertKind.WARNING);
  }

  @Test
  void upWhenEverythingWasSentAndTheDispatcherRanRecently() {
    routeOneAlert();
    f.clock.advance(Duration.ofMinutes(1));
    f.estate.dispatcher().dispatchDue();
    Instant ran = f.clock.instant();
    f.clock.advance(Duration.ofMinutes(4));

    EstateHealth health = f.estate.health().check();

    assertThat(health.status()).isEqualTo(EstateHealth.Status.UP);
    assertThat(health.oldestPendingAge()).isEmpty();
    assertThat(health.lastDispatch()).contains(ran);
    assertThat(health.lastSent()).contains(ran);
    assertThat(health.problems()).isEmpty();
    assertThat(health.details()).containsOnlyKeys("lastDispatch", "lastSent");
  }

  @Test
  void downWhenTheOldestPendingDeliveryWaitedLongerThanItsThresholdWhileTheMailServerRefuses() {
    f.sender.answer(n -> SendResult.transientFailure("421 service not available"));
    routeOneAlert();
    for (int i = 0; i < 8; i++) {
      f.clock.advance(Duration.ofMinutes(4));
      f.estate.dispatcher().dispatchDue();
    }

    EstateHealth health = f.estate.health().check();

    assertThat(health.status()).isEqualTo(EstateHealth.Status.DOWN);
    assertThat(health.oldestPendingAge()).contains(Duration.ofMinutes(32));
    assertThat(health.lastDispatch()).contains(f.clock.instant());
    assertThat(health.lastSent()).isEmpty();
    assertThat(health.problems()).singleElement().asString()
        .contains("oldest pending delivery has waited PT32M, longer than PT30M");
    assertThat(health.details()).containsEntry("oldestPendingAge", "PT32M").containsKey("problems");
  }

  @Test
  void upWhileTheOldestPendingDeliveryHasWaitedExactlyItsThresholdAndDownASecondLater() {
    f.sender.answer(n -> SendResult.transientFailure("421 service not available"));
    routeOneAlert();
    for (int i = 0; i < 7; i++) {
      f.clock.advance(Duration.ofMinutes(4));
      f.estate.dispatcher().dispatchDue();
    }
    f.clock.advance(Duration.ofMinutes(2));

    EstateHealth atThreshold = f.estate.health().check();
    f.clock.advance(Duration.ofSeconds(1));
    EstateHealth past = f.estate.health().check();

    assertThat(atThreshold.oldestPendingAge()).contains(Duration.ofMinutes(30));
    assertThat(atThreshold.status()).isEqualTo(EstateHealth.Status.UP);
    assertThat(atThreshold.problems()).isEmpty();
    assertThat(past.status()).isEqualTo(EstateHealth.Status.DOWN);
    assertThat(past.problems()).singleElement().asString().contains("oldest pending delivery has waited PT30M1S");
  }

  @Test
  void downWhenTheDispatcherHasNotCompletedARunForLongerThanItsThresholdCountingFromTheStart() {
    f.clock.advance(Duration.ofMinutes(5));
    EstateHealth justStarted = f.estate.health().check();
    f.clock.advance(Duration.ofSeconds(1));
    EstateHealth neverRan = f.estate.health().check();
    f.estate.dispatcher().dispatchDue();
    EstateHealth ran = f.estate.health().check();
    f.clock.advance(Duration.ofMinutes(6));
    EstateHealth stopped = f.estate.health().check();

    assertThat(List.of(justStarted, neverRan, ran, stopped)).extracting(EstateHealth::status)
        .containsExactly(EstateHealth.Status.UP, EstateHealth.Status.DOWN, EstateHealth.Status.UP,
            EstateHealth.Status.DOWN);
    assertThat(neverRan.problems()).singleElement().asString().contains("has not completed a run");
    assertThat(stopped.problems()).singleElement().asString().contains("last completed a run PT6M ago");
  }

  @Test
  void anInstanceWithoutADispatcherLeavesTheDispatchCheckOut() {
    AlertFixture noDispatcher = new AlertFixture(b -> b.healthThresholds(THRESHOLDS.withoutDispatchCheck()));
    noDispatcher.clock.advance(Duration.ofDays(1));

    assertThat(noDispatcher.estate.health().check().up()).isTrue();
  }

  @Test
  void downWithoutThrowingWhenTheStoreCannotBeReadOrTheDispatcherFails() {
    AtomicBoolean storeDown = new AtomicBoolean();
    AlertFixture failing = new AlertFixture(b -> b.healthThresholds(THRESHOLDS)
        .persistence(StoreOutage.inMemory(storeDown)));
    failing.estate.dispatcher().dispatchDue();
    storeDown.set(true);
    failing.clock.advance(Duration.ofMinutes(6));
    try {
      failing.estate.dispatcher().dispatchDue();
    } catch (RuntimeException expected) {
      // the run fails; that is what the health check must show
    }

    EstateHealth health = failing.estate.health().check();

    assertThat(health.status()).isEqualTo(EstateHealth.Status.DOWN);
    assertThat(health.up()).isFalse();
    assertThat(health.oldestPendingAge()).isEmpty();
    assertThat(health.problems()).hasSize(2)
        .anySatisfy(p -> assertThat(p).contains("outbox could not be read (UnavailableException)"))
        .anySatisfy(p -> assertThat(p).contains("last completed a run PT6M ago"));
  }

  @Test
  void thresholdsAreThoseGivenAndMustBePositive() {
    assertThat(HealthThresholds.of(Duration.ofMinutes(30), Duration.ofMinutes(5)))
        .isEqualTo(new HealthThresholds(Optional.of(Duration.ofMinutes(30)), Optional.of(Duration.ofMinutes(5))));
    assertThatThrownBy(() -> HealthThresholds.of(Duration.ZERO, Duration.ofMinutes(1)))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("maxPendingAge");
    assertThatThrownBy(() -> new HealthThresholds(Optional.of(Duration.ofMinutes(1)), Optional.of(Duration.ofSeconds(-1))))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("maxSinceLastDispatch");
  }
}
