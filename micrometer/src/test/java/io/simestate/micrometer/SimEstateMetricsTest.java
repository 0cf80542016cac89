package io.simestate.micrometer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.simestate.core.Actor;
import io.simestate.core.AlertKind;
import io.simestate.core.InvalidInputException;
import io.simestate.core.TenantId;
import io.simestate.core.alert.AlertId;
import io.simestate.core.alert.ScriptedSender;
import io.simestate.core.alert.SendResult;
import io.simestate.core.alert.StoreOutage;
import io.simestate.core.alert.SenderIdentity;
import io.simestate.core.alert.TestClock;
import io.simestate.core.alert.UsageAlert;
import io.simestate.core.customer.ContactDetails;
import io.simestate.core.customer.Customer;
import io.simestate.core.customer.CustomerDetails;
import io.simestate.core.estate.SimEstate;
import io.simestate.core.sim.Iccid;
import io.simestate.core.persistence.Persistence;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** F20: the estate's figures in Micrometer, checked in a {@link SimpleMeterRegistry}. */
class SimEstateMetricsTest {

  private static final TenantId ACME = TenantId.of("acme-iot");
  private static final Actor ALICE = Actor.of("alice");
  private static final String SIM = "8944500102198304826";
  private static final String UNASSIGNED_SIM = "8944500102198304834";

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final TestClock clock = new TestClock();
  private final ScriptedSender sender = new ScriptedSender();
  private int alertSeq;

  private SimEstate estate(SimEstateMetrics metrics) {
    SimEstate estate = SimEstate.builder().clock(clock).notificationSender(sender)
        .defaultSender(SenderIdentity.of("alerts@portal.example", "Portal alerts")).listener(metrics).build();
    Customer northwind = estate.customers().create(ACME, ALICE, CustomerDetails.named("Northwind"));
    estate.customers().addContact(ACME, ALICE, northwind.id(), ContactDetails.alerted("Ana", "ana@northwind.example"));
    estate.customers().addContact(ACME, ALICE, northwind.id(), ContactDetails.alerted("Bo", "bo@northwind.example"));
    estate.sims().assign(ACME, ALICE, northwind.id(), List.of(SIM));
    return estate;
  }

  private UsageAlert alert(String sim, AlertKind kind) {
    return UsageAlert.of(AlertId.of("alert-" + (++alertSeq)), Iccid.parse(sim), kind, clock.instant());
  }

  private double count(String name, String... tags) {
    return registry.get(name).tags(tags).counter().count();
  }

  private double gauge(String status) {
    return registry.get(SimEstateMetrics.DELIVERIES).tag("status", status).gauge().value();
  }

  private double oldestPendingSeconds() {
    return registry.get(SimEstateMetrics.OLDEST_PENDING_AGE).timeGauge().value(TimeUnit.SECONDS);
  }

  @Test
  void alertsRoutedAreCountedByOutcomeAndKind() {
    SimEstate estate = estate(SimEstateMetrics.builder(registry).build());
    UsageAlert warning = alert(SIM, AlertKind.WARNING);

    estate.alerts().route(ACME, warning);
    estate.alerts().route(ACME, warning);
    estate.alerts().route(ACME, alert(SIM, AlertKind.CUT_OFF));
    estate.alerts().route(ACME, alert(UNASSIGNED_SIM, AlertKind.CUT_OFF));

    assertThat(count(SimEstateMetrics.ALERTS_ROUTED, "outcome", "routed", "kind", "warning")).isEqualTo(1);
    assertThat(count(SimEstateMetrics.ALERTS_ROUTED, "outcome", "duplicate_alert_id", "kind", "warning")).isEqualTo(1);
    assertThat(count(SimEstateMetrics.ALERTS_ROUTED, "outcome", "routed", "kind", "cut_off")).isEqualTo(1);
    assertThat(count(SimEstateMetrics.ALERTS_ROUTED, "outcome", "unassigned", "kind", "cut_off")).isEqualTo(1);
  }

  @Test
  void sendsAreCountedByResultAndFailureClassAndRunsAreTimed() {
    SimEstate estate = estate(SimEstateMetrics.builder(registry).build());
    estate.alerts().route(ACME, alert(SIM, AlertKind.WARNING));
    sender.answer(n -> {
      clock.advance(Duration.ofMillis(1500));
      return n.recipient().name().equals("Ana") ? SendResult.sent() : SendResult.permanentFailure("550 no such user");
    });

    estate.dispatcher().dispatchDue();
    estate.dispatcher().dispatchDue();

    assertThat(count(SimEstateMetrics.SENDS, "result", "sent", "failure", "none", "kind", "alert")).isEqualTo(1);
    assertThat(count(SimEstateMetrics.SENDS, "result", "permanent_failure", "failure", "reported", "kind", "alert"))
        .isEqualTo(1);
    Timer runs = registry.get(SimEstateMetrics.DISPATCH_RUNS).tags("outcome", "completed", "exception", "none").timer();
    assertThat(runs.count()).isEqualTo(2);
    assertThat(runs.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(3000);
    assertThat(count(SimEstateMetrics.DISPATCHED_DELIVERIES, "outcome", "sent")).isEqualTo(1);
    assertThat(count(SimEstateMetrics.DISPATCHED_DELIVERIES, "outcome", "failed")).isEqualTo(1);
    assertThat(count(SimEstateMetrics.DISPATCHED_DELIVERIES, "outcome", "retried")).isZero();
  }

  @Test
  void deliveriesScheduledForARetryAfterATransientFailureAreCountedAsRetried() {
    SimEstate estate = estate(SimEstateMetrics.builder(registry).build());
    estate.alerts().route(ACME, alert(SIM, AlertKind.WARNING));
    sender.answer(n -> SendResult.transientFailure("421 try again later"));

    estate.dispatcher().dispatchDue();

    assertThat(count(SimEstateMetrics.DISPATCHED_DELIVERIES, "outcome", "retried")).isEqualTo(2);
    assertThat(count(SimEstateMetrics.DISPATCHED_DELIVERIES, "outcome", "sent")).isZero();
    assertThat(count(SimEstateMetrics.DISPATCHED_DELIVERIES, "outcome", "failed")).isZero();
  }

  @Test
  void outboxGaugesShowDeliveriesByStatusAndTheOldestPendingAgeReadAtMostOncePerRefresh() {
    SimEstateMetrics metrics = SimEstateMetrics.builder(registry).clock(clock).outboxRefresh(Duration.ofSeconds(30))
        .build();
    SimEstate estate = estate(metrics);
    metrics.bindOutbox(estate);
    assertThat(gauge("pending")).isZero();

    estate.alerts().route(ACME, alert(SIM, AlertKind.WARNING));
    clock.advance(Duration.ofSeconds(10));
    double beforeRefresh = gauge("pending");
    clock.advance(Duration.ofSeconds(20));
    double afterRefresh = gauge("pending");
    double age = oldestPendingSeconds();
    sender.answer(n -> n.recipient().name().equals("Ana") ? SendResult.sent()
        : SendResult.transientFailure("421 try later"));
    estate.dispatcher().dispatchDue();
    clock.advance(Duration.ofSeconds(30));

    assertThat(beforeRefresh).isZero();
    assertThat(afterRefresh).isEqualTo(2);
    assertThat(age).isEqualTo(30);
    assertThat(gauge("sent")).isEqualTo(1);
    assertThat(gauge("pending")).isEqualTo(1);
    assertThat(gauge("in_flight")).isZero();
    assertThat(gauge("failed")).isZero();
    assertThat(oldestPendingSeconds()).isEqualTo(60);
  }

  @Test
  void noTagCarriesAnIccidAlertIdOrAddressAndTheTenantOnlyWhenAskedFor() {
    for (boolean tenantTag : List.of(false, true)) {
      SimpleMeterRegistry r = new SimpleMeterRegistry();
      SimEstateMetrics metrics = SimEstateMetrics.builder(r).tenantTag(tenantTag).outboxRefresh(Duration.ZERO).build();
      SimEstate estate = estate(metrics);
      metrics.bindOutbox(estate);
      UsageAlert warning = alert(SIM, AlertKind.WARNING);
      estate.alerts().route(ACME, warning);
      estate.alerts().route(ACME, alert(UNASSIGNED_SIM, AlertKind.CUT_OFF));
      estate.dispatcher().dispatchDue();

      List<Tag> tags = r.getMeters().stream().map(Meter::getId).flatMap(id -> id.getTags().stream()).toList();
      assertThat(r.getMeters()).hasSizeGreaterThanOrEqualTo(8);
      assertThat(tags).extracting(Tag::getValue).allSatisfy(value -> assertThat(value)
          .doesNotContain(SIM).doesNotContain(UNASSIGNED_SIM).doesNotContain(warning.id().value()).doesNotContain("@"));
      if (tenantTag) {
        assertThat(r.get(SimEstateMetrics.ALERTS_ROUTED).tag("tenant", ACME.value()).counters()).hasSize(2);
        assertThat(r.get(SimEstateMetrics.SENDS).tag("tenant", ACME.value()).counters()).isNotEmpty();
      } else {
        assertThat(tags).extracting(Tag::getKey).doesNotContain("tenant");
      }
    }
  }

  @Test
  void anOutboxThatCannotBeReadKeepsTheLastFiguresAndTheScrapeNeverThrows() {
    AtomicBoolean storeDown = new AtomicBoolean();
    Persistence persistence = StoreOutage.inMemory(storeDown);
    SimEstateMetrics metrics = SimEstateMetrics.builder(registry).clock(clock).outboxRefresh(Duration.ZERO).build();
    SimEstate estate = SimEstate.builder().clock(clock).persistence(persistence).listener(metrics).build();
    metrics.bindOutbox(estate);
    Customer northwind = estate.customers().create(ACME, ALICE, CustomerDetails.named("Northwind"));
    estate.customers().addContact(ACME, ALICE, northwind.id(), ContactDetails.alerted("Ana", "ana@northwind.example"));
    estate.sims().assign(ACME, ALICE, northwind.id(), List.of(SIM));
    estate.alerts().route(ACME, alert(SIM, AlertKind.WARNING));
    clock.advance(Duration.ofSeconds(5));
    assertThat(gauge("pending")).isEqualTo(1);

    storeDown.set(true);
    clock.advance(Duration.ofSeconds(5));

    assertThat(gauge("pending")).isEqualTo(1);
    assertThat(oldestPendingSeconds()).isEqualTo(10);
    assertThat(registry.getMeters()).isNotEmpty();
    storeDown.set(false);
    estate.dispatcher().dispatchDue();
    assertThat(gauge("pending")).isZero();
    assertThat(gauge("sent")).isEqualTo(1);
    assertThat(oldestPendingSeconds()).isZero();
  }

  @Test
  void anEstateIsBoundOnceAndSettingsAreChecked() {
    SimEstateMetrics metrics = SimEstateMetrics.builder(registry).build();
    SimEstate estate = estate(metrics);
    metrics.bindOutbox(estate);

    assertThatThrownBy(() -> metrics.bindOutbox(estate)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("estate");
    assertThatThrownBy(() -> SimEstateMetrics.builder(registry).outboxRefresh(Duration.ofDays(1)))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("outboxRefresh");
    assertThatThrownBy(() -> SimEstateMetrics.builder(null)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("registry");
  }

  @Test
  void bindingAnEstateReturnsTheSameMetricsSoThatCallsChain() {
    SimEstateMetrics metrics = SimEstateMetrics.builder(registry).build();

    assertThat(metrics.bindOutbox(estate(metrics))).isSameAs(metrics);
  }

  @Test
  void aMissingEstateAndASecondEstateAreRefusedEachWithItsOwnReason() {
    SimEstateMetrics metrics = SimEstateMetrics.builder(registry).build();
    SimEstate estate = estate(metrics);

    assertThatThrownBy(() -> metrics.bindOutbox(null)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("estate").hasMessageContaining("is required").hasMessageNotContaining("bound already");
    metrics.bindOutbox(estate);
    assertThatThrownBy(() -> metrics.bindOutbox(estate)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("is bound already").hasMessageNotContaining("is required");
  }

  @Test
  void anOutboxRefreshOfExactlyOneHourIsAcceptedAndAnyLongerIsNot() {
    SimEstateMetrics metrics = SimEstateMetrics.builder(registry).outboxRefresh(Duration.ofHours(1)).build();

    assertThat(metrics).isNotNull();
    assertThatThrownBy(() -> SimEstateMetrics.builder(registry).outboxRefresh(Duration.ofHours(1).plusNanos(1)))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("outboxRefresh");
  }
}
