package io.simestate.core.alert;

import static io.simestate.core.alert.AlertFixture.ACME;
import static io.simestate.core.alert.AlertFixture.sim;
import static org.assertj.core.api.Assertions.assertThat;

import io.simestate.core.AlertKind;
import io.simestate.core.customer.Customer;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** F13: a repeated alert reaches each contact once; see {@link RepeatPerContactTest} for moves. */
class AlertRepeatTest {

  private final AlertFixture f = new AlertFixture(b -> b.repeatWindow(Duration.ofHours(6)));

  @BeforeEach
  void northwindHoldsTwoSims() {
    Customer northwind = f.customer("Northwind");
    f.alerted(northwind, "Ana");
    f.alerted(northwind, "Bo");
    f.assign(northwind, sim(1), sim(2));
  }

  private UsageAlert alert(String id, int sim, AlertKind kind, String period) {
    UsageAlert a = UsageAlert.of(AlertId.of(id), sim(sim), kind, f.clock.instant());
    return period == null ? a : a.withPeriod(period);
  }

  @Test
  void repeatedAlertIdIsReportedAsDuplicateAndRecordsNoNewDelivery() {
    UsageAlert alert = alert("a-1", 1, AlertKind.WARNING, "2026-11");
    RoutingResult first = f.route(alert);
    f.clock.advance(Duration.ofMinutes(1));

    RoutingResult again = f.route(alert);

    assertThat(first.duplicateAlertId()).isFalse();
    assertThat(first.deliveries()).hasSize(2);
    assertThat(again.duplicateAlertId()).isTrue();
    assertThat(again.deliveries()).isEmpty();
    assertThat(again.decision()).isEqualTo(first.decision());
    assertThat(f.estate.alerts().deliveriesOf(ACME, AlertId.of("a-1"))).hasSize(2);
  }

  @Test
  void repeatedAlertIdIsDeliveredOnceEvenAfterTheFirstWasSent() {
    UsageAlert alert = alert("a-1", 1, AlertKind.WARNING, null);
    f.route(alert);
    f.estate.dispatcher().dispatchDue();
    f.route(alert);
    f.estate.dispatcher().dispatchDue();

    assertThat(f.sender.accepted()).hasSize(2);
  }

  @Test
  void sameSimKindAndPeriodWithNewIdIsSuppressed() {
    f.route(alert("a-1", 1, AlertKind.CUT_OFF, "2026-11"));
    f.clock.advance(Duration.ofDays(3));

    RoutingResult repeat = f.route(alert("a-2", 1, AlertKind.CUT_OFF, "2026-11"));

    assertThat(repeat.duplicateAlertId()).isFalse();
    assertThat(repeat.decision().outcome()).isEqualTo(RoutingOutcome.REPEAT_SUPPRESSED);
    assertThat(repeat.decision().chosen()).isEmpty();
    assertThat(repeat.deliveries()).isEmpty();
    assertThat(f.estate.alerts().decision(ACME, AlertId.of("a-2")))
        .hasValueSatisfying(d -> assertThat(d.outcome()).isEqualTo(RoutingOutcome.REPEAT_SUPPRESSED));
  }

  @Test
  void withoutPeriodRepeatIsSuppressedInsideTheWindow() {
    f.route(alert("a-1", 1, AlertKind.WARNING, null));
    f.clock.advance(Duration.ofHours(5).plusMinutes(59));

    RoutingResult repeat = f.route(alert("a-2", 1, AlertKind.WARNING, null));

    assertThat(repeat.decision().outcome()).isEqualTo(RoutingOutcome.REPEAT_SUPPRESSED);
    assertThat(repeat.deliveries()).isEmpty();
  }

  @Test
  void withoutPeriodRepeatGetsThroughAfterTheWindow() {
    f.route(alert("a-1", 1, AlertKind.WARNING, null));
    f.clock.advance(Duration.ofHours(6));

    RoutingResult later = f.route(alert("a-2", 1, AlertKind.WARNING, null));

    assertThat(later.decision().outcome()).isEqualTo(RoutingOutcome.ROUTED);
    assertThat(later.deliveries()).hasSize(2);
  }

  @Test
  void suppressedRepeatDoesNotExtendTheWindow() {
    f.route(alert("a-1", 1, AlertKind.WARNING, null));
    f.clock.advance(Duration.ofHours(4));
    f.route(alert("a-2", 1, AlertKind.WARNING, null));
    f.clock.advance(Duration.ofHours(2));

    RoutingResult third = f.route(alert("a-3", 1, AlertKind.WARNING, null));

    assertThat(third.decision().outcome()).isEqualTo(RoutingOutcome.ROUTED);
  }

  @Test
  void otherKindForTheSameSimAndPeriodIsNotSuppressed() {
    f.route(alert("a-1", 1, AlertKind.WARNING, "2026-11"));

    RoutingResult cutOff = f.route(alert("a-2", 1, AlertKind.CUT_OFF, "2026-11"));

    assertThat(cutOff.decision().outcome()).isEqualTo(RoutingOutcome.ROUTED);
    assertThat(cutOff.deliveries()).hasSize(2);
  }

  @Test
  void otherPeriodForTheSameSimAndKindIsNotSuppressed() {
    f.route(alert("a-1", 1, AlertKind.WARNING, "2026-11"));
    f.clock.advance(Duration.ofMinutes(5));

    RoutingResult next = f.route(alert("a-2", 1, AlertKind.WARNING, "2026-12"));

    assertThat(next.decision().outcome()).isEqualTo(RoutingOutcome.ROUTED);
  }

  @Test
  void otherSimWithTheSameKindAndPeriodIsNotSuppressed() {
    f.route(alert("a-1", 1, AlertKind.WARNING, "2026-11"));

    RoutingResult other = f.route(alert("a-2", 2, AlertKind.WARNING, "2026-11"));

    assertThat(other.decision().outcome()).isEqualTo(RoutingOutcome.ROUTED);
  }

  @Test
  void suppressedRepeatSendsNothingMore() {
    f.route(alert("a-1", 1, AlertKind.CUT_OFF, "2026-11"));
    f.route(alert("a-2", 1, AlertKind.CUT_OFF, "2026-11"));
    f.route(alert("a-3", 1, AlertKind.CUT_OFF, "2026-11"));

    f.estate.dispatcher().dispatchDue();

    assertThat(f.sender.accepted()).hasSize(2);
    assertThat(f.sender.accepted()).allSatisfy(n -> assertThat(((AlertNotification) n).alert().id().value())
        .isEqualTo("a-1"));
  }

  @Test
  void alertRaisedEarlierThanTheLastOneIsJudgedByItsOwnTime() {
    UsageAlert late = UsageAlert.of(AlertId.of("a-1"), sim(1), AlertKind.WARNING, Instant.parse("2026-11-02T08:00:00Z"));
    f.route(late);
    f.clock.set(Instant.parse("2026-11-02T14:00:00Z"));
    UsageAlert muchLater = UsageAlert.of(AlertId.of("a-2"), sim(1), AlertKind.WARNING,
        Instant.parse("2026-11-02T14:00:00Z"));

    assertThat(f.route(muchLater).decision().outcome()).isEqualTo(RoutingOutcome.ROUTED);
  }
}
