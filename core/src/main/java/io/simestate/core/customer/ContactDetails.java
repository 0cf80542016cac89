package io.simestate.core.customer;

import io.simestate.core.AlertKind;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.EnumSet;
import java.util.Set;

/**
 * The fields of a contact as a portal form submits them (F6, F7). The name follows the rules of a
 * {@link CustomerName} (without its uniqueness); the role {@link ShownText}'s.
 *
 * @param name the contact's name (1–100 characters after trimming)
 * @param email the primary email address; blank for none; required when alerts are on
 * @param phone phone number
 * @param role the contact's role at the customer
 * @param alertsEnabled the "alerts" tick box
 * @param alertKinds the alert kinds wanted; null or empty means both
 */
public record ContactDetails(
    @NotNull(message = "is required") @Size(max = 1000, message = "must have at most 100 characters") String name,
    @Size(max = 254, message = "must have at most {max} characters") String email,
    @Size(max = 40, message = "must have at most {max} characters")
    @Pattern(regexp = CustomerDetails.PHONE, message = "may hold only digits, spaces and + ( ) - . /") String phone,
    @Size(max = 100, message = "must have at most {max} characters")
    @ShownText String role,
    boolean alertsEnabled,
    Set<AlertKind> alertKinds) {

  /**
   * Copies the kinds.
   *
   * @param name the contact's name (1–100 characters after trimming)
   * @param email the primary email address; blank for none; required when alerts are on
   * @param phone phone number
   * @param role the contact's role at the customer
   * @param alertsEnabled the "alerts" tick box
   * @param alertKinds the alert kinds wanted; null or empty means both
   */
  public ContactDetails {
    alertKinds = alertKinds == null || alertKinds.isEmpty() || alertKinds.stream().anyMatch(java.util.Objects::isNull)
        ? java.util.Collections.unmodifiableSet(EnumSet.allOf(AlertKind.class))
        : java.util.Collections.unmodifiableSet(EnumSet.copyOf(alertKinds));
  }

  /**
   * A contact with alerts on for both kinds.
   *
   * @param name the name
   * @param email the email address
   * @return the details
   */
  public static ContactDetails alerted(String name, String email) {
    return new ContactDetails(name, email, null, null, true, null);
  }

  /**
   * A contact with alerts off.
   *
   * @param name the name
   * @param email the email address, or null
   * @return the details
   */
  public static ContactDetails silent(String name, String email) {
    return new ContactDetails(name, email, null, null, false, null);
  }

  /**
   * These details wanting only some kinds.
   *
   * @param kinds the kinds wanted
   * @return the changed details
   */
  public ContactDetails wanting(AlertKind... kinds) {
    return new ContactDetails(name, email, phone, role, alertsEnabled, Set.of(kinds));
  }

  /**
   * These details with phone and role.
   *
   * @param newPhone phone number
   * @param newRole role
   * @return the changed details
   */
  public ContactDetails withPhoneAndRole(String newPhone, String newRole) {
    return new ContactDetails(name, email, newPhone, newRole, alertsEnabled, alertKinds);
  }

  /**
   * These details with the alerts switch set.
   *
   * @param on the switch
   * @return the changed details
   */
  public ContactDetails withAlerts(boolean on) {
    return new ContactDetails(name, email, phone, role, on, alertKinds);
  }
}
