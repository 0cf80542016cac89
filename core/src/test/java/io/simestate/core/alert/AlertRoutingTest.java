package io.simestate.core.alert;

import static io.simestate.core.alert.AlertFixture.ACME;
import static io.simestate.core.alert.AlertFixture.ALICE;
import static io.simestate.core.alert.AlertFixture.GLOBEX;
import static io.simestate.core.alert.AlertFixture.chosenIds;
import static io.simestate.core.alert.AlertFixture.sim;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.simestate.core.AlertKind;
import io.simestate.core.customer.Contact;
import io.simestate.core.customer.ContactDetails;
import io.simestate.core.customer.ContactId;
import io.simestate.core.customer.Customer;
import io.simestate.core.customer.EmailAddress;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** F9: an alert reaches exactly the right contacts of the SIM's customer, and says who was skipped. */
class AlertRoutingTest {

  private final AlertFixture f = new AlertFixture();

  @Test
  void warningReachesEveryAlertedContactOfTheSimsCustomer() {
    Customer northwind = f.customer("Northwind");
    Contact ana = f.alerted(northwind, "Ana");
    Contact bo = f.alerted(northwind, "Bo");
    f.assign(northwind, sim(1));

    RoutingResult result = f.route(sim(1), AlertKind.WARNING);

    assertThat(result.decision().outcome()).isEqualTo(RoutingOutcome.ROUTED);
    assertThat(result.decision().customerId()).isEqualTo(northwind.id());
    assertThat(chosenIds(result.decision())).containsExactly(ana.id(), bo.id());
    assertThat(result.deliveries()).extracting(d -> d.recipient().contactId()).containsExactly(ana.id(), bo.id());
  }

  @Test
  void cutOffAlertReachesOnlyContactsWantingCutOffs() {
    Customer northwind = f.customer("Northwind");
    Contact warningsOnly = f.alerted(northwind, "Wendy", AlertKind.WARNING);
    Contact cutOffsOnly = f.alerted(northwind, "Carl", AlertKind.CUT_OFF);
    Contact both = f.alerted(northwind, "Bea");
    f.assign(northwind, sim(1));

    AlertDecision d = f.route(sim(1), AlertKind.CUT_OFF).decision();

    assertThat(chosenIds(d)).containsExactly(cutOffsOnly.id(), both.id());
    assertThat(d.skipped()).extracting(SkippedContact::contactId, SkippedContact::reason)
        .containsExactly(tuple(warningsOnly.id(), SkipReason.KIND_NOT_WANTED));
  }

  @Test
  void contactWithAlertsOffIsSkippedWithReasonAlertsOff() {
    Customer northwind = f.customer("Northwind");
    Contact quiet = f.contact(northwind, ContactDetails.silent("Quinn", "quinn@northwind.example"));
    Contact noEmail = f.contact(northwind, ContactDetails.silent("Nemo", null));
    f.assign(northwind, sim(1));

    AlertDecision d = f.route(sim(1), AlertKind.WARNING).decision();

    assertThat(d.outcome()).isEqualTo(RoutingOutcome.NO_ELIGIBLE_CONTACT);
    assertThat(d.chosen()).isEmpty();
    assertThat(d.skipped()).extracting(SkippedContact::contactId, SkippedContact::reason)
        .containsExactlyInAnyOrder(tuple(quiet.id(), SkipReason.ALERTS_OFF), tuple(noEmail.id(), SkipReason.ALERTS_OFF));
    assertThat(f.estate.alerts().deliveriesOf(ACME, d.alert().id())).isEmpty();
  }

  @Test
  void contactWithoutValidEmailIsExcludedWithReasonNoValidEmail() {
    // A stored contact cannot have alerts on without an email, so the standard rule order reports
    // ALERTS_OFF first; the email rule on its own must still name its reason.
    Contact noEmail = new Contact(ContactId.random(), "Nemo", null, null, null, false, Set.of(AlertKind.WARNING));
    Contact withEmail = new Contact(ContactId.random(), "Ema", EmailAddress.parse("ema@x.example"), null, null, false,
        Set.of(AlertKind.WARNING));

    assertThat(RoutingRule.HAS_VALID_EMAIL.excludes(noEmail, AlertKind.WARNING)).contains(SkipReason.NO_VALID_EMAIL);
    assertThat(RoutingRule.HAS_VALID_EMAIL.excludes(withEmail, AlertKind.WARNING)).isEmpty();

    AlertRouter emailFirst = new AlertRouter(List.of(RoutingRule.HAS_VALID_EMAIL, RoutingRule.ALERTS_SWITCHED_ON));
    AlertDecision d = emailFirst.decide(ACME, UsageAlert.of(AlertId.of("a"), sim(1), AlertKind.WARNING, Instant.EPOCH),
        Optional.of(new SimHolder(io.simestate.core.customer.CustomerId.random(), "N", List.of(noEmail))),
        TenantAlertSettings.DEFAULTS, Instant.EPOCH);
    assertThat(d.skipped()).extracting(SkippedContact::reason).containsExactly(SkipReason.NO_VALID_EMAIL);
  }

  @Test
  void oneHolderAskedByTwoRoutersGetsEachRoutersOwnAnswerForEachKind() {
    Contact warningsOnly = new Contact(ContactId.random(), "Wendy", EmailAddress.parse("wendy@x.example"), null, null,
        true, Set.of(AlertKind.WARNING));
    SimHolder holder = new SimHolder(io.simestate.core.customer.CustomerId.random(), "N", List.of(warningsOnly));
    AlertRouter standard = new AlertRouter();
    AlertRouter anyKind = new AlertRouter(List.of(RoutingRule.ALERTS_SWITCHED_ON));
    Optional<SimHolder> h = Optional.of(holder);

    // Asked again and alternately: what one router chose for the holder is never another's answer.
    for (int round = 0; round < 2; round++) {
      assertThat(standard.recipients(h, AlertKind.WARNING, TenantAlertSettings.DEFAULTS)).hasSize(1);
      assertThat(standard.recipients(h, AlertKind.CUT_OFF, TenantAlertSettings.DEFAULTS)).isEmpty();
      assertThat(anyKind.recipients(h, AlertKind.CUT_OFF, TenantAlertSettings.DEFAULTS)).hasSize(1);
      AlertDecision cutOff = standard.decide(ACME, UsageAlert.of(AlertId.of("a" + round), sim(1), AlertKind.CUT_OFF,
          Instant.EPOCH), h, TenantAlertSettings.DEFAULTS, Instant.EPOCH);
      assertThat(cutOff.outcome()).isEqualTo(RoutingOutcome.NO_ELIGIBLE_CONTACT);
      assertThat(cutOff.skipped()).extracting(SkippedContact::reason).containsExactly(SkipReason.KIND_NOT_WANTED);
    }
  }

  @Test
  void contactsOfOtherCustomersNeverReceiveTheAlert() {
    Customer northwind = f.customer("Northwind");
    Customer contoso = f.customer("Contoso");
    Contact ana = f.alerted(northwind, "Ana");
    f.alerted(contoso, "Carla");
    f.assign(northwind, sim(1));
    f.assign(contoso, sim(2));

    AlertDecision d = f.route(sim(1), AlertKind.WARNING).decision();

    assertThat(chosenIds(d)).containsExactly(ana.id());
    assertThat(d.skipped()).isEmpty();
  }

  @Test
  void simWithNoCustomerReachesNoContact() {
    Customer northwind = f.customer("Northwind");
    f.alerted(northwind, "Ana");
    f.assign(northwind, sim(1));

    RoutingResult result = f.route(sim(99), AlertKind.CUT_OFF);

    assertThat(result.decision().outcome()).isEqualTo(RoutingOutcome.UNASSIGNED);
    assertThat(result.decision().customerId()).isNull();
    assertThat(result.decision().chosen()).isEmpty();
    assertThat(result.deliveries()).isEmpty();
  }

  @Test
  void simUnassignedAfterAssignmentReachesNoContact() {
    Customer northwind = f.customer("Northwind");
    f.alerted(northwind, "Ana");
    f.assign(northwind, sim(1));
    f.estate.sims().unassign(ACME, ALICE, List.of(sim(1).digits()));

    assertThat(f.route(sim(1), AlertKind.WARNING).decision().chosen()).isEmpty();
  }

  @Test
  void movedSimReachesItsNewCustomerOnly() {
    Customer northwind = f.customer("Northwind");
    Customer contoso = f.customer("Contoso");
    f.alerted(northwind, "Ana");
    Contact carla = f.alerted(contoso, "Carla");
    f.assign(northwind, sim(1));
    f.assign(contoso, sim(1));

    AlertDecision d = f.route(sim(1), AlertKind.WARNING).decision();

    assertThat(d.customerId()).isEqualTo(contoso.id());
    assertThat(chosenIds(d)).containsExactly(carla.id());
  }

  @Test
  void anotherTenantsAssignmentOfTheSameIccidIsNotUsed() {
    Customer globexCustomer = f.customer(GLOBEX, "Initech");
    f.alerted(globexCustomer, "Gil");
    f.assign(globexCustomer, sim(7));

    RoutingResult inAcme = f.estate.alerts().route(ACME, f.alert(sim(7), AlertKind.WARNING));

    assertThat(inAcme.decision().outcome()).isEqualTo(RoutingOutcome.UNASSIGNED);
    assertThat(inAcme.decision().chosen()).isEmpty();
    assertThat(inAcme.deliveries()).isEmpty();
    assertThat(f.estate.alerts().recipientsFor(ACME, sim(7), AlertKind.WARNING)).isEmpty();
    assertThat(f.estate.alerts().recipientsFor(GLOBEX, sim(7), AlertKind.WARNING)).hasSize(1);
  }

  @Test
  void sameAlertIdInAnotherTenantIsRoutedSeparately() {
    Customer acmeCustomer = f.customer(ACME, "Northwind");
    Contact ana = f.alerted(acmeCustomer, "Ana");
    f.assign(acmeCustomer, sim(1));
    Customer globexCustomer = f.customer(GLOBEX, "Initech");
    Contact gil = f.alerted(globexCustomer, "Gil");
    f.assign(globexCustomer, sim(2));
    AlertId shared = AlertId.of("platform-17");

    RoutingResult a = f.estate.alerts().route(ACME, UsageAlert.of(shared, sim(1), AlertKind.WARNING, f.clock.instant()));
    RoutingResult g = f.estate.alerts().route(GLOBEX, UsageAlert.of(shared, sim(2), AlertKind.WARNING, f.clock.instant()));

    assertThat(a.duplicateAlertId()).isFalse();
    assertThat(g.duplicateAlertId()).isFalse();
    assertThat(chosenIds(a.decision())).containsExactly(ana.id());
    assertThat(chosenIds(g.decision())).containsExactly(gil.id());
  }

  @Test
  void recipientsForAnswersWithoutRecordingAnything() {
    Customer northwind = f.customer("Northwind");
    Contact ana = f.alerted(northwind, "Ana");
    f.alerted(northwind, "Wendy", AlertKind.WARNING);
    f.assign(northwind, sim(1));
    int eventsBefore = f.estate.auditTrail().recent(ACME, 1000).size();

    List<Recipient> recipients = f.estate.alerts().recipientsFor(ACME, sim(1), AlertKind.CUT_OFF);

    assertThat(recipients).extracting(Recipient::contactId).containsExactly(ana.id());
    assertThat(recipients.get(0).email().toString()).isEqualTo("ana@northwind.example");
    assertThat(f.estate.alerts().decisionsForSim(ACME, sim(1), 10)).isEmpty();
    assertThat(f.estate.alerts().deliveriesForSim(ACME, sim(1), 10)).isEmpty();
    assertThat(f.estate.alerts().deliveryCounts().values()).allMatch(n -> n == 0L);
    assertThat(f.estate.auditTrail().recent(ACME, 1000)).hasSize(eventsBefore);
    // a real alert afterwards is not taken for a repeat of the question
    assertThat(f.route(sim(1), AlertKind.CUT_OFF).decision().outcome()).isEqualTo(RoutingOutcome.ROUTED);
  }

  @Test
  void contactSwitchedOffAfterwardsNoLongerReceivesAlerts() {
    Customer northwind = f.customer("Northwind");
    Contact ana = f.alerted(northwind, "Ana");
    Contact bo = f.alerted(northwind, "Bo");
    f.assign(northwind, sim(1));
    f.estate.customers().updateContact(ACME, ALICE, northwind.id(), bo.id(),
        ContactDetails.silent("Bo", "bo@northwind.example"));

    AlertDecision d = f.route(sim(1), AlertKind.WARNING).decision();

    assertThat(chosenIds(d)).containsExactly(ana.id());
    assertThat(d.skipped()).extracting(SkippedContact::contactId).containsExactly(bo.id());
  }

  @Test
  void recipientsTheRepeatGuardHeldBackAreSkippedAsAlreadyToldAfterThoseTheRulesExcluded() {
    Contact ana = new Contact(ContactId.random(), "Ana", EmailAddress.parse("ana@x.example"), null, null, true,
        Set.of(AlertKind.WARNING));
    Contact bo = new Contact(ContactId.random(), "Bo", EmailAddress.parse("bo@x.example"), null, null, true,
        Set.of(AlertKind.WARNING));
    Contact nemo = new Contact(ContactId.random(), "Nemo", null, null, null, false, Set.of(AlertKind.WARNING));
    AlertRouter router = new AlertRouter();
    AlertDecision eligible = router.decide(ACME, UsageAlert.of(AlertId.of("a"), sim(1), AlertKind.WARNING,
        Instant.EPOCH), Optional.of(new SimHolder(io.simestate.core.customer.CustomerId.random(), "N",
        List.of(ana, nemo, bo))), TenantAlertSettings.DEFAULTS, Instant.EPOCH);
    Recipient toAna = eligible.chosen().get(0);

    assertThat(router.withoutAlreadyTold(eligible, eligible.chosen())).isSameAs(eligible);

    AlertDecision boTold = router.withoutAlreadyTold(eligible, List.of(toAna));
    assertThat(boTold.outcome()).isEqualTo(RoutingOutcome.ROUTED);
    assertThat(chosenIds(boTold)).containsExactly(ana.id());
    assertThat(boTold.skipped()).extracting(SkippedContact::contactId, SkippedContact::reason).containsExactly(
        tuple(nemo.id(), SkipReason.ALERTS_OFF), tuple(bo.id(), SkipReason.ALREADY_TOLD));
    assertThat(boTold.alert()).isEqualTo(eligible.alert());
    assertThat(boTold.customerId()).isEqualTo(eligible.customerId());

    AlertDecision bothTold = router.withoutAlreadyTold(eligible, List.of());
    assertThat(bothTold.outcome()).isEqualTo(RoutingOutcome.REPEAT_SUPPRESSED);
    assertThat(bothTold.chosen()).isEmpty();
    assertThat(bothTold.skipped()).extracting(SkippedContact::contactId)
        .containsExactly(nemo.id(), ana.id(), bo.id());
  }
}
