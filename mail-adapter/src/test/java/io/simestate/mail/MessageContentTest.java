package io.simestate.mail;

import static io.simestate.mail.Fixtures.alert;
import static io.simestate.mail.Fixtures.contact;
import static io.simestate.mail.GreenMailSupport.envelopeRecipients;
import static io.simestate.mail.GreenMailSupport.html;
import static io.simestate.mail.GreenMailSupport.onlyMessage;
import static io.simestate.mail.GreenMailSupport.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.simestate.core.AlertKind;
import io.simestate.core.InvalidInputException;
import io.simestate.core.alert.AlertNotification;
import io.simestate.core.alert.DigestNotification;
import io.simestate.core.alert.Notification;
import io.simestate.core.alert.Recipient;
import io.simestate.core.alert.SendResult;
import io.simestate.core.alert.SubscriptionNotice;
import io.simestate.core.alert.Usage;
import io.simestate.core.customer.EmailAddress;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What a recipient sees: subjects, bodies and the reasons given, against GreenMail. */
class MessageContentTest {

  @RegisterExtension
  static final GreenMailExtension greenMail = GreenMailSupport.smtpServer();

  private final Recipient ana = contact("Ana Lima", "ana@northwind.example");

  private SmtpNotificationSender sender() {
    return Fixtures.localSender(greenMail.getSmtp().getPort()).build();
  }

  @Test
  void warningSubjectNamesKindSimCustomerAndShare() throws Exception {
    sender().send(alert("Northwind Logistics", ana, AlertKind.WARNING));

    assertThat(onlyMessage(greenMail).getSubject()).isEqualTo(
        "Warning: SIM 8944500102198304826 of Northwind Logistics is nearing its usage limit (95 %)");
  }

  @Test
  void cutOffSubjectSaysTheLimitWasReached() throws Exception {
    sender().send(alert("Northwind Logistics", ana, AlertKind.CUT_OFF));

    assertThat(onlyMessage(greenMail).getSubject()).isEqualTo(
        "Cut-off (service stopped): SIM 8944500102198304826 of Northwind Logistics reached its usage limit (95 %)");
  }

  @Test
  void bodyIsMultipartAlternativeWithTextThenHtmlBothUtf8() throws Exception {
    sender().send(alert("Northwind Logistics", ana));

    MimeMessage message = onlyMessage(greenMail);
    assertThat(message.getContentType()).startsWith("multipart/alternative");
    Multipart parts = (Multipart) message.getContent();
    assertThat(parts.getCount()).isEqualTo(2);
    assertThat(parts.getBodyPart(0).getContentType()).isEqualToIgnoringCase("text/plain; charset=UTF-8");
    assertThat(parts.getBodyPart(1).getContentType()).isEqualToIgnoringCase("text/html; charset=UTF-8");
  }

  @Test
  void textBodyShowsCustomerSimUsageFiguresRaisedTimeAndWhy() throws Exception {
    sender().send(alert("Northwind Logistics", ana));

    assertThat(text(onlyMessage(greenMail))).contains(
        "Hello Ana Lima,",
        "Customer: Northwind Logistics",
        "SIM (ICCID): 8944500102198304826",
        "Alert: Warning",
        "Raised: 2026-11-25 14:03:00 UTC",
        "Used: 950 MB",
        "Limit: 1,000 MB",
        "Share of limit: 95 %",
        "Plan: IoT 1 GB",
        "Period: 2026-11",
        "you are a contact of customer Northwind Logistics and your alerts setting is switched on");
  }

  @Test
  void htmlBodyShowsTheSameFacts() throws Exception {
    sender().send(alert("Northwind Logistics", ana));

    assertThat(html(onlyMessage(greenMail))).contains(
        "<bdi>Northwind Logistics</bdi>",
        "<bdi>8944500102198304826</bdi>",
        "2026-11-25 14:03:00 UTC",
        "<bdi>950 MB</bdi>",
        "<bdi>1,000 MB</bdi>",
        "<bdi>95 %</bdi>",
        "<bdi>IoT 1 GB</bdi>",
        "you are a contact of customer Northwind Logistics and your alerts setting is switched on");
  }

  @Test
  void alertWithoutUsageFiguresShowsNoUsageLines() throws Exception {
    AlertNotification bare = alert("Northwind Logistics", ana);
    bare = new AlertNotification(bare.tenantId(), bare.sender(), bare.recipient(), bare.customerName(),
        bare.alert().withUsage(Usage.NONE).withPeriod(null), bare.messageKey());

    sender().send(bare);

    MimeMessage message = onlyMessage(greenMail);
    assertThat(message.getSubject()).doesNotContain("%");
    assertThat(text(message)).contains("SIM (ICCID): 8944500102198304826")
        .doesNotContain("Used:", "Limit:", "Share of limit:", "Plan:", "Period:");
  }

  @Test
  void catchAllRecipientIsToldItGetsAlertsForSimsWithoutCustomer() throws Exception {
    Recipient noc = Recipient.catchAll("NOC", EmailAddress.parse("noc@portal.example"));

    sender().send(alert(null, noc));

    MimeMessage message = onlyMessage(greenMail);
    assertThat(message.getSubject()).contains("SIM 8944500102198304826 (no customer)");
    assertThat(text(message)).contains("Customer: none (the SIM is not assigned to a customer)",
        "you are named as a recipient of alerts for SIMs that are not assigned to any customer");
  }

  @Test
  void digestListsEverySimInOneMessage() throws Exception {
    List<String> iccids = List.of("8944500102198304826", "8944500102198304834", "8944500102198304842");

    sender().send(Fixtures.digest("Northwind Logistics", ana, iccids));

    MimeMessage message = onlyMessage(greenMail);
    assertThat(message.getSubject()).isEqualTo("Cut-off (service stopped): 3 SIMs of Northwind Logistics reached their usage limit");
    assertThat(text(message)).contains(iccids.toArray(String[]::new));
    assertThat(html(message)).contains(iccids.toArray(String[]::new));
  }

  @Test
  void subscriptionNoticeSaysAlertsWillComeFromTheSenderAddress() throws Exception {
    sender().send(Fixtures.notice("Northwind Logistics", ana));

    MimeMessage message = onlyMessage(greenMail);
    assertThat(message.getSubject())
        .isEqualTo("Usage alerts for Northwind Logistics will come from alerts@portal.example");
    assertThat(text(message)).contains("for the SIMs of customer Northwind Logistics",
        "They will come from Portal Alerts <alerts@portal.example>");
  }

  @Test
  void hostTemplateReplacesTheAlertMessageAndKeepsTheOtherDefaults() throws Exception {
    MailTemplates mine = new MailTemplates() {
      @Override
      public MailContent alert(AlertNotification n) {
        return new MailContent("Custom " + n.alert().iccid(), "custom text",
            SafeHtml.format("<p>custom {0}</p>", n.customerName()));
      }
    };
    SmtpNotificationSender sender = Fixtures.localSender(greenMail.getSmtp().getPort()).templates(mine).build();

    sender.sendAll(List.of(alert("<Northwind>", ana),
        Fixtures.digest("Northwind", contact("Bo", "bo@northwind.example"),
            List.of("8944500102198304826", "8944500102198304834"))));

    MimeMessage[] received = greenMail.getReceivedMessages();
    assertThat(received).extracting(MimeMessage::getSubject).containsExactlyInAnyOrder(
        "Custom 8944500102198304826", "Cut-off (service stopped): 2 SIMs of Northwind reached their usage limit");
    MimeMessage custom = received[0].getSubject().startsWith("Custom") ? received[0] : received[1];
    assertThat(html(custom)).isEqualTo("<p>custom &lt;Northwind&gt;</p>");
  }

  @Test
  void aHostTemplateThatReplacesOnlyTheDigestKeepsTheDefaultAlertAndNotice() {
    MailTemplates onlyDigest = new MailTemplates() {
      @Override
      public MailContent digest(DigestNotification n) {
        return new MailContent("digest", "digest", SafeHtml.trusted("<p>digest</p>"));
      }
    };
    AlertNotification alert = alert("Northwind Logistics", ana);
    SubscriptionNotice notice = Fixtures.notice("Northwind Logistics", ana);

    assertThat(onlyDigest.alert(alert)).isEqualTo(MailTemplates.defaults().alert(alert));
    assertThat(onlyDigest.subscriptionNotice(notice)).isEqualTo(MailTemplates.defaults().subscriptionNotice(notice));
  }

  @Test
  void aBatchWithAMissingMessageIsRefusedNamingItBeforeAnythingIsSent() {
    List<Notification> withAGap = Arrays.asList(alert("Northwind", ana), null);

    assertThatThrownBy(() -> sender().sendAll(withAGap))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("batch[1]");
    assertThat(greenMail.getReceivedMessages()).isEmpty();
  }

  @Test
  void subjectFromATemplateCannotInjectAHeader() throws Exception {
    MailTemplates injecting = new MailTemplates() {
      @Override
      public MailContent alert(AlertNotification n) {
        return new MailContent("Hi\r\nBcc: victim@evil.example\r\n", "text", SafeHtml.escape("html"));
      }
    };
    SmtpNotificationSender sender = Fixtures.localSender(greenMail.getSmtp().getPort()).templates(injecting).build();

    sender.send(alert("Northwind", ana));

    MimeMessage message = onlyMessage(greenMail);
    assertThat(message.getSubject()).isEqualTo("Hi Bcc: victim@evil.example");
    assertThat(message.getHeader("Bcc")).isNull();
    assertThat(envelopeRecipients(greenMail)).containsExactly("ana@northwind.example");
  }

  @Test
  void templateThatThrowsIsATransientFailureAndSendsNothing() {
    MailTemplates broken = new MailTemplates() {
      @Override
      public MailContent alert(AlertNotification n) {
        throw new IllegalStateException("template bug");
      }
    };
    SmtpNotificationSender sender = Fixtures.localSender(greenMail.getSmtp().getPort()).templates(broken).build();

    SendResult result = sender.send(alert("Northwind", ana));

    assertThat(result.status()).isEqualTo(SendResult.Status.TRANSIENT_FAILURE);
    assertThat(result.detail()).contains("template bug");
    assertThat(greenMail.getReceivedMessages()).isEmpty();
  }

  @Test
  void templateThatThrowsAnUndeclaredCheckedExceptionIsATransientFailureToo() {
    MailTemplates sneaky = new MailTemplates() {
      @Override
      public MailContent alert(AlertNotification n) {
        throw MessageContentTest.<RuntimeException>sneakyThrow(new IOException("template file is gone"));
      }
    };
    SmtpNotificationSender sender = Fixtures.localSender(greenMail.getSmtp().getPort()).templates(sneaky).build();

    SendResult result = sender.send(alert("Northwind", ana));

    assertThat(result.status()).isEqualTo(SendResult.Status.TRANSIENT_FAILURE);
    assertThat(result.detail()).contains("template file is gone");
    assertThat(greenMail.getReceivedMessages()).isEmpty();
  }

  /** Throws a checked exception where none is declared, as Lombok's {@code @SneakyThrows} or Kotlin code does. */
  @SuppressWarnings("unchecked")
  private static <E extends Throwable> RuntimeException sneakyThrow(Throwable e) throws E {
    throw (E) e;
  }

  @Test
  void toHeaderCarriesTheContactsNameAndAddress() throws Exception {
    sender().send(alert("Northwind", ana));

    InternetAddress to = (InternetAddress) onlyMessage(greenMail).getRecipients(Message.RecipientType.TO)[0];
    assertThat(to.getAddress()).isEqualTo("ana@northwind.example");
    assertThat(to.getPersonal()).isEqualTo("Ana Lima");
  }
}
