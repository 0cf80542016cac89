package io.simestate.core.alert;

import static io.simestate.core.alert.AlertFixture.ACME;
import static io.simestate.core.alert.AlertFixture.ALICE;
import static io.simestate.core.alert.AlertFixture.GLOBEX;
import static io.simestate.core.alert.AlertFixture.sim;
import static org.assertj.core.api.Assertions.assertThat;

import io.simestate.core.AlertKind;
import io.simestate.core.TenantId;
import io.simestate.core.customer.Customer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * F17: a digest and a subscription notice carry their own tenant's name, time zone and portal, as a
 * single alert does; the sender (the mail adapter's templates) has nothing else to show them from.
 */
class TenantContextOfDigestsAndNoticesTest {

  private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
  private static final Duration WINDOW = Duration.ofMinutes(5);
  private static final URI ACME_PORTAL = URI.create("https://portal.acme.example/");
  private static final URI GLOBEX_PORTAL = URI.create("https://sims.globex.example/");

  private final AlertFixture f = new AlertFixture(b -> b.oneClickUnsubscribe(KEY));

  TenantContextOfDigestsAndNoticesTest() {
    f.estate.tenants().change(ACME, ALICE, s -> s.withDisplayName("ACME Connect")
        .withTimeZone(ZoneId.of("Europe/Berlin")).withPortalUrl(ACME_PORTAL).withDigestWindow(WINDOW)
        .withSubscriptionNotices(true));
    f.estate.tenants().change(GLOBEX, ALICE, s -> s.withDisplayName("Globex IoT")
        .withTimeZone(ZoneId.of("America/Chicago")).withPortalUrl(GLOBEX_PORTAL).withDigestWindow(WINDOW)
        .withSubscriptionNotices(true));
  }

  private List<Notification> sentTo(TenantId tenant, Class<? extends Notification> type) {
    return f.sender.accepted().stream().filter(n -> n.tenantId().equals(tenant)).filter(type::isInstance).toList();
  }

  @Test
  void aDigestCarriesItsTenantsNameZonePortalAndTheContactsUnsubscribeLink() {
    Customer northwind = f.customer(ACME, "Northwind");
    f.alerted(northwind, "Ana");
    f.assign(northwind, sim(1), sim(2), sim(3));
    Customer initech = f.customer(GLOBEX, "Initech");
    f.alerted(initech, "Bo");
    f.assign(initech, sim(11), sim(12));
    for (int n : new int[] {1, 2, 3}) {
      f.route(sim(n), AlertKind.WARNING);
    }
    for (int n : new int[] {11, 12}) {
      f.estate.alerts().route(GLOBEX, f.alert(sim(n), AlertKind.CUT_OFF));
    }
    f.clock.advance(WINDOW);

    f.estate.dispatcher().dispatchDue();

    assertOneDigest(ACME, 3, "ACME Connect", ZoneId.of("Europe/Berlin"), ACME_PORTAL);
    assertOneDigest(GLOBEX, 2, "Globex IoT", ZoneId.of("America/Chicago"), GLOBEX_PORTAL);
  }

  /** The tenant's one digest lists its alerts and carries its context, with a link below its portal. */
  private void assertOneDigest(TenantId tenant, int alerts, String name, ZoneId zone, URI portal) {
    assertThat(sentTo(tenant, DigestNotification.class)).singleElement().satisfies(n -> {
      assertThat(((DigestNotification) n).alerts()).hasSize(alerts);
      assertThat(n.context().tenant()).contains(name);
      assertThat(n.context().timeZone()).isEqualTo(zone);
      assertThat(n.context().portal()).contains(portal);
      assertThat(n.context().unsubscribe()).hasValueSatisfying(link -> assertThat(link.toString())
          .startsWith(portal + "alerts/unsubscribe?token="));
    });
  }

  @Test
  void aSubscriptionNoticeCarriesItsTenantsNameZoneAndPortalAndNoUnsubscribeLink() {
    f.alerted(f.customer(ACME, "Northwind"), "Ana");
    f.alerted(f.customer(GLOBEX, "Initech"), "Bo");

    f.estate.dispatcher().dispatchDue();

    assertThat(sentTo(ACME, SubscriptionNotice.class)).singleElement().satisfies(n -> assertThat(n.context())
        .isEqualTo(new NotificationContext("ACME Connect", ZoneId.of("Europe/Berlin"), ACME_PORTAL, null)));
    assertThat(sentTo(GLOBEX, SubscriptionNotice.class)).singleElement().satisfies(n -> assertThat(n.context())
        .isEqualTo(new NotificationContext("Globex IoT", ZoneId.of("America/Chicago"), GLOBEX_PORTAL, null)));
  }
}
