package io.simestate.examples.portal;

import static org.assertj.core.api.Assertions.assertThat;

import io.simestate.core.TenantId;
import io.simestate.core.alert.AlertNotification;
import io.simestate.core.alert.Notification;
import io.simestate.core.alert.SenderIdentity;
import io.simestate.core.alert.TenantAlertSettings;
import io.simestate.core.customer.CustomerId;
import io.simestate.core.customer.DeletionConfirmation;
import io.simestate.core.estate.SimEstate;
import io.simestate.core.inmemory.InMemoryPersistence;
import io.simestate.core.inmemory.RecordingNotificationSender;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * How a portal's own test suite tests its service on SIM Estate: the in-memory persistence and the
 * recording notification sender from core, no database and no mail server, a fixed clock.
 */
class PortalServiceTest {

  private static final TenantId ACME = TenantId.of("acme");
  private static final TenantId GLOBEX = TenantId.of("globex");
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC);
  private static final String RANGE = "8944500102198304826..8944500102198305815";
  private static final String SIM = "8944500102198304834";

  private final RecordingNotificationSender mailbox = new RecordingNotificationSender();
  private PortalService acme;
  private PortalService globex;

  @BeforeEach
  void wireTheLibraryInMemory() {
    SimEstate estate = SimEstate.builder()
        .persistence(InMemoryPersistence.create())
        .notificationSender(mailbox)
        .tenant(ACME, TenantAlertSettings.DEFAULTS.withSender(SenderIdentity.of("alerts@acme.example", "ACME Alerts")))
        .clock(CLOCK)
        .build();
    acme = new PortalService(estate, ACME, CLOCK);
    globex = new PortalService(estate, GLOBEX, CLOCK);
  }

  @Test
  void onboardingThenAWarningReachesTheNewContactFromTheTenantsSender() {
    CustomerId northwind = acme.onboard("alice", "Northwind Logistics", "Ana Fleet", "ana@northwind.example")
        .created().orElseThrow();
    assertThat(acme.assignRange("alice", northwind, RANGE)).isEqualTo("100 SIMs assigned, 0 moved from other customers");

    assertThat(acme.onUsageWebhook("w-1", SIM, "warning", "2026-11")).containsExactly("Ana Fleet");
    assertThat(acme.sendPendingAlerts()).isEqualTo(1);

    List<Notification> sent = mailbox.sent();
    assertThat(sent).hasSize(1);
    AlertNotification mail = (AlertNotification) sent.get(0);
    assertThat(mail.recipient().email().toString()).isEqualTo("ana@northwind.example");
    assertThat(mail.sender().address().toString()).isEqualTo("alerts@acme.example");
    assertThat(mail.customerName()).isEqualTo("Northwind Logistics");
  }

  @Test
  void theSameWebhookCalledTwiceSendsOneEmail() {
    CustomerId northwind = acme.onboard("alice", "Northwind Logistics", "Ana Fleet", "ana@northwind.example")
        .created().orElseThrow();
    acme.assignRange("alice", northwind, RANGE);

    acme.onUsageWebhook("w-1", SIM, "warning", "2026-11");
    assertThat(acme.onUsageWebhook("w-1", SIM, "warning", "2026-11")).isEmpty();
    assertThat(acme.onUsageWebhook("w-2", SIM, "warning", "2026-11")).as("same SIM, kind and period").isEmpty();
    acme.sendPendingAlerts();

    assertThat(mailbox.sent()).hasSize(1);
  }

  @Test
  void aFormWithAMistypedEmailShowsTheErrorAndLeavesNothingBehind() {
    PortalService.FormResult result = acme.onboard("alice", "Northwind Logistics", "Ana Fleet", "ana@@northwind");

    assertThat(result.ok()).isFalse();
    assertThat(result.errors()).containsKey("contact.email");
    assertThat(acme.onboard("alice", "Northwind Logistics", "Ana Fleet", "ana@northwind.example").ok())
        .as("the name is free again").isTrue();
  }

  @Test
  void aDuplicateNameIsReportedOnTheNameField() {
    acme.onboard("alice", "Northwind Logistics", "Ana", "ana@northwind.example");

    PortalService.FormResult again = acme.onboard("bob", "  northwind   LOGISTICS ", "Ben", "ben@northwind.example");

    assertThat(again.errors()).isEqualTo(Map.of("customer.name", "is already taken by another customer"));
  }

  @Test
  void anotherTenantNeverSeesTheCustomerOrItsContacts() {
    CustomerId northwind = acme.onboard("alice", "Northwind Logistics", "Ana Fleet", "ana@northwind.example")
        .created().orElseThrow();
    acme.assignRange("alice", northwind, RANGE);

    assertThat(globex.whoGetsWarningsFor(SIM)).isEmpty();
    assertThat(globex.onUsageWebhook("g-1", SIM, "warning", "2026-11")).isEmpty();
    assertThat(globex.assignRange("gary", northwind, RANGE)).isEqualTo("Not assigned: the customer no longer exists");
  }

  @Test
  void deletingAskedForFirstAndAStaleDialogIsRefused() {
    CustomerId northwind = acme.onboard("alice", "Northwind Logistics", "Ana Fleet", "ana@northwind.example")
        .created().orElseThrow();
    acme.assignRange("alice", northwind, RANGE);
    Map.Entry<DeletionConfirmation, String> dialog = acme.askToDelete(northwind);
    assertThat(dialog.getValue()).isEqualTo(
        "Deleting Northwind Logistics removes 1 contact; 100 SIMs lose their customer designation.");

    acme.assignRange("bob", northwind, "8944500102198305823..8944500102198305823");
    assertThat(acme.confirmDelete("alice", dialog.getKey())).startsWith("The customer changed");

    assertThat(acme.confirmDelete("alice", acme.askToDelete(northwind).getKey()))
        .isEqualTo("Deleted Northwind Logistics; 101 SIMs are now without customer.");
    assertThat(acme.whoGetsWarningsFor(SIM)).isEmpty();
  }
}
