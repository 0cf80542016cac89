package io.simestate.core.alert;

import static io.simestate.core.alert.AlertFixture.ACME;
import static io.simestate.core.alert.AlertFixture.sim;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.simestate.core.AlertKind;
import io.simestate.core.ConflictException;
import io.simestate.core.TenantId;
import io.simestate.core.Transactions;
import io.simestate.core.audit.AuditTrail;
import io.simestate.core.customer.Customer;
import io.simestate.core.customer.CustomerStore;
import io.simestate.core.inmemory.InMemoryPersistence;
import io.simestate.core.persistence.Persistence;
import io.simestate.core.persistence.RetentionStore;
import io.simestate.core.sim.Iccid;
import io.simestate.core.sim.SimAssignmentStore;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 11: an alert id is the idempotency key of one alert. The same id with the same content is a
 * replay and changes nothing; the same id with other content is refused, never dropped unseen.
 */
class AlertIdReuseTest {

  private final AlertFixture f = new AlertFixture();
  private UsageAlert first;

  @BeforeEach
  void aWarningWasRouted() {
    Customer northwind = f.customer("Northwind");
    f.alerted(northwind, "Ana");
    f.assign(northwind, sim(1), sim(2));
    first = UsageAlert.of(AlertId.of("a-1"), sim(1), AlertKind.WARNING, f.clock.instant()).withPeriod("2026-11")
        .withUsage(new Usage(new BigDecimal("950"), new BigDecimal("1000"), "MB", new BigDecimal("95"), "IoT 1 GB"));
    f.route(first);
  }

  @Test
  void theSameIdWithTheSameContentIsAReplayThatRecordsNothing() {
    f.clock.advance(Duration.ofMinutes(5));

    RoutingResult replay = f.route(first);

    assertThat(replay.duplicateAlertId()).isTrue();
    assertThat(replay.deliveries()).isEmpty();
    assertThat(f.estate.alerts().deliveriesOf(ACME, first.id())).hasSize(1);
  }

  @Test
  void theSameIdForAnotherSimIsRefusedAsAReusedAlertId() {
    UsageAlert other = new UsageAlert(first.id(), sim(2), first.kind(), first.raisedAt(), first.period(),
        first.usage());

    ConflictException e = catchThrowableOfType(ConflictException.class, () -> f.route(other));

    assertThat(e.reason()).isEqualTo(ConflictException.Reason.ALERT_ID_REUSED);
    assertThat(e.getMessage()).contains("a-1").contains("iccid").doesNotContain("kind");
    assertThat(f.estate.alerts().deliveriesForSim(ACME, sim(2), 10)).isEmpty();
    assertThat(f.estate.alerts().decisionsForSim(ACME, sim(2), 10)).isEmpty();
  }

  @Test
  void theSameIdWithAnotherKindPeriodTimeOrUsageIsRefusedNamingEveryDifference() {
    UsageAlert other = new UsageAlert(first.id(), first.iccid(), AlertKind.CUT_OFF, first.raisedAt().plusSeconds(1),
        "2026-12", new Usage(new BigDecimal("999"), new BigDecimal("1000"), "MB", new BigDecimal("95"), "IoT 1 GB"));

    ConflictException e = catchThrowableOfType(ConflictException.class, () -> f.route(other));

    assertThat(e.reason()).isEqualTo(ConflictException.Reason.ALERT_ID_REUSED);
    assertThat(e.getMessage()).contains("kind", "raisedAt", "period", "usage").doesNotContain("iccid");
  }

  @Test
  void figuresThatOnlyDifferInTheirScaleAreTheSameContent() {
    UsageAlert rescaled = first.withUsage(new Usage(new BigDecimal("950.0"), new BigDecimal("1E+3"), "MB",
        new BigDecimal("95.00"), "IoT 1 GB"));

    RoutingResult replay = f.route(rescaled);

    assertThat(replay.duplicateAlertId()).isTrue();
    assertThat(replay.decision().alert()).isEqualTo(first);
  }

  @Test
  void aRaceLostToAnotherAlertWithTheSameIdIsRefusedToo() {
    // Two routes of one alert id run at once: both find no decision, one records first. The loser
    // learns of the id only when its own decision is refused, and must still compare the content.
    InMemoryPersistence memory = InMemoryPersistence.create();
    AtomicBoolean hideOnce = new AtomicBoolean();
    AlertDecisionLog racing = new AlertDecisionLog() {
      @Override
      public boolean record(AlertDecision decision) {
        return memory.decisions().record(decision);
      }

      @Override
      public Optional<AlertDecision> find(TenantId tenant, AlertId alertId) {
        return hideOnce.getAndSet(false) ? Optional.empty() : memory.decisions().find(tenant, alertId);
      }

      @Override
      public List<AlertDecision> bySim(TenantId tenant, Iccid sim, int limit) {
        return memory.decisions().bySim(tenant, sim, limit);
      }
    };
    AlertFixture raced = new AlertFixture(b -> b.persistence(new Persistence() {
      public CustomerStore customers() { return memory.customers(); }
      public SimAssignmentStore simAssignments() { return memory.simAssignments(); }
      public RecipientDirectory recipients() { return memory.recipients(); }
      public DeliveryOutbox outbox() { return memory.outbox(); }
      public DeliveryOperations deliveryOperations() { return memory.deliveryOperations(); }
      public RetentionStore retention() { return memory.retention(); }
      public AlertDecisionLog decisions() { return racing; }
      public AlertRepeatGuard repeatGuard() { return memory.repeatGuard(); }
      public TenantSettingsStore tenantSettings() { return memory.tenantSettings(); }
      @Override
      public AuditTrail auditTrail() { return memory.auditTrail(); }
      public Transactions transactions() { return memory.transactions(); }
    }));
    Customer northwind = raced.customer("Northwind");
    raced.alerted(northwind, "Ana");
    raced.assign(northwind, sim(1), sim(2));
    raced.route(first);

    hideOnce.set(true);
    ConflictException e = catchThrowableOfType(ConflictException.class,
        () -> raced.route(UsageAlert.of(first.id(), sim(2), AlertKind.CUT_OFF, first.raisedAt())));
    hideOnce.set(true);
    RoutingResult replay = raced.route(first);

    assertThat(e.reason()).isEqualTo(ConflictException.Reason.ALERT_ID_REUSED);
    assertThat(raced.estate.alerts().deliveriesForSim(ACME, sim(2), 10)).isEmpty();
    assertThat(replay.duplicateAlertId()).isTrue();
    assertThat(replay.decision().alert()).isEqualTo(first);
  }
}
