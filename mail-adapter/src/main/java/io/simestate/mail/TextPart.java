package io.simestate.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeBodyPart;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Enumeration;

/**
 * A text part (UTF-8) of an email. Text of ASCII characters in lines of at most 998 (RFC 5322
 * section 2.1.1), without CR or NUL, needs no transfer encoding: such a part says "7bit" and writes
 * its headers and its text itself, byte for byte what Jakarta Mail writes. Jakarta Mail would write
 * the text once more to find out that it needs no encoding, and would look its stream provider up
 * through {@code ServiceLoader} again for every part it writes (jakarta.mail-api 2.1, {@code
 * MimeUtility.encode}); for other text it picks quoted-printable or base 64, and this class leaves it
 * to do so.
 */
final class TextPart extends MimeBodyPart {

  /** The longest line of a 7-bit part, in characters (and octets): RFC 5322's limit. */
  static final int MAX_LINE = 998;

  private static final byte[] CRLF = {'\r', '\n'};

  private final byte[] octets;

  private TextPart(String text, String subtype) throws MessagingException {
    setText(text, "UTF-8", subtype);
    setHeader("Content-Transfer-Encoding", "7bit");
    octets = text.getBytes(StandardCharsets.US_ASCII);
  }

  /**
   * The part for a text.
   *
   * @param text the text, with LF line ends
   * @param subtype {@code "plain"} or {@code "html"}
   * @return this class's part for 7-bit text, else Jakarta Mail's, which encodes the text
   */
  static MimeBodyPart of(String text, String subtype) throws MessagingException {
    if (isSevenBit(text)) {
      return new TextPart(text, subtype);
    }
    MimeBodyPart part = new MimeBodyPart();
    part.setText(text, "UTF-8", subtype);
    return part;
  }

  private static boolean isSevenBit(String text) {
    int line = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n') {
        line = 0;
      } else if (c == 0 || c == '\r' || c > 127 || ++line > MAX_LINE) {
        return false;
      }
    }
    return true;
  }

  /** Writes the headers, a blank line and the text, as {@link MimeBodyPart#writeTo} does for 7-bit text. */
  @Override
  public void writeTo(OutputStream out) throws IOException, MessagingException {
    Enumeration<String> lines = getAllHeaderLines();
    while (lines.hasMoreElements()) {
      out.write(lines.nextElement().getBytes(StandardCharsets.ISO_8859_1));
      out.write(CRLF);
    }
    out.write(CRLF);
    out.write(octets);
    out.flush();
  }
}
