package io.simestate.core;

/**
 * Argument checks that fail with the library's {@link InvalidInputException} instead of a bare
 * {@code NullPointerException}. Used by the library's own types; hosts rarely need it.
 */
public final class Require {

  private Require() {}

  /**
   * Returns {@code value} or fails if it is null.
   *
   * @param value the value to check
   * @param field the field path to name in the error
   * @param <T> the value's type
   * @return {@code value}, never null
   * @throws InvalidInputException if {@code value} is null
   */
  public static <T> T present(T value, String field) {
    if (value == null) {
      throw InvalidInputException.of(field, "is required");
    }
    return value;
  }
}
