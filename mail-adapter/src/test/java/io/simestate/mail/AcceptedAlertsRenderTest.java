package io.simestate.mail;

import static io.simestate.mail.GreenMailSupport.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.simestate.core.Actor;
import io.simestate.core.AlertKind;
import io.simestate.core.Limits;
import io.simestate.core.TenantId;
import io.simestate.core.alert.AlertId;
import io.simestate.core.alert.AlertNotification;
import io.simestate.core.alert.DeliveryStatus;
import io.simestate.core.alert.DigestNotification;
import io.simestate.core.alert.Recipient;
import io.simestate.core.alert.SenderIdentity;
import io.simestate.core.alert.TenantAlertSettings;
import io.simestate.core.alert.Usage;
import io.simestate.core.alert.UsageAlert;
import io.simestate.core.customer.ContactDetails;
import io.simestate.core.customer.Customer;
import io.simestate.core.customer.CustomerDetails;
import io.simestate.core.estate.SimEstate;
import io.simestate.core.sim.Iccid;
import jakarta.mail.internet.MimeMessage;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 11: every alert routing accepts can be rendered and sent. Routing accepts {@code raisedAt}
 * only within the window around the estate's clock (at its widest a year before to a day after), and
 * usage figures and texts only within core's limits; the templates render all of it in any zone, so a
 * delivery never retries until FAILED over a time it cannot format, and one such alert never fails a
 * digest of good ones.
 */
class AcceptedAlertsRenderTest {

  @RegisterExtension
  static final GreenMailExtension greenMail = GreenMailSupport.smtpServer();

  private static final TenantId TENANT = TenantId.of("acme");
  private static final Actor ALICE = Actor.of("alice");
  private static final Recipient ANA = Fixtures.contact("Ana Lima", "ana@northwind.example");
  private static final BigDecimal WIDEST = new BigDecimal(
      "9".repeat(Limits.FIGURE_INTEGER_DIGITS) + "." + "9".repeat(Limits.FIGURE_FRACTION_DIGITS));
  private static final Usage WIDEST_USAGE = new Usage(WIDEST, WIDEST, "📡".repeat(Limits.USAGE_UNIT_LENGTH / 2),
      new BigDecimal("1E+29"), "p".repeat(Limits.USAGE_PLAN_LENGTH));

  /** The edges of the widest window and of the default one, around the tests' clock. */
  private static List<Instant> acceptedEdges() {
    Instant now = Fixtures.NOW;
    return List.of(now.minus(Duration.ofDays(SimEstate.Builder.MAX_ALERT_PAST_DAYS)), now.plus(Duration.ofDays(1)),
        now.minus(SimEstate.Builder.DEFAULT_ALERT_PAST), now.plus(SimEstate.Builder.DEFAULT_ALERT_FUTURE));
  }

  @Test
  void theTemplatesRenderEveryAcceptedTimeAndFigureInTheFarthestZones() {
    for (String zone : List.of("UTC", "Pacific/Kiritimati", "Etc/GMT+12", "America/St_Johns")) {
      MailTemplates templates = MailTemplates.defaults(ZoneId.of(zone));
      DateTimeFormatter shown = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ENGLISH)
          .withZone(ZoneId.of(zone));
      for (Instant at : acceptedEdges()) {
        UsageAlert alert = new UsageAlert(AlertId.of("a-" + at), Iccid.parse("8944500102198304826"),
            AlertKind.WARNING, at, "p".repeat(Limits.PERIOD_LENGTH), WIDEST_USAGE);

        MailContent single = templates.alert(new AlertNotification(TENANT, Fixtures.SENDER, ANA, "Northwind",
            alert, "m/" + at));
        MailContent digest = templates.digest(new DigestNotification(TENANT, Fixtures.SENDER, ANA, "Northwind",
            AlertKind.WARNING, List.of(alert, Fixtures.usageAlert("good", "8944500102198304834", AlertKind.WARNING)),
            "d/" + at));

        assertThat(single.text()).as(zone + " " + at).contains("Raised: " + shown.format(at))
            .contains(DefaultMailTemplates.number(WIDEST))
            .contains("999,999,999,999,999,999,999,999,999,999.9999999999");
        assertThat(digest.text()).as(zone + " " + at).contains(shown.format(at)).contains("8944500102198304834");
      }
    }
  }

  @Test
  void alertsAtTheEdgesOfTheWidestWindowAreSentInOneDigestWithAGoodOne() throws Exception {
    MutableClock clock = new MutableClock(Fixtures.NOW);
    SimEstate estate = SimEstate.builder()
        .notificationSender(Fixtures.localSender(greenMail.getSmtp().getPort()).clock(clock).build())
        .defaultSender(SenderIdentity.of("alerts@portal.example", "Portal Alerts"))
        .tenant(TENANT, TenantAlertSettings.DEFAULTS.withDigestWindow(Duration.ofMinutes(5)))
        .alertTimeWindow(Duration.ofDays(SimEstate.Builder.MAX_ALERT_PAST_DAYS), Duration.ofDays(1))
        .clock(clock)
        .random(new Random(7))
        .build();
    Customer northwind = estate.customers().create(TENANT, ALICE, CustomerDetails.named("Northwind"));
    estate.customers().addContact(TENANT, ALICE, northwind.id(),
        ContactDetails.alerted("Ana Lima", "ana@northwind.example"));
    List<String> sims = List.of("8944500102198304826", "8944500102198304834", "8944500102198304842");
    estate.sims().assign(TENANT, ALICE, northwind.id(), sims);
    List<Instant> times = List.of(Fixtures.NOW.minus(Duration.ofDays(SimEstate.Builder.MAX_ALERT_PAST_DAYS)),
        Fixtures.NOW, Fixtures.NOW.plus(Duration.ofDays(1)));
    for (int i = 0; i < sims.size(); i++) {
      estate.alerts().route(TENANT, new UsageAlert(AlertId.of("a-" + i), Iccid.parse(sims.get(i)), AlertKind.WARNING,
          times.get(i), "2026-11", WIDEST_USAGE));
    }

    clock.advance(Duration.ofMinutes(6));
    estate.dispatcher().dispatchDue();

    assertThat(estate.alerts().deliveriesTo(TENANT, estate.customers().get(TENANT, northwind.id()).contacts().get(0).id(),
        10)).extracting(d -> d.status()).containsOnly(DeliveryStatus.SENT).hasSize(3);
    MimeMessage[] received = greenMail.getReceivedMessages();
    assertThat(received).hasSize(1);
    assertThat(text(received[0])).contains(sims.toArray(String[]::new));
  }
}
