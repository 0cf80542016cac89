package io.simestate.core.customer;

import java.net.IDN;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The rules for internationalised domain labels: IDNA 2008 (RFC 5890–5893) with the mapping of
 * UTS #46, non-transitional (so {@code ß} and {@code ς} are kept, as registries and browsers do),
 * built on what the JDK has ({@link Normalizer}, {@link Character}, {@link IDN}).
 *
 * <p>The JDK's {@link IDN} implements IDNA 2003, whose mappings can change what was typed: {@code ⒈}
 * becomes {@code 1.}, a new label; {@code ß} becomes {@code ss}, another domain. So a label is
 * mapped here (compatibility and width forms, lower case) and then refused, never re-mapped, when its
 * form would differ from what IDNA 2008 allows: a mapping that creates a dot, a leading combining
 * mark, hyphens in the third and fourth places, characters that are not letters, digits, marks or
 * hyphens, right-to-left text that breaks RFC 5893, or a label that IDNA 2003 would map to something
 * else (the two deviations aside). The last check uses {@link IDN} as a second opinion on the
 * mappings that the JDK cannot compute (case folding, Unicode 3.2's tables); the price is that
 * characters added to Unicode after version 3.2 are refused.
 */
final class Idna {

  /** The prefix of an A-label, the ASCII form of an internationalised label. */
  static final String ACE_PREFIX = "xn--";

  /** Label separators that IDNA accepts besides the full stop: ideographic, full-width, half-width. */
  static final String DOTS = ".\u3002\uFF0E\uFF61";

  private Idna() {}

  /** Why a label is refused; each names one rule, worded for the person who typed the address. */
  enum Problem {
    PUNYCODE("an xn-- part of the domain is not a valid internationalised (Punycode) name"),
    NOT_NORMALISED("an xn-- part of the domain is not in the normal form of an internationalised name"
        + " (lower case, accents composed)"),
    LEADING_MARK("a part of the domain must not start with an accent or other combining mark"),
    HYPHEN_EDGE("a part of the domain must not start or end with a hyphen"),
    HYPHEN_3_4("a part of the domain must not have hyphens as its third and fourth characters"
        + " (like ab--c), except in the xn-- form of an internationalised name"),
    CHARACTERS("an internationalised domain may hold only letters, digits, accents and hyphens"
        + " (no symbols, punctuation or invisible characters)"),
    IDNA2003("the domain is not a valid internationalised domain name (a character in it is written"
        + " differently in domain names, is too new to be checked, or breaks the rules for right-to-left"
        + " writing)"),
    BIDI("the domain mixes right-to-left and left-to-right writing in a way domain names do not allow");

    private final String message;

    Problem(String message) {
      this.message = message;
    }

    /**
     * The message for the person who typed the address.
     *
     * @return the message
     */
    String message() {
      return message;
    }
  }

  /**
   * Maps a label as typed to the form that is encoded: compatibility and width forms folded
   * (NFKC: {@code ｅ} to {@code e}, {@code －} to {@code -}) and lower case as UTS #46 maps them:
   * {@code ẞ} to {@code ß}, {@code Σ} always to {@code σ}; {@code ß} and {@code ς} stay
   * (non-transitional).
   *
   * @param label a label as typed
   * @return the mapped label, which may contain a dot if a character stood for one (like {@code ⒈})
   */
  static String map(String label) {
    String s = Normalizer.normalize(label, Normalizer.Form.NFKC);
    // String.toLowerCase would write a capital sigma at the end of a word as a final sigma;
    // UTS #46 folds case per character.
    s = s.replace('\u1E9E', '\u00DF').replace('\u03A3', '\u03C3').toLowerCase(Locale.ROOT);
    return Normalizer.normalize(s, Normalizer.Form.NFKC);
  }

  /**
   * Whether the mapped label contains a label separator: the mapping made one label into several.
   *
   * @param mapped a mapped label
   * @return true if it contains a dot of any kind
   */
  static boolean splits(String mapped) {
    return mapped.chars().anyMatch(c -> DOTS.indexOf(c) >= 0);
  }

  /**
   * The A-label of a mapped label that is not all ASCII.
   *
   * @param mapped the mapped Unicode label
   * @return {@code xn--} and its Punycode
   */
  static String toAscii(String mapped) {
    return ACE_PREFIX + Punycode.encode(mapped);
  }

  /**
   * Decodes and checks an A-label: valid Punycode, not all ASCII once decoded, every rule of
   * {@link #check(String)}, and encoding the result again gives the same A-label.
   *
   * @param aLabel a label starting with {@code xn--} (any case), of letters, digits and hyphens
   * @return the first rule it breaks, or empty
   */
  static Optional<Problem> checkALabel(String aLabel) {
    String lower = aLabel.toLowerCase(Locale.ROOT);
    Optional<String> decoded = Punycode.decode(lower.substring(ACE_PREFIX.length()));
    if (decoded.isEmpty() || decoded.get().chars().allMatch(c -> c < 0x80)) {
      return Optional.of(Problem.PUNYCODE);
    }
    Optional<Problem> problem = check(decoded.get());
    if (problem.isEmpty() && !toAscii(decoded.get()).equals(lower)) {
      return Optional.of(Problem.PUNYCODE);
    }
    return problem;
  }

  /**
   * The U-label of an A-label that {@link #checkALabel(String)} accepted.
   *
   * @param aLabel the checked A-label
   * @return the Unicode label
   */
  static String toUnicode(String aLabel) {
    return Punycode.decode(aLabel.substring(ACE_PREFIX.length()).toLowerCase(Locale.ROOT))
        .orElseThrow(() -> new IllegalArgumentException("not a checked A-label"));
  }

  /**
   * Checks a U-label against IDNA 2008's rules for one label (RFC 5891 §5.4, RFC 5892).
   *
   * @param u the Unicode label, not all ASCII
   * @return the first rule it breaks, or empty
   */
  static Optional<Problem> check(String u) {
    if (!u.equals(map(u))) {
      return Optional.of(Problem.NOT_NORMALISED);
    }
    int[] cps = u.codePoints().toArray();
    if (isMark(cps[0])) {
      return Optional.of(Problem.LEADING_MARK);
    }
    if (cps[0] == '-' || cps[cps.length - 1] == '-') {
      return Optional.of(Problem.HYPHEN_EDGE);
    }
    if (cps.length >= 4 && cps[2] == '-' && cps[3] == '-') {
      return Optional.of(Problem.HYPHEN_3_4);
    }
    for (int i = 0; i < cps.length; i++) {
      if (!allowed(cps, i)) {
        return Optional.of(Problem.CHARACTERS);
      }
    }
    if (hasRightToLeft(u) && !bidiRule(cps)) {
      return Optional.of(Problem.BIDI);
    }
    if (!sameUnderIdna2003(u)) {
      return Optional.of(Problem.IDNA2003);
    }
    return Optional.empty();
  }

  /**
   * RFC 5893: if any label holds right-to-left characters, every label must follow the Bidi rule.
   *
   * @param labels the labels of the domain in Unicode (ASCII labels as they are)
   * @return the problem, or empty
   */
  static Optional<Problem> checkBidi(List<String> labels) {
    if (labels.stream().noneMatch(Idna::hasRightToLeft)) {
      return Optional.empty();
    }
    for (String label : labels) {
      if (!bidiRule(label.codePoints().toArray())) {
        return Optional.of(Problem.BIDI);
      }
    }
    return Optional.empty();
  }

  // ---- RFC 5892: which code points a label may hold ---------------------------------------------

  private static boolean isMark(int cp) {
    int type = Character.getType(cp);
    return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
        || type == Character.ENCLOSING_MARK;
  }

  private static boolean allowed(int[] cps, int i) {
    int cp = cps[i];
    if (cp < 0x80) {
      return (cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9') || cp == '-';
    }
    switch (cp) {
      // RFC 5892 §2.6, exceptions that are PVALID
      case 0x00DF, 0x03C2, 0x06FD, 0x06FE, 0x0F0B, 0x3007:
        return true;
      // RFC 5892 §2.6, exceptions that are DISALLOWED
      case 0x0640, 0x07FA, 0x302E, 0x302F, 0x3031, 0x3032, 0x3033, 0x3034, 0x3035, 0x303B:
        return false;
      // CONTEXTO, RFC 5892 Appendix A.3–A.9
      case 0x00B7:
        return i > 0 && i < cps.length - 1 && cps[i - 1] == 'l' && cps[i + 1] == 'l';
      case 0x0375:
        return i < cps.length - 1 && Character.UnicodeScript.of(cps[i + 1]) == Character.UnicodeScript.GREEK;
      case 0x05F3, 0x05F4:
        return i > 0 && Character.UnicodeScript.of(cps[i - 1]) == Character.UnicodeScript.HEBREW;
      case 0x30FB:
        return Arrays.stream(cps).anyMatch(c -> c != 0x30FB && isKanaOrHan(c));
      default:
        break;
    }
    if (cp >= 0x0660 && cp <= 0x0669) {
      return Arrays.stream(cps).noneMatch(c -> c >= 0x06F0 && c <= 0x06F9);
    }
    if (cp >= 0x06F0 && cp <= 0x06F9) {
      return Arrays.stream(cps).noneMatch(c -> c >= 0x0660 && c <= 0x0669);
    }
    if (defaultIgnorable(cp) || oldHangulJamo(cp)) {
      return false;
    }
    // LetterDigits (RFC 5892 §2.1) less Lu and Lt, which the mapping has already lower-cased.
    int type = Character.getType(cp);
    return type == Character.LOWERCASE_LETTER || type == Character.OTHER_LETTER
        || type == Character.MODIFIER_LETTER || type == Character.NON_SPACING_MARK
        || type == Character.COMBINING_SPACING_MARK || type == Character.DECIMAL_DIGIT_NUMBER;
  }

  private static boolean isKanaOrHan(int cp) {
    Character.UnicodeScript script = Character.UnicodeScript.of(cp);
    return script == Character.UnicodeScript.HIRAGANA || script == Character.UnicodeScript.KATAKANA
        || script == Character.UnicodeScript.HAN;
  }

  /** Default_Ignorable_Code_Point letters and marks (the format characters are refused anyway). */
  private static boolean defaultIgnorable(int cp) {
    return cp == 0x034F || cp == 0x115F || cp == 0x1160 || cp == 0x17B4 || cp == 0x17B5
        || (cp >= 0x180B && cp <= 0x180F) || cp == 0x3164 || (cp >= 0xFE00 && cp <= 0xFE0F) || cp == 0xFFA0
        || (cp >= 0xE0100 && cp <= 0xE01EF);
  }

  /** RFC 5892 §2.9: conjoining jamo are DISALLOWED (precomposed syllables are the valid form). */
  private static boolean oldHangulJamo(int cp) {
    return (cp >= 0x1100 && cp <= 0x11FF) || (cp >= 0xA960 && cp <= 0xA97F) || (cp >= 0xD7B0 && cp <= 0xD7FF);
  }

  /**
   * Whether IDNA 2003 leaves the label as it is, once the two deviation characters are given their
   * IDNA 2003 form. If it would map the label to something else, the two standards disagree about
   * what was meant, and the label is refused rather than stored in one reading.
   */
  private static boolean sameUnderIdna2003(String u) {
    String folded = u.replace("\u00DF", "ss").replace('\u03C2', '\u03C3');
    try {
      return IDN.toUnicode(IDN.toASCII(folded, 0), 0).equals(folded);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  // ---- RFC 5893: the Bidi rule -------------------------------------------------------------------

  /** Whether a label makes its domain a "Bidi domain name": it holds R, AL or AN characters. */
  /**
   * Whether the label holds a right-to-left character (bidi class R, AL or AN), which makes the name a
   * bidi domain name (RFC 5893). No ASCII character has those classes, so an ASCII label, as every
   * stored address's domain is, is passed over without a look-up per character.
   */
  static boolean hasRightToLeft(String label) {
    for (int i = 0; i < label.length(); ) {
      int cp = label.codePointAt(i);
      i += Character.charCount(cp);
      if (cp >= 0x80) {
        byte d = Character.getDirectionality(cp);
        if (d == Character.DIRECTIONALITY_RIGHT_TO_LEFT || d == Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC
            || d == Character.DIRECTIONALITY_ARABIC_NUMBER) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean bidiRule(int[] cps) {
    if (cps.length == 0) {
      return false;
    }
    byte first = Character.getDirectionality(cps[0]);
    boolean rtl = first == Character.DIRECTIONALITY_RIGHT_TO_LEFT
        || first == Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC;
    if (!rtl && first != Character.DIRECTIONALITY_LEFT_TO_RIGHT) {
      return false;                                                           // rule 1
    }
    int end = cps.length - 1;
    while (end > 0 && Character.getDirectionality(cps[end]) == Character.DIRECTIONALITY_NONSPACING_MARK) {
      end--;
    }
    byte last = Character.getDirectionality(cps[end]);
    boolean europeanNumber = false;
    boolean arabicNumber = false;
    for (int cp : cps) {
      byte d = Character.getDirectionality(cp);
      europeanNumber |= d == Character.DIRECTIONALITY_EUROPEAN_NUMBER;
      arabicNumber |= d == Character.DIRECTIONALITY_ARABIC_NUMBER;
      if (!(rtl ? rtlAllowed(d) : ltrAllowed(d))) {
        return false;                                                         // rules 2 and 5
      }
    }
    if (rtl) {
      return !(europeanNumber && arabicNumber)                                // rule 4
          && (last == Character.DIRECTIONALITY_RIGHT_TO_LEFT                  // rule 3
              || last == Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC
              || last == Character.DIRECTIONALITY_EUROPEAN_NUMBER
              || last == Character.DIRECTIONALITY_ARABIC_NUMBER);
    }
    return last == Character.DIRECTIONALITY_LEFT_TO_RIGHT                     // rule 6
        || last == Character.DIRECTIONALITY_EUROPEAN_NUMBER;
  }

  private static boolean rtlAllowed(byte d) {
    return d == Character.DIRECTIONALITY_RIGHT_TO_LEFT || d == Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC
        || d == Character.DIRECTIONALITY_ARABIC_NUMBER || neutral(d);
  }

  private static boolean ltrAllowed(byte d) {
    return d == Character.DIRECTIONALITY_LEFT_TO_RIGHT || neutral(d);
  }

  /** EN, ES, CS, ET, ON, BN, NSM: allowed in labels of either direction. */
  private static boolean neutral(byte d) {
    return d == Character.DIRECTIONALITY_EUROPEAN_NUMBER || d == Character.DIRECTIONALITY_EUROPEAN_NUMBER_SEPARATOR
        || d == Character.DIRECTIONALITY_COMMON_NUMBER_SEPARATOR
        || d == Character.DIRECTIONALITY_EUROPEAN_NUMBER_TERMINATOR
        || d == Character.DIRECTIONALITY_OTHER_NEUTRALS || d == Character.DIRECTIONALITY_BOUNDARY_NEUTRAL
        || d == Character.DIRECTIONALITY_NONSPACING_MARK;
  }
}
