package io.simestate.core.alert;

import static io.simestate.core.alert.AlertFixture.sim;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.simestate.core.AlertKind;
import io.simestate.core.InvalidInputException;
import io.simestate.core.Violation;
import io.simestate.core.customer.Customer;
import io.simestate.core.estate.SimEstate;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 11: {@code raisedAt} must lie in a window around the estate's clock (by default 30 days
 * before to 5 minutes after). A time outside it is refused naming {@code raisedAt}, and records
 * nothing, so that it cannot suppress the genuine alerts that follow.
 */
class AlertTimeWindowTest {

  private final AlertFixture f = new AlertFixture();

  @BeforeEach
  void northwindHoldsSimOne() {
    Customer northwind = f.customer("Northwind");
    f.alerted(northwind, "Ana");
    f.assign(northwind, sim(1));
  }

  private UsageAlert raisedAt(String id, Instant at) {
    return UsageAlert.of(AlertId.of(id), sim(1), AlertKind.WARNING, at);
  }

  @Test
  void aTimeInMillisecondsReadAsSecondsIsRefusedAndDoesNotSilenceTheGenuineAlert() {
    Instant now = f.clock.instant();
    Instant misread = Instant.ofEpochSecond(now.toEpochMilli()); // year 58,000 and more

    InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
        () -> f.route(raisedAt("bad", misread)));
    RoutingResult genuine = f.route(raisedAt("good", now));

    assertThat(e.violations()).extracting(Violation::field).containsExactly("raisedAt");
    assertThat(e.getMessage()).contains("30 days before", "5 minutes after", "milliseconds read as seconds",
        "Instant.ofEpochMilli");
    assertThat(genuine.decision().outcome()).isEqualTo(RoutingOutcome.ROUTED);
    assertThat(f.estate.alerts().decision(AlertFixture.ACME, AlertId.of("bad"))).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"2026-11-02T08:05:01Z", "2026-10-03T07:59:59Z", "9999-12-31T23:59:59Z",
      "+58000-01-01T00:00:00Z"})
  void aTimeThatIsNotMillisecondsReadAsSecondsGetsNoHintAboutMilliseconds(String at) {
    InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
        () -> f.route(raisedAt("bad", Instant.parse(at))));

    assertThat(e.getMessage()).contains("check the platform's clock").doesNotContain("Instant.ofEpochMilli");
  }

  @ParameterizedTest
  @ValueSource(strings = {"+1000000000-12-31T23:59:59.999999999Z", "-1000000000-01-01T00:00:00Z",
      "1970-01-01T00:00:00Z", "9999-12-31T23:59:59Z", "2026-11-02T08:05:01Z", "2026-10-03T07:59:59Z"})
  void aTimeOutsideTheWindowIsRefusedWithTheLibrarysExceptionAndTheNextAlertStillRoutes(String at) {
    assertThatThrownBy(() -> f.route(raisedAt("bad", Instant.parse(at))))
        .isInstanceOfSatisfying(InvalidInputException.class,
            e -> assertThat(e.violations()).extracting(Violation::field).containsExactly("raisedAt"));

    assertThat(f.route(raisedAt("good", f.clock.instant())).decision().outcome()).isEqualTo(RoutingOutcome.ROUTED);
  }

  @Test
  void theEdgesOfTheDefaultWindowAreAccepted() {
    Instant now = f.clock.instant();

    RoutingResult oldest = f.route(raisedAt("oldest", now.minus(Duration.ofDays(30))));
    RoutingResult newest = f.route(UsageAlert.of(AlertId.of("newest"), sim(1), AlertKind.CUT_OFF,
        now.plus(Duration.ofMinutes(5))));

    assertThat(oldest.decision().outcome()).isEqualTo(RoutingOutcome.ROUTED);
    assertThat(newest.decision().outcome()).isEqualTo(RoutingOutcome.ROUTED);
  }

  @Test
  void oneMicrosecondPastEitherEdgeIsRefused() {
    Instant now = f.clock.instant();

    assertThatThrownBy(() -> f.route(raisedAt("old", now.minus(Duration.ofDays(30)).minusNanos(1000))))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> f.route(raisedAt("new", now.plus(Duration.ofMinutes(5)).plusNanos(1000))))
        .isInstanceOf(InvalidInputException.class);
  }

  @Test
  void aReplayOfARoutedAlertIdStaysIdempotentAfterItsTimeLeftTheWindow() {
    UsageAlert alert = raisedAt("a-1", f.clock.instant());
    f.route(alert);
    f.clock.advance(Duration.ofDays(45));

    RoutingResult replay = f.route(alert);

    assertThat(replay.duplicateAlertId()).isTrue();
    assertThat(replay.deliveries()).isEmpty();
  }

  @Test
  void theWindowIsConfigurable() {
    AlertFixture wide = new AlertFixture(b -> b.alertTimeWindow(Duration.ofDays(90), Duration.ofHours(1)));
    Customer c = wide.customer("Northwind");
    wide.alerted(c, "Ana");
    wide.assign(c, sim(1));
    Instant now = wide.clock.instant();

    assertThat(wide.route(UsageAlert.of(AlertId.of("old"), sim(1), AlertKind.WARNING, now.minus(Duration.ofDays(90))))
        .decision().outcome()).isEqualTo(RoutingOutcome.ROUTED);
    assertThat(wide.route(UsageAlert.of(AlertId.of("new"), sim(1), AlertKind.CUT_OFF, now.plus(Duration.ofHours(1))))
        .decision().outcome()).isEqualTo(RoutingOutcome.ROUTED);
    assertThatThrownBy(() -> wide.route(UsageAlert.of(AlertId.of("x"), sim(1), AlertKind.CUT_OFF,
        now.plus(Duration.ofHours(1)).plusSeconds(1)))).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("90 days before").hasMessageContaining("1 hour after");
  }

  @Test
  void aWindowThatIsNotAWholeNumberOfMinutesIsNamedInSeconds() {
    AlertFixture odd = new AlertFixture(b -> b.alertTimeWindow(Duration.ofSeconds(90), Duration.ofSeconds(1)));
    Instant now = odd.clock.instant();

    assertThatThrownBy(() -> odd.route(UsageAlert.of(AlertId.of("late"), sim(1), AlertKind.WARNING,
        now.minusSeconds(91)))).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("between 90 seconds before and 1 second after");
  }

  @Test
  void theWindowsBoundsAreChecked() {
    SimEstate.Builder b = SimEstate.builder();

    assertThatThrownBy(() -> b.alertTimeWindow(null, Duration.ZERO)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("alertTimeWindow.past");
    assertThatThrownBy(() -> b.alertTimeWindow(Duration.ofDays(1), null)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("alertTimeWindow.future");
    assertThatThrownBy(() -> b.alertTimeWindow(Duration.ZERO, Duration.ZERO)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("alertTimeWindow.past");
    assertThatThrownBy(() -> b.alertTimeWindow(Duration.ofDays(367), Duration.ZERO))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("alertTimeWindow.past");
    assertThatThrownBy(() -> b.alertTimeWindow(Duration.ofDays(1), Duration.ofMinutes(-1)))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("alertTimeWindow.future");
    assertThatThrownBy(() -> b.alertTimeWindow(Duration.ofDays(1), Duration.ofDays(1).plusSeconds(1)))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("alertTimeWindow.future");
  }

  @Test
  void raisedAtIsKeptToTheMicrosecondAsEveryStoreKeepsIt() {
    Instant withNanos = Instant.parse("2026-11-02T07:59:59.123456789Z");

    assertThat(raisedAt("n", withNanos).raisedAt()).isEqualTo(Instant.parse("2026-11-02T07:59:59.123456Z"));
  }
}
