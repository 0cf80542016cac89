package io.simestate.core.alert;

import static io.simestate.core.alert.AlertFixture.ACME;
import static io.simestate.core.alert.AlertFixture.GLOBEX;
import static io.simestate.core.alert.AlertFixture.sim;
import static org.assertj.core.api.Assertions.assertThat;

import io.simestate.core.Actor;
import io.simestate.core.AlertKind;
import io.simestate.core.audit.AuditEvent;
import io.simestate.core.audit.AuditEventType;
import io.simestate.core.customer.Contact;
import io.simestate.core.customer.Customer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** F11 for alerts: routing and every delivery outcome are in the administrative record. */
class AlertEventsTest {

  private final List<AuditEvent> published = Collections.synchronizedList(new ArrayList<>());
  private final AlertFixture f = new AlertFixture(b -> b.retryPolicy(AlertFixture.exactRetry(1))
      .publishEventsTo(published::add));
  private Customer northwind;
  private Contact ana;

  @BeforeEach
  void northwindHoldsSimOne() {
    northwind = f.customer("Northwind");
    ana = f.alerted(northwind, "Ana");
    f.assign(northwind, sim(1), sim(2));
  }

  private List<AuditEvent> forSim(int n, AuditEventType type) {
    return f.estate.auditTrail().forSim(ACME, sim(n), 100).stream().filter(e -> e.type() == type).toList();
  }

  private List<AuditEvent> forCustomer(AuditEventType type) {
    return f.estate.auditTrail().forCustomer(ACME, northwind.id(), 100).stream().filter(e -> e.type() == type)
        .toList();
  }

  @Test
  void routedAlertIsRecordedPerSimAndPerCustomer() {
    f.clock.advance(Duration.ofMinutes(3));
    f.route(sim(1), AlertKind.CUT_OFF);

    assertThat(forSim(1, AuditEventType.ALERT_ROUTED)).singleElement().satisfies(e -> {
      assertThat(e.actor()).isEqualTo(Actor.system());
      assertThat(e.at()).isEqualTo(f.clock.instant());
      assertThat(e.customerId()).isEqualTo(northwind.id());
      assertThat(e.summary()).contains("Cut-off").contains(sim(1).digits()).contains("Northwind");
    });
    assertThat(forCustomer(AuditEventType.ALERT_ROUTED)).hasSize(1);
    assertThat(forSim(2, AuditEventType.ALERT_ROUTED)).isEmpty();
    assertThat(published).filteredOn(e -> e.type() == AuditEventType.ALERT_ROUTED).hasSize(1);
  }

  @Test
  void sentDeliveryIsRecordedPerSimAndPerCustomer() {
    f.route(sim(1), AlertKind.WARNING);
    f.clock.advance(Duration.ofSeconds(5));

    f.estate.dispatcher().dispatchDue();

    assertThat(forSim(1, AuditEventType.DELIVERY_SENT)).singleElement().satisfies(e -> {
      assertThat(e.at()).isEqualTo(f.clock.instant());
      assertThat(e.summary()).contains("Ana").doesNotContain("ana@");
    });
    assertThat(forCustomer(AuditEventType.DELIVERY_SENT)).hasSize(1);
  }

  @Test
  void failedDeliveryIsRecordedPerSimAndPerCustomer() {
    f.route(sim(2), AlertKind.WARNING);
    f.sender.answer(n -> SendResult.permanentFailure("550 rejected"));

    f.estate.dispatcher().dispatchDue();

    assertThat(forSim(2, AuditEventType.DELIVERY_FAILED)).singleElement()
        .satisfies(e -> assertThat(e.summary()).contains("550 rejected"));
    assertThat(forCustomer(AuditEventType.DELIVERY_FAILED)).hasSize(1);
    assertThat(forCustomer(AuditEventType.DELIVERY_SENT)).isEmpty();
  }

  @Test
  void deliveryGivenUpAfterTransientFailuresIsRecordedAsFailed() {
    f.route(sim(2), AlertKind.WARNING);
    f.sender.answer(n -> SendResult.transientFailure("421 busy"));

    f.estate.dispatcher().dispatchDue();

    assertThat(forSim(2, AuditEventType.DELIVERY_FAILED)).hasSize(1);
  }

  @Test
  void alertEventsAreNotReadableFromAnotherTenant() {
    f.route(sim(1), AlertKind.WARNING);
    f.estate.dispatcher().dispatchDue();

    assertThat(f.estate.auditTrail().forSim(GLOBEX, sim(1), 100)).isEmpty();
    assertThat(f.estate.auditTrail().forCustomer(GLOBEX, northwind.id(), 100)).isEmpty();
  }

  @Test
  void unassignedSimAlertIsRecordedPerSimWithoutCustomer() {
    f.route(sim(9), AlertKind.WARNING);

    assertThat(forSim(9, AuditEventType.ALERT_ROUTED)).singleElement()
        .satisfies(e -> assertThat(e.customerId()).isNull());
  }

  @Test
  void duplicateAlertIdRecordsNoSecondEvent() {
    UsageAlert alert = f.alert(sim(1), AlertKind.WARNING);
    f.route(alert);
    f.route(alert);

    assertThat(forSim(1, AuditEventType.ALERT_ROUTED)).hasSize(1);
  }
}
