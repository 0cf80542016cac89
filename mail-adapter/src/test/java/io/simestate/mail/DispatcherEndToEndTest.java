package io.simestate.mail;

import static io.simestate.mail.GreenMailSupport.envelopeRecipients;
import static io.simestate.mail.GreenMailSupport.html;
import static io.simestate.mail.GreenMailSupport.onlyMessage;
import static io.simestate.mail.GreenMailSupport.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.simestate.core.Actor;
import io.simestate.core.AlertKind;
import io.simestate.core.TenantId;
import io.simestate.core.alert.AlertId;
import io.simestate.core.alert.AlertNotification;
import io.simestate.core.alert.DeliveryStatus;
import io.simestate.core.alert.DispatchReport;
import io.simestate.core.alert.Notification;
import io.simestate.core.alert.NotificationSender;
import io.simestate.core.alert.Recipient;
import io.simestate.core.alert.SendResult;
import io.simestate.core.alert.SendSession;
import io.simestate.core.alert.SenderIdentity;
import io.simestate.core.alert.TenantAlertSettings;
import io.simestate.core.alert.UsageAlert;
import io.simestate.core.customer.ContactDetails;
import io.simestate.core.customer.Customer;
import io.simestate.core.customer.CustomerDetails;
import io.simestate.core.customer.EmailAddress;
import io.simestate.core.estate.SimEstate;
import io.simestate.core.sim.Iccid;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The full path: an alert routed by core, sent by core's dispatcher through this adapter, received by GreenMail. */
class DispatcherEndToEndTest {

  @RegisterExtension
  static final GreenMailExtension greenMail = GreenMailSupport.smtpServer();

  private static final TenantId TENANT = TenantId.of("acme");
  private static final Actor ALICE = Actor.of("alice");
  private static final String SIM = "8944500102198304826";

  private final MutableClock clock = new MutableClock(Fixtures.NOW);

  private SimEstate estate(NotificationSender sender, TenantAlertSettings settings) {
    return SimEstate.builder()
        .notificationSender(sender)
        .defaultSender(SenderIdentity.of("alerts@portal.example", "Portal Alerts"))
        .tenant(TENANT, settings)
        .clock(clock)
        .random(new Random(7))
        .build();
  }

  private SmtpNotificationSender.Builder mail() {
    return Fixtures.localSender(greenMail.getSmtp().getPort()).clock(clock);
  }

  private static UsageAlert warning(String id, String iccid) {
    return UsageAlert.of(AlertId.of(id), Iccid.parse(iccid), AlertKind.WARNING, Fixtures.RAISED);
  }

  private static Customer customerWithSim(SimEstate estate, String name, List<ContactDetails> contacts) {
    Customer customer = estate.customers().create(TENANT, ALICE, CustomerDetails.named(name));
    contacts.forEach(c -> estate.customers().addContact(TENANT, ALICE, customer.id(), c));
    estate.sims().assign(TENANT, ALICE, customer.id(), List.of(SIM));
    return customer;
  }

  @Test
  void routedAlertReachesOnlyTheCustomersAlertContact() throws Exception {
    SimEstate estate = estate(mail().build(), TenantAlertSettings.DEFAULTS);
    customerWithSim(estate, "Northwind Logistics", List.of(
        ContactDetails.alerted("Ana Lima", "ana@northwind.example"),
        ContactDetails.silent("Bo Silent", "bo@northwind.example"),
        ContactDetails.alerted("Cy Cutoff", "cy@northwind.example").wanting(AlertKind.CUT_OFF)));
    Customer other = estate.customers().create(TENANT, ALICE, CustomerDetails.named("Other Ltd"));
    estate.customers().addContact(TENANT, ALICE, other.id(), ContactDetails.alerted("Dee", "dee@other.example"));

    estate.alerts().route(TENANT, warning("a-1", SIM));
    DispatchReport report = estate.dispatcher().dispatchDue();

    assertThat(report.sent()).isEqualTo(1);
    assertThat(envelopeRecipients(greenMail)).containsExactly("ana@northwind.example");
    MimeMessage message = onlyMessage(greenMail);
    assertThat(message.getSubject())
        .isEqualTo("Warning: SIM " + SIM + " of Northwind Logistics is nearing its usage limit");
    assertThat(((InternetAddress) message.getFrom()[0]).getAddress()).isEqualTo("alerts@portal.example");
    assertThat(message.getHeader("Auto-Submitted")).containsExactly("auto-generated");
    assertThat(text(message)).contains("Customer: Northwind Logistics", "SIM (ICCID): " + SIM);
    assertThat(html(message)).contains("<bdi>Northwind Logistics</bdi>");
    assertThat(estate.alerts().deliveriesOf(TENANT, AlertId.of("a-1")))
        .extracting(d -> d.status()).containsExactly(DeliveryStatus.SENT);
  }

  @Test
  void tenantsOwnSenderIdentityIsTheFromAddress() throws Exception {
    SenderIdentity tenantSender = new SenderIdentity(EmailAddress.parse("noc@acme.example"), "ACME NOC",
        EmailAddress.parse("help@acme.example"));
    SimEstate estate = estate(mail().build(), TenantAlertSettings.DEFAULTS.withSender(tenantSender));
    customerWithSim(estate, "Northwind", List.of(ContactDetails.alerted("Ana", "ana@northwind.example")));

    estate.alerts().route(TenantId.of("acme"), warning("a-1", SIM));
    estate.dispatcher().dispatchDue();

    MimeMessage message = onlyMessage(greenMail);
    InternetAddress from = (InternetAddress) message.getFrom()[0];
    assertThat(from.getAddress()).isEqualTo("noc@acme.example");
    assertThat(from.getPersonal()).isEqualTo("ACME NOC");
    assertThat(message.getReplyTo()).extracting(Address::toString).containsExactly("help@acme.example");
    assertThat(message.getMessageID()).endsWith("@acme.example>");
  }

  @Test
  void hostileCustomerAndContactNamesArriveEscapedThroughTheWholePath() throws Exception {
    SimEstate estate = estate(mail().build(), TenantAlertSettings.DEFAULTS);
    String customer = "<script>alert(\"x\")</script> & Søn 🚀";
    // Bidi overrides no longer get this far: core refuses them in names (HostileNamesTest sends them
    // straight to the sender, for text stored before that rule).
    String contactName = "O'Neil <i>evil</i>";
    customerWithSim(estate, customer, List.of(ContactDetails.alerted(contactName, "ana@northwind.example")));

    estate.alerts().route(TENANT, warning("a-1", SIM));
    estate.dispatcher().dispatchDue();

    MimeMessage message = onlyMessage(greenMail);
    assertThat(envelopeRecipients(greenMail)).containsExactly("ana@northwind.example");
    assertThat(message.getSubject()).contains("of " + customer + " is nearing");
    assertThat(html(message)).doesNotContain("<script>", "\u202E")
        .contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Søn 🚀",
            "Hello <bdi>O&#39;Neil &lt;i&gt;evil&lt;/i&gt;</bdi>");
    assertThat(((InternetAddress) message.getAllRecipients()[0]).getPersonal()).isEqualTo("O'Neil <i>evil</i>");
  }

  @Test
  void catchAllNameWithAddressLikeTextCannotAddRecipientsOrHeaders() throws Exception {
    assertThatThrownBy(() -> Recipient.catchAll("NOC\r\nBcc: victim@evil.example",
        EmailAddress.parse("noc@acme.example"))).isInstanceOf(io.simestate.core.InvalidInputException.class);
    Recipient noc = Recipient.catchAll("NOC, <victim@evil.example>; Bcc: x@evil.example",
        EmailAddress.parse("noc@acme.example"));
    SimEstate estate = estate(mail().build(), TenantAlertSettings.DEFAULTS.withCatchAll(List.of(noc)));

    estate.alerts().route(TENANT, warning("a-1", SIM));
    estate.dispatcher().dispatchDue();

    MimeMessage message = onlyMessage(greenMail);
    assertThat(envelopeRecipients(greenMail)).containsExactly("noc@acme.example");
    assertThat(message.getHeader("Bcc")).isNull();
    assertThat(message.getAllRecipients()).hasSize(1);
    assertThat(((InternetAddress) message.getAllRecipients()[0]).getPersonal())
        .isEqualTo("NOC, <victim@evil.example>; Bcc: x@evil.example");
    assertThat(text(message)).contains("not assigned to any customer");
  }

  @Test
  void alertsForSeveralSimsInTheDigestWindowArriveAsOneMessage() throws Exception {
    SimEstate estate = estate(mail().build(), TenantAlertSettings.DEFAULTS.withDigestWindow(Duration.ofMinutes(1)));
    Customer customer = customerWithSim(estate, "Northwind", List.of(
        ContactDetails.alerted("Ana", "ana@northwind.example")));
    List<String> more = List.of("8944500102198304834", "8944500102198304842");
    estate.sims().assign(TENANT, ALICE, customer.id(), more);

    estate.alerts().route(TENANT, warning("a-1", SIM));
    estate.alerts().route(TENANT, warning("a-2", more.get(0)));
    estate.alerts().route(TENANT, warning("a-3", more.get(1)));
    clock.advance(Duration.ofMinutes(2));
    DispatchReport report = estate.dispatcher().dispatchDue();

    assertThat(report.digests()).isEqualTo(1);
    MimeMessage message = onlyMessage(greenMail);
    assertThat(message.getSubject()).isEqualTo("Warning: 3 SIMs of Northwind are nearing their usage limit");
    assertThat(text(message)).contains(SIM, more.get(0), more.get(1));
  }

  @Test
  void contactWhoseAlertsAreSwitchedOnGetsTheSubscriptionNotice() throws Exception {
    SimEstate estate = estate(mail().build(), TenantAlertSettings.DEFAULTS.withSubscriptionNotices(true));
    customerWithSim(estate, "Northwind", List.of(ContactDetails.alerted("Ana", "ana@northwind.example")));

    estate.dispatcher().dispatchDue();

    MimeMessage message = onlyMessage(greenMail);
    assertThat(message.getSubject()).isEqualTo("Usage alerts for Northwind will come from alerts@portal.example");
    assertThat(envelopeRecipients(greenMail)).containsExactly("ana@northwind.example");
  }

  @Test
  void serverStoppedDuringABatchIsRetriedAndEveryContactGetsTheAlertOnce() throws Exception {
    List<String> deliveredBeforeStop = new ArrayList<>();
    AtomicInteger rendered = new AtomicInteger();
    MailTemplates stopOnSecondMessage = new MailTemplates() {
      @Override
      public MailContent alert(AlertNotification n) {
        if (rendered.incrementAndGet() == 2) {
          deliveredBeforeStop.addAll(recipientsOf(greenMail.getReceivedMessages()));
          greenMail.stop();
        }
        return MailTemplates.defaults().alert(n);
      }
    };
    // The restarted server listens on a new port (the system chooses it, so no other process can take
    // it first); each dispatch round sends through a sender for wherever the server listens then.
    NotificationSender followsTheServer = new NotificationSender() {
      @Override
      public SendResult send(Notification notification) {
        return mail().templates(stopOnSecondMessage).build().send(notification);
      }

      @Override
      public SendSession open() {
        return mail().templates(stopOnSecondMessage).build().open();
      }
    };
    SimEstate estate = estate(followsTheServer, TenantAlertSettings.DEFAULTS);
    customerWithSim(estate, "Northwind", List.of(
        ContactDetails.alerted("Ana", "ana@northwind.example"),
        ContactDetails.alerted("Bo", "bo@northwind.example"),
        ContactDetails.alerted("Cy", "cy@northwind.example")));
    estate.alerts().route(TENANT, warning("a-1", SIM));

    DispatchReport first = estate.dispatcher().dispatchDue();
    greenMail.start();
    clock.advance(Duration.ofMinutes(5));
    DispatchReport second = estate.dispatcher().dispatchDue();

    assertThat(first.sent()).isEqualTo(1);
    assertThat(first.retried()).isEqualTo(2);
    assertThat(second.sent()).isEqualTo(2);
    List<String> all = new ArrayList<>(deliveredBeforeStop);
    all.addAll(recipientsOf(greenMail.getReceivedMessages()));
    assertThat(all).containsExactlyInAnyOrder(
        "ana@northwind.example", "bo@northwind.example", "cy@northwind.example");
    assertThat(estate.alerts().deliveriesOf(TENANT, AlertId.of("a-1")))
        .extracting(d -> d.status()).containsOnly(DeliveryStatus.SENT);
  }

  @Test
  void recipientRefusedByTheServerFailsForGoodAndIsNotRetried() throws Exception {
    try (ScriptedSmtpServer server = ScriptedSmtpServer.replyingToRcpt(a -> "550 5.1.1 User unknown")) {
      SimEstate estate = estate(Fixtures.localSender(server.port()).clock(clock).build(), TenantAlertSettings.DEFAULTS);
      customerWithSim(estate, "Northwind", List.of(ContactDetails.alerted("Ana", "ana@northwind.example")));
      estate.alerts().route(TENANT, warning("a-1", SIM));

      DispatchReport first = estate.dispatcher().dispatchDue();
      clock.advance(Duration.ofHours(2));
      DispatchReport second = estate.dispatcher().dispatchDue();

      assertThat(first.failed()).isEqualTo(1);
      assertThat(second.claimed()).isZero();
      assertThat(server.connections()).isEqualTo(1);
      assertThat(estate.alerts().deliveriesOf(TENANT, AlertId.of("a-1")))
          .singleElement()
          .satisfies(d -> {
            assertThat(d.status()).isEqualTo(DeliveryStatus.FAILED);
            assertThat(d.lastError()).contains("550").doesNotContain("ana@northwind.example");
          });
    }
  }

  private static List<String> recipientsOf(MimeMessage[] messages) {
    Function<MimeMessage, String> to = m -> {
      try {
        return ((InternetAddress) m.getAllRecipients()[0]).getAddress();
      } catch (MessagingException e) {
        throw new IllegalStateException(e);
      }
    };
    return java.util.Arrays.stream(messages).map(to).collect(Collectors.toList());
  }
}
