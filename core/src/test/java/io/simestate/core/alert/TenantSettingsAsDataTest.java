package io.simestate.core.alert;

import static io.simestate.core.alert.AlertFixture.ACME;
import static io.simestate.core.alert.AlertFixture.ALICE;
import static io.simestate.core.alert.AlertFixture.DEFAULT_SENDER;
import static io.simestate.core.alert.AlertFixture.GLOBEX;
import static io.simestate.core.alert.AlertFixture.sim;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.simestate.core.Actor;
import io.simestate.core.AlertKind;
import io.simestate.core.InvalidInputException;
import io.simestate.core.UnavailableException;
import io.simestate.core.audit.AuditEvent;
import io.simestate.core.audit.AuditEventType;
import io.simestate.core.customer.Customer;
import io.simestate.core.customer.EmailAddress;
import io.simestate.core.estate.Tenants;
import java.net.URI;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Collections;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** Issue 12, F17: tenants' settings stored as data, read through a short cache, audited. */
class TenantSettingsAsDataTest {

  private static final Recipient NOC = Recipient.catchAll("NOC", EmailAddress.parse("noc@acme.example"));
  private static final SenderIdentity ACME_SENDER = SenderIdentity.of("alerts@acme.example", "ACME Alerts");

  @Test
  void aHostSourceThatThrowsForOneTenantFailsThatTenantsRoutingWithTheLibrarysExceptionAndNoOther() {
    AlertFixture f = new AlertFixture(b -> b.tenantSettings(t -> {
      if (t.equals(GLOBEX)) {
        throw new IllegalStateException("configuration service down");
      }
      return TenantAlertSettings.DEFAULTS;
    }));
    f.estate.tenants().change(ACME, ALICE, s -> s.withCatchAll(List.of(NOC)));

    assertThatThrownBy(() -> f.estate.alerts().route(GLOBEX, f.alert(sim(1), AlertKind.WARNING)))
        .isInstanceOf(UnavailableException.class).hasMessageContaining("globex")
        .hasRootCauseMessage("configuration service down");
    assertThat(f.route(sim(1), AlertKind.WARNING).decision().chosen()).containsExactly(NOC);
  }

  @Test
  void aHostSourceWinsForTheTenantsItAnswersAndStoredSettingsApplyToTheOthers() {
    TenantAlertSettings hosts = TenantAlertSettings.DEFAULTS.withSender(ACME_SENDER);
    AlertFixture f = new AlertFixture(b -> b.tenantSettings(t -> t.equals(ACME) ? hosts : TenantAlertSettings.DEFAULTS));
    f.estate.tenants().change(ACME, ALICE, s -> s.withCatchAll(List.of(NOC)));
    f.estate.tenants().change(GLOBEX, ALICE, s -> s.withCatchAll(List.of(NOC)));

    assertThat(f.estate.tenants().settings(ACME)).isEqualTo(hosts);
    assertThat(f.estate.tenants().origin(ACME)).isEqualTo(Tenants.Origin.HOST);
    assertThat(f.estate.tenants().settings(GLOBEX).catchAll()).containsExactly(NOC);
    assertThat(f.estate.tenants().origin(GLOBEX)).isEqualTo(Tenants.Origin.STORED);
  }

  @Test
  void theBuildersSettingsAreTheDefaultsUntilSettingsAreStoredAndAgainAfterAReset() {
    TenantAlertSettings built = TenantAlertSettings.DEFAULTS.withSender(ACME_SENDER);
    AlertFixture f = new AlertFixture(b -> b.tenant(ACME, built));
    assertThat(f.estate.tenants().origin(ACME)).isEqualTo(Tenants.Origin.BUILDER);
    assertThat(f.estate.tenants().origin(GLOBEX)).isEqualTo(Tenants.Origin.DEFAULTS);

    TenantAlertSettings changed = f.estate.tenants().change(ACME, ALICE, s -> s.withCatchAll(List.of(NOC)));

    assertThat(changed).isEqualTo(built.withCatchAll(List.of(NOC)));
    assertThat(f.estate.tenants().settings(ACME)).isEqualTo(changed);
    assertThat(f.estate.tenants().reset(ACME, ALICE)).isTrue();
    assertThat(f.estate.tenants().settings(ACME)).isEqualTo(built);
    assertThat(f.estate.tenants().reset(ACME, ALICE)).isFalse();
  }

  @Test
  void aStoredChangeOfSenderAndReplyToTakesEffectWithTheNextDispatch() {
    AlertFixture f = new AlertFixture();
    Customer northwind = f.customer("Northwind");
    f.alerted(northwind, "Ana");
    f.assign(northwind, sim(1));
    f.route(sim(1), AlertKind.WARNING);
    f.estate.dispatcher().dispatchDue();
    assertThat(f.sender.accepted()).singleElement().satisfies(n -> assertThat(n.sender()).isEqualTo(DEFAULT_SENDER));

    EmailAddress support = EmailAddress.parse("support@acme.example");
    f.estate.tenants().change(ACME, ALICE, s -> s.withSender(ACME_SENDER).withReplyTo(support));
    f.route(sim(1), AlertKind.CUT_OFF);
    f.estate.dispatcher().dispatchDue();

    assertThat(f.sender.accepted().get(1).sender())
        .isEqualTo(new SenderIdentity(ACME_SENDER.address(), ACME_SENDER.displayName(), support));
  }

  @Test
  void aReplyToWithoutASenderOfTheTenantsGoesWithTheDefaultSender() {
    AlertFixture f = new AlertFixture();
    EmailAddress support = EmailAddress.parse("support@acme.example");
    f.estate.tenants().change(ACME, ALICE, s -> s.withReplyTo(support));
    assertThat(f.estate.tenants().settings(ACME).effectiveSender(DEFAULT_SENDER).replyTo()).isEqualTo(support);
    assertThat(f.estate.tenants().settings(ACME).effectiveSender(DEFAULT_SENDER).address())
        .isEqualTo(DEFAULT_SENDER.address());
  }

  @Test
  void theTenantsNameZoneAndPortalReachTheMessage() {
    AlertFixture f = new AlertFixture();
    Customer northwind = f.customer("Northwind");
    f.alerted(northwind, "Ana");
    f.assign(northwind, sim(1));
    f.estate.tenants().change(ACME, ALICE, s -> s.withDisplayName("ACME Connect")
        .withTimeZone(ZoneId.of("Europe/Berlin")).withPortalUrl(URI.create("https://portal.acme.example/")));

    f.route(sim(1), AlertKind.WARNING);
    f.estate.dispatcher().dispatchDue();

    assertThat(f.sender.accepted()).singleElement().satisfies(n -> assertThat(n.context()).isEqualTo(
        new NotificationContext("ACME Connect", ZoneId.of("Europe/Berlin"), URI.create("https://portal.acme.example/"),
            null)));
  }

  @Test
  void aTenantsRepeatWindowReplacesTheBuildersForThatTenantOnly() {
    AlertFixture f = new AlertFixture(b -> b.repeatWindow(Duration.ofHours(24)));
    f.estate.tenants().change(ACME, ALICE, s -> s.withCatchAll(List.of(NOC)).withRepeatWindow(Duration.ofHours(1)));
    f.estate.tenants().change(GLOBEX, ALICE, s -> s.withCatchAll(List.of(NOC)));
    f.route(sim(9), AlertKind.WARNING);
    f.estate.alerts().route(GLOBEX, f.alert(sim(9), AlertKind.WARNING));

    f.clock.advance(Duration.ofHours(2));

    assertThat(f.route(sim(9), AlertKind.WARNING).decision().chosen()).containsExactly(NOC);
    assertThat(f.estate.alerts().route(GLOBEX, f.alert(sim(9), AlertKind.WARNING)).decision().chosen()).isEmpty();
  }

  @Test
  void aChangeMadeByAnotherInstanceIsSeenWhenTheCacheRunsOut() {
    AlertFixture f = new AlertFixture(b -> b.tenantSettingsCache(Duration.ofSeconds(30)));
    assertThat(f.route(sim(9), AlertKind.WARNING).decision().chosen()).isEmpty();
    // Another instance on the same database writes the store directly; this one has cached "none".
    f.estate.persistence().transactions().run(() -> f.estate.persistence().tenantSettings()
        .save(ACME, TenantAlertSettings.DEFAULTS.withCatchAll(List.of(NOC))));

    assertThat(f.route(sim(8), AlertKind.WARNING).decision().chosen()).isEmpty();
    f.clock.advance(Duration.ofSeconds(30).minusNanos(1));
    assertThat(f.route(sim(6), AlertKind.WARNING).decision().chosen()).isEmpty();
    f.clock.advance(Duration.ofNanos(1));
    assertThat(f.route(sim(7), AlertKind.WARNING).decision().chosen()).containsExactly(NOC);
  }

  @Test
  void aFailedChangeLeavesTheSettingsAndTheAuditTrailAsTheyWere() {
    AlertFixture f = new AlertFixture();
    f.estate.tenants().change(ACME, ALICE, s -> s.withCatchAll(List.of(NOC)));
    int events = f.estate.auditTrail().recent(ACME, 100).size();
    UnaryOperator<TenantAlertSettings> broken = s -> s.withDisplayName("ACME\nBcc: everyone");

    assertThatThrownBy(() -> f.estate.tenants().change(ACME, ALICE, broken))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("displayName");

    assertThat(f.estate.tenants().settings(ACME).catchAll()).containsExactly(NOC);
    assertThat(f.estate.auditTrail().recent(ACME, 100)).hasSize(events);
  }

  @Test
  void everyInvalidValueIsRefusedNamingItsField() {
    TenantAlertSettings s = TenantAlertSettings.DEFAULTS;
    assertField("repeatWindow", () -> s.withRepeatWindow(Duration.ZERO));
    assertField("repeatWindow", () -> s.withRepeatWindow(Duration.ofDays(32)));
    assertField("digestWindow", () -> s.withDigestWindow(Duration.ofMinutes(-1)));
    assertField("catchAll", () -> s.withCatchAll(Collections.nCopies(21, NOC)));
    assertField("catchAll", () -> s.withCatchAll(java.util.Arrays.asList(NOC, null)));
    assertField("portalUrl", () -> s.withPortalUrl(URI.create("ftp://portal.example/")));
    assertField("portalUrl", () -> s.withPortalUrl(URI.create("/relative")));
    assertField("portalUrl", () -> s.withPortalUrl(URI.create("https://user:pw@portal.example/")));
    assertField("portalUrl", () -> s.withPortalUrl(URI.create("https://portal.example/?a=1")));
    assertField("portalUrl", () -> TenantAlertSettings.parsePortalUrl("https://portal example"));
    assertField("displayName", () -> s.withDisplayName("   "));
    assertField("displayName", () -> s.withDisplayName("x".repeat(101)));
    assertField("displayName", () -> s.withDisplayName("ACME\u202e"));
    assertThat(s.withDisplayName("  ACME   Connect ").displayName()).isEqualTo("ACME Connect");
    assertThat(TenantAlertSettings.parsePortalUrl(" https://portal.example/acme ").toString())
        .isEqualTo("https://portal.example/acme");
  }

  @Test
  void storingCompleteSettingsReturnsTheSettingsNowInEffect() {
    AlertFixture f = new AlertFixture();
    TenantAlertSettings complete = TenantAlertSettings.DEFAULTS.withSender(ACME_SENDER).withCatchAll(List.of(NOC));

    TenantAlertSettings stored = f.estate.tenants().change(ACME, ALICE, complete);

    assertThat(stored).isEqualTo(complete);
    assertThat(f.estate.tenants().stored(ACME)).contains(complete);
  }

  @Test
  void theAuditEventNamesEveryChangedSettingAndRepeatsOnlyValuesThatAreNoAddresses() {
    AlertFixture f = new AlertFixture();
    Tenants tenants = f.estate.tenants();

    tenants.change(ACME, ALICE, s -> s.withSender(ACME_SENDER));
    assertThat(lastChange(f)).isEqualTo("sender");
    tenants.change(ACME, ALICE, s -> s.withReplyTo(EmailAddress.parse("support@acme.example")));
    assertThat(lastChange(f)).isEqualTo("replyTo");
    tenants.change(ACME, ALICE, s -> s.withCatchAll(List.of(NOC)));
    assertThat(lastChange(f)).isEqualTo("catchAll");
    tenants.change(ACME, ALICE, s -> s.withDigestWindow(Duration.ofMinutes(5)));
    assertThat(lastChange(f)).isEqualTo("digestWindow PT5M");
    tenants.change(ACME, ALICE, s -> s.withRepeatWindow(Duration.ofHours(1)));
    assertThat(lastChange(f)).isEqualTo("repeatWindow PT1H");
    tenants.change(ACME, ALICE, s -> s.withTimeZone(ZoneId.of("Europe/Berlin")));
    assertThat(lastChange(f)).isEqualTo("timeZone Europe/Berlin");
    tenants.change(ACME, ALICE, s -> s.withPortalUrl(URI.create("https://portal.acme.example/")));
    assertThat(lastChange(f)).isEqualTo("portalUrl https://portal.acme.example/");
    tenants.change(ACME, ALICE, s -> s.withDisplayName("ACME Connect"));
    assertThat(lastChange(f)).isEqualTo("displayName");
    tenants.change(ACME, ALICE, s -> s.withSubscriptionNotices(true));
    assertThat(lastChange(f)).isEqualTo("subscriptionNotices true");
  }

  @Test
  void aSettingSetBackToTheDefaultIsRecordedAsDefaultAndSeveralChangesInTheirOrder() {
    AlertFixture f = new AlertFixture();
    Tenants tenants = f.estate.tenants();
    tenants.change(ACME, ALICE, s -> s.withSender(ACME_SENDER).withTimeZone(ZoneId.of("Europe/Berlin")));
    assertThat(lastChange(f)).isEqualTo("sender, timeZone Europe/Berlin");

    tenants.change(ACME, ALICE, s -> s.withSender(null).withTimeZone(null));
    assertThat(lastChange(f)).isEqualTo("sender (default), timeZone (default)");

    tenants.change(ACME, ALICE, s -> s);
    assertThat(lastChange(f)).isEqualTo("nothing changed");
  }

  @Test
  void resettingStoredSettingsIsRecordedWithTheActorAndResettingNoneRecordsNothing() {
    AlertFixture f = new AlertFixture();
    assertThat(f.estate.tenants().reset(ACME, ALICE)).isFalse();
    assertThat(f.estate.auditTrail().recent(ACME, 10)).isEmpty();

    f.estate.tenants().change(ACME, ALICE, s -> s.withCatchAll(List.of(NOC)));
    Actor bob = Actor.of("bob");
    assertThat(f.estate.tenants().reset(ACME, bob)).isTrue();

    assertThat(f.estate.auditTrail().recent(ACME, 10)).hasSize(2).first().satisfies(e -> {
      assertThat(e.type()).isEqualTo(AuditEventType.TENANT_SETTINGS_CHANGED);
      assertThat(e.actor()).isEqualTo(bob);
      assertThat(e.summary()).startsWith("Removed the tenant's stored settings");
    });
  }

  @Test
  void theCacheTimeIsCheckedWhenTheEstateIsBuilt() {
    assertThatThrownBy(() -> io.simestate.core.estate.SimEstate.builder().tenantSettingsCache(Duration.ofMinutes(11)))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("tenantSettingsCache");
  }

  /** What the newest audit event of ACME says changed, after its fixed opening. */
  private static String lastChange(AlertFixture f) {
    AuditEvent last = f.estate.auditTrail().recent(ACME, 1).get(0);
    assertThat(last.type()).isEqualTo(AuditEventType.TENANT_SETTINGS_CHANGED);
    assertThat(last.actor()).isEqualTo(ALICE);
    assertThat(last.summary()).startsWith("Changed the tenant's settings: ");
    return last.summary().substring("Changed the tenant's settings: ".length());
  }

  private static void assertField(String field, Runnable change) {
    assertThatThrownBy(change::run).isInstanceOf(InvalidInputException.class).hasMessageContaining(field);
  }
}
