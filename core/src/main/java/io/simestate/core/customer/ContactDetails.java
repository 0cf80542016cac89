package io.simestate.core.customer;

import io.simestate.core.AlertKind;
import io.simestate.core.Limits;
import io.simestate.core.internal.Require;
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
    @Size(max = Limits.EMAIL_LENGTH, message = "must have at most {max} characters") String email,
    @Size(max = Limits.PHONE_LENGTH, message = "must have at most {max} characters")
    @Pattern(regexp = CustomerDetails.PHONE, message = "may hold only digits, spaces and + ( ) - . /") String phone,
    @Size(max = Limits.ROLE_LENGTH, message = "must have at most {max} characters")
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
   * The details of a stored contact, as a form starts from them: change a field with a
   * {@code with…} method and pass the result to {@code Customers.updateContact}, and every field the
   * form left alone keeps its value (absent fields are null).
   *
   * @param contact the stored contact
   * @return its details
   */
  public static ContactDetails from(Contact contact) {
    Require.present(contact, "contact");
    return new ContactDetails(contact.name(), contact.email() == null ? null : contact.email().toString(),
        contact.phone(), contact.role(), contact.alertsEnabled(), contact.alertKinds());
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
   * These details with another name.
   *
   * @param newName the name
   * @return the changed details
   */
  public ContactDetails withName(String newName) {
    return new ContactDetails(newName, email, phone, role, alertsEnabled, alertKinds);
  }

  /**
   * These details with another email address.
   *
   * @param newEmail the address; null for none (then alerts must be off)
   * @return the changed details
   */
  public ContactDetails withEmail(String newEmail) {
    return new ContactDetails(name, newEmail, phone, role, alertsEnabled, alertKinds);
  }

  /**
   * These details with another phone number.
   *
   * @param newPhone the phone number; null for none
   * @return the changed details
   */
  public ContactDetails withPhone(String newPhone) {
    return new ContactDetails(name, email, newPhone, role, alertsEnabled, alertKinds);
  }

  /**
   * These details with another role.
   *
   * @param newRole the role; null for none
   * @return the changed details
   */
  public ContactDetails withRole(String newRole) {
    return new ContactDetails(name, email, phone, newRole, alertsEnabled, alertKinds);
  }

  /**
   * These details wanting other alert kinds.
   *
   * @param kinds the kinds wanted; null or empty for both
   * @return the changed details
   */
  public ContactDetails withAlertKinds(Set<AlertKind> kinds) {
    return new ContactDetails(name, email, phone, role, alertsEnabled, kinds);
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
