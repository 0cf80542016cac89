package io.simestate.core.internal;

import io.simestate.core.InvalidInputException;

/**
 * Argument checks that fail with the library's {@link InvalidInputException} instead of a bare
 * {@code NullPointerException}. Used by core's own types; not exported, so adapters and hosts check
 * their arguments themselves.
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
