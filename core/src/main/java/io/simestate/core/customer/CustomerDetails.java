package io.simestate.core.customer;

import io.simestate.core.Limits;
import io.simestate.core.internal.Require;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The fields of a customer as a portal form submits them, to create a customer (F1) or replace its
 * details (F4). Only the name is required; blank optional fields count as absent. The name follows
 * {@link CustomerName}'s rules; every other text field {@link ShownText}'s: no bidi overrides, control
 * characters (line breaks and tabs in street and notes only) or noncharacters, and at least one visible
 * character when given.
 *
 * @param name the customer's name (1–100 characters after trimming; unique in the tenant ignoring
 *     case)
 * @param street street and number; line breaks allowed
 * @param postalCode postal or ZIP code
 * @param city city or town
 * @param region state, province or region
 * @param country country
 * @param phone phone number
 * @param email the customer's general email address
 * @param website website address
 * @param reference the portal's own reference for the customer
 * @param notes free text; line breaks allowed
 */
public record CustomerDetails(
    @NotNull(message = "is required") @Size(max = 1000, message = "must have at most 100 characters") String name,
    @Size(max = Limits.STREET_LENGTH, message = "must have at most {max} characters")
    @ShownText(multiLine = true) String street,
    @Size(max = Limits.POSTAL_CODE_LENGTH, message = "must have at most {max} characters")
    @ShownText String postalCode,
    @Size(max = Limits.PLACE_LENGTH, message = "must have at most {max} characters")
    @ShownText String city,
    @Size(max = Limits.PLACE_LENGTH, message = "must have at most {max} characters")
    @ShownText String region,
    @Size(max = Limits.PLACE_LENGTH, message = "must have at most {max} characters")
    @ShownText String country,
    @Size(max = Limits.PHONE_LENGTH, message = "must have at most {max} characters")
    @Pattern(regexp = PHONE, message = "may hold only digits, spaces and + ( ) - . /") String phone,
    @Size(max = Limits.EMAIL_LENGTH, message = "must have at most {max} characters") String email,
    @Size(max = Limits.WEBSITE_LENGTH, message = "must have at most {max} characters")
    @ShownText String website,
    @Size(max = Limits.REFERENCE_LENGTH, message = "must have at most {max} characters")
    @ShownText String reference,
    @Size(max = Limits.NOTES_LENGTH, message = "must have at most {max} characters")
    @ShownText(multiLine = true) String notes) {

  /** A phone number as people write it. */
  static final String PHONE = "[0-9 +()\\-./]*";

  /**
   * Details with only a name.
   *
   * @param name the customer's name
   * @return the details
   */
  public static CustomerDetails named(String name) {
    return new CustomerDetails(name, null, null, null, null, null, null, null, null, null, null);
  }

  /**
   * The details of a stored customer, as a form starts from them: change a field with a
   * {@code with…} method and pass the result to {@code Customers.update}, and every field the form
   * left alone keeps its value (absent fields are null).
   *
   * @param customer the stored customer
   * @return its details
   */
  public static CustomerDetails from(Customer customer) {
    Require.present(customer, "customer");
    PostalAddress a = customer.address();
    return new CustomerDetails(customer.name().value(), a.street(), a.postalCode(), a.city(), a.region(),
        a.country(), customer.phone(), customer.email() == null ? null : customer.email().toString(),
        customer.website(), customer.reference(), customer.notes());
  }

  /**
   * These details with a postal address.
   *
   * @param newStreet street and number
   * @param newPostalCode postal code
   * @param newCity city
   * @param newCountry country
   * @return the changed details
   */
  public CustomerDetails withAddress(String newStreet, String newPostalCode, String newCity, String newCountry) {
    return new CustomerDetails(name, newStreet, newPostalCode, newCity, region, newCountry, phone, email, website,
        reference, notes);
  }

  /**
   * These details with another region (state, province).
   *
   * @param newRegion the region; null for none
   * @return the changed details
   */
  public CustomerDetails withRegion(String newRegion) {
    return new CustomerDetails(name, street, postalCode, city, newRegion, country, phone, email, website,
        reference, notes);
  }

  /**
   * These details with another phone number.
   *
   * @param newPhone the phone number; null for none
   * @return the changed details
   */
  public CustomerDetails withPhone(String newPhone) {
    return new CustomerDetails(name, street, postalCode, city, region, country, newPhone, email, website,
        reference, notes);
  }

  /**
   * These details with another email address.
   *
   * @param newEmail the email address; null for none
   * @return the changed details
   */
  public CustomerDetails withEmail(String newEmail) {
    return new CustomerDetails(name, street, postalCode, city, region, country, phone, newEmail, website,
        reference, notes);
  }

  /**
   * These details with another website.
   *
   * @param newWebsite the website address; null for none
   * @return the changed details
   */
  public CustomerDetails withWebsite(String newWebsite) {
    return new CustomerDetails(name, street, postalCode, city, region, country, phone, email, newWebsite,
        reference, notes);
  }

  /**
   * These details with another reference.
   *
   * @param newReference the portal's reference; null for none
   * @return the changed details
   */
  public CustomerDetails withReference(String newReference) {
    return new CustomerDetails(name, street, postalCode, city, region, country, phone, email, website,
        newReference, notes);
  }

  /**
   * These details with other notes.
   *
   * @param newNotes free text; null for none
   * @return the changed details
   */
  public CustomerDetails withNotes(String newNotes) {
    return new CustomerDetails(name, street, postalCode, city, region, country, phone, email, website,
        reference, newNotes);
  }

  /**
   * These details with phone and email.
   *
   * @param newPhone phone number
   * @param newEmail email address
   * @return the changed details
   */
  public CustomerDetails withPhoneAndEmail(String newPhone, String newEmail) {
    return new CustomerDetails(name, street, postalCode, city, region, country, newPhone, newEmail, website,
        reference, notes);
  }

  /**
   * These details with another name.
   *
   * @param newName the name
   * @return the changed details
   */
  public CustomerDetails withName(String newName) {
    return new CustomerDetails(newName, street, postalCode, city, region, country, phone, email, website,
        reference, notes);
  }

  /**
   * These details with website, reference and notes.
   *
   * @param newWebsite website address
   * @param newReference the portal's reference
   * @param newNotes free text
   * @return the changed details
   */
  public CustomerDetails withExtras(String newWebsite, String newReference, String newNotes) {
    return new CustomerDetails(name, street, postalCode, city, region, country, phone, email, newWebsite,
        newReference, newNotes);
  }
}
