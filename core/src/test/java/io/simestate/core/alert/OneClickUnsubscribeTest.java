package io.simestate.core.alert;

import static io.simestate.core.alert.AlertFixture.ACME;
import static io.simestate.core.alert.AlertFixture.ALICE;
import static io.simestate.core.alert.AlertFixture.GLOBEX;
import static io.simestate.core.alert.AlertFixture.sim;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.simestate.core.AlertKind;
import io.simestate.core.InvalidInputException;
import io.simestate.core.NotFoundException;
import io.simestate.core.audit.AuditEventType;
import io.simestate.core.customer.Contact;
import io.simestate.core.customer.Customer;
import io.simestate.core.customer.EmailAddress;
import io.simestate.core.estate.OneClickUnsubscribe;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** Issue 12: RFC 8058 one-click unsubscribe, per tenant, contact and alert kind, signed and expiring. */
class OneClickUnsubscribeTest {

  private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
  private static final URI PORTAL = URI.create("https://portal.acme.example/sims");

  private final AlertFixture f = new AlertFixture(b -> b.oneClickUnsubscribe(KEY));
  private final Customer northwind = f.customer("Northwind");
  private final Contact ana = f.alerted(northwind, "Ana");

  OneClickUnsubscribeTest() {
    f.assign(northwind, sim(1));
    f.estate.tenants().change(ACME, ALICE, s -> s.withPortalUrl(PORTAL));
  }

  /** The unsubscribe address of the next alert of this kind that Ana receives. */
  private URI nextLink(AlertKind kind) {
    f.route(sim(1), kind);
    f.estate.dispatcher().dispatchDue();
    List<Notification> sent = f.sender.accepted();
    return sent.get(sent.size() - 1).context().unsubscribeUrl();
  }

  private static String token(URI link) {
    return link.getRawQuery().substring("token=".length());
  }

  private Contact anaNow() {
    return f.estate.customers().get(ACME, northwind.id()).requireContact(ana.id());
  }

  @Test
  void anAlertToAContactOfATenantWithAnHttpsPortalCarriesALinkBelowThePortal() {
    URI link = nextLink(AlertKind.WARNING);
    assertThat(link.toString()).startsWith("https://portal.acme.example/sims/alerts/unsubscribe?token=");
  }

  @Test
  void confirmingSwitchesThatKindOffForThatContactAndRecordsIt() {
    String token = token(nextLink(AlertKind.WARNING));

    OneClickUnsubscribe.Result result = f.estate.oneClickUnsubscribe().confirm(ACME, token);

    assertThat(result.changed()).isTrue();
    assertThat(result.alertsStillOn()).isTrue();
    assertThat(anaNow().alertKinds()).containsExactly(AlertKind.CUT_OFF);
    assertThat(f.estate.auditTrail().forCustomer(ACME, northwind.id(), 20)).anySatisfy(e -> {
      assertThat(e.type()).isEqualTo(AuditEventType.CONTACT_UPDATED);
      assertThat(e.actor().name()).contains("one-click unsubscribe", ana.id().toString());
    });
    assertThat(f.estate.oneClickUnsubscribe().confirm(ACME, token).changed()).isFalse();
  }

  @Test
  void unsubscribingTheOnlyKindLeftSwitchesTheContactsAlertsOff() {
    String warning = token(nextLink(AlertKind.WARNING));
    String cutOff = token(nextLink(AlertKind.CUT_OFF));
    f.estate.oneClickUnsubscribe().confirm(ACME, warning);

    OneClickUnsubscribe.Result result = f.estate.oneClickUnsubscribe().confirm(ACME, cutOff);

    assertThat(result.alertsStillOn()).isFalse();
    assertThat(anaNow().alertsEnabled()).isFalse();
    assertThat(anaNow().alertKinds()).containsExactly(AlertKind.CUT_OFF);
  }

  @Test
  void aTamperedTokenIsRefusedNamingTheTokenAndChangesNothing() {
    String token = token(nextLink(AlertKind.WARNING));
    String otherKind = token.replace("~WARNING~", "~CUT_OFF~");
    String later = token.replaceFirst("~(\\d+)~", "~9$1~");
    char last = token.charAt(token.length() - 1);
    String flipped = token.substring(0, token.length() - 1) + (last == 'A' ? 'B' : 'A');

    for (String bad : List.of(otherKind, later, flipped, "", "1~acme", token + "~x", "x".repeat(500))) {
      assertThatThrownBy(() -> f.estate.oneClickUnsubscribe().confirm(ACME, bad))
          .isInstanceOf(InvalidInputException.class).hasMessageContaining("token");
    }
    assertThat(anaNow().alertKinds()).isEqualTo(EnumSet.allOf(AlertKind.class));
  }

  @Test
  void aTokenSignedWithAnotherKeyIsRefused() {
    String token = token(nextLink(AlertKind.WARNING));
    AlertFixture other = new AlertFixture(b -> b.oneClickUnsubscribe("another key, 32 bytes or more....".getBytes(
        StandardCharsets.US_ASCII)));
    assertThatThrownBy(() -> other.estate.oneClickUnsubscribe().confirm(ACME, token))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("token");
  }

  @Test
  void anExpiredTokenIsRefusedAndOneJustBeforeWorks() {
    String token = token(nextLink(AlertKind.WARNING));
    f.clock.advance(Duration.ofDays(60).minusSeconds(1));
    assertThat(f.estate.oneClickUnsubscribe().confirm(ACME, token).changed()).isTrue();

    String cutOff = token(nextLink(AlertKind.CUT_OFF));
    f.clock.advance(Duration.ofDays(60));
    assertThatThrownBy(() -> f.estate.oneClickUnsubscribe().confirm(ACME, cutOff))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("expired");
    assertThat(anaNow().alertsEnabled()).isTrue();
  }

  @Test
  void aTokenOfAnotherTenantIsNotFound() {
    String token = token(nextLink(AlertKind.WARNING));
    assertThatThrownBy(() -> f.estate.oneClickUnsubscribe().confirm(GLOBEX, token))
        .isInstanceOf(NotFoundException.class);
    assertThat(anaNow().alertKinds()).isEqualTo(EnumSet.allOf(AlertKind.class));
  }

  @Test
  void aTokenOfADeletedContactIsNotFound() {
    String token = token(nextLink(AlertKind.WARNING));
    f.estate.customers().removeContact(ACME, ALICE, northwind.id(), ana.id());
    assertThatThrownBy(() -> f.estate.oneClickUnsubscribe().confirm(ACME, token))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void everyRetryOfOneMessageCarriesTheSameLink() {
    f.sender.answer(n -> SendResult.transientFailure("421 try later"));
    f.route(sim(1), AlertKind.WARNING);
    f.estate.dispatcher().dispatchDue();
    f.clock.advance(Duration.ofHours(1));
    f.sender.answer(n -> SendResult.sent());
    f.estate.dispatcher().dispatchDue();
    assertThat(f.sender.attempts()).hasSize(2)
        .extracting(n -> n.context().unsubscribeUrl()).doesNotContainNull().containsOnly(
            f.sender.attempts().get(0).context().unsubscribeUrl());
  }

  @Test
  void noLinkWithoutAKeyWithoutAnHttpsPortalForCatchAllRecipientsOrOnANotice() {
    AlertFixture noKey = new AlertFixture();
    Customer c = noKey.customer("Northwind");
    noKey.alerted(c, "Ana");
    noKey.assign(c, sim(1));
    noKey.estate.tenants().change(ACME, ALICE, s -> s.withPortalUrl(PORTAL).withSubscriptionNotices(true));
    noKey.route(sim(1), AlertKind.WARNING);
    noKey.estate.dispatcher().dispatchDue();
    assertThat(noKey.sender.accepted()).singleElement().satisfies(n -> {
      assertThat(n.context().unsubscribeUrl()).isNull();
      assertThat(n.context().portalUrl()).isEqualTo(PORTAL);
    });
    assertThatThrownBy(() -> noKey.estate.oneClickUnsubscribe().confirm(ACME, "1~acme~x"))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("not set up");

    UnaryOperator<io.simestate.core.alert.TenantAlertSettings> http = s -> s.withPortalUrl(
        URI.create("http://portal.acme.example/")).withSubscriptionNotices(true)
        .withCatchAll(List.of(Recipient.catchAll("NOC", EmailAddress.parse("noc@acme.example"))));
    f.estate.tenants().change(ACME, ALICE, http);
    f.alerted(northwind, "Bo");
    f.route(sim(1), AlertKind.WARNING);
    f.route(sim(99), AlertKind.WARNING);
    f.estate.dispatcher().dispatchDue();
    assertThat(f.sender.accepted()).hasSizeGreaterThanOrEqualTo(4)
        .allSatisfy(n -> assertThat(n.context().unsubscribeUrl()).isNull());

    f.estate.tenants().change(ACME, ALICE, s -> s.withPortalUrl(PORTAL));
    f.route(sim(99), AlertKind.CUT_OFF);
    f.alerted(northwind, "Cy");
    f.estate.dispatcher().dispatchDue();
    assertThat(f.sender.accepted()).filteredOn(n -> n.recipient().isCatchAll() || n instanceof SubscriptionNotice)
        .hasSizeGreaterThanOrEqualTo(3).allSatisfy(n -> assertThat(n.context().unsubscribeUrl()).isNull());
  }

  @Test
  void aShortKeyIsRefusedWhenTheEstateIsBuilt() {
    assertThatThrownBy(() -> io.simestate.core.estate.SimEstate.builder().oneClickUnsubscribe(new byte[31]))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("unsubscribeKey");
    assertThatThrownBy(() -> io.simestate.core.estate.SimEstate.builder().oneClickUnsubscribe(KEY, "/abs", Duration.ofDays(9)))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("unsubscribePath");
  }
}
