package io.simestate.core.alert;

import io.simestate.core.Limits;
import io.simestate.core.customer.ContactId;
import io.simestate.core.customer.EmailAddress;
import io.simestate.core.internal.Require;

/**
 * Someone an alert is delivered to: a contact of the SIM's customer, or a tenant's catch-all
 * recipient for SIMs with no customer (F15).
 *
 * @param contactId the contact, or null for a catch-all recipient
 * @param name the name to address, never null
 * @param email the address to deliver to
 */
public record Recipient(ContactId contactId, String name, EmailAddress email) {

  /**
   * Checks presence.
   *
   * @param contactId the contact, or null for a catch-all recipient
   * @param name the name to address, never null
   * @param email the address to deliver to
   */
  public Recipient {
    Require.present(name, "name");
    Require.present(email, "email");
    if (name.isBlank() || name.length() > Limits.RECIPIENT_NAME_LENGTH || hasControlCharacter(name)) {
      throw io.simestate.core.InvalidInputException.of("recipient.name",
          "must be 1 to 200 characters without control characters (no line breaks)");
    }
  }

  /** A loop, not a code-point stream: a recipient is made for every contact of every routed alert. */
  private static boolean hasControlCharacter(String text) {
    for (int i = 0; i < text.length(); i++) {
      // Control characters are all in the Basic Multilingual Plane, so surrogates need no pairing.
      if (Character.isISOControl(text.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  /**
   * A catch-all recipient of a tenant.
   *
   * @param name the name to address
   * @param email the address
   * @return the recipient
   */
  public static Recipient catchAll(String name, EmailAddress email) {
    return new Recipient(null, name, email);
  }

  /**
   * Whether this is a catch-all recipient rather than a customer's contact.
   *
   * @return true for a catch-all recipient
   */
  public boolean isCatchAll() {
    return contactId == null;
  }

  /**
   * The key that makes a delivery unique per alert: the contact id, or {@code catch-all:} and the
   * address.
   *
   * @return the key
   */
  public String key() {
    return contactId != null ? contactId.toString() : "catch-all:" + email;
  }
}
