package io.simestate.core.customer;

import io.simestate.core.InvalidInputException;
import io.simestate.core.internal.Require;
import io.simestate.core.internal.Uuids;
import java.util.UUID;

/**
 * Identifies a customer. Unique across tenants; still, every lookup is scoped to a tenant.
 *
 * @param value the UUID
 */
public record CustomerId(UUID value) {

  /**
   * Checks presence.
   *
   * @param value the UUID
   */
  public CustomerId {
    Require.present(value, "customerId");
  }

  /**
   * A new random id.
   *
   * @return the id
   */
  public static CustomerId random() {
    return new CustomerId(UUID.randomUUID());
  }

  /**
   * Parses the string form.
   *
   * @param text a UUID string
   * @return the id
   * @throws InvalidInputException if the text is not a UUID
   */
  public static CustomerId parse(String text) {
    return new CustomerId(Uuids.parse(text, "customerId"));
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
