package io.simestate.core.customer;

import io.simestate.core.InvalidInputException;
import io.simestate.core.Limits;
import io.simestate.core.internal.DisplayText;
import io.simestate.core.internal.Require;

/**
 * A customer's name (DESIGN §3): trimmed, inner white space collapsed to one space, 1–100
 * characters, at least one of them visible; no control characters, no bidi overrides, embeddings or
 * isolates, no noncharacters; not starting with a combining mark. Letters of every script, combining
 * marks after a letter, emoji and the invisible characters that scripts need (zero-width joiner and
 * non-joiner, direction marks) are kept as typed.
 *
 * <p>Two names are the same customer name when their {@link #key()}s are equal. The key folds what a
 * reader cannot see: compatibility forms (full-width letters, ligatures), zero-width and other
 * default-ignorable characters, every kind of white space, and case (fully: "Straße" is "STRASSE").
 * So "Acme", "ACME", "Ac&lt;soft hyphen&gt;me", "Acme&lt;zero-width space&gt;" and the full-width
 * "Ａｃｍｅ" are one name, and a tenant can hold only one of them. Letters of different scripts that look
 * alike (Latin "a", Cyrillic "а") are not folded.
 *
 * @param value the normalised name
 */
public record CustomerName(String value) {

  /** The most characters (code points) a name may have. */
  public static final int MAX_LENGTH = Limits.NAME_LENGTH;

  /**
   * The most characters (UTF-16 units) a {@link #key()} may have. Compatibility forms can spell out
   * to many letters (U+FDFA to 18), so a name within {@link #MAX_LENGTH} can still be refused.
   */
  public static final int MAX_KEY_LENGTH = 400;

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
    if (DisplayText.fold(value).length() > MAX_KEY_LENGTH) {
      throw InvalidInputException.of("name", "is too long once its special characters are spelled out (more than "
          + MAX_KEY_LENGTH + " letters); shorten it or type it with plain letters");
    }
  }

  /**
   * Parses a name as a user typed it.
   *
   * @param text the name
   * @return the normalised name
   * @throws InvalidInputException if it breaks a rule; the message says which
   */
  public static CustomerName parse(String text) {
    if (text == null) {
      throw InvalidInputException.of("name", "is required");
    }
    return new CustomerName(normalise(text));
  }

  /**
   * The key that decides uniqueness within a tenant: the name in Unicode compatibility form (NFKC),
   * without default-ignorable characters (zero-width space, joiners, soft hyphen, variation
   * selectors, direction marks…), white space collapsed, fully case-folded; see {@link
   * #searchKey(String)}.
   *
   * @return the comparison key, at most {@value #MAX_KEY_LENGTH} characters
   */
  public String key() {
    return DisplayText.fold(value);
  }

  /**
   * Folds any text the way {@link #key()} folds names, so that a store can match a search text
   * against the keys it holds ("strasse" finds "Große Straße"). Folding a key again returns it
   * unchanged.
   *
   * @param text the text; not null
   * @return the folded text
   */
  public static String searchKey(String text) {
    return DisplayText.fold(Require.present(text, "text"));
  }

  @Override
  public String toString() {
    return value;
  }

  /**
   * Trims and collapses white space the way names are stored, without checking any other rule; used
   * for customer and contact names alike, and for search texts.
   *
   * @param text the text as typed; not null
   * @return the text without leading, trailing or repeated white space
   */
  public static String normalise(String text) {
    return DisplayText.collapseWhiteSpace(text);
  }

  /** Checks a normalised name (of a customer or a contact) against the length and character rules. */
  static void check(String normal, String field) {
    if (normal.isEmpty()) {
      throw InvalidInputException.of(field, "is required");
    }
    if (normal.codePointCount(0, normal.length()) > MAX_LENGTH) {
      throw InvalidInputException.of(field, "must have at most " + MAX_LENGTH + " characters");
    }
    DisplayText.problem(normal, DisplayText.Lines.ONE).ifPresent(problem -> {
      throw InvalidInputException.of(field, problem);
    });
    if (DisplayText.startsWithCombiningMark(normal)) {
      throw InvalidInputException.of(field, "must not start with a combining mark (an accent without its letter)");
    }
  }
}
