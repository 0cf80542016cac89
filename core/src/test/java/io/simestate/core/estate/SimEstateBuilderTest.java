package io.simestate.core.estate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.simestate.core.Actor;
import io.simestate.core.AlertKind;
import io.simestate.core.InvalidInputException;
import io.simestate.core.TenantId;
import io.simestate.core.alert.AlertId;
import io.simestate.core.alert.NotificationSender;
import io.simestate.core.alert.SendResult;
import io.simestate.core.alert.SenderIdentity;
import io.simestate.core.alert.TenantAlertSettings;
import io.simestate.core.alert.UsageAlert;
import io.simestate.core.customer.ContactDetails;
import io.simestate.core.customer.Customer;
import io.simestate.core.customer.CustomerDetails;
import io.simestate.core.inmemory.RecordingNotificationSender;
import io.simestate.core.sim.Iccid;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the builder refuses to build, and which sender an estate's mail comes from. */
class SimEstateBuilderTest {

  private static final TenantId ACME = TenantId.of("acme");
  private static final Actor ALICE = Actor.of("alice");
  private static final String SIM = "8944500102198304826";

  private final List<SenderIdentity> from = new ArrayList<>();
  private final NotificationSender realSender = n -> {
    from.add(n.sender());
    return SendResult.sent();
  };

  @Test
  void aSenderOfRealMessagesWithoutADefaultSenderIsRefusedWithWhatToSet() {
    SimEstate.Builder builder = SimEstate.builder().notificationSender(realSender);

    assertThatThrownBy(builder::build)
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations()).singleElement()
            .satisfies(v -> {
              assertThat(v.field()).isEqualTo("defaultSender");
              assertThat(v.message()).contains("defaultSender(SenderIdentity.of(");
            }));
  }

  @Test
  void tenantsWithTheirOwnSendersDoNotStandInForTheDefaultSender() {
    // A tenant the builder has never heard of can raise alerts too, and it sends from the default.
    SimEstate.Builder builder = SimEstate.builder().notificationSender(realSender)
        .tenant(ACME, TenantAlertSettings.DEFAULTS.withSender(SenderIdentity.of("noc@acme.example", "ACME NOC")));

    assertThatThrownBy(builder::build).isInstanceOf(InvalidInputException.class).hasMessageContaining("defaultSender");
  }

  @Test
  void aTenantWithoutASenderOfItsOwnSendsFromTheDefaultSender() {
    SenderIdentity portal = SenderIdentity.of("alerts@portal.example", "Portal alerts");
    SimEstate estate = SimEstate.builder().notificationSender(realSender).defaultSender(portal).build();

    routeAndDispatchOneAlert(estate);

    assertThat(from).containsExactly(portal);
  }

  @Test
  void theInMemorySenderNeedsNoDefaultSenderAndSendsFromAnExampleAddress() {
    RecordingNotificationSender recording = new RecordingNotificationSender();
    SimEstate estate = SimEstate.builder().notificationSender(recording).build();

    routeAndDispatchOneAlert(estate);

    assertThat(recording.sent()).singleElement().satisfies(n -> {
      assertThat(n.sender()).isEqualTo(SimEstate.Builder.TEST_SENDER);
      assertThat(n.sender().address().toString()).endsWith("@simestate.example");
    });
  }

  private static void routeAndDispatchOneAlert(SimEstate estate) {
    Customer c = estate.customers().create(ACME, ALICE, CustomerDetails.named("Northwind"));
    estate.customers().addContact(ACME, ALICE, c.id(), ContactDetails.alerted("Ana", "ana@northwind.example"));
    estate.sims().assign(ACME, ALICE, c.id(), List.of(SIM));
    estate.alerts().route(ACME, UsageAlert.of(AlertId.of("w-1"), Iccid.parse(SIM), AlertKind.WARNING,
        Instant.now()));
    assertThat(estate.dispatcher().dispatchDue().sent()).isEqualTo(1);
  }
}
