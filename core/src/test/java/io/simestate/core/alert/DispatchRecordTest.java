package io.simestate.core.alert;

import static io.simestate.core.alert.AlertFixture.ACME;
import static io.simestate.core.alert.AlertFixture.sim;
import static org.assertj.core.api.Assertions.assertThat;

import io.simestate.core.AlertKind;
import io.simestate.core.ConflictException;
import io.simestate.core.audit.AuditEvent;
import io.simestate.core.audit.AuditEventType;
import io.simestate.core.customer.ContactDetails;
import io.simestate.core.customer.Customer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What the dispatcher and the router report and record: report figures that add up, the sender
 * port's default batch call, and audit texts that say what happened (digest size, skipped contacts,
 * the first alert of a reused id).
 */
class DispatchRecordTest {

  private static List<String> texts(AlertFixture f, int sim, AuditEventType type) {
    return f.estate.auditTrail().forSim(ACME, sim(sim), 100).stream().filter(e -> e.type() == type)
        .map(AuditEvent::summary).toList();
  }

  @Test
  void aReportPlusAnotherAddsEveryFigure() {
    DispatchReport a = new DispatchReport(10, 6, 5, 1, 3, 1);
    DispatchReport b = new DispatchReport(7, 2, 2, 2, 1, 4);

    assertThat(a.plus(b)).isEqualTo(new DispatchReport(17, 8, 7, 3, 4, 5));
    assertThat(DispatchReport.EMPTY.plus(b)).isEqualTo(b);
  }

  @Test
  void theSenderPortsDefaultBatchCallAndSessionSendEachMessageInOrder() {
    ScriptedSender sender = new ScriptedSender(n -> n.recipient().name().equals("Bo")
        ? SendResult.permanentFailure("550") : SendResult.sent());
    AlertFixture f = new AlertFixture();
    Customer northwind = f.customer("Northwind");
    f.alerted(northwind, "Ana");
    f.alerted(northwind, "Bo");
    f.assign(northwind, sim(1));
    List<Notification> batch = f.route(sim(1), AlertKind.WARNING).deliveries().stream()
        .map(d -> (Notification) new AlertNotification(ACME, AlertFixture.DEFAULT_SENDER, d.recipient(), "Northwind",
            d.alert(), d.id().toString()))
        .toList();
    List<String> told = new ArrayList<>();

    List<SendResult> results = sender.sendAll(batch);
    try (SendSession session = sender.open()) {
      for (Notification n : batch) {
        told.add(n.recipient().name() + ":" + session.send(n).status());
      }
    }

    assertThat(results).extracting(SendResult::status).containsExactly(SendResult.Status.SENT,
        SendResult.Status.PERMANENT_FAILURE);
    assertThat(told).containsExactly("Ana:SENT", "Bo:PERMANENT_FAILURE");
  }

  @Test
  void aDeliveryGivenUpAfterItsLastAttemptCountsAsFailedInTheReport() {
    AlertFixture f = new AlertFixture(b -> b.retryPolicy(AlertFixture.exactRetry(1)));
    Customer northwind = f.customer("Northwind");
    f.alerted(northwind, "Ana");
    f.assign(northwind, sim(1));
    f.route(sim(1), AlertKind.WARNING);
    f.sender.answer(n -> SendResult.transientFailure("451 try later"));

    assertThat(f.estate.dispatcher().dispatchDue()).isEqualTo(new DispatchReport(1, 0, 1, 0, 0, 1));
  }

  @Test
  void aSentDigestIsRecordedWithItsSizeAndASingleMessageWithout() {
    AlertFixture f = new AlertFixture(b -> b.tenant(ACME, TenantAlertSettings.DEFAULTS
        .withDigestWindow(Duration.ofMinutes(5))));
    Customer northwind = f.customer("Northwind");
    f.alerted(northwind, "Ana");
    f.assign(northwind, sim(1), sim(2));
    f.route(sim(1), AlertKind.WARNING);
    f.route(sim(2), AlertKind.WARNING);
    f.clock.advance(Duration.ofMinutes(5));
    f.estate.dispatcher().dispatchDue();
    f.route(sim(1), AlertKind.CUT_OFF);
    f.clock.advance(Duration.ofMinutes(5));
    f.estate.dispatcher().dispatchDue();

    assertThat(texts(f, 2, AuditEventType.DELIVERY_SENT)).singleElement().asString()
        .endsWith("to Ana sent in a digest of 2");
    assertThat(texts(f, 1, AuditEventType.DELIVERY_SENT)).hasSize(2)
        .anySatisfy(t -> assertThat(t).contains("Cut-off").endsWith("to Ana sent"));
  }

  @Test
  void aSentSubscriptionNoticeIsRecordedAsANoticeToTheContact() {
    AlertFixture f = new AlertFixture(b -> b.tenant(ACME, TenantAlertSettings.DEFAULTS.withSubscriptionNotices(true)));
    Customer northwind = f.customer("Northwind");
    f.contact(northwind, ContactDetails.alerted("Ana", "ana@northwind.example"));

    f.estate.dispatcher().dispatchDue();

    assertThat(f.estate.auditTrail().forCustomer(ACME, northwind.id(), 100)).extracting(AuditEvent::summary)
        .contains("Subscription notice to Ana sent");
  }

  @Test
  void theRoutedEventCountsTheSkippedContacts() {
    AlertFixture f = new AlertFixture();
    Customer northwind = f.customer("Northwind");
    f.alerted(northwind, "Ana");
    f.contact(northwind, ContactDetails.alerted("Bo", "bo@northwind.example").withAlerts(false));
    f.assign(northwind, sim(1));

    f.route(sim(1), AlertKind.WARNING);

    assertThat(texts(f, 1, AuditEventType.ALERT_ROUTED)).singleElement().asString()
        .endsWith("routed to 1 contact(s) of Northwind, 1 skipped");
  }

  @Test
  void aReusedAlertIdIsRefusedNamingTheFirstAlertAndItsPeriod() {
    AlertFixture f = new AlertFixture();
    Customer northwind = f.customer("Northwind");
    f.alerted(northwind, "Ana");
    f.assign(northwind, sim(1), sim(2));
    UsageAlert first = f.alert(sim(1), AlertKind.WARNING).withPeriod("2026-11");
    f.route(first);
    UsageAlert other = UsageAlert.of(first.id(), sim(2), AlertKind.WARNING, first.raisedAt()).withPeriod("2026-11");

    ConflictException e = org.assertj.core.api.Assertions.catchThrowableOfType(ConflictException.class,
        () -> f.route(other));

    assertThat(e.getMessage()).contains("iccid differ", "for SIM " + sim(1), "for period 2026-11");
  }
}
