package io.simestate.core;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The input broke one or more rules. {@link #violations()} lists every one of them with its field
 * path, so a portal can show all messages at once. Nothing was stored.
 */
public final class InvalidInputException extends SimEstateException {

  private static final long serialVersionUID = 1L;

  private final transient List<Violation> violations;

  /**
   * Creates the exception from a non-empty list of violations.
   *
   * @param violations every broken rule; at least one
   */
  public InvalidInputException(List<Violation> violations) {
    super(summary(violations));
    this.violations = List.copyOf(violations);
  }

  /**
   * Creates the exception for one broken rule.
   *
   * @param field the field path
   * @param message what is wrong and what is expected
   * @return the exception, to be thrown by the caller
   */
  public static InvalidInputException of(String field, String message) {
    return new InvalidInputException(List.of(new Violation(field, message)));
  }

  /**
   * Returns {@code value} or fails if it is null: the argument check of every public method of the
   * library, for adapters and hosts too.
   *
   * @param value the value to check
   * @param field the field path to name in the error
   * @param <T> the value's type
   * @return {@code value}, never null
   * @throws InvalidInputException naming {@code field} ("is required") if {@code value} is null
   */
  public static <T> T requirePresent(T value, String field) {
    if (value == null) {
      throw of(field, "is required");
    }
    return value;
  }

  /**
   * Every broken rule, in the order found.
   *
   * @return an unmodifiable, non-empty list
   */
  public List<Violation> violations() {
    return violations;
  }

  /**
   * Returns a copy of this exception whose field paths are prefixed, e.g. {@code "email"} becomes
   * {@code "contacts[1].email"}.
   *
   * @param prefix the path to put in front
   * @return a new exception
   */
  public InvalidInputException under(String prefix) {
    return new InvalidInputException(violations.stream()
        .map(v -> new Violation(v.field().isEmpty() ? prefix : prefix + "." + v.field(), v.message()))
        .toList());
  }

  private static String summary(List<Violation> violations) {
    Objects.requireNonNull(violations, "violations");
    if (violations.isEmpty()) {
      throw new IllegalArgumentException("an InvalidInputException needs at least one violation");
    }
    return "Invalid input: " + violations.stream().map(Violation::toString).collect(Collectors.joining("; "));
  }
}
