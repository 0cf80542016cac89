package io.simestate.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.fail;

import io.simestate.mail.RenderedMessages.Rendered;
import jakarta.mail.Header;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.ContentDisposition;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MailDateFormat;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every message the templates write, with plain, hostile and Unicode names and domains, parses
 * strictly: 7-bit CRLF lines of at most 998 octets, every header unfolded and parsed by Jakarta
 * Mail's strict parsers, encoded words that decode, a well-formed multipart/alternative whose parts
 * decode to exactly what the template wrote, and HTML whose markup no customer value can change.
 * Python's {@code email} package, in strict mode, reads the same files as a second, independent parser.
 */
class StrictMimeTest {

  private static final List<Rendered> ALL = RenderedMessages.all();

  private static final Set<String> ADDRESS_HEADERS = Set.of("from", "to", "reply-to", "cc", "bcc", "sender");
  private static final Pattern ENCODED_WORD = Pattern.compile("=\\?[^?\\s]+\\?[bBqQ]\\?[^?\\s]*\\?=");
  private static final Pattern FIELD_NAME = Pattern.compile("[!-9;-~]+");
  private static final Pattern MSG_ID = Pattern.compile("<[0-9a-f]{64}@[a-z0-9.-]+>");
  private static final Pattern BOUNDARY = Pattern.compile("[0-9A-Za-z'()+_,\\-./:=? ]{0,69}[0-9A-Za-z'()+_,\\-./:=?]");

  static List<Rendered> messages() {
    return ALL;
  }

  private static MimeMessage parse(Rendered r) throws Exception {
    Properties strict = new Properties();
    strict.setProperty("mail.mime.address.strict", "true");
    strict.setProperty("mail.mime.multipart.ignoremissingendboundary", "false");
    strict.setProperty("mail.mime.multipart.ignoremissingboundaryparameter", "false");
    strict.setProperty("mail.mime.decodetext.strict", "true");
    return new MimeMessage(Session.getInstance(strict), new ByteArrayInputStream(r.bytes()));
  }

  @Test
  void everyKindAndEveryHostileAndUnicodeNameIsRendered() {
    assertThat(ALL).extracting(Rendered::kind).contains("alert", "alert-bare", "digest", "notice");
    assertThat(ALL).hasSize(9 + 3 * RenderedMessages.HOSTILE_NAMES.size() + 6 + 5);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("messages")
  void linesAreSevenBitCrlfAndAtMost998Octets(Rendered r) {
    byte[] b = r.bytes();
    int lineStart = 0;
    for (int i = 0; i < b.length; i++) {
      assertThat(b[i] & 0xff).as("%s: octet %d is 7-bit and not NUL", r, i).isBetween(1, 127);
      if (b[i] == '\n') {
        assertThat(i).as("%s: LF at %d without CR", r, i).isPositive();
        assertThat(b[i - 1]).as("%s: LF at %d without CR", r, i).isEqualTo((byte) '\r');
        assertThat(i - 1 - lineStart).as("%s: line at %d", r, lineStart).isLessThanOrEqualTo(998);
        lineStart = i + 1;
      } else if (b[i] == '\r') {
        assertThat(i + 1 < b.length && b[i + 1] == '\n').as("%s: CR at %d without LF", r, i).isTrue();
      }
    }
    assertThat(lineStart).as("%s ends with CRLF", r).isEqualTo(b.length);
  }

  /** The messages whose names, addresses and texts are all ASCII. */
  static List<Rendered> asciiMessages() {
    return ALL.stream().filter(r -> !r.name().matches("(hostile|unicode|rtl)-.*")).toList();
  }

  /**
   * Quoted-printable would lengthen the HTML (each "=" of its attributes becomes "=3D", and a soft
   * line break follows every 76 characters) and cost the sender an encoding pass byte by byte; text of
   * ASCII in lines of at most 998 octets needs no encoding at all (RFC 5322 section 2.1.1).
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("asciiMessages")
  void aMessageOfAsciiNamesAndTextsGoesOutInSevenBitWithoutQuotedPrintable(Rendered r) throws Exception {
    Multipart parts = (Multipart) parse(r).getContent();
    for (int i = 0; i < parts.getCount(); i++) {
      assertThat(parts.getBodyPart(i).getHeader("Content-Transfer-Encoding"))
          .as("%s: part %d (%s)", r, i, parts.getBodyPart(i).getContentType()).containsExactly("7bit");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("messages")
  void everyHeaderUnfoldsAndParsesStrictly(Rendered r) throws Exception {
    MimeMessage message = parse(r);
    List<String> names = new ArrayList<>();
    for (Header header : Collections.list(message.getAllHeaders())) {
      String name = header.getName();
      String value = MimeUtility.unfold(header.getValue());
      names.add(name.toLowerCase(java.util.Locale.ROOT));
      assertThat(name).as("%s: field name", r).matches(FIELD_NAME);
      assertThat(value).as("%s: %s has no line break once unfolded", r, name).doesNotContain("\r", "\n");
      Matcher words = ENCODED_WORD.matcher(value);
      while (words.find()) {
        String word = words.group();
        assertThat(word.length()).as("%s: %s encoded word %s", r, name, word).isLessThanOrEqualTo(75);
        assertThatCode(() -> MimeUtility.decodeWord(word)).as("%s: %s", r, word).doesNotThrowAnyException();
      }
      if (ADDRESS_HEADERS.contains(name.toLowerCase(java.util.Locale.ROOT))) {
        InternetAddress[] addresses = InternetAddress.parseHeader(value, true);
        assertThat(addresses).as("%s: %s", r, name).hasSize(1);
        addresses[0].validate();
      }
    }
    assertThat(names).as("%s: each header once", r).doesNotHaveDuplicates()
        .contains("from", "to", "subject", "date", "message-id", "mime-version", "content-type", "auto-submitted");

    InternetAddress to = (InternetAddress) message.getRecipients(jakarta.mail.Message.RecipientType.TO)[0];
    assertThat(to.getAddress()).isEqualTo(r.notification().recipient().email().toString());
    assertThat(to.getPersonal()).isEqualTo(expectedDisplayName(r.notification().recipient().name()));
    InternetAddress from = (InternetAddress) message.getFrom()[0];
    assertThat(from.getAddress()).isEqualTo(r.notification().sender().address().toString());
    assertThat(from.getPersonal()).isEqualTo(expectedDisplayName(r.notification().sender().displayName()));
    assertThat(MimeUtility.decodeText(MimeUtility.unfold(message.getHeader("Subject", null))))
        .isEqualTo(MessageComposer.subject(r.content().subject()));
    assertThat(message.getHeader("Message-ID", null)).matches(MSG_ID);
    MailDateFormat dates = new MailDateFormat();
    dates.setLenient(false);
    assertThat(dates.parse(message.getHeader("Date", null)).toInstant()).isEqualTo(Fixtures.NOW);
  }

  private static String expectedDisplayName(String name) {
    String line = UntrustedText.truncate(UntrustedText.singleLine(name), MessageComposer.MAX_SUBJECT);
    return line.isEmpty() ? null : line;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("messages")
  void multipartAlternativeIsWellFormedAndDecodesToWhatTheTemplateWrote(Rendered r) throws Exception {
    MimeMessage message = parse(r);
    ContentType type = new ContentType(message.getContentType());
    assertThat(type.getBaseType()).isEqualTo("multipart/alternative");
    String boundary = type.getParameter("boundary");
    assertThat(boundary).as("%s: boundary", r).matches(BOUNDARY);

    String raw = new String(r.bytes(), StandardCharsets.US_ASCII);
    String body = raw.substring(raw.indexOf("\r\n\r\n") + 4);
    List<String> lines = List.of(body.split("\r\n", -1));
    assertThat(lines.stream().filter(l -> l.equals("--" + boundary))).as("%s: two delimiters", r).hasSize(2);
    assertThat(lines.stream().filter(l -> l.equals("--" + boundary + "--"))).as("%s: one close", r).hasSize(1);
    assertThat(lines.stream().filter(l -> l.startsWith("--" + boundary))).hasSize(3);

    Multipart parts = (Multipart) message.getContent();
    assertThat(parts.getCount()).isEqualTo(2);
    assertPart(r, parts.getBodyPart(0), "text/plain", r.content().text());
    assertPart(r, parts.getBodyPart(1), "text/html", r.content().html().markup());
  }

  private static void assertPart(Rendered r, Part part, String mimeType, String expected) throws Exception {
    ContentType type = new ContentType(part.getContentType());
    assertThat(type.getBaseType()).as("%s", r).isEqualTo(mimeType);
    assertThat(type.getParameter("charset")).as("%s", r).isEqualToIgnoringCase("UTF-8");
    String[] encoding = part.getHeader("Content-Transfer-Encoding");
    assertThat(encoding).as("%s", r).hasSize(1);
    assertThat(encoding[0]).isIn("7bit", "quoted-printable", "base64");
    String[] disposition = part.getHeader("Content-Disposition");
    if (disposition != null) {
      assertThatCode(() -> new ContentDisposition(disposition[0])).doesNotThrowAnyException();
    }
    try (InputStream in = part.getInputStream()) {
      // A 7bit part carries the CRLF line ends of the wire; the template wrote LF.
      assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n"))
          .as("%s: %s", r, mimeType).isEqualTo(expected);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("messages")
  void htmlIsWellFormedAndNoValueAddsMarkup(Rendered r) {
    List<String> tags = tags(r, r.content().html().markup());
    Rendered baseline = RenderedMessages.baselineOf(ALL, r);
    assertThat(tags).as("%s has the markup of %s", r, baseline).isEqualTo(tags(baseline, baseline.content().html().markup()));
  }

  private static final Set<String> ALLOWED = Set.of("html", "head", "meta", "title", "style", "body", "p", "strong",
      "table", "tr", "th", "td", "bdi", "div", "a", "br", "span");
  private static final Set<String> VOID = Set.of("meta", "br");
  private static final Pattern TAG = Pattern.compile("<(/?)([a-z]+)((?: [a-z-]+=\"[^\"<>&]*\")*)>");
  private static final Pattern ENTITY = Pattern.compile("&(?:amp|lt|gt|quot|#39|#[0-9]{1,7});");

  /** The tag sequence of a document, checked to be well formed: known tags, balanced, text escaped. */
  static List<String> tags(Rendered r, String html) {
    String doctype = "<!DOCTYPE html>";
    assertThat(html).as("%s", r).startsWith(doctype);
    List<String> tags = new ArrayList<>();
    Deque<String> open = new ArrayDeque<>();
    int i = doctype.length();
    while (i < html.length()) {
      int lt = html.indexOf('<', i);
      String text = html.substring(i, lt < 0 ? html.length() : lt);
      if (!"style".equals(open.peek())) {
        assertThat(text).as("%s: text holds no markup characters", r).doesNotContain(">", "\"");
        assertThat(text.replaceAll(ENTITY.pattern(), "")).as("%s: every & starts an entity", r).doesNotContain("&");
      }
      if (lt < 0) {
        break;
      }
      Matcher m = TAG.matcher(html).region(lt, html.length());
      if (!m.lookingAt()) {
        fail("%s: not a tag at %d: %s", r, lt, html.substring(lt, Math.min(html.length(), lt + 40)));
      }
      String name = m.group(2);
      assertThat(ALLOWED).as("%s: tag", r).contains(name);
      if (m.group(1).isEmpty()) {
        tags.add(name);
        if (!VOID.contains(name)) {
          open.push(name);
        }
      } else {
        assertThat(open.peek()).as("%s: </%s> closes the open element", r, name).isEqualTo(name);
        open.pop();
        tags.add("/" + name);
      }
      i = m.end();
    }
    assertThat(open).as("%s: every element closed", r).isEmpty();
    return tags;
  }

  @Test
  void pythonsStrictEmailParserFindsNoDefectInAnyMessage() throws Exception {
    Path script = RenderedMessages.FOLDER.resolve("strict_parse.py");
    try (InputStream in = StrictMimeTest.class.getResourceAsStream("strict_parse.py")) {
      Files.write(script, in.readAllBytes());
    }
    Process python;
    try {
      python = new ProcessBuilder("python3", script.toString(), RenderedMessages.FOLDER.toString())
          .redirectErrorStream(true).start();
    } catch (IOException e) {
      Assumptions.abort("python3 is not on the PATH, so the second parser cannot run: " + e.getMessage());
      return;
    }
    String output = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(python.waitFor()).as(output).isZero();
    assertThat(output).contains("parsed " + ALL.size() + " messages strictly, 0 with defects");
  }
}
