package io.simestate.core;

import java.util.Objects;

/**
 * One broken input rule: the field it concerns and a message a portal can show next to that field.
 *
 * @param field the field path, e.g. {@code "name"} or {@code "contacts[2].email"}; never null, may be
 *     empty for a rule about the whole input
 * @param message what is wrong and what is expected; never null
 */
public record Violation(String field, String message) {

  /**
   * Checks that both parts are present.
   *
   * @param field the field path, e.g. {@code "name"} or {@code "contacts[2].email"}; never null, may be
   *     empty for a rule about the whole input
   * @param message what is wrong and what is expected; never null
   */
  public Violation {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(message, "message");
  }

  @Override
  public String toString() {
    return field.isEmpty() ? message : field + ": " + message;
  }
}
