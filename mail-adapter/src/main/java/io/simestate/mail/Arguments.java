package io.simestate.mail;

import io.simestate.core.InvalidInputException;

/** The adapter's argument checks: a missing value fails with core's {@link InvalidInputException}. */
final class Arguments {

  private Arguments() {}

  /**
   * Returns {@code value} or fails if it is null.
   *
   * @param value the value to check
   * @param field the field path to name in the error
   * @param <T> the value's type
   * @return {@code value}, never null
   * @throws InvalidInputException if {@code value} is null
   */
  static <T> T present(T value, String field) {
    if (value == null) {
      throw InvalidInputException.of(field, "is required");
    }
    return value;
  }
}
