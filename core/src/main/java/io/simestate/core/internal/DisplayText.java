package io.simestate.core.internal;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;

/**
 * The one place that decides which text the library accepts in names and in the free text it shows
 * in mails and reports, and how names are folded into the key that decides whether two of them are
 * the same.
 *
 * <p>Refused everywhere: bidirectional embeddings, overrides and isolates (U+202A–U+202E,
 * U+2066–U+2069; they make text display in another order than it is stored, so that
 * "emcA" behind a U+202E shows as "Acme"), control characters (line breaks and tabs only in multi-line
 * text), unpaired surrogates and Unicode noncharacters (U+FDD0–U+FDEF and the last two code points of
 * every plane). Text that is given must hold at least one visible character: a letter, digit,
 * punctuation mark or symbol. Zero-width characters, soft hyphens, joiners, variation selectors and
 * the direction marks LRM/RLM/ALM stay allowed where they are placed — Persian needs the zero-width
 * non-joiner, emoji sequences the zero-width joiner, mixed-direction text the marks — but do not count
 * as visible.
 *
 * <p>The key ({@link #fold(String)}) folds what a reader cannot see: compatibility forms (NFKC:
 * full-width letters, ligatures, circled digits), default-ignorable code points (zero-width space,
 * joiners, soft hyphen, variation selectors, tags, Hangul fillers, direction marks), every kind of
 * white space and blank (collapsed to one space and trimmed), and case (full case folding, so
 * "Straße", "STRASSE" and "STRAẞE" meet). It does not fold letters of different scripts that happen to
 * look alike (Latin "a", Cyrillic "а"): those are different letters to the Unicode standard and to
 * every reader of that script.
 */
public final class DisplayText {

  /** How many lines a text may have. */
  public enum Lines {
    /** One line: no line break, tab or other control character. */
    ONE,
    /** Several lines: line breaks (CR, LF) and tabs allowed, other control characters not. */
    MANY
  }

  /** Folding passes until the key is a fixed point; two suffice for every input seen so far. */
  private static final int MAX_FOLD_PASSES = 8;

  private DisplayText() {}

  /**
   * What is wrong with a text, in words a portal user can act on.
   *
   * @param text the text as typed; not null
   * @param lines whether line breaks are allowed
   * @return the first rule it breaks, or empty if it is acceptable
   */
  public static Optional<String> problem(String text, Lines lines) {
    boolean visible = false;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      if (Character.getType(cp) == Character.SURROGATE) {
        return Optional.of("must not contain broken (unpaired surrogate) characters");
      }
      if (isBidiControl(cp)) {
        return Optional.of("must not contain bidi override, embedding or isolate characters (U+202A–U+202E, "
            + "U+2066–U+2069): they make text display in another order than it is stored");
      }
      if (isNoncharacter(cp)) {
        return Optional.of(String.format("must not contain Unicode noncharacters such as U+%04X", cp));
      }
      if (lines == Lines.ONE && (Character.getType(cp) == Character.CONTROL
          || cp == 0x2028 || cp == 0x2029)) {
        return Optional.of("must be one line without control characters");
      }
      if (lines == Lines.MANY && Character.getType(cp) == Character.CONTROL
          && cp != '\t' && cp != '\r' && cp != '\n') {
        return Optional.of("must not contain control characters other than line breaks and tabs");
      }
      visible |= isVisible(cp);
    }
    if (!visible && !text.isEmpty()) {
      return Optional.of("needs at least one visible character (a letter, digit, punctuation mark or symbol); "
          + "zero-width and other invisible characters alone look empty");
    }
    return Optional.empty();
  }

  /**
   * Whether a name starts with a combining mark (after any default-ignorable characters, which show
   * nothing), which then sits on whatever is shown before the name.
   *
   * @param text the name, trimmed
   * @return true if its first code point that is not default-ignorable is a combining mark
   */
  public static boolean startsWithCombiningMark(String text) {
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      if (!isDefaultIgnorable(cp)) {
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
            || type == Character.COMBINING_SPACING_MARK;
      }
    }
    return false;
  }

  /**
   * Whether a code point shows something on its own: a letter, digit, punctuation mark or symbol
   * that is neither default-ignorable nor a blank (such as U+2800 BRAILLE PATTERN BLANK).
   *
   * @param cp the code point
   * @return true if a reader sees it
   */
  public static boolean isVisible(int cp) {
    if (isDefaultIgnorable(cp) || isBlank(cp)) {
      return false;
    }
    return switch (Character.getType(cp)) {
      case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
           Character.MODIFIER_LETTER, Character.OTHER_LETTER,
           Character.DECIMAL_DIGIT_NUMBER, Character.LETTER_NUMBER, Character.OTHER_NUMBER,
           Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION, Character.START_PUNCTUATION,
           Character.END_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
           Character.OTHER_PUNCTUATION,
           Character.MATH_SYMBOL, Character.CURRENCY_SYMBOL, Character.MODIFIER_SYMBOL, Character.OTHER_SYMBOL -> true;
      default -> false;
    };
  }

  /**
   * The comparison key of a text: NFKC, without default-ignorable code points, white space and
   * blanks collapsed to single spaces and trimmed, fully case-folded; repeated until nothing changes,
   * so that folding a key again gives the same key.
   *
   * @param text any text; not null
   * @return the key
   */
  public static String fold(String text) {
    String current = text;
    for (int pass = 0; pass < MAX_FOLD_PASSES; pass++) {
      String next = foldOnce(current);
      if (next.equals(current)) {
        return next;
      }
      current = next;
    }
    return current;
  }

  private static String foldOnce(String text) {
    String compatible = Normalizer.normalize(text, Normalizer.Form.NFKC);
    StringBuilder visible = new StringBuilder(compatible.length());
    compatible.codePoints().filter(cp -> !isDefaultIgnorable(cp))
        .map(cp -> isBlank(cp) ? ' ' : cp)
        .forEach(visible::appendCodePoint);
    // Lower, upper, lower: full case folding with the JDK's mappings. Upper case expands "ß" to "SS";
    // the first lower brings "ẞ" (capital sharp s) to "ß" first, so that it expands too.
    return collapseWhiteSpace(visible.toString())
        .toLowerCase(Locale.ROOT).toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
  }

  /**
   * Trims a text and collapses every run of white space inside it to one space.
   *
   * @param text the text; not null
   * @return the text without leading, trailing or repeated white space
   */
  public static String collapseWhiteSpace(String text) {
    StringBuilder out = new StringBuilder(text.length());
    boolean pendingSpace = false;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      if (isWhiteSpace(cp)) {
        pendingSpace = out.length() > 0;
        continue;
      }
      if (pendingSpace) {
        out.append(' ');
        pendingSpace = false;
      }
      out.appendCodePoint(cp);
    }
    return out.toString();
  }

  /**
   * Whether a code point is white space as names treat it (spaces of every width, tabs, line and
   * paragraph breaks).
   *
   * @param cp the code point
   * @return true for white space
   */
  public static boolean isWhiteSpace(int cp) {
    return Character.isWhitespace(cp) || Character.isSpaceChar(cp);
  }

  /** Characters that are drawn as nothing although Unicode does not class them as ignorable. */
  private static boolean isBlank(int cp) {
    return cp == 0x2800 /* BRAILLE PATTERN BLANK */ || cp == 0x1D159 /* MUSICAL SYMBOL NULL NOTEHEAD */;
  }

  private static boolean isBidiControl(int cp) {
    return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
  }

  private static boolean isNoncharacter(int cp) {
    return (cp >= 0xFDD0 && cp <= 0xFDEF) || (cp & 0xFFFE) == 0xFFFE;
  }

  /**
   * The Default_Ignorable_Code_Point property of the Unicode Character Database
   * (DerivedCoreProperties.txt), which the JDK does not expose: code points that a renderer shows as
   * nothing unless it supports them specially.
   */
  static boolean isDefaultIgnorable(int cp) {
    if (cp < 0x00AD) {
      return false;
    }
    return cp == 0x00AD || cp == 0x034F || cp == 0x061C
        || cp == 0x115F || cp == 0x1160
        || cp == 0x17B4 || cp == 0x17B5
        || (cp >= 0x180B && cp <= 0x180F)
        || (cp >= 0x200B && cp <= 0x200F)
        || (cp >= 0x202A && cp <= 0x202E)
        || (cp >= 0x2060 && cp <= 0x206F)
        || cp == 0x3164
        || (cp >= 0xFE00 && cp <= 0xFE0F)
        || cp == 0xFEFF || cp == 0xFFA0
        || (cp >= 0xFFF0 && cp <= 0xFFF8)
        || (cp >= 0x1BCA0 && cp <= 0x1BCA3)
        || (cp >= 0x1D173 && cp <= 0x1D17A)
        || (cp >= 0xE0000 && cp <= 0xE0FFF);
  }
}
