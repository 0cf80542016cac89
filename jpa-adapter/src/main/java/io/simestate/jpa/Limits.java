package io.simestate.jpa;

import io.simestate.core.InvalidInputException;

/**
 * Column sizes, the adapter's last guard: a value that does not fit is refused with the field's name,
 * never cut. The rules themselves are core's {@link io.simestate.core.Limits}, enforced before any
 * store sees a value; the columns are sized to hold every value within them.
 */
final class Limits {

  private Limits() {}

  /** Checks that a text has at most {@code max} characters (code points); null passes. */
  static String fit(String value, int max, String field) {
    if (value != null && value.codePointCount(0, value.length()) > max) {
      throw InvalidInputException.of(field, "must have at most " + max + " characters");
    }
    return value;
  }

  /** Cuts a free text (error messages, summaries) to {@code max} characters, marking the cut. */
  static String cut(String value, int max) {
    if (value == null || value.codePointCount(0, value.length()) <= max) {
      return value;
    }
    return value.substring(0, value.offsetByCodePoints(0, max - 1)) + "…";
  }
}
