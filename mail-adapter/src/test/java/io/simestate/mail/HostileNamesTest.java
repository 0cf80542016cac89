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
import io.simestate.core.InvalidInputException;
import io.simestate.core.alert.Recipient;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Customer and contact names are untrusted: whatever they hold, the message goes to one address,
 * its headers stay single lines, and its HTML shows the name as text.
 */
class HostileNamesTest {

  @RegisterExtension
  static final GreenMailExtension greenMail = GreenMailSupport.smtpServer();

  private static final String HUNDRED = "Ω" + "x".repeat(98) + "Z";

  static Stream<String> hostileNames() {
    return Stream.of(
        "<script>alert('x')</script>",
        "Evil Corp\r\nBcc: victim@evil.example",
        "Evil\nX-Injected: yes",
        "Ann \"The Boss\" O'Neil, <ann@evil.example>",
        "\u202Egnp.exe\u202C Invoices",
        "Rocket 🚀 GmbH 👩‍💻",
        HUNDRED);
  }

  /**
   * Sends an alert whose customer name is {@code name}; the contact gets the same name where core
   * accepts it for a recipient (core refuses control characters in recipient names, see
   * {@link #coreRefusesLineBreaksInARecipientName}), so both header paths see hostile text.
   */
  private void sendTo(String name) {
    String contactName = name.codePoints().anyMatch(Character::isISOControl) ? "Ana" : name;
    Recipient to = contact(contactName, "ana@northwind.example");
    Fixtures.localSender(greenMail.getSmtp().getPort()).build().send(alert(name, to));
  }

  @Test
  void coreRefusesLineBreaksInARecipientName() {
    assertThatThrownBy(() -> contact("Evil\r\nBcc: victim@evil.example", "ana@northwind.example"))
        .isInstanceOf(InvalidInputException.class);
  }

  @ParameterizedTest
  @MethodSource("hostileNames")
  void anyNameStillReachesExactlyTheOneRecipient(String name) {
    sendTo(name);

    assertThat(greenMail.getReceivedMessages()).hasSize(1);
    assertThat(envelopeRecipients(greenMail)).containsExactly("ana@northwind.example");
  }

  @ParameterizedTest
  @MethodSource("hostileNames")
  void anyNameLeavesSubjectAndDisplayNameOnOneLineWithoutControls(String name) throws Exception {
    sendTo(name);

    MimeMessage message = onlyMessage(greenMail);
    InternetAddress to = (InternetAddress) message.getAllRecipients()[0];
    assertThat(message.getSubject()).doesNotContainPattern("[\\p{Cc}\\u202A-\\u202E\\u2066-\\u2069]");
    assertThat(to.getPersonal()).doesNotContainPattern("[\\p{Cc}\\u202A-\\u202E\\u2066-\\u2069]");
    assertThat(to.getAddress()).isEqualTo("ana@northwind.example");
    assertThat(message.getHeader("Bcc")).isNull();
    assertThat(message.getHeader("X-Injected")).isNull();
  }

  @Test
  void scriptInANameIsEscapedInTheHtmlPart() throws Exception {
    sendTo("<script>alert('x')</script>");

    String html = html(onlyMessage(greenMail));
    assertThat(html).doesNotContain("<script>")
        .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");
  }

  @Test
  void scriptInANameAppearsVerbatimInTheTextPart() throws Exception {
    sendTo("<script>alert('x')</script>");

    assertThat(text(onlyMessage(greenMail))).contains("Customer: <script>alert('x')</script>");
  }

  @Test
  void quotesInANameSurviveInTheDisplayNameAndAreEscapedInHtml() throws Exception {
    String name = "Ann \"The Boss\" O'Neil, <ann@evil.example>";

    sendTo(name);

    MimeMessage message = onlyMessage(greenMail);
    assertThat(((InternetAddress) message.getAllRecipients()[0]).getPersonal()).isEqualTo(name);
    assertThat(message.getAllRecipients()).hasSize(1);
    assertThat(html(message)).contains("Ann &quot;The Boss&quot; O&#39;Neil, &lt;ann@evil.example&gt;");
  }

  @Test
  void lineBreaksInANameBecomeSpaces() throws Exception {
    sendTo("Evil Corp\r\nBcc: victim@evil.example");

    MimeMessage message = onlyMessage(greenMail);
    assertThat(message.getSubject()).contains("of Evil Corp Bcc: victim@evil.example is nearing");
    assertThat(text(message)).containsPattern("(?m)^Customer: Evil Corp Bcc: victim@evil.example\r?$");
  }

  @Test
  void bidiOverridesAreRemovedAndNamesAreIsolatedInHtml() throws Exception {
    sendTo("\u202Egnp.exe\u202C Invoices");

    MimeMessage message = onlyMessage(greenMail);
    assertThat(message.getSubject()).contains("of gnp.exe Invoices is nearing");
    assertThat(text(message)).doesNotContain("\u202E");
    assertThat(html(message)).doesNotContain("\u202E").contains("<bdi>gnp.exe Invoices</bdi>");
  }

  @Test
  void rightToLeftNamesKeepTheirLettersAndMarks() throws Exception {
    String hebrew = "\u05E9\u05DC\u05D5\u05DD\u200F \u05D1\u05E2\"\u05DE";

    sendTo(hebrew);

    MimeMessage message = onlyMessage(greenMail);
    assertThat(message.getSubject()).contains(hebrew);
    assertThat(html(message)).contains("<bdi>\u05E9\u05DC\u05D5\u05DD\u200F \u05D1\u05E2&quot;\u05DE</bdi>");
  }

  @Test
  void emojiInNamesArriveIntact() throws Exception {
    sendTo("Rocket 🚀 GmbH 👩‍💻");

    MimeMessage message = onlyMessage(greenMail);
    assertThat(message.getSubject()).contains("of Rocket 🚀 GmbH 👩‍💻 is nearing");
    assertThat(((InternetAddress) message.getAllRecipients()[0]).getPersonal()).isEqualTo("Rocket 🚀 GmbH 👩‍💻");
    assertThat(html(message)).contains("Rocket 🚀 GmbH 👩‍💻");
  }

  @Test
  void hundredCharacterNameIsShortenedInTheSubjectAndWholeInTheBodies() throws Exception {
    sendTo(HUNDRED);

    MimeMessage message = onlyMessage(greenMail);
    String shortened = HUNDRED.substring(0, DefaultMailTemplates.SUBJECT_NAME_LIMIT - 1) + "\u2026";
    assertThat(message.getSubject()).contains("of " + shortened + " is nearing").doesNotContain(HUNDRED);
    assertThat(text(message)).contains("Customer: " + HUNDRED);
    assertThat(html(message)).contains(HUNDRED);
    assertThat(((InternetAddress) message.getAllRecipients()[0]).getPersonal()).isEqualTo(HUNDRED);
  }
}
