package io.simestate.core.internal;

import io.simestate.core.InvalidInputException;

/**
 * Argument checks that fail with the library's {@link InvalidInputException} instead of a bare
 * {@code NullPointerException}. Used by core's own types; not exported: adapters and hosts use
 * {@link InvalidInputException#requirePresent}, which this delegates to.
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
    return InvalidInputException.requirePresent(value, field);
  }
}
