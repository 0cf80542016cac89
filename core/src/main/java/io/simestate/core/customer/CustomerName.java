package io.simestate.core.customer;

import io.simestate.core.InvalidInputException;
import io.simestate.core.Limits;
import java.text.Normalizer;
import java.util.Locale;

/**
 * A customer's name (DESIGN §3): trimmed, inner white space collapsed to one space, 1–100
 * characters, no control characters. Two names are the same customer name when their
 * {@link #key()}s are equal, which ignores case.
 *
 * @param value the normalised name
 */
public record CustomerName(String value) {

  /** The most characters (code points) a name may have. */
  public static final int MAX_LENGTH = Limits.NAME_LENGTH;

  /**
   * Checks the rules; the value must already be normalised, see {@link #parse(String)}.
   *
   * @param value the normalised name
   */
  public CustomerName {
    if (value == null) {
      throw InvalidInputException.of("name", "is required");
    }
    String normal = normalise(value);
    if (!normal.equals(value)) {
      throw InvalidInputException.of("name", "must be trimmed with single spaces; use CustomerName.parse");
    }
    check(value, "name");
  }

  /**
   * Parses a name as a user typed it.
   *
   * @param text the name
   * @return the normalised name
   * @throws InvalidInputException if it is empty, too long or holds control characters; the message
   *     says which
   */
  public static CustomerName parse(String text) {
    if (text == null) {
      throw InvalidInputException.of("name", "is required");
    }
    return new CustomerName(normalise(text));
  }

  /**
   * The key that decides uniqueness within a tenant: NFC-normalised and case-folded (upper, then
   * lower case, so that "Straße" and "STRASSE" are the same name).
   *
   * @return the comparison key
   */
  public String key() {
    return keyOf(value);
  }

  @Override
  public String toString() {
    return value;
  }

  static String keyOf(String normalisedName) {
    // Upper then lower case folds the letters whose lower case alone is not enough ("ß" and "SS").
    return Normalizer.normalize(normalisedName, Normalizer.Form.NFC).toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
  }

  /**
   * Trims and collapses white space the way names are stored, without checking any other rule; used
   * for customer and contact names alike, and for search texts.
   *
   * @param text the text as typed; not null
   * @return the text without leading, trailing or repeated white space
   */
  public static String normalise(String text) {
    StringBuilder out = new StringBuilder(text.length());
    boolean pendingSpace = false;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
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

  /** Checks a normalised name against the length and character rules. */
  static void check(String normal, String field) {
    if (normal.isEmpty()) {
      throw InvalidInputException.of(field, "is required");
    }
    if (normal.codePointCount(0, normal.length()) > MAX_LENGTH) {
      throw InvalidInputException.of(field, "must have at most " + MAX_LENGTH + " characters");
    }
    if (normal.codePoints().anyMatch(cp -> Character.getType(cp) == Character.CONTROL)) {
      throw InvalidInputException.of(field, "must not contain control characters");
    }
    if (normal.codePoints().anyMatch(cp -> Character.getType(cp) == Character.SURROGATE)) {
      throw InvalidInputException.of(field, "must not contain broken (unpaired surrogate) characters");
    }
  }
}
