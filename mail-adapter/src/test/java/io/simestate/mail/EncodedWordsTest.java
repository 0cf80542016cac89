package io.simestate.mail;

import static org.assertj.core.api.Assertions.assertThat;

import io.simestate.core.AlertKind;
import io.simestate.core.alert.AlertNotification;
import io.simestate.core.alert.Recipient;
import io.simestate.core.alert.SenderIdentity;
import io.simestate.core.customer.EmailAddress;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * RFC 2047 encoded words for text a reader's mail program would otherwise decode (a name or subject
 * holding "=?"): UTF-8 in base 64, each word at most 75 characters and each header line that holds one
 * at most 76, each word as full as the next character allows, never splitting a character, so that the
 * text reads back exactly as written.
 */
class EncodedWordsTest {

  private static final Pattern ENCODED_WORD = Pattern.compile("=\\?[^?\\s]+\\?[BbQq]\\?[^?\\s]*\\?=");
  private static final String PREFIX = "=?UTF-8?B?";
  /**
   * The most octets a word can carry so that the longest header holding one, "Subject: " and the word,
   * fits the 76 characters RFC 2047 allows a line: 67 characters, 55 of them base 64, so 52 (whole
   * groups of 4), which carry 39 octets.
   */
  private static final int MAX_OCTETS = (76 - "Subject: ".length() - PREFIX.length() - 2) / 4 * 3;

  /** One-line texts of code points of every UTF-8 length: ASCII, Latin, CJK, emoji; no unpaired surrogates. */
  @Provide
  Arbitrary<String> oneLineTexts() {
    Arbitrary<Integer> codePoint = Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(4, Arbitraries.integers().between(0x20, 0x7E)),
        net.jqwik.api.Tuple.of(2, Arbitraries.integers().between(0xA0, 0x7FF)),
        net.jqwik.api.Tuple.of(2, Arbitraries.integers().between(0x800, 0xD7FF)),
        net.jqwik.api.Tuple.of(2, Arbitraries.integers().between(0x1F300, 0x1FAFF)));
    return codePoint.list().ofMaxSize(200).map(cps -> {
      StringBuilder text = new StringBuilder();
      cps.forEach(text::appendCodePoint);
      return text.toString();
    });
  }

  @Property(tries = 500)
  void anyTextReadsBackExactlyFromWordsOfAtMost75CharactersEachAsFullAsTheNextCharacterAllows(
      @ForAll("oneLineTexts") String text) throws Exception {
    String encoded = MessageComposer.encodedWords(text);

    assertThat(decodeWords(text, List.of(encoded.isEmpty() ? new String[0] : encoded.split(" ", -1))))
        .isEqualTo(text);
    assertThat(MimeUtility.decodeText(encoded)).isEqualTo(text);
  }

  @Example
  void theEmptyTextIsNoWordAtAll() {
    assertThat(MessageComposer.encodedWords("")).isEmpty();
  }

  @Example
  void aLongNonAsciiDisplayNameThatLooksEncodedGoesOutInWordsOfAtMost75CharactersAndReadsBackAsWritten()
      throws Exception {
    String name = "=?UTF-8?B?QmNjOg==?= Łukasz Żółć-Ångström 山田 🚀 ".repeat(4).strip();
    String senderName = "=?utf-8?q?Evil?= Portál Ålerts 📡 NOC ".repeat(3).strip();
    Recipient to = Fixtures.contact(name, "lukasz@northwind.example");
    AlertNotification alert = Fixtures.alert("Northwind", to);
    SenderIdentity sender = new SenderIdentity(EmailAddress.parse("alerts@portal.example"), senderName, null);
    alert = new AlertNotification(alert.tenantId(), sender, to, alert.customerName(), alert.alert(), alert.messageKey());

    MimeMessage message = sent(alert);

    assertThat(((InternetAddress) message.getRecipients(Message.RecipientType.TO)[0]).getPersonal()).isEqualTo(name);
    assertThat(((InternetAddress) message.getFrom()[0]).getPersonal()).isEqualTo(senderName);
    assertThat(decodeWords(name, wordsOf(displayNameOf(message.getHeader("To")[0])))).isEqualTo(name);
    assertThat(decodeWords(senderName, wordsOf(displayNameOf(message.getHeader("From")[0])))).isEqualTo(senderName);
    assertLinesOfAtMost76Characters("To", message);
    assertLinesOfAtMost76Characters("From", message);
  }

  @Example
  void aSubjectThatLooksEncodedGoesOutInFoldedWordsOfAtMost75CharactersAndReadsBackAsTheTemplateWroteIt()
      throws Exception {
    String customer = "=?UTF-8?B?QmNjOiB2aWN0aW0=?= Ελληνικά Δίκτυα 北京 🚀 ".repeat(2).strip();
    AlertNotification alert = Fixtures.alert(customer, Fixtures.contact("Ana", "ana@northwind.example"),
        AlertKind.CUT_OFF);
    String written = MailTemplates.defaults().alert(alert).subject();

    MimeMessage message = sent(alert);

    String raw = message.getHeader("Subject")[0];
    assertThat(message.getSubject()).isEqualTo(MessageComposer.subject(written));
    assertThat(decodeWords(MessageComposer.subject(written), wordsOf(MimeUtility.unfold(raw))))
        .isEqualTo(MessageComposer.subject(written));
    assertLinesOfAtMost76Characters("Subject", message);
  }

  @Example
  void anAsciiNameAndSubjectThatDoNotLookEncodedGoOutAsTheyAre() throws Exception {
    AlertNotification alert = Fixtures.alert("Northwind", Fixtures.contact("Ana Lima", "ana@northwind.example"));

    MimeMessage message = sent(alert);

    assertThat(message.getHeader("To")).containsExactly("Ana Lima <ana@northwind.example>");
    assertThat(message.getHeader("From")).containsExactly("Portal Alerts <alerts@portal.example>");
    assertThat(MimeUtility.unfold(message.getHeader("Subject")[0]))
        .isEqualTo(MailTemplates.defaults().alert(alert).subject());
  }

  @Example
  void aNonAsciiNameThatDoesNotLookEncodedIsLeftToJakartaMailAndStillReadsBack() throws Exception {
    Recipient zoe = Fixtures.contact("Zoë Ångström", "zoe@northwind.example");

    MimeMessage message = sent(Fixtures.alert("Northwind", zoe));

    assertThat(((InternetAddress) message.getRecipients(Message.RecipientType.TO)[0]).getPersonal())
        .isEqualTo("Zoë Ångström");
  }

  /** The message as the composer makes it, written out and read back as a receiving program would. */
  private static MimeMessage sent(AlertNotification n) throws Exception {
    MessageComposer composer = new MessageComposer(MailTemplates.defaults(), Fixtures.CLOCK);
    Session session = Session.getInstance(new Properties());
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    composer.compose(session, n, composer.content(n)).writeTo(bytes);
    return new MimeMessage(session, new ByteArrayInputStream(bytes.toByteArray()));
  }

  /** RFC 2047 section 2: each line of a header field that holds an encoded word is at most 76 characters. */
  private static void assertLinesOfAtMost76Characters(String header, MimeMessage message) throws Exception {
    String field = header + ": " + message.getHeader(header)[0];
    assertThat(field.split("\r\n")).as(field).allSatisfy(line -> assertThat(line).hasSizeLessThanOrEqualTo(76));
  }

  private static String displayNameOf(String addressHeader) {
    String unfolded = MimeUtility.unfold(addressHeader);
    return unfolded.substring(0, unfolded.lastIndexOf('<')).strip();
  }

  /** Every token of an unfolded header value that has the shape of an encoded word. */
  private static List<String> wordsOf(String unfolded) {
    List<String> words = new ArrayList<>();
    Matcher m = ENCODED_WORD.matcher(unfolded);
    while (m.find()) {
      words.add(m.group());
    }
    assertThat(String.join(" ", words)).as("nothing but encoded words").isEqualTo(unfolded.strip());
    return words;
  }

  /**
   * The text that the words carry, after checking each word: ours (UTF-8, base 64), at most 75
   * characters and 45 octets, whole characters only, and full (the text's next character would not fit).
   */
  private static String decodeWords(String text, List<String> words) throws CharacterCodingException {
    StringBuilder decoded = new StringBuilder();
    for (int k = 0; k < words.size(); k++) {
      String word = words.get(k);
      assertThat(word).startsWith(PREFIX).endsWith("?=").hasSizeLessThanOrEqualTo(75);
      byte[] octets = Base64.getDecoder().decode(word.substring(PREFIX.length(), word.length() - 2));
      assertThat(octets.length).isBetween(1, MAX_OCTETS);
      String part = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(octets)).toString();
      decoded.append(part);
      if (k < words.size() - 1 && decoded.length() < text.length()) {
        int next = text.codePointAt(decoded.length());
        assertThat(octets.length + new String(Character.toChars(next)).getBytes(StandardCharsets.UTF_8).length)
            .as("word %s is as full as the next character allows", k).isGreaterThan(MAX_OCTETS);
      }
    }
    return decoded.toString();
  }
}
