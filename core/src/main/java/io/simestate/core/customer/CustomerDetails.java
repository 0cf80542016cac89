package io.simestate.core.customer;

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
    @Size(max = 300, message = "must have at most {max} characters")
    @ShownText(multiLine = true) String street,
    @Size(max = 20, message = "must have at most {max} characters")
    @ShownText String postalCode,
    @Size(max = 100, message = "must have at most {max} characters")
    @ShownText String city,
    @Size(max = 100, message = "must have at most {max} characters")
    @ShownText String region,
    @Size(max = 100, message = "must have at most {max} characters")
    @ShownText String country,
    @Size(max = 40, message = "must have at most {max} characters")
    @Pattern(regexp = PHONE, message = "may hold only digits, spaces and + ( ) - . /") String phone,
    @Size(max = 254, message = "must have at most {max} characters") String email,
    @Size(max = 255, message = "must have at most {max} characters")
    @ShownText String website,
    @Size(max = 100, message = "must have at most {max} characters")
    @ShownText String reference,
    @Size(max = 4000, message = "must have at most {max} characters")
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
