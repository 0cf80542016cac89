package io.simestate.core.contract;

import static io.simestate.core.contract.ContractFixtures.newIccid;
import static io.simestate.core.contract.ContractFixtures.newTenant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.simestate.core.Actor;
import io.simestate.core.AlertKind;
import io.simestate.core.InvalidInputException;
import io.simestate.core.Limits;
import io.simestate.core.TenantId;
import io.simestate.core.alert.AlertId;
import io.simestate.core.alert.Recipient;
import io.simestate.core.alert.RoutingOutcome;
import io.simestate.core.alert.SenderIdentity;
import io.simestate.core.alert.TenantAlertSettings;
import io.simestate.core.alert.TenantSettingsStore;
import io.simestate.core.alert.UsageAlert;
import io.simestate.core.audit.AuditEventType;
import io.simestate.core.customer.EmailAddress;
import io.simestate.core.estate.SimEstate;
import io.simestate.core.persistence.Persistence;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link TenantSettingsStore} (F17): every value of a tenant's settings reads back
 * equal, also at its limits; a save replaces, a remove forgets, a failed transaction leaves nothing;
 * tenants are independent. And through {@code SimEstate.tenants()} on the same persistence: a change
 * is audited and the next routing follows it.
 */
public abstract class TenantSettingsContract {

  private static final Instant NOW = Instant.parse("2026-11-30T06:00:00Z");

  /**
   * The persistence under test; its {@link Persistence#tenantSettings()} and transactions are used.
   *
   * @return the persistence
   */
  protected abstract Persistence persistence();

  private TenantSettingsStore store() {
    return persistence().tenantSettings();
  }

  private static TenantAlertSettings full() {
    return new TenantAlertSettings(
        new SenderIdentity(EmailAddress.parse("alerts@acme.example"), "ACME Alerts", EmailAddress.parse("ops@acme.example")),
        List.of(Recipient.catchAll("NOC Zürich", EmailAddress.parse("noc@acme.example")),
            Recipient.catchAll("Ops", EmailAddress.parse("ops@acme.example"))),
        Duration.ofMinutes(5), true, EmailAddress.parse("support@acme.example"), Duration.ofHours(6),
        ZoneId.of("Europe/Zurich"), URI.create("https://portal.acme.example/sims/"), "ACME Connect");
  }

  @Test
  void aTenantWithoutStoredSettingsHasNone() {
    assertThat(store().find(newTenant())).isEmpty();
  }

  @Test
  void everyValueReadsBackEqual() {
    TenantId tenant = newTenant();
    persistence().transactions().run(() -> store().save(tenant, full()));
    assertThat(store().find(tenant)).contains(full());
  }

  @Test
  void theDefaultsReadBackEqual() {
    TenantId tenant = newTenant();
    persistence().transactions().run(() -> store().save(tenant, TenantAlertSettings.DEFAULTS));
    assertThat(store().find(tenant)).contains(TenantAlertSettings.DEFAULTS);
  }

  @Test
  void valuesAtTheirLimitsReadBackEqual() {
    List<Recipient> most = new ArrayList<>();
    String domain = ("d".repeat(63) + ".").repeat(2) + "d".repeat(254 - 64 - 1 - 128 - 4) + ".com";
    for (int i = 0; i < Limits.CATCH_ALL_RECIPIENTS; i++) {
      String local = String.format("%02d", i) + "n".repeat(62);
      most.add(Recipient.catchAll("📡".repeat(Limits.RECIPIENT_NAME_LENGTH / 2), EmailAddress.parse(local + "@" + domain)));
    }
    String longestUrl = "https://portal.example/" + "p".repeat(Limits.PORTAL_URL_LENGTH - "https://portal.example/".length());
    TenantAlertSettings limits = full().withCatchAll(most).withPortalUrl(URI.create(longestUrl))
        .withDisplayName("📡".repeat(Limits.TENANT_NAME_LENGTH)).withRepeatWindow(TenantAlertSettings.MAX_REPEAT_WINDOW)
        .withDigestWindow(Duration.ofDays(1)).withTimeZone(ZoneId.of("America/Argentina/ComodRivadavia"));
    TenantId tenant = newTenant();

    persistence().transactions().run(() -> store().save(tenant, limits));

    assertThat(store().find(tenant)).contains(limits);
  }

  @Test
  void aSaveReplacesEveryValueAlsoWithNone() {
    TenantId tenant = newTenant();
    persistence().transactions().run(() -> store().save(tenant, full()));
    TenantAlertSettings fewer = TenantAlertSettings.DEFAULTS.withTimeZone(ZoneOffset.ofHours(2));
    persistence().transactions().run(() -> store().save(tenant, fewer));
    assertThat(store().find(tenant)).contains(fewer);
  }

  @Test
  void aRemoveForgetsAndSaysWhetherThereWereAny() {
    TenantId tenant = newTenant();
    persistence().transactions().run(() -> store().save(tenant, full()));
    assertThat(persistence().transactions().inTransaction(() -> store().remove(tenant))).isTrue();
    assertThat(persistence().transactions().inTransaction(() -> store().remove(tenant))).isFalse();
    assertThat(store().find(tenant)).isEmpty();
  }

  @Test
  void aFailedTransactionLeavesTheSettingsAsTheyWere() {
    TenantId tenant = newTenant();
    persistence().transactions().run(() -> store().save(tenant, full()));
    assertThatThrownBy(() -> persistence().transactions().run(() -> {
      store().save(tenant, TenantAlertSettings.DEFAULTS);
      throw new IllegalStateException("the use case failed after the save");
    })).isInstanceOf(IllegalStateException.class);
    assertThat(store().find(tenant)).contains(full());
  }

  @Test
  void aRemovalInAFailedTransactionLeavesTheSettingsAsTheyWere() {
    TenantId tenant = newTenant();
    persistence().transactions().run(() -> store().save(tenant, full()));
    assertThatThrownBy(() -> persistence().transactions().run(() -> {
      store().remove(tenant);
      throw new IllegalStateException("the use case failed after the removal");
    })).isInstanceOf(IllegalStateException.class);
    assertThat(store().find(tenant)).contains(full());
  }

  @Test
  void tenantsAreIndependent() {
    TenantId acme = newTenant();
    TenantId other = newTenant();
    persistence().transactions().run(() -> store().save(acme, full()));
    assertThat(store().find(other)).isEmpty();
    persistence().transactions().run(() -> store().remove(other));
    assertThat(store().find(acme)).contains(full());
  }

  @Test
  void aChangeThroughTheEstateIsAuditedAndTheNextRoutingFollowsIt() {
    SimEstate estate = SimEstate.builder().persistence(persistence()).clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
    TenantId tenant = newTenant();
    Recipient noc = Recipient.catchAll("NOC", EmailAddress.parse("noc@acme.example"));
    assertThat(estate.alerts().route(tenant, alert("a-1")).decision().outcome()).isEqualTo(RoutingOutcome.UNASSIGNED);

    estate.tenants().change(tenant, Actor.of("alice"), s -> s.withCatchAll(List.of(noc)));

    assertThat(estate.alerts().route(tenant, alert("a-2")).decision().chosen()).containsExactly(noc);
    assertThat(estate.auditTrail().recent(tenant, 10)).anySatisfy(e -> {
      assertThat(e.type()).isEqualTo(AuditEventType.TENANT_SETTINGS_CHANGED);
      assertThat(e.actor()).isEqualTo(Actor.of("alice"));
      assertThat(e.summary()).contains("catchAll");
    });
  }

  @Test
  void anInvalidChangeIsRefusedNamingTheFieldAndStoresNothing() {
    SimEstate estate = SimEstate.builder().persistence(persistence()).build();
    TenantId tenant = newTenant();
    assertThatThrownBy(() -> estate.tenants().change(tenant, Actor.of("alice"),
        s -> s.withPortalUrl(URI.create("javascript:alert(1)"))))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("portalUrl");
    assertThat(estate.tenants().stored(tenant)).isEmpty();
    assertThat(estate.auditTrail().recent(tenant, 10)).isEmpty();
  }

  private static UsageAlert alert(String id) {
    return UsageAlert.of(AlertId.of(id), newIccid(), AlertKind.WARNING, NOW);
  }
}
