package io.simestate.core.alert;

import static io.simestate.core.alert.AlertFixture.ACME;
import static io.simestate.core.alert.AlertFixture.ALICE;
import static io.simestate.core.alert.AlertFixture.GLOBEX;
import static org.assertj.core.api.Assertions.assertThat;

import io.simestate.core.customer.Contact;
import io.simestate.core.customer.ContactDetails;
import io.simestate.core.AlertKind;
import io.simestate.core.customer.Customer;
import io.simestate.core.customer.CustomerDetails;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** F10: a contact whose alerts are switched on is told where automated alerts will come from. */
class SubscriptionNoticeTest {

  private static final SenderIdentity ACME_SENDER = SenderIdentity.of("alerts@acme.example", "ACME Alerts");

  private final AlertFixture f = new AlertFixture(b -> b
      .tenant(ACME, TenantAlertSettings.DEFAULTS.withSender(ACME_SENDER).withSubscriptionNotices(true))
      .retryPolicy(AlertFixture.exactRetry(3)));

  @Test
  void contactCreatedWithAlertsOnGetsANoticeFromTheTenantsSender() {
    Customer northwind = f.customer("Northwind");
    Contact ana = f.alerted(northwind, "Ana");

    f.estate.dispatcher().dispatchDue();

    assertThat(f.sender.accepted()).singleElement().isInstanceOfSatisfying(SubscriptionNotice.class, n -> {
      assertThat(n.recipient().contactId()).isEqualTo(ana.id());
      assertThat(n.recipient().email().toString()).isEqualTo("ana@northwind.example");
      assertThat(n.sender()).isEqualTo(ACME_SENDER);
      assertThat(n.customerName()).isEqualTo("Northwind");
    });
    assertThat(f.estate.alerts().deliveriesTo(ACME, ana.id(), 10)).singleElement().satisfies(d -> {
      assertThat(d.kind()).isEqualTo(DeliveryKind.SUBSCRIPTION_NOTICE);
      assertThat(d.status()).isEqualTo(DeliveryStatus.SENT);
    });
  }

  @Test
  void aCustomerCreatedWithItsContactsInOneStepTellsOnlyTheContactsWhoseAlertsAreOn() {
    Customer northwind = f.estate.customers().create(ACME, ALICE, CustomerDetails.named("Northwind"), List.of(
        ContactDetails.alerted("Ana", "ana@northwind.example"),
        ContactDetails.silent("Quinn", "quinn@northwind.example"),
        ContactDetails.alerted("Bo", "bo@northwind.example").wanting(AlertKind.CUT_OFF)));

    f.estate.dispatcher().dispatchDue();

    assertThat(f.sender.accepted()).allSatisfy(n -> assertThat(n).isInstanceOf(SubscriptionNotice.class))
        .extracting(n -> n.recipient().email().toString())
        .containsExactlyInAnyOrder("ana@northwind.example", "bo@northwind.example");
    assertThat(f.sender.accepted()).allSatisfy(n -> assertThat(((SubscriptionNotice) n).customerName())
        .isEqualTo(northwind.name().value()));
  }

  @Test
  void contactSwitchedFromOffToOnGetsANotice() {
    Customer northwind = f.customer("Northwind");
    Contact bo = f.contact(northwind, ContactDetails.silent("Bo", "bo@northwind.example"));
    f.estate.dispatcher().dispatchDue();
    assertThat(f.sender.accepted()).isEmpty();

    f.clock.advance(Duration.ofMinutes(1));
    f.estate.customers().updateContact(ACME, ALICE, northwind.id(), bo.id(), ContactDetails.alerted("Bo",
        "bo@northwind.example"));
    f.estate.dispatcher().dispatchDue();

    assertThat(f.sender.accepted()).singleElement().isInstanceOfSatisfying(SubscriptionNotice.class,
        n -> assertThat(n.recipient().contactId()).isEqualTo(bo.id()));
  }

  @Test
  void editingAContactWhoseAlertsStayOnSendsNoSecondNotice() {
    Customer northwind = f.customer("Northwind");
    Contact ana = f.alerted(northwind, "Ana");
    f.estate.dispatcher().dispatchDue();

    f.clock.advance(Duration.ofMinutes(1));
    f.estate.customers().updateContact(ACME, ALICE, northwind.id(), ana.id(),
        ContactDetails.alerted("Ana Lima", "ana@northwind.example").withPhoneAndRole("+44 20 1234", "Fleet"));
    f.estate.dispatcher().dispatchDue();

    assertThat(f.sender.accepted()).hasSize(1);
  }

  @Test
  void contactCreatedWithAlertsOffGetsNoNotice() {
    Customer northwind = f.customer("Northwind");
    f.contact(northwind, ContactDetails.silent("Quinn", "quinn@northwind.example"));

    f.estate.dispatcher().dispatchDue();

    assertThat(f.sender.attempts()).isEmpty();
    assertThat(f.estate.alerts().deliveryCounts().values()).allMatch(n -> n == 0L);
  }

  @Test
  void tenantWithoutNoticesSendsNone() {
    Customer initech = f.customer(GLOBEX, "Initech");
    Contact gil = f.alerted(initech, "Gil");
    Contact hal = f.contact(initech, ContactDetails.silent("Hal", "hal@initech.example"));
    f.estate.customers().updateContact(GLOBEX, ALICE, initech.id(), hal.id(),
        ContactDetails.alerted("Hal", "hal@initech.example"));

    f.estate.dispatcher().dispatchDue();

    assertThat(f.sender.attempts()).isEmpty();
    assertThat(f.estate.alerts().deliveriesTo(GLOBEX, gil.id(), 10)).isEmpty();
  }

  @Test
  void noticeIsRetriedAfterATransientFailureAndSentOnce() {
    Customer northwind = f.customer("Northwind");
    Contact ana = f.alerted(northwind, "Ana");
    f.sender.answer(n -> SendResult.transientFailure("421 later"));
    f.estate.dispatcher().dispatchDue();
    f.sender.answer(n -> SendResult.sent());

    f.clock.advance(Duration.ofSeconds(30));
    f.estate.dispatcher().dispatchDue();
    f.clock.advance(Duration.ofHours(1));
    f.estate.dispatcher().dispatchDue();

    assertThat(f.sender.attempts()).hasSize(2);
    assertThat(f.sender.accepted()).hasSize(1);
    assertThat(f.estate.alerts().deliveriesTo(ACME, ana.id(), 10)).singleElement()
        .satisfies(d -> assertThat(d.attempts()).isEqualTo(2));
  }

  @Test
  void switchingOffAndOnAgainLaterSendsAnotherNotice() {
    Customer northwind = f.customer("Northwind");
    Contact ana = f.alerted(northwind, "Ana");
    f.estate.dispatcher().dispatchDue();
    f.estate.customers().updateContact(ACME, ALICE, northwind.id(), ana.id(),
        ContactDetails.silent("Ana", "ana@northwind.example"));
    f.clock.advance(Duration.ofDays(1));
    f.estate.customers().updateContact(ACME, ALICE, northwind.id(), ana.id(),
        ContactDetails.alerted("Ana", "ana@northwind.example"));

    f.estate.dispatcher().dispatchDue();

    assertThat(f.sender.accepted()).hasSize(2).allSatisfy(n -> assertThat(n).isInstanceOf(SubscriptionNotice.class));
  }
}
