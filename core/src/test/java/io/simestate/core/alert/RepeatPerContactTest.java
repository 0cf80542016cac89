package io.simestate.core.alert;

import static io.simestate.core.alert.AlertFixture.ACME;
import static io.simestate.core.alert.AlertFixture.chosenIds;
import static io.simestate.core.alert.AlertFixture.sim;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.simestate.core.AlertKind;
import io.simestate.core.customer.Contact;
import io.simestate.core.customer.Customer;
import io.simestate.core.customer.EmailAddress;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * F13, issue 11: de-duplication means "this contact has already been told", not "someone was told".
 * A SIM that moves to another customer does not carry the old customer's de-duplication along.
 */
class RepeatPerContactTest {

  private final AlertFixture f = new AlertFixture();

  private UsageAlert warning(String id, int sim) {
    return UsageAlert.of(AlertId.of(id), sim(sim), AlertKind.WARNING, f.clock.instant()).withPeriod("2026-11");
  }

  @Test
  void aSimMovedToAnotherCustomerAlertsTheNewCustomersContacts() {
    Customer c1 = f.customer("Northwind");
    f.alerted(c1, "Ana");
    Customer c2 = f.customer("Contoso");
    Contact carl = f.alerted(c2, "Carl");
    f.assign(c1, sim(1));
    f.route(warning("w-1", 1));

    f.assign(c2, sim(1));
    f.clock.advance(Duration.ofMinutes(10));
    RoutingResult afterMove = f.route(warning("w-2", 1));

    assertThat(afterMove.decision().outcome()).isEqualTo(RoutingOutcome.ROUTED);
    assertThat(chosenIds(afterMove.decision())).containsExactly(carl.id());
    assertThat(afterMove.deliveries()).extracting(d -> d.recipient().contactId()).containsExactly(carl.id());
  }

  @Test
  void aSimMovedBackDoesNotTellTheFirstCustomersContactsTwice() {
    Customer c1 = f.customer("Northwind");
    Contact ana = f.alerted(c1, "Ana");
    Customer c2 = f.customer("Contoso");
    f.alerted(c2, "Carl");
    f.assign(c1, sim(1));
    f.route(warning("w-1", 1));
    f.assign(c2, sim(1));
    f.route(warning("w-2", 1));

    f.assign(c1, sim(1));
    RoutingResult back = f.route(warning("w-3", 1));

    assertThat(back.decision().outcome()).isEqualTo(RoutingOutcome.REPEAT_SUPPRESSED);
    assertThat(back.decision().chosen()).isEmpty();
    assertThat(back.deliveries()).isEmpty();
    assertThat(back.decision().skipped()).extracting(SkippedContact::contactId, SkippedContact::reason)
        .containsExactly(tuple(ana.id(), SkipReason.ALREADY_TOLD));
  }

  @Test
  void aContactAddedAfterTheFirstAlertHearsOfTheRepeatAndOnlyThatContact() {
    Customer c1 = f.customer("Northwind");
    Contact ana = f.alerted(c1, "Ana");
    f.assign(c1, sim(1));
    f.route(warning("w-1", 1));

    Contact bo = f.alerted(c1, "Bo");
    RoutingResult repeat = f.route(warning("w-2", 1));

    assertThat(repeat.decision().outcome()).isEqualTo(RoutingOutcome.ROUTED);
    assertThat(chosenIds(repeat.decision())).containsExactly(bo.id());
    assertThat(repeat.decision().skipped()).extracting(SkippedContact::contactId, SkippedContact::reason)
        .containsExactly(tuple(ana.id(), SkipReason.ALREADY_TOLD));
    f.estate.dispatcher().dispatchDue();
    assertThat(f.sender.accepted()).extracting(n -> n.recipient().contactId())
        .containsExactlyInAnyOrder(ana.id(), bo.id());
  }

  @Test
  void aContactTurningAlertsOnAfterTheFirstAlertHearsOfTheRepeat() {
    Customer c1 = f.customer("Northwind");
    f.alerted(c1, "Ana");
    Contact quiet = f.contact(c1, io.simestate.core.customer.ContactDetails.silent("Quinn", "quinn@northwind.example"));
    f.assign(c1, sim(1));
    f.route(warning("w-1", 1));

    f.estate.customers().updateContact(ACME, AlertFixture.ALICE, c1.id(), quiet.id(),
        io.simestate.core.customer.ContactDetails.alerted("Quinn", "quinn@northwind.example"));
    RoutingResult repeat = f.route(warning("w-2", 1));

    assertThat(chosenIds(repeat.decision())).containsExactly(quiet.id());
  }

  @Test
  void theOutcomeIsRepeatSuppressedOnlyWhenEveryEligibleContactWasTold() {
    Customer c1 = f.customer("Northwind");
    f.alerted(c1, "Ana");
    f.alerted(c1, "Bo");
    f.assign(c1, sim(1));
    f.route(warning("w-1", 1));

    RoutingResult repeat = f.route(warning("w-2", 1));

    assertThat(repeat.decision().outcome()).isEqualTo(RoutingOutcome.REPEAT_SUPPRESSED);
    assertThat(repeat.decision().skipped()).extracting(SkippedContact::reason)
        .containsExactly(SkipReason.ALREADY_TOLD, SkipReason.ALREADY_TOLD);
  }

  @Test
  void aCatchAllRecipientAddedLaterHearsOfTheRepeatAndTheOneAlreadyToldDoesNot() {
    Recipient noc = Recipient.catchAll("NOC", EmailAddress.parse("noc@acme.example"));
    Recipient ops = Recipient.catchAll("Ops", EmailAddress.parse("ops@acme.example"));
    java.util.concurrent.atomic.AtomicReference<TenantAlertSettings> settings =
        new java.util.concurrent.atomic.AtomicReference<>(TenantAlertSettings.DEFAULTS.withCatchAll(List.of(noc)));
    AlertFixture withSource = new AlertFixture(b -> b.tenantSettings(t -> settings.get()));
    withSource.route(UsageAlert.of(AlertId.of("u-1"), sim(9), AlertKind.CUT_OFF, withSource.clock.instant())
        .withPeriod("2026-11"));

    settings.set(TenantAlertSettings.DEFAULTS.withCatchAll(List.of(noc, ops)));
    RoutingResult repeat = withSource.route(UsageAlert.of(AlertId.of("u-2"), sim(9), AlertKind.CUT_OFF,
        withSource.clock.instant()).withPeriod("2026-11"));

    assertThat(repeat.decision().outcome()).isEqualTo(RoutingOutcome.CATCH_ALL);
    assertThat(repeat.decision().chosen()).containsExactly(ops);
    assertThat(repeat.decision().skipped()).extracting(SkippedContact::contactId, SkippedContact::contactName,
        SkippedContact::reason).containsExactly(tuple(null, "NOC", SkipReason.ALREADY_TOLD));
  }
}
