package io.simestate.core.customer;

import io.simestate.core.InvalidInputException;
import io.simestate.core.internal.Require;
import io.simestate.core.internal.Uuids;
import java.util.UUID;

/**
 * Identifies a contact of a customer.
 *
 * @param value the UUID
 */
public record ContactId(UUID value) {

  /**
   * Checks presence.
   *
   * @param value the UUID
   */
  public ContactId {
    Require.present(value, "contactId");
  }

  /**
   * A new random id.
   *
   * @return the id
   */
  public static ContactId random() {
    return new ContactId(UUID.randomUUID());
  }

  /**
   * Parses the string form.
   *
   * @param text a UUID string
   * @return the id
   * @throws InvalidInputException if the text is not a UUID
   */
  public static ContactId parse(String text) {
    return new ContactId(Uuids.parse(text, "contactId"));
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
