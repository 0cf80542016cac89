package io.simestate.core.alert;

import static io.simestate.core.alert.AlertFixture.ACME;
import static io.simestate.core.alert.AlertFixture.chosenIds;
import static io.simestate.core.alert.AlertFixture.sim;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.simestate.core.AlertKind;
import io.simestate.core.UnavailableException;
import io.simestate.core.audit.AuditEvent;
import io.simestate.core.audit.AuditEventType;
import io.simestate.core.customer.Contact;
import io.simestate.core.customer.Customer;
import io.simestate.core.customer.EmailAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * An alert id routed again changes nothing (also when a contact became eligible since, and when
 * another call recorded its decision first), catch-all recipients wait for a tenant's digest window,
 * and every digest message has a key of its own.
 */
class RoutingReplayAndDigestTest {

  private static final Recipient NOC = Recipient.catchAll("NOC", EmailAddress.parse("noc@acme.example"));
  private static final Recipient OPS = Recipient.catchAll("Ops", EmailAddress.parse("ops@acme.example"));
  private static final Duration WINDOW = Duration.ofMinutes(10);

  private static List<AuditEvent> routedEvents(AlertFixture f, int sim) {
    return f.estate.auditTrail().forSim(ACME, sim(sim), 100).stream()
        .filter(e -> e.type() == AuditEventType.ALERT_ROUTED).toList();
  }

  @Test
  void aReplayedAlertIdChangesNothingWhenAContactBecameEligible() {
    AlertFixture f = new AlertFixture();
    Customer northwind = f.customer("Northwind");
    Contact ana = f.alerted(northwind, "Ana");
    f.assign(northwind, sim(1));
    UsageAlert first = f.alert(sim(1), AlertKind.WARNING).withPeriod("2026-11");
    AlertDecision decided = f.route(first).decision();
    Contact bo = f.alerted(northwind, "Bo");

    RoutingResult replay = f.route(first);

    assertThat(replay.duplicateAlertId()).isTrue();
    assertThat(replay.deliveries()).isEmpty();
    assertThat(replay.decision()).isEqualTo(decided);
    assertThat(f.estate.alerts().deliveriesOf(ACME, first.id())).extracting(d -> d.recipient().contactId())
        .containsExactly(ana.id());
    assertThat(routedEvents(f, 1)).hasSize(1);
    // the replay told nobody, so the next alert of that period still reaches the contact not told yet
    RoutingResult next = f.route(f.alert(sim(1), AlertKind.WARNING).withPeriod("2026-11"));
    assertThat(chosenIds(next.decision())).containsExactly(bo.id());
  }

  @Test
  void losingTheRaceToRecordADecisionEnqueuesNothingTwiceAndRecordsNoSecondEvent() {
    FaultyPersistence persistence = new FaultyPersistence();
    AlertFixture f = new AlertFixture(b -> b.persistence(persistence));
    Customer northwind = f.customer("Northwind");
    Contact ana = f.alerted(northwind, "Ana");
    f.assign(northwind, sim(1));
    UsageAlert alert = f.alert(sim(1), AlertKind.WARNING);
    AlertDecision winner = f.route(alert).decision();
    f.alerted(northwind, "Bo");
    // this call looked for a decision before the other call's decision was visible, then lost the record
    AtomicBoolean stale = new AtomicBoolean(true);
    persistence.inject("AlertDecisionLog.find", (args, real) -> stale.getAndSet(false) ? Optional.empty() : real.call());

    RoutingResult loser = f.route(alert);

    assertThat(stale).isFalse();
    assertThat(loser.duplicateAlertId()).isTrue();
    assertThat(loser.deliveries()).isEmpty();
    assertThat(loser.decision()).isEqualTo(winner);
    assertThat(f.estate.alerts().deliveriesOf(ACME, alert.id())).extracting(d -> d.recipient().contactId())
        .containsExactly(ana.id());
    assertThat(routedEvents(f, 1)).hasSize(1);
    assertThat(f.estate.dispatcher().dispatchDue().sent()).isEqualTo(1);
    assertThat(f.sender.accepted()).extracting(n -> n.recipient().contactId()).containsExactly(ana.id());
  }

  @Test
  void losingTheRaceWhileTheWinnersDecisionCannotBeSeenYetAsksToRouteAgainAndChangesNothing() {
    FaultyPersistence persistence = new FaultyPersistence();
    AlertFixture f = new AlertFixture(b -> b.persistence(persistence));
    Customer northwind = f.customer("Northwind");
    Contact ana = f.alerted(northwind, "Ana");
    f.assign(northwind, sim(1));
    UsageAlert alert = f.alert(sim(1), AlertKind.WARNING);
    AlertDecision winner = f.route(alert).decision();
    f.alerted(northwind, "Bo");
    // a database snapshot taken before the other call's decision committed: it stays invisible to this call
    persistence.inject("AlertDecisionLog.find", (args, real) -> Optional.empty());

    assertThatThrownBy(() -> f.route(alert)).isInstanceOfSatisfying(UnavailableException.class,
        e -> assertThat(e.getMessage()).contains(alert.id().toString()).contains("route it again"));

    persistence.heal("AlertDecisionLog.find");
    assertThat(f.estate.alerts().deliveriesOf(ACME, alert.id())).extracting(d -> d.recipient().contactId())
        .containsExactly(ana.id());
    assertThat(routedEvents(f, 1)).hasSize(1);
    RoutingResult again = f.route(alert);
    assertThat(again.duplicateAlertId()).isTrue();
    assertThat(again.decision()).isEqualTo(winner);
  }

  @Test
  void catchAllRecipientsOfATenantWithADigestWindowGetTheirAlertsAfterTheWindowInOneDigest() {
    AlertFixture f = new AlertFixture(b -> b.tenant(ACME, TenantAlertSettings.DEFAULTS.withCatchAll(List.of(NOC, OPS))
        .withDigestWindow(WINDOW)));
    Instant start = f.clock.instant();

    RoutingResult first = f.route(sim(5), AlertKind.WARNING);
    RoutingResult second = f.route(sim(6), AlertKind.WARNING);

    assertThat(first.decision().outcome()).isEqualTo(RoutingOutcome.CATCH_ALL);
    assertThat(first.deliveries()).extracting(Delivery::recipient).containsExactly(NOC, OPS);
    assertThat(first.deliveries()).allSatisfy(d -> {
      assertThat(d.nextAttemptAt()).isEqualTo(start.plus(WINDOW));
      assertThat(d.digestKey()).isNotNull();
    });
    assertThat(second.deliveries()).extracting(Delivery::digestKey)
        .containsOnly(first.deliveries().get(0).digestKey());
    assertThat(f.estate.dispatcher().dispatchDue().claimed()).isZero();
    assertThat(f.sender.attempts()).isEmpty();

    f.clock.advance(WINDOW);
    DispatchReport report = f.estate.dispatcher().dispatchDue();

    assertThat(report.digests()).isEqualTo(2);
    assertThat(f.sender.accepted()).extracting(n -> n.recipient().email().toString())
        .containsExactlyInAnyOrder("noc@acme.example", "ops@acme.example");
    assertThat(f.sender.accepted()).allSatisfy(n -> {
      assertThat(n).isInstanceOf(DigestNotification.class);
      assertThat(((DigestNotification) n).alerts()).extracting(UsageAlert::iccid).containsExactly(sim(5), sim(6));
      assertThat(n.customerName()).isNull();
    });
  }

  @Test
  void catchAllAndCustomerAlertsAreNeverGatheredIntoOneDigest() {
    AlertFixture f = new AlertFixture(b -> b.tenant(ACME, TenantAlertSettings.DEFAULTS.withCatchAll(List.of(NOC))
        .withDigestWindow(WINDOW)));
    Customer northwind = f.customer("Northwind");
    f.alerted(northwind, "Ana");
    f.assign(northwind, sim(1));

    String catchAllKey = f.route(sim(5), AlertKind.WARNING).deliveries().get(0).digestKey();
    String customerKey = f.route(sim(1), AlertKind.WARNING).deliveries().get(0).digestKey();

    assertThat(catchAllKey).isNotEqualTo(customerKey);
  }

  @Test
  void differentDigestsGetDifferentMessageKeys() {
    AlertFixture f = new AlertFixture(b -> b.tenant(ACME, TenantAlertSettings.DEFAULTS.withDigestWindow(WINDOW)));
    Customer northwind = f.customer("Northwind");
    f.alerted(northwind, "Ana");
    f.alerted(northwind, "Bo");
    f.assign(northwind, sim(1), sim(2), sim(3), sim(4));

    f.route(sim(1), AlertKind.WARNING);
    f.route(sim(2), AlertKind.WARNING);
    f.clock.advance(WINDOW);
    f.estate.dispatcher().dispatchDue();
    f.route(sim(3), AlertKind.WARNING);
    f.route(sim(4), AlertKind.WARNING);
    f.clock.advance(WINDOW);
    f.estate.dispatcher().dispatchDue();

    List<Notification> digests = f.sender.accepted();
    assertThat(digests).hasSize(4).allSatisfy(n -> assertThat(n).isInstanceOf(DigestNotification.class));
    assertThat(digests).extracting(Notification::messageKey).doesNotHaveDuplicates();
  }
}
