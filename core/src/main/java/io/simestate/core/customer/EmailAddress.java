package io.simestate.core.customer;

import io.simestate.core.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.StringJoiner;

/**
 * A valid email address, as SIM Estate accepts it for contacts, customers and alert recipients.
 *
 * <p>Valid means (DESIGN §3):
 *
 * <ul>
 *   <li>a local part that is an RFC 5322 dot-atom of at most 64 characters: ASCII letters, digits and
 *       {@code !#$%&'*+/=?^_`{|}~-}, dots only between them; no quoted local parts, no backslashes,
 *       no characters outside ASCII;
 *   <li>a domain of at least two labels, each 1–63 letters, digits or hyphens, not starting or
 *       ending with a hyphen and without hyphens as its third and fourth characters (except the
 *       {@code xn--} of an internationalised label), the last label not all digits; no IP literals,
 *       no trailing dot;
 *   <li>not a special-use domain that never receives mail (RFC 6761, 6762, 7686, 9476): the top-level
 *       names {@code invalid}, {@code localhost}, {@code local}, {@code onion}, {@code alt} and
 *       {@code arpa} are refused; {@code example} and {@code test}, which exist for examples and tests,
 *       are accepted, like {@code example.com};
 *   <li>at most 254 characters in all, counted in the stored (ASCII) form;
 *   <li>no white space, control or invisible format characters anywhere (zero-width spaces, joiners,
 *       bidi overrides). Surrounding white space is trimmed first.
 * </ul>
 *
 * <p><b>Internationalised domains</b> follow IDNA 2008 with UTS #46 mapping, non-transitional. Each
 * label is mapped (full-width and compatibility forms to their plain form, upper to lower case) and
 * stored as its A-label ({@code bücher} as {@code xn--bcher-kva}); {@code ß} and {@code ς} are kept,
 * not turned into {@code ss} and {@code σ}. A label is refused, never silently re-mapped, when the
 * domain stored would not be the one typed: a character that maps to something containing a dot
 * ({@code ⒈}), a label that starts with a combining mark, hyphens as third and fourth characters
 * after mapping ({@code yy－－0}), characters other than letters, digits, marks and hyphens (with the
 * contextual exceptions of RFC 5892), right-to-left labels that break the Bidi rule of RFC 5893, or a
 * character that IDNA 2003 would map to something else. An A-label typed or stored as such must
 * decode to a label that passes the same rules and encodes back to itself. Because the JDK's IDNA
 * 2003 tables serve as that last check, characters added to Unicode after version 3.2 are refused.
 *
 * <p>The domain compares case-insensitively (it is stored in lower case); the local part keeps its
 * case. {@link #toString()} is the canonical form, {@code local@ascii-domain}, for mail headers, keys
 * and comparisons; {@link #displayed()} is the form to show a person, with the domain in Unicode,
 * and parsing it gives this address back.
 *
 * @param localPart the part before the {@code @}, case kept
 * @param domain the ASCII (IDNA) domain in lower case
 */
public record EmailAddress(String localPart, String domain) {

  private static final int MAX_LOCAL = 64;
  private static final int MAX_TOTAL = 254;
  private static final int MAX_LABEL = 63;
  private static final String ATEXT_SPECIALS = "!#$%&'*+/=?^_`{|}~-";

  /** Top-level names reserved for uses where mail can never be delivered (RFC 6761, 6762, 7686, 9476). */
  private static final Set<String> SPECIAL_USE = Set.of("invalid", "localhost", "local", "onion", "alt", "arpa");

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
    return new EmailAddress(local, ascii);
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
   * The address as a person reads it: the local part as stored and each internationalised label of
   * the domain converted back from its A-label to Unicode: {@code ana@bücher.example} for the stored
   * {@code ana@xn--bcher-kva.example}, {@code ana@straße.de} for {@code ana@xn--strae-oqa.de}. For
   * screens, reports and message text; mail headers, keys and comparisons use {@link #toString()}.
   * {@code parse(displayed())} gives this address back.
   *
   * @return the address with its domain in Unicode; the same as {@link #toString()} for an ASCII domain
   */
  public String displayed() {
    StringJoiner out = new StringJoiner(".", localPart + "@", "");
    for (String label : domain.split("\\.", -1)) {
      out.add(isALabel(label) ? Idna.toUnicode(label) : label);
    }
    return out.toString();
  }

  @Override
  public String toString() {
    return localPart + "@" + domain;
  }

  /** Maps each label as typed to its stored form; the constructor then checks the result. */
  private static String toAscii(String unicodeDomain) {
    // A trailing dot is refused before mapping, which would also accept the ideographic full stop.
    if (Idna.DOTS.indexOf(unicodeDomain.charAt(unicodeDomain.length() - 1)) >= 0) {
      throw invalid("the domain of an email address must not end with a dot");
    }
    StringBuilder out = new StringBuilder();
    int start = 0;
    for (int i = 0; i <= unicodeDomain.length(); i++) {
      if (i == unicodeDomain.length() || Idna.DOTS.indexOf(unicodeDomain.charAt(i)) >= 0) {
        if (start > 0) {
          out.append('.');
        }
        out.append(asciiLabel(unicodeDomain.substring(start, i)));
        start = i + 1;
      }
    }
    return out.toString();
  }

  private static String asciiLabel(String typed) {
    if (typed.chars().allMatch(c -> c < 0x80)) {
      return typed.toLowerCase(Locale.ROOT);
    }
    String mapped = Idna.map(typed);
    if (Idna.splits(mapped)) {
      throw invalid("the domain holds a character that stands for a dot and more (like ⒈ for \"1.\"),"
          + " which would change the domain; type the characters themselves");
    }
    if (mapped.chars().allMatch(c -> c < 0x80)) {
      return mapped;
    }
    // An A-label has at least one character per code point after its 4-character prefix.
    if (mapped.codePointCount(0, mapped.length()) > MAX_LABEL - Idna.ACE_PREFIX.length()) {
      throw labelLength();
    }
    return Idna.toAscii(mapped);
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
    List<String> unicode = new ArrayList<>(labels.length);
    for (String label : labels) {
      checkAsciiLabel(label);
      unicode.add(isALabel(label) ? Idna.toUnicode(label) : label);
    }
    Idna.checkBidi(unicode).ifPresent(problem -> {
      throw invalid(problem.message());
    });
    String last = labels[labels.length - 1];
    if (last.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw invalid("the last part of the domain must not be all digits (no IP addresses)");
    }
    String topLevel = last.toLowerCase(Locale.ROOT);
    if (SPECIAL_USE.contains(topLevel)) {
      throw invalid("domains ending in ." + topLevel + " are reserved and never receive mail"
          + " (for examples and tests, use a domain ending in .example)");
    }
  }

  private static void checkAsciiLabel(String label) {
    if (label.isEmpty() || label.length() > MAX_LABEL) {
      throw labelLength();
    }
    if (label.startsWith("-") || label.endsWith("-")) {
      throw invalid(Idna.Problem.HYPHEN_EDGE.message());
    }
    for (int i = 0; i < label.length(); i++) {
      char c = label.charAt(i);
      boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
      if (!ok) {
        throw invalid("the domain may hold only letters, digits, hyphens and dots (no IP addresses)");
      }
    }
    if (isALabel(label)) {
      Idna.checkALabel(label).ifPresent(problem -> {
        throw invalid(problem.message());
      });
    } else if (label.length() >= 4 && label.charAt(2) == '-' && label.charAt(3) == '-') {
      throw invalid(Idna.Problem.HYPHEN_3_4.message());
    }
  }

  private static boolean isALabel(String label) {
    return label.regionMatches(true, 0, Idna.ACE_PREFIX, 0, Idna.ACE_PREFIX.length());
  }

  private static InvalidInputException labelLength() {
    return invalid("each part of the domain must have 1 to " + MAX_LABEL + " characters");
  }

  private static InvalidInputException invalid(String message) {
    return InvalidInputException.of("", message);
  }
}
