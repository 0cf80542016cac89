package io.simestate.core.customer;

import io.simestate.core.InvalidInputException;
import java.net.IDN;
import java.util.Locale;

/**
 * A valid email address, as SIM Estate accepts it for contacts, customers and alert recipients.
 *
 * <p>Valid means (DESIGN §3): a local part that is an RFC 5322 dot-atom of at most 64 characters (no
 * quoted local parts); a domain of at least two labels, each 1–63 letters, digits or hyphens, not
 * starting or ending with a hyphen, the last label not all digits (no IP literals, no trailing dot);
 * an internationalised domain is accepted and kept in its ASCII (IDNA) form; at most 254 characters
 * in all; no white space, control or invisible format characters anywhere, before or after the
 * IDNA mapping. Surrounding white space is trimmed first.
 *
 * <p>The domain compares case-insensitively (it is stored in lower case); the local part keeps its
 * case. {@link #toString()} is the canonical form, {@code local@ascii-domain}; {@link #displayed()}
 * is the form to show a person, with the domain in Unicode.
 *
 * @param localPart the part before the {@code @}, case kept
 * @param domain the ASCII (IDNA) domain in lower case
 */
public record EmailAddress(String localPart, String domain) {

  private static final int MAX_LOCAL = 64;
  private static final int MAX_TOTAL = 254;
  private static final int MAX_LABEL = 63;
  private static final String ATEXT_SPECIALS = "!#$%&'*+/=?^_`{|}~-";

  /**
   * Checks the parts; prefer {@link #parse(String)}.
   *
   * @param localPart the part before the {@code @}, case kept
   * @param domain the ASCII (IDNA) domain in lower case
   */
  public EmailAddress {
    if (localPart == null || domain == null) {
      throw invalid("an email address is required");
    }
    checkLocalPart(localPart);
    checkAsciiDomain(domain);
    if (!domain.equals(domain.toLowerCase(Locale.ROOT))) {
      throw invalid("the domain of an email address must be given in lower case; use parse()");
    }
    if (localPart.length() + 1 + domain.length() > MAX_TOTAL) {
      throw invalid("an email address may have at most " + MAX_TOTAL + " characters");
    }
  }

  /**
   * Parses what a user typed into an email address.
   *
   * @param text the address; surrounding white space is ignored
   * @return the address, with an internationalised domain in its ASCII form
   * @throws InvalidInputException if the text is not a valid address; the message says which rule
   *     failed
   */
  public static EmailAddress parse(String text) {
    if (text == null) {
      throw invalid("an email address is required");
    }
    String trimmed = text.strip();
    if (trimmed.isEmpty()) {
      throw invalid("an email address is required");
    }
    checkNoHiddenCharacters(trimmed);
    int at = trimmed.lastIndexOf('@');
    if (at < 0 || trimmed.indexOf('@') != at) {
      throw invalid("an email address must contain exactly one @");
    }
    String local = trimmed.substring(0, at);
    String unicodeDomain = trimmed.substring(at + 1);
    checkLocalPart(local);
    if (unicodeDomain.isEmpty()) {
      throw invalid("an email address needs a domain after the @, like example.com");
    }
    String ascii = toAscii(unicodeDomain);
    checkNoHiddenCharacters(ascii);
    return new EmailAddress(local, ascii.toLowerCase(Locale.ROOT));
  }

  /**
   * Whether {@code text} is a valid email address.
   *
   * @param text the text to check, may be null
   * @return true if {@link #parse(String)} would accept it
   */
  public static boolean isValid(String text) {
    try {
      parse(text);
      return true;
    } catch (InvalidInputException e) {
      return false;
    }
  }

  /**
   * The address with the local part masked, for logs: {@code j***@example.com}.
   *
   * @return the masked form
   */
  public String masked() {
    return localPart.charAt(0) + "***@" + domain;
  }

  /**
   * The address as a person reads it: the local part as stored and an internationalised domain
   * converted back from its ASCII (IDNA) form to Unicode, in lower case: {@code ana@bücher.example}
   * for the stored {@code ana@xn--bcher-kva.example}. For screens, reports and message text; mail
   * headers, keys and comparisons use {@link #toString()}. {@code parse(displayed())} gives this
   * address back.
   *
   * @return the address with its domain in Unicode; the same as {@link #toString()} for an ASCII domain
   */
  public String displayed() {
    return localPart + "@" + IDN.toUnicode(domain, 0);
  }

  @Override
  public String toString() {
    return localPart + "@" + domain;
  }

  private static String toAscii(String unicodeDomain) {
    // A trailing dot is refused before IDNA, which would also accept the ideographic full stop.
    if (endsWithDot(unicodeDomain)) {
      throw invalid("the domain of an email address must not end with a dot");
    }
    boolean ascii = unicodeDomain.chars().allMatch(c -> c < 0x80);
    if (ascii) {
      return unicodeDomain;
    }
    try {
      return IDN.toASCII(unicodeDomain, 0);
    } catch (IllegalArgumentException e) {
      throw invalid("the domain of an email address is not a valid internationalised domain name");
    }
  }

  private static boolean endsWithDot(String domain) {
    char last = domain.charAt(domain.length() - 1);
    return last == '.' || last == '\u3002' || last == '\uFF0E' || last == '\uFF61';
  }

  private static void checkNoHiddenCharacters(String text) {
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
        throw invalid("an email address must not contain white space");
      }
      int type = Character.getType(cp);
      if (Character.isISOControl(cp) || type == Character.FORMAT || type == Character.CONTROL
          || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR
          || type == Character.UNASSIGNED || type == Character.PRIVATE_USE
          || type == Character.SURROGATE) {
        throw invalid("an email address must not contain control or invisible characters");
      }
      i += Character.charCount(cp);
    }
  }

  private static void checkLocalPart(String local) {
    if (local.isEmpty()) {
      throw invalid("an email address needs a name before the @");
    }
    if (local.length() > MAX_LOCAL) {
      throw invalid("the part before the @ may have at most " + MAX_LOCAL + " characters");
    }
    if (local.startsWith(".") || local.endsWith(".") || local.contains("..")) {
      throw invalid("the part before the @ must not start or end with a dot or contain two dots in a row");
    }
    for (int i = 0; i < local.length(); i++) {
      char c = local.charAt(i);
      boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || c == '.' || ATEXT_SPECIALS.indexOf(c) >= 0;
      if (!ok) {
        throw invalid("the part before the @ may hold only letters, digits and "
            + ATEXT_SPECIALS + " (no quotes, spaces or accented letters)");
      }
    }
  }

  private static void checkAsciiDomain(String domain) {
    if (domain.isEmpty()) {
      throw invalid("an email address needs a domain after the @, like example.com");
    }
    if (domain.endsWith(".")) {
      throw invalid("the domain of an email address must not end with a dot");
    }
    String[] labels = domain.split("\\.", -1);
    if (labels.length < 2) {
      throw invalid("the domain of an email address needs at least two parts, like example.com");
    }
    for (String label : labels) {
      if (label.isEmpty() || label.length() > MAX_LABEL) {
        throw invalid("each part of the domain must have 1 to " + MAX_LABEL + " characters");
      }
      if (label.startsWith("-") || label.endsWith("-")) {
        throw invalid("a part of the domain must not start or end with a hyphen");
      }
      for (int i = 0; i < label.length(); i++) {
        char c = label.charAt(i);
        boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
        if (!ok) {
          throw invalid("the domain may hold only letters, digits, hyphens and dots (no IP addresses)");
        }
      }
    }
    String last = labels[labels.length - 1];
    if (last.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw invalid("the last part of the domain must not be all digits (no IP addresses)");
    }
  }

  private static InvalidInputException invalid(String message) {
    return InvalidInputException.of("", message);
  }
}
