package io.simestate.core.monitor;

import static io.simestate.core.alert.AlertFixture.ACME;
import static io.simestate.core.alert.AlertFixture.sim;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.simestate.core.AlertKind;
import io.simestate.core.UnavailableException;
import io.simestate.core.alert.AlertFixture;
import io.simestate.core.alert.DeliveryKind;
import io.simestate.core.alert.DeliveryStatus;
import io.simestate.core.alert.DispatchReport;
import io.simestate.core.alert.Notification;
import io.simestate.core.alert.NotificationSender;
import io.simestate.core.alert.RoutingOutcome;
import io.simestate.core.alert.SendResult;
import io.simestate.core.alert.TenantAlertSettings;
import io.simestate.core.alert.StoreOutage;
import io.simestate.core.alert.UsageAlert;
import io.simestate.core.customer.Contact;
import io.simestate.core.customer.Customer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** F20: routing and dispatch tell the estate's listeners, and a broken listener breaks neither. */
class EstateListenerTest {

  /** Throws from every method: a runtime exception, then a checked one it does not declare. */
  private static final class BrokenListener implements EstateListener {
    int calls;

    @Override
    public void alertRouted(AlertRouted event) {
      calls++;
      throw new IllegalStateException("metrics registry closed");
    }

    @Override
    public void messageSent(MessageSent event) {
      calls++;
      throw EstateListenerTest.<RuntimeException>sneaky(new java.io.IOException("statsd socket closed"));
    }

    @Override
    public void dispatchFinished(DispatchRun event) {
      calls++;
      throw new NoClassDefFoundError("io/micrometer/core/instrument/Timer");
    }
  }

  @SuppressWarnings("unchecked")
  private static <E extends Throwable> E sneaky(Throwable t) throws E {
    throw (E) t;
  }

  private final RecordingListener recorded = new RecordingListener();

  @Test
  void aListenerThatThrowsBreaksNeitherRoutingNorDispatchAndTheNextListenerIsStillTold() {
    BrokenListener broken = new BrokenListener();
    AlertFixture f = new AlertFixture(b -> b.listener(broken).listener(recorded));
    Customer northwind = f.customer("Northwind");
    f.alerted(northwind, "Ana");
    f.assign(northwind, sim(1));

    var routed = f.route(sim(1), AlertKind.WARNING);
    DispatchReport report = f.estate.dispatcher().dispatchDue();
    f.route(sim(1), AlertKind.CUT_OFF);
    f.estate.dispatcher().dispatchDue();

    assertThat(routed.deliveries()).hasSize(1);
    assertThat(report.sent()).isEqualTo(1);
    assertThat(f.sender.accepted()).hasSize(2);
    assertThat(f.estate.alerts().deliveriesOf(ACME, routed.decision().alert().id()))
        .extracting(d -> d.status()).containsExactly(DeliveryStatus.SENT);
    assertThat(broken.calls).isEqualTo(6);
    assertThat(recorded.routed).hasSize(2);
    assertThat(recorded.sent).hasSize(2);
    assertThat(recorded.runs).hasSize(2);
  }

  @Test
  void routingTellsTheOutcomeTheKindAndHowManyDeliveriesWereRecorded() {
    AlertFixture f = new AlertFixture(b -> b.listener(recorded));
    Customer northwind = f.customer("Northwind");
    f.alerted(northwind, "Ana");
    f.alerted(northwind, "Bo");
    f.assign(northwind, sim(1));
    UsageAlert warning = f.alert(sim(1), AlertKind.WARNING);

    f.route(warning);
    f.route(warning);
    f.route(sim(2), AlertKind.CUT_OFF);

    assertThat(recorded.routed).containsExactly(
        new AlertRouted(ACME, AlertKind.WARNING, RoutingOutcome.ROUTED, 2, false),
        new AlertRouted(ACME, AlertKind.WARNING, RoutingOutcome.ROUTED, 0, true),
        new AlertRouted(ACME, AlertKind.CUT_OFF, RoutingOutcome.UNASSIGNED, 0, false));
  }

  @Test
  void dispatchTellsEachMessagesResultAndTheRunsReportAndDuration() {
    AlertFixture f = new AlertFixture(b -> b.listener(recorded).retryPolicy(AlertFixture.exactRetry(3)));
    Customer northwind = f.customer("Northwind");
    Contact ana = f.alerted(northwind, "Ana");
    f.alerted(northwind, "Bo");
    f.assign(northwind, sim(1));
    f.route(sim(1), AlertKind.WARNING);
    f.sender.answer(n -> {
      f.clock.advance(Duration.ofSeconds(2));
      return n.recipient().contactId().equals(ana.id()) ? SendResult.sent()
          : SendResult.transientFailure("421 try later");
    });

    f.estate.dispatcher().dispatchDue();

    assertThat(recorded.sent).containsExactlyInAnyOrder(
        new MessageSent(ACME, DeliveryKind.ALERT, 1, SendResult.Status.SENT, SendFailure.NONE),
        new MessageSent(ACME, DeliveryKind.ALERT, 1, SendResult.Status.TRANSIENT_FAILURE, SendFailure.REPORTED));
    DispatchRun run = recorded.runs.get(0);
    assertThat(run.completed()).isTrue();
    assertThat(run.took()).isEqualTo(Duration.ofSeconds(4));
    assertThat(run.report()).isEqualTo(new DispatchReport(2, 1, 2, 0, 1, 0));
  }

  @Test
  void aDigestIsToldAsOneMessageCarryingEachOfItsDeliveriesAndASingleAlertIsNot() {
    Duration window = Duration.ofMinutes(5);
    AlertFixture f = new AlertFixture(b -> b.listener(recorded)
        .tenant(ACME, TenantAlertSettings.DEFAULTS.withDigestWindow(window)));
    Customer northwind = f.customer("Northwind");
    f.alerted(northwind, "Ana");
    f.assign(northwind, sim(1), sim(2), sim(3));
    f.route(sim(1), AlertKind.WARNING);
    f.route(sim(2), AlertKind.WARNING);
    f.clock.advance(window);
    f.estate.dispatcher().dispatchDue();
    f.route(sim(3), AlertKind.WARNING);
    f.clock.advance(window);
    f.estate.dispatcher().dispatchDue();

    assertThat(recorded.sent).containsExactly(
        new MessageSent(ACME, DeliveryKind.ALERT, 2, SendResult.Status.SENT, SendFailure.NONE),
        new MessageSent(ACME, DeliveryKind.ALERT, 1, SendResult.Status.SENT, SendFailure.NONE));
    assertThat(recorded.sent).extracting(MessageSent::digest).containsExactly(true, false);
  }

  @Test
  void aSenderThatReturnsNoResultOrThrowsIsToldApartFromAReportedFailure() {
    // Sends Ana's message; for Bo's it either returns no result or throws.
    AtomicBoolean throwing = new AtomicBoolean();
    NotificationSender partial = notification -> {
      if (!notification.recipient().name().equals("Bo")) {
        return SendResult.sent();
      }
      if (throwing.get()) {
        throw new IllegalStateException("connection pool exhausted");
      }
      return null;
    };
    List<List<SendFailure>> failures = new ArrayList<>();
    for (boolean throwForBo : List.of(false, true)) {
      throwing.set(throwForBo);
      RecordingListener listener = new RecordingListener();
      AlertFixture f = new AlertFixture(b -> b.listener(listener).notificationSender(partial));
      Customer acme = f.customer("Acme");
      f.alerted(acme, "Ana");
      f.alerted(acme, "Bo");
      f.assign(acme, sim(1));
      f.route(sim(1), AlertKind.WARNING);

      f.estate.dispatcher().dispatchDue();

      assertThat(listener.sent).extracting(MessageSent::result)
          .containsExactlyInAnyOrder(SendResult.Status.SENT, SendResult.Status.TRANSIENT_FAILURE);
      failures.add(listener.sent.stream().map(MessageSent::failure).sorted().toList());
    }

    assertThat(failures).containsExactly(List.of(SendFailure.NONE, SendFailure.NO_RESULT),
        List.of(SendFailure.NONE, SendFailure.SENDER_THREW));
  }

  @Test
  void aRunThatTheStoreEndsIsToldAsFailedWithTheExceptionClass() {
    AtomicBoolean storeDown = new AtomicBoolean();
    AlertFixture f = new AlertFixture(b -> b.listener(recorded).persistence(StoreOutage.inMemory(storeDown)));
    storeDown.set(true);

    assertThatThrownBy(() -> f.estate.dispatcher().dispatchDue()).isInstanceOf(UnavailableException.class);

    assertThat(recorded.runs).singleElement().satisfies(run -> {
      assertThat(run.completed()).isFalse();
      assertThat(run.failure()).contains("UnavailableException");
      assertThat(run.report()).isEqualTo(DispatchReport.EMPTY);
    });
  }
}
