package io.simestate.core.alert;

import io.simestate.core.InvalidInputException;
import io.simestate.core.Limits;

/**
 * The id of a usage alert as the SIM platform raised it: the idempotency key. Routing the same alert
 * id twice creates no second delivery.
 *
 * @param value 1–200 characters without control characters or white space at the ends
 */
public record AlertId(String value) {

  /** The most characters an alert id may have. */
  public static final int MAX_LENGTH = Limits.ALERT_ID_LENGTH;

  /**
   * Checks the form.
   *
   * @param value 1–200 characters without control characters or white space at the ends
   */
  public AlertId {
    if (value == null || value.isEmpty()) {
      throw InvalidInputException.of("alertId", "is required");
    }
    if (value.length() > MAX_LENGTH) {
      throw InvalidInputException.of("alertId", "must have at most " + MAX_LENGTH + " characters");
    }
    if (!value.strip().equals(value)
        || value.codePoints().anyMatch(cp -> Character.isISOControl(cp)
            || Character.getType(cp) == Character.FORMAT || Character.getType(cp) == Character.SURROGATE)) {
      throw InvalidInputException.of("alertId",
          "must not contain control or invisible characters or start or end with white space");
    }
  }

  /**
   * Makes an alert id.
   *
   * @param value the platform's id of the alert
   * @return the alert id
   * @throws InvalidInputException if the form is wrong
   */
  public static AlertId of(String value) {
    return new AlertId(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
