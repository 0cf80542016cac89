package io.simestate.mail;

import static io.simestate.mail.Fixtures.SENDER;
import static io.simestate.mail.Fixtures.TENANT;
import static org.assertj.core.api.Assertions.assertThat;

import io.simestate.core.AlertKind;
import io.simestate.core.alert.AlertNotification;
import io.simestate.core.alert.DigestNotification;
import io.simestate.core.alert.Notification;
import io.simestate.core.alert.NotificationContext;
import io.simestate.core.alert.Recipient;
import io.simestate.core.alert.SenderIdentity;
import io.simestate.core.alert.SubscriptionNotice;
import io.simestate.core.alert.Usage;
import io.simestate.core.alert.UsageAlert;
import io.simestate.core.customer.EmailAddress;
import java.math.BigDecimal;
import java.net.URI;
import java.time.ZoneId;
import java.util.List;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What a recipient sees of the optional parts of a message: each part appears, in the text and in the
 * HTML part, exactly when the setting or figure it shows is given, and nothing stands in for it when it
 * is not.
 */
class OptionalMessagePartsTest {

  private static final Recipient ANA = Fixtures.contact("Ana Lima", "ana@northwind.example");
  private static final Recipient NOC = Recipient.catchAll("NOC", EmailAddress.parse("noc@portal.example"));
  private static final String CUSTOMER = "Northwind Logistics";
  private static final List<String> THREE = List.of("8944500102198304826", "8944500102198304834",
      "8944500102198304842");
  private static final URI PORTAL = URI.create("https://portal.acme.example/");

  private static MailContent render(Notification n) {
    return render(MailTemplates.defaults(), n);
  }

  private static MailContent render(MailTemplates templates, Notification n) {
    return new MessageComposer(templates, Fixtures.CLOCK).content(n);
  }

  private static String html(MailContent content) {
    return content.html().markup();
  }

  /** The three kinds of message, each for Ana of Northwind Logistics from the fixtures' sender. */
  static Stream<Arguments> everyKind() {
    BiFunction<NotificationContext, SenderIdentity, Notification> alert = (context, sender) ->
        RenderedMessages.withContext(Fixtures.alert(CUSTOMER, ANA), context, sender);
    BiFunction<NotificationContext, SenderIdentity, Notification> digest = (context, sender) ->
        RenderedMessages.withContext(Fixtures.digest(CUSTOMER, ANA, THREE), context, sender);
    BiFunction<NotificationContext, SenderIdentity, Notification> notice = (context, sender) ->
        RenderedMessages.withContext(Fixtures.notice(CUSTOMER, ANA), context, sender);
    return Stream.of(Arguments.of("alert", alert), Arguments.of("digest", digest), Arguments.of("notice", notice));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyKind")
  void theTenantsNameHeadsTheHtmlAndNamesThePortalOnlyWhenItIsGiven(String kind,
      BiFunction<NotificationContext, SenderIdentity, Notification> message) {
    MailContent named = render(message.apply(new NotificationContext("ACME Connect", null, null, null), SENDER));
    MailContent unnamed = render(message.apply(NotificationContext.NONE, SENDER));

    assertThat(html(named)).contains("<bdi>ACME Connect</bdi> &#183; SIM usage alerts</p>");
    assertThat(html(unnamed)).doesNotContain("SIM usage alerts</p>");
    for (String part : List.of(named.text(), html(named))) {
      assertThat(part).contains("This message was sent automatically by Portal Alerts",
          "alerts@portal.example", " for ACME Connect. ", "Who receives alerts is set in the ACME Connect portal;");
    }
    assertThat(named.text())
        .contains("This message was sent automatically by Portal Alerts <alerts@portal.example> for ACME Connect. ");
    assertThat(unnamed.text()).contains("Who receives alerts is set in your provider's SIM management portal;")
        .doesNotContain("ACME");
    assertThat(html(unnamed)).contains("Who receives alerts is set in your provider&#39;s SIM management portal;")
        .doesNotContain("ACME");
    assertThat(unnamed.text())
        .contains("This message was sent automatically by Portal Alerts <alerts@portal.example>. Questions?");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyKind")
  void thePortalsAddressIsALineAndAButtonOnlyWhenItIsGiven(String kind,
      BiFunction<NotificationContext, SenderIdentity, Notification> message) {
    MailContent withPortal = render(message.apply(new NotificationContext("ACME Connect", null, PORTAL, null), SENDER));
    MailContent withPortalNoName = render(message.apply(new NotificationContext(null, null, PORTAL, null), SENDER));
    MailContent without = render(message.apply(new NotificationContext("ACME Connect", null, null, null), SENDER));

    assertThat(withPortal.text()).contains("\nPortal: https://portal.acme.example/\n\n");
    assertThat(html(withPortal)).contains("<p><a href=\"https://portal.acme.example/\" style=\"display:inline-block;",
        ">Open the ACME Connect portal</a><br><span class=\"foot\">https://portal.acme.example/</span></p>");
    assertThat(html(withPortalNoName)).contains(">Open your provider&#39;s SIM management portal</a>");
    assertThat(without.text()).doesNotContain("Portal:", "https://");
    assertThat(html(without)).doesNotContain("<a ", "https://portal", "Open the");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyKind")
  void repliesGoToTheReplyToAddressAndWithoutOneTheMessageNamesWhomToAsk(String kind,
      BiFunction<NotificationContext, SenderIdentity, Notification> message) {
    NotificationContext acme = new NotificationContext("ACME Connect", null, null, null);
    SenderIdentity noReplyTo = SenderIdentity.of("alerts@portal.example", "Portal Alerts");
    MailContent withReplyTo = render(message.apply(acme, SENDER));
    MailContent ofTenant = render(message.apply(acme, noReplyTo));
    MailContent ofNoTenant = render(message.apply(NotificationContext.NONE, noReplyTo));

    for (MailContent c : List.of(withReplyTo, ofTenant, ofNoTenant)) {
      String replies = "Questions? Reply to this message; replies go to support@portal.example.";
      String noReplies = "This address takes no replies: with questions, contact the administrator of your account";
      if (c == withReplyTo) {
        assertThat(c.text()).contains(replies).doesNotContain(noReplies);
        assertThat(html(c)).contains(replies).doesNotContain(noReplies);
      } else {
        String whom = noReplies + (c == ofTenant ? " at ACME Connect." : " with your SIM provider.");
        assertThat(c.text()).contains(whom).doesNotContain("Questions?");
        assertThat(html(c)).contains(whom).doesNotContain("Questions?");
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyKind")
  void theSendersNameShowsBeforeItsAddressOnlyWhenItHasOne(String kind,
      BiFunction<NotificationContext, SenderIdentity, Notification> message) {
    MailContent named = render(message.apply(NotificationContext.NONE, SENDER));
    MailContent bare = render(message.apply(NotificationContext.NONE,
        new SenderIdentity(SENDER.address(), null, SENDER.replyTo())));

    assertThat(named.text()).contains("sent automatically by Portal Alerts <alerts@portal.example>.");
    assertThat(html(named)).contains("sent automatically by Portal Alerts &lt;alerts@portal.example&gt;.");
    assertThat(bare.text()).contains("sent automatically by alerts@portal.example.").doesNotContain("Portal Alerts");
    assertThat(html(bare)).contains("sent automatically by alerts@portal.example.").doesNotContain("Portal Alerts");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyKind")
  void theGreetingNamesTheRecipientOnlyWhenTheNameHasSomethingToShow(String kind,
      BiFunction<NotificationContext, SenderIdentity, Notification> message) {
    Notification toAna = message.apply(NotificationContext.NONE, SENDER);
    // Core accepts this name (not blank, no control character); it is all invisible, so nothing is shown.
    Recipient invisible = Fixtures.contact("\uFEFF\u202E", "ana@northwind.example");
    Notification toInvisible = toAna instanceof AlertNotification a
        ? new AlertNotification(TENANT, SENDER, invisible, CUSTOMER, a.alert(), "k")
        : toAna instanceof DigestNotification d
            ? new DigestNotification(TENANT, SENDER, invisible, CUSTOMER, d.kind(), d.alerts(), "k")
            : new SubscriptionNotice(TENANT, SENDER, invisible, CUSTOMER, "k");

    assertThat(render(toAna).text()).startsWith("Hello Ana Lima,\n\n");
    assertThat(html(render(toAna))).contains("<p>Hello <bdi>Ana Lima</bdi>,</p>");
    assertThat(render(toInvisible).text()).startsWith("Hello,\n\n");
    assertThat(html(render(toInvisible))).contains("<p>Hello,</p>").doesNotContain("<p>Hello <bdi>");
  }

  @Test
  void timesShowInTheTenantsZoneElseTheTemplatesZoneWithUtcBesideUnlessTheZoneIsUtc() {
    AlertNotification plain = Fixtures.alert(CUSTOMER, ANA);
    MailTemplates kolkata = MailTemplates.defaults(ZoneId.of("Asia/Kolkata"));

    assertThat(render(plain).text()).contains("Raised: 2026-11-25 14:03:00 UTC\n").doesNotContain("(2026");
    assertThat(render(kolkata, plain).text())
        .contains("Raised: 2026-11-25 19:33:00 IST (2026-11-25 14:03:00 UTC)\n");
    assertThat(render(kolkata, inZone(plain, ZoneId.of("Europe/Berlin"))).text())
        .contains("Raised: 2026-11-25 15:03:00 CET (2026-11-25 14:03:00 UTC)\n");
    assertThat(render(kolkata, inZone(plain, ZoneId.of("Etc/UTC"))).text())
        .contains("Raised: 2026-11-25 14:03:00 UTC\n");
    // A zone whose offset is zero in November but not all year is a zone of its own, not UTC.
    assertThat(render(inZone(plain, ZoneId.of("Europe/London"))).text())
        .contains("Raised: 2026-11-25 14:03:00 GMT (2026-11-25 14:03:00 UTC)\n");
    assertThat(render(inZone(plain, ZoneId.of("+05:30"))).text())
        .contains("Raised: 2026-11-25 19:33:00 +05:30 (2026-11-25 14:03:00 UTC)\n");
  }

  @Test
  void aDigestShowsTheUtcTimeOnALineOfItsOwnOnlyWhenTheZoneIsNotUtc() {
    DigestNotification digest = Fixtures.digest(CUSTOMER, ANA, THREE.subList(0, 1));

    assertThat(html(render(inZone(digest, ZoneId.of("Europe/Berlin")))))
        .contains("<td><span style=\"white-space:nowrap\">2026-11-25 15:03:00 CET</span><br>"
            + "<span style=\"white-space:nowrap;color:#666\">(2026-11-25 14:03:00 UTC)</span></td>");
    assertThat(html(render(digest))).contains("<td>2026-11-25 14:03:00 UTC</td>").doesNotContain("nowrap");
  }

  /** One usage figure or text at a time: its row (text) and table row (HTML), and no other. */
  static Stream<Arguments> eachUsagePart() {
    BigDecimal used = new BigDecimal("950");
    BigDecimal limit = new BigDecimal("1000");
    BigDecimal percent = new BigDecimal("95.0");
    return Stream.of(
        Arguments.of(new Usage(used, null, "MB", null, null), null, "Used", "950 MB"),
        Arguments.of(new Usage(used, null, null, null, null), null, "Used", "950"),
        Arguments.of(new Usage(null, limit, "MB", null, null), null, "Limit", "1,000 MB"),
        Arguments.of(new Usage(null, null, "MB", percent, null), null, "Share of limit", "95 %"),
        Arguments.of(new Usage(null, null, null, null, "IoT 1 GB"), null, "Plan", "IoT 1 GB"),
        Arguments.of(Usage.NONE, "2026-11", "Period", "2026-11"));
  }

  @ParameterizedTest(name = "{2}: {3}")
  @MethodSource("eachUsagePart")
  void eachUsageFigureOfAnAlertAppearsOnlyWhenItIsGiven(Usage usage, String period, String label, String value) {
    AlertNotification plain = Fixtures.alert(CUSTOMER, ANA);
    AlertNotification n = new AlertNotification(TENANT, SENDER, ANA, CUSTOMER,
        plain.alert().withUsage(usage).withPeriod(period), plain.messageKey());

    MailContent content = render(n);

    assertThat(content.text()).contains("\n" + label + ": " + value + "\n");
    assertThat(html(content)).contains("<tr><th scope=\"row\">" + label + "</th><td><bdi>" + value + "</bdi></td></tr>");
    for (String other : List.of("Used", "Limit", "Share of limit", "Plan", "Period")) {
      if (!other.equals(label)) {
        assertThat(content.text()).doesNotContain("\n" + other + ": ");
        assertThat(html(content)).doesNotContain(">" + other + "</th>");
      }
    }
    if (label.equals("Share of limit")) {
      assertThat(content.subject()).endsWith(" is nearing its usage limit (95 %)");
    } else {
      assertThat(content.subject()).endsWith(" is nearing its usage limit");
    }
  }

  @ParameterizedTest(name = "{2}: {3}")
  @MethodSource("eachUsagePart")
  void eachUsageFigureOfADigestLineAppearsOnlyWhenItIsGiven(Usage usage, String period, String label, String value) {
    UsageAlert alert = Fixtures.usageAlert("a", THREE.get(0), AlertKind.WARNING).withUsage(usage).withPeriod(period);
    DigestNotification n = new DigestNotification(TENANT, SENDER, ANA, CUSTOMER, AlertKind.WARNING, List.of(alert), "k");
    String summary = label.toLowerCase(java.util.Locale.ROOT) + " " + value;

    MailContent content = render(n);

    assertThat(content.text()).contains("- " + THREE.get(0) + ", raised 2026-11-25 14:03:00 UTC, " + summary + "\n");
    assertThat(html(content)).contains("<td><bdi>" + summary.replace(" %", "&#160;%") + "</bdi></td></tr>");
  }

  @Test
  void aDigestLineWithoutUsageFiguresEndsAfterTheTime() {
    UsageAlert bare = Fixtures.usageAlert("a", THREE.get(0), AlertKind.CUT_OFF).withUsage(Usage.NONE).withPeriod(null);
    DigestNotification n = new DigestNotification(TENANT, SENDER, ANA, CUSTOMER, AlertKind.CUT_OFF, List.of(bare), "k");

    MailContent content = render(n);

    assertThat(content.text()).contains("- " + THREE.get(0) + ", raised 2026-11-25 14:03:00 UTC\n");
    assertThat(html(content)).contains("<td><bdi></bdi></td></tr>");
  }

  @Test
  void allUsageFiguresOfADigestLineAreJoinedInOrderAndPercentKeepsItsSign() {
    DigestNotification n = Fixtures.digest(CUSTOMER, ANA, THREE.subList(0, 1));

    MailContent content = render(n);

    assertThat(content.text()).contains(", raised 2026-11-25 14:03:00 UTC, used 950 MB, limit 1,000 MB, "
        + "share of limit 95 %, plan IoT 1 GB, period 2026-11\n");
    assertThat(html(content)).contains("<bdi>used 950 MB, limit 1,000 MB, share of limit 95&#160;%, plan IoT 1 GB, "
        + "period 2026-11</bdi>");
  }

  /** Kind and number of SIMs of a digest, and the words each takes. */
  static Stream<Arguments> digestWording() {
    return Stream.of(
        Arguments.of(AlertKind.WARNING, 1, "Warning: 1 SIM of Northwind Logistics is nearing its usage limit",
            "WARNING - 1 SIM of Northwind Logistics is nearing its usage limit:\n\n",
            "What happens at 100 %: when the SIM reaches its limit, it is cut off and passes no data until its "
                + "limit is raised, its plan is changed or the next usage period begins. To keep it connected, "
                + "raise the limit or change the plan in your provider's SIM management portal."),
        Arguments.of(AlertKind.WARNING, 3, "Warning: 3 SIMs of Northwind Logistics are nearing their usage limit",
            "WARNING - 3 SIMs of Northwind Logistics are nearing their usage limit:\n\n",
            "What happens at 100 %: when a SIM reaches its limit, it is cut off and passes no data until its "
                + "limit is raised, its plan is changed or the next usage period begins. To keep them connected, "
                + "raise the limit or change the plan in your provider's SIM management portal."),
        Arguments.of(AlertKind.CUT_OFF, 1,
            "Cut-off (service stopped): 1 SIM of Northwind Logistics reached its usage limit",
            "SERVICE STOPPED - 1 SIM of Northwind Logistics reached its usage limit and was cut off:\n\n",
            "How to restore service: raise the SIM's usage limit or change its plan in your provider's SIM "
                + "management portal; the SIM passes data again once the change is applied. Without a change, "
                + "service resumes when the next usage period begins."),
        Arguments.of(AlertKind.CUT_OFF, 3,
            "Cut-off (service stopped): 3 SIMs of Northwind Logistics reached their usage limit",
            "SERVICE STOPPED - 3 SIMs of Northwind Logistics reached their usage limit and were cut off:\n\n",
            "How to restore service: raise the SIMs' usage limits or change their plans in your provider's SIM "
                + "management portal; each SIM passes data again once the change is applied. Without a change, "
                + "service resumes when the next usage period begins."));
  }

  @ParameterizedTest(name = "{0} of {1}")
  @MethodSource("digestWording")
  void aDigestSpeaksOfOneSimOrManyAndOfAWarningOrACutOff(AlertKind kind, int count, String subject,
      String headline, String whatNext) {
    List<UsageAlert> alerts = THREE.subList(0, count).stream()
        .map(iccid -> Fixtures.usageAlert("alert-" + iccid, iccid, kind)).toList();
    DigestNotification n = new DigestNotification(TENANT, SENDER, ANA, CUSTOMER, kind, alerts, "k");

    MailContent content = render(n);

    assertThat(content.subject()).isEqualTo(subject);
    assertThat(content.text()).contains("Hello Ana Lima,\n\n" + headline, whatNext);
    String htmlHeadline = headline.substring(headline.indexOf(" - ") + 3, headline.length() - 2);
    assertThat(html(content)).contains("<strong>" + htmlHeadline + "</strong></div>",
        whatNext.substring(whatNext.indexOf(": ") + 2).replace("'", "&#39;"));
    assertThat(html(content).contains("role=\"alert\"")).isEqualTo(kind == AlertKind.CUT_OFF);
    assertThat(html(content).contains("&#9888; WARNING")).isEqualTo(kind == AlertKind.WARNING);
  }

  @Test
  void anAlertsBannerAndFirstLineStateTheSeverityAndWhatHappened() {
    MailContent warning = render(Fixtures.alert(CUSTOMER, ANA, AlertKind.WARNING));
    MailContent cutOff = render(Fixtures.alert(CUSTOMER, ANA, AlertKind.CUT_OFF));
    MailContent noCustomer = render(Fixtures.alert(null, NOC, AlertKind.WARNING));

    assertThat(warning.text()).contains("\n\nWARNING - SIM 8944500102198304826 of Northwind Logistics is nearing its "
        + "usage limit.\n\n", "\nAlert: Warning\n", "\n\nWhat happens at 100 %: when the SIM reaches");
    assertThat(html(warning)).contains("&#9888; WARNING</strong><br><strong>SIM 8944500102198304826 of "
            + "<bdi>Northwind Logistics</bdi> is nearing its usage limit</strong></div>",
        "<strong>What happens at 100 %:</strong> when the SIM reaches").doesNotContain("role=\"alert\"");
    assertThat(cutOff.text()).contains("\n\nSERVICE STOPPED - SIM 8944500102198304826 of Northwind Logistics reached "
        + "its usage limit and was cut off.\n\n", "\nAlert: Cut-off\n", "\n\nHow to restore service: raise the SIM's");
    assertThat(html(cutOff)).contains("<div role=\"alert\"", "SERVICE STOPPED</strong><br><strong>SIM "
            + "8944500102198304826 of <bdi>Northwind Logistics</bdi> reached its usage limit and was cut off</strong>",
        "<strong>How to restore service:</strong> raise the SIM&#39;s").doesNotContain("&#9888;");
    assertThat(noCustomer.text()).contains("WARNING - SIM 8944500102198304826 (no customer) is nearing its usage limit.");
    assertThat(html(noCustomer)).contains("<strong>SIM 8944500102198304826 (no customer) is nearing its usage "
        + "limit</strong>").doesNotContain("of <bdi>");
  }

  @Test
  void theReasonGivenNamesTheSettingOrTheTenantsChoiceThatPutTheRecipientOnTheList() {
    String contactOf = "You receive this message because you are a contact of customer Northwind Logistics and your "
        + "alerts setting is switched on.";
    String contact = "You receive this message because your alerts setting is switched on.";
    String catchAllOf = "You receive this message because you are named as a recipient of alerts for customer "
        + "Northwind Logistics.";
    String catchAll = "You receive this message because you are named as a recipient of alerts for SIMs that are not "
        + "assigned to any customer.";

    assertBoth(render(Fixtures.alert(CUSTOMER, ANA)), contactOf);
    assertBoth(render(Fixtures.alert(null, ANA)), contact);
    assertBoth(render(Fixtures.alert(CUSTOMER, NOC)), catchAllOf);
    assertBoth(render(Fixtures.alert(null, NOC)), catchAll);
    assertBoth(render(Fixtures.digest(null, NOC, THREE)), catchAll);
  }

  @Test
  void aSubscriptionNoticeNamesTheCustomerOnlyWhenThereIsOne() {
    MailContent of = render(Fixtures.notice(CUSTOMER, ANA));
    MailContent none = render(Fixtures.notice(null, NOC));

    assertThat(of.subject()).isEqualTo("Usage alerts for Northwind Logistics will come from alerts@portal.example");
    assertBoth(of, "Usage alerts (warnings and cut-offs) for the SIMs of customer Northwind Logistics have been "
        + "switched on for you, so you will receive them by email from now on.");
    assertThat(none.subject()).isEqualTo("Usage alerts will come from alerts@portal.example");
    assertBoth(none, "Usage alerts (warnings and cut-offs) for SIMs have been switched on for you");
    assertBoth(none, "To make sure they reach you, add alerts@portal.example to your address book");
  }

  @Test
  void aCustomerNameIsShortenedToSixtyCharactersInSubjectsOnlyAndNotBelowThat() {
    String sixty = "N".repeat(DefaultMailTemplates.SUBJECT_NAME_LIMIT);
    String sixtyOne = sixty + "x";
    String shortened = "N".repeat(DefaultMailTemplates.SUBJECT_NAME_LIMIT - 1) + "\u2026";

    for (Notification n : List.of(Fixtures.alert(sixty, ANA), Fixtures.digest(sixty, ANA, THREE),
        Fixtures.notice(sixty, ANA))) {
      assertThat(render(n).subject()).contains(sixty).doesNotContain("\u2026");
    }
    for (Notification n : List.of(Fixtures.alert(sixtyOne, ANA), Fixtures.digest(sixtyOne, ANA, THREE),
        Fixtures.notice(sixtyOne, ANA))) {
      MailContent content = render(n);
      assertThat(content.subject()).contains(shortened).doesNotContain(sixtyOne);
      assertThat(content.text()).contains(sixtyOne);
    }
  }

  private static void assertBoth(MailContent content, String sentence) {
    assertThat(content.text()).contains(sentence);
    assertThat(html(content)).contains(sentence);
  }

  private static Notification inZone(Notification n, ZoneId zone) {
    return RenderedMessages.withContext(n, new NotificationContext(null, zone, null, null), n.sender());
  }
}
