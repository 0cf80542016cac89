package io.simestate.core.customer;

/**
 * A customer's postal address. Every part is optional (null when not given); the library stores the
 * parts as given, trimmed.
 *
 * @param street street and number, possibly several lines
 * @param postalCode postal or ZIP code
 * @param city city or town
 * @param region state, province or region
 * @param country country name or code
 */
public record PostalAddress(String street, String postalCode, String city, String region, String country) {

  /** An address with no parts. */
  public static final PostalAddress EMPTY = new PostalAddress(null, null, null, null, null);

  /**
   * Whether no part is given.
   *
   * @return true if every part is null
   */
  public boolean isEmpty() {
    return street == null && postalCode == null && city == null && region == null && country == null;
  }
}
