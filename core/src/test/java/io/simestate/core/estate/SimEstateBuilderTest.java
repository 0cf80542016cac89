package io.simestate.core.estate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.simestate.core.Actor;
import io.simestate.core.AlertKind;
import io.simestate.core.InvalidInputException;
import io.simestate.core.TenantId;
import io.simestate.core.alert.AlertId;
import io.simestate.core.alert.Notification;
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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/**
 * What the builder refuses to build, which sender an estate's mail comes from, and each setting's
 * limits: the value at the edge is accepted, the next one past it refused naming the setting.
 */
class SimEstateBuilderTest {

  private static final TenantId ACME = TenantId.of("acme");
  private static final Actor ALICE = Actor.of("alice");
  private static final String SIM = "8944500102198304826";
  private static final Duration NANO = Duration.ofNanos(1);
  private final byte[] key = new byte[32];

  private final List<SenderIdentity> from = new ArrayList<>();
  private final NotificationSender realSender = n -> {
    from.add(n.sender());
    return SendResult.sent();
  };

  @Test
  void anEstateInMemoryIsAWholeLibraryThatRoutesAndSendsAnAlert() {
    routeAndDispatchOneAlert(SimEstate.inMemory());
  }

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

  @Test
  void theInMemorySenderShowsEachMessageToItsConsumerAndForgetsWhatWasSentWhenCleared() {
    List<Notification> shown = new ArrayList<>();
    RecordingNotificationSender recording = new RecordingNotificationSender(shown::add);
    SimEstate estate = SimEstate.builder().notificationSender(recording).build();

    routeAndDispatchOneAlert(estate);

    assertThat(shown).hasSize(1).isEqualTo(recording.sent());
    recording.clear();
    assertThat(recording.sent()).isEmpty();
  }

  @Test
  void theTenantSettingsCacheMayBeZeroToTenMinutes() {
    assertAccepted(b -> b.tenantSettingsCache(Duration.ZERO));
    assertAccepted(b -> b.tenantSettingsCache(Duration.ofMinutes(10)));
    assertRefused("tenantSettingsCache", () -> SimEstate.builder().tenantSettingsCache(NANO.negated()));
    assertRefused("tenantSettingsCache", () -> SimEstate.builder().tenantSettingsCache(Duration.ofMinutes(10).plus(NANO)));
  }

  @Test
  void unsubscribeLinksMayWorkForOneDayToOneYear() {
    assertAccepted(b -> b.oneClickUnsubscribe(key, "alerts/unsubscribe", Duration.ofDays(1)));
    assertAccepted(b -> b.oneClickUnsubscribe(key, "alerts/unsubscribe", Duration.ofDays(366)));
    assertRefused("unsubscribeValidity",
        () -> SimEstate.builder().oneClickUnsubscribe(key, "alerts/unsubscribe", Duration.ofDays(1).minus(NANO)));
    assertRefused("unsubscribeValidity",
        () -> SimEstate.builder().oneClickUnsubscribe(key, "alerts/unsubscribe", Duration.ofDays(366).plus(NANO)));
  }

  @Test
  void theRepeatWindowIsAtLeastOneSecond() {
    assertAccepted(b -> b.repeatWindow(Duration.ofSeconds(1)));
    assertRefused("repeatWindow", () -> SimEstate.builder().repeatWindow(Duration.ofSeconds(1).minus(NANO)));
  }

  @Test
  void alertsMayBeRaisedMoreThanZeroToAYearBeforeNowAndUpToADayAfter() {
    Duration year = Duration.ofDays(SimEstate.Builder.MAX_ALERT_PAST_DAYS);
    assertAccepted(b -> b.alertTimeWindow(NANO, Duration.ZERO));
    assertAccepted(b -> b.alertTimeWindow(year, Duration.ofDays(1)));
    assertRefused("alertTimeWindow.past", () -> SimEstate.builder().alertTimeWindow(Duration.ZERO, Duration.ZERO));
    assertRefused("alertTimeWindow.past", () -> SimEstate.builder().alertTimeWindow(year.plus(NANO), Duration.ZERO));
    assertRefused("alertTimeWindow.future", () -> SimEstate.builder().alertTimeWindow(year, NANO.negated()));
    assertRefused("alertTimeWindow.future",
        () -> SimEstate.builder().alertTimeWindow(year, Duration.ofDays(1).plus(NANO)));
  }

  @Test
  void aDispatchRoundClaimsOneToTenThousandDeliveries() {
    assertAccepted(b -> b.dispatchBatchSize(1));
    assertAccepted(b -> b.dispatchBatchSize(10_000));
    assertRefused("dispatchBatchSize", () -> SimEstate.builder().dispatchBatchSize(0));
    assertRefused("dispatchBatchSize", () -> SimEstate.builder().dispatchBatchSize(10_001));
  }

  @Test
  void theDispatchLeaseIsAtLeastOneSecond() {
    assertAccepted(b -> b.dispatchLease(Duration.ofSeconds(1)));
    assertRefused("dispatchLease", () -> SimEstate.builder().dispatchLease(Duration.ofSeconds(1).minus(NANO)));
  }

  @Test
  void theSendTimeLimitIsTenMillisecondsToOneHour() {
    assertAccepted(b -> b.sendTimeLimit(Duration.ofMillis(10)));
    assertAccepted(b -> b.sendTimeLimit(Duration.ofHours(1)));
    assertRefused("sendTimeLimit", () -> SimEstate.builder().sendTimeLimit(Duration.ofMillis(10).minus(NANO)));
    assertRefused("sendTimeLimit", () -> SimEstate.builder().sendTimeLimit(Duration.ofHours(1).plus(NANO)));
  }

  /** The setting is taken and an estate builds with it. */
  private static void assertAccepted(UnaryOperator<SimEstate.Builder> setting) {
    assertThat(setting.apply(SimEstate.builder()).build()).isNotNull();
  }

  private static void assertRefused(String field, ThrowingCallable setting) {
    assertThatThrownBy(setting).isInstanceOfSatisfying(InvalidInputException.class,
        e -> assertThat(e.violations()).singleElement().satisfies(v -> assertThat(v.field()).isEqualTo(field)));
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
