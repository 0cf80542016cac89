package io.simestate.mail;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.Properties;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Assume;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A text part of an email: 7-bit text goes out as it is, written by the adapter byte for byte as
 * Jakarta Mail writes it; any other text gets Jakarta Mail's own part, which encodes it.
 */
class TextPartTest {

  private static final Session SESSION = Session.getInstance(new Properties());

  @ParameterizedTest
  @ValueSource(strings = {"", "Hello Ana,\n\nSIM 8944500102198304826 is nearing its usage limit.\n",
      "<!DOCTYPE html>\n<html lang=\"en\">\n<body>\n<p style=\"color:#666\">a &amp; b &#183; c</p>\n</body>\n</html>\n",
      ".\nA line that starts with a dot\n..\nFrom the start\n", "no line end at the end",
      "tab\tand ~ { } | \\ ^ ` characters\n"})
  void aSevenBitTextIsWrittenByteForByteAsJakartaMailWritesIt(String text) throws Exception {
    MimeBodyPart ours = TextPart.of(text, "html");
    MimeBodyPart theirs = new MimeBodyPart();
    theirs.setText(text, "UTF-8", "html");

    assertThat(ours).isNotExactlyInstanceOf(MimeBodyPart.class);
    assertThat(written(ours)).isEqualTo(written(theirs));
    assertThat(ours.getEncoding()).isEqualTo("7bit");
  }

  @Property
  void everyTextIsWrittenAsJakartaMailWritesItAndReadsBackAsWritten(@ForAll("texts") String text)
      throws Exception {
    MimeBodyPart theirs = new MimeBodyPart();
    theirs.setText(text, "UTF-8", "plain");

    MimeBodyPart ours = TextPart.of(text, "plain");

    assertThat(written(ours)).as(escaped(text)).isEqualTo(written(theirs));
    // Line ends are the transport's business (CRLF on the wire): a CR in a text is not kept as such;
    // and a lone surrogate has no UTF-8 form.
    Assume.that(text.indexOf('\r') < 0 && new String(text.getBytes(UTF_8), UTF_8).equals(text));
    MimeMessage read = new MimeMessage(SESSION, new ByteArrayInputStream(writtenInMessage(ours)));
    assertThat(((MimeMultipart) read.getContent()).getBodyPart(0).getContent()).as(escaped(text)).isEqualTo(text);
  }

  @ParameterizedTest
  @ValueSource(strings = {"Grüße", "a\u0000b", "🚀"})
  void aTextOfOtherCharactersIsLeftToJakartaMailWhichEncodesIt(String text) throws Exception {
    MimeBodyPart part = TextPart.of(text, "plain");
    written(part);

    assertThat(part).isExactlyInstanceOf(MimeBodyPart.class);
    assertThat(part.getEncoding()).isIn("quoted-printable", "base64");
  }

  @ParameterizedTest
  @ValueSource(ints = {998, 999})
  void aLineOfAtMost998CharactersStaysSevenBit(int length) throws Exception {
    MimeBodyPart part = TextPart.of("x".repeat(length) + "\n", "plain");
    written(part);

    assertThat(part.getEncoding()).isEqualTo(length <= 998 ? "7bit" : "quoted-printable");
  }

  @Provide
  Arbitrary<String> texts() {
    Arbitrary<String> ascii = Arbitraries.strings().withChars("abc .=\n").ofMaxLength(60);
    Arbitrary<String> any = Arbitraries.strings().all().ofMaxLength(60);
    Arbitrary<String> longLine = Arbitraries.integers().between(990, 1005).map("x"::repeat);
    Arbitrary<String> special = Arbitraries.of("a\rb", "a\r\nb", "Grüße", "a\u0000b", "🚀", "a\nb\n");
    return Arbitraries.oneOf(ascii, any, longLine, special);
  }

  private static String escaped(String text) {
    StringBuilder out = new StringBuilder("text \"");
    text.codePoints().forEach(c -> out.append(c >= ' ' && c < 127 ? Character.toString(c) : String.format("\\u%04x", c)));
    return out.append('"').toString();
  }

  /** The part's headers and body as the message's writer writes them, after the message saved its changes. */
  private static byte[] written(MimeBodyPart part) throws Exception {
    writtenInMessage(part);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    part.writeTo(out);
    return out.toByteArray();
  }

  private static byte[] writtenInMessage(MimeBodyPart part) throws Exception {
    MimeMessage message = new MimeMessage(SESSION);
    message.setContent(new MimeMultipart("alternative", part));
    message.saveChanges();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    message.writeTo(out);
    return out.toByteArray();
  }
}
