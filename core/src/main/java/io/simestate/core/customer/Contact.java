package io.simestate.core.customer;

import io.simestate.core.AlertKind;
import io.simestate.core.InvalidInputException;
import io.simestate.core.Limits;
import io.simestate.core.internal.Require;
import java.util.EnumSet;
import java.util.Set;

/**
 * A person to contact at a customer, with their alert preferences (F6, F7).
 *
 * @param id the contact's id
 * @param name the contact's name, normalised like a customer name
 * @param email the primary email address, or null if none
 * @param phone the phone number as given, or null
 * @param role the role at the customer (e.g. "Fleet manager"), or null
 * @param alertsEnabled the "alerts" switch; only true with an email
 * @param alertKinds the alert kinds this contact wants; never empty
 */
public record Contact(
    ContactId id,
    String name,
    EmailAddress email,
    String phone,
    String role,
    boolean alertsEnabled,
    Set<AlertKind> alertKinds) {

  /**
   * Checks the contact rules.
   *
   * @param id the contact's id
   * @param name the contact's name, normalised like a customer name
   * @param email the primary email address, or null if none
   * @param phone the phone number as given, or null
   * @param role the role at the customer (e.g. "Fleet manager"), or null
   * @param alertsEnabled the "alerts" switch; only true with an email
   * @param alertKinds the alert kinds this contact wants; never empty
   */
  public Contact {
    Require.present(id, "id");
    Require.present(name, "name");
    normaliseName(name);
    Limits.length(phone, Limits.PHONE_LENGTH, "phone");
    Limits.length(role, Limits.ROLE_LENGTH, "role");
    if (alertsEnabled && email == null) {
      throw InvalidInputException.of("email", "a valid email address is required to switch alerts on");
    }
    if (alertKinds == null || alertKinds.isEmpty()) {
      throw InvalidInputException.of("alertKinds", "choose warning, cut-off or both");
    }
    alertKinds = java.util.Collections.unmodifiableSet(EnumSet.copyOf(alertKinds));
  }

  /**
   * Normalises a contact's name as a user typed it (trimmed, inner white space collapsed) and checks
   * it against the rules of a customer name: 1–100 characters, no control characters.
   *
   * @param text the name as typed; not null
   * @return the normalised name
   * @throws InvalidInputException naming the field {@code name} if a rule is broken
   */
  public static String normaliseName(String text) {
    String normal = CustomerName.normalise(text);
    CustomerName.check(normal, "name");
    return normal;
  }

  /**
   * Whether this contact wants alerts of the given kind (regardless of the switch).
   *
   * @param kind the alert kind
   * @return true if the kind is among {@link #alertKinds()}
   */
  public boolean wants(AlertKind kind) {
    return alertKinds.contains(kind);
  }
}
