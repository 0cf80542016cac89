package io.simestate.core.alert;

import static io.simestate.core.alert.AlertFixture.ACME;
import static io.simestate.core.alert.AlertFixture.sim;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.simestate.core.AlertKind;
import io.simestate.core.InvalidInputException;
import io.simestate.core.customer.Contact;
import io.simestate.core.customer.ContactDetails;
import io.simestate.core.customer.ContactId;
import io.simestate.core.customer.Customer;
import io.simestate.core.customer.CustomerId;
import io.simestate.core.customer.EmailAddress;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** F16, issue 11: a skipped contact carries every reason that applies, so a portal can say what to fix. */
class AllSkipReasonsTest {

  private final AlertFixture f = new AlertFixture();

  @Test
  void aContactWithAlertsOffAndNoEmailIsReportedWithBothReasons() {
    Customer northwind = f.customer("Northwind");
    Contact nemo = f.contact(northwind, ContactDetails.silent("Nemo", null));
    f.assign(northwind, sim(1));

    AlertDecision d = f.route(sim(1), AlertKind.WARNING).decision();

    assertThat(d.skipped()).singleElement().satisfies(s -> {
      assertThat(s.contactId()).isEqualTo(nemo.id());
      assertThat(s.reasons()).containsExactly(SkipReason.ALERTS_OFF, SkipReason.NO_VALID_EMAIL);
      assertThat(s.reason()).isEqualTo(SkipReason.ALERTS_OFF);
    });
    assertThat(f.estate.alerts().decision(ACME, d.alert().id()).orElseThrow().skipped().get(0).reasons())
        .containsExactly(SkipReason.ALERTS_OFF, SkipReason.NO_VALID_EMAIL);
  }

  @Test
  void everyRuleThatExcludesAContactGivesItsReasonInTheOrderOfTheRules() {
    Contact none = new Contact(ContactId.random(), "Nemo", null, null, null, false, Set.of(AlertKind.CUT_OFF));
    Contact onlyKind = new Contact(ContactId.random(), "Wendy", EmailAddress.parse("w@x.example"), null, null, true,
        Set.of(AlertKind.CUT_OFF));
    SimHolder holder = new SimHolder(CustomerId.random(), "Northwind", List.of(none, onlyKind));
    UsageAlert warning = UsageAlert.of(AlertId.of("a"), sim(1), AlertKind.WARNING, Instant.EPOCH);

    AlertDecision standard = new AlertRouter().decide(ACME, warning, Optional.of(holder),
        TenantAlertSettings.DEFAULTS, Instant.EPOCH);
    AlertDecision kindFirst = new AlertRouter(List.of(RoutingRule.WANTS_KIND, RoutingRule.HAS_VALID_EMAIL,
        RoutingRule.ALERTS_SWITCHED_ON)).decide(ACME, warning, Optional.of(holder), TenantAlertSettings.DEFAULTS,
        Instant.EPOCH);

    assertThat(standard.skipped()).extracting(SkippedContact::reasons).containsExactly(
        List.of(SkipReason.ALERTS_OFF, SkipReason.NO_VALID_EMAIL, SkipReason.KIND_NOT_WANTED),
        List.of(SkipReason.KIND_NOT_WANTED));
    assertThat(kindFirst.skipped().get(0).reasons()).containsExactly(SkipReason.KIND_NOT_WANTED,
        SkipReason.NO_VALID_EMAIL, SkipReason.ALERTS_OFF);
  }

  @Test
  void aSkippedContactNeedsAtLeastOneReasonAndNamesEachOnce() {
    ContactId id = ContactId.random();

    assertThatThrownBy(() -> new SkippedContact(id, "Nemo", List.of()))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("reasons");
    assertThat(new SkippedContact(id, "Nemo", List.of(SkipReason.ALERTS_OFF, SkipReason.ALERTS_OFF)).reasons())
        .containsExactly(SkipReason.ALERTS_OFF);
  }
}
