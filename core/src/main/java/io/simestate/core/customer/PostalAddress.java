package io.simestate.core.customer;

import io.simestate.core.Limits;

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
   * Checks the {@link Limits} of every part.
   *
   * @param street street and number, possibly several lines
   * @param postalCode postal or ZIP code
   * @param city city or town
   * @param region state, province or region
   * @param country country name or code
   */
  public PostalAddress {
    Limits.length(street, Limits.STREET_LENGTH, "street");
    Limits.length(postalCode, Limits.POSTAL_CODE_LENGTH, "postalCode");
    Limits.length(city, Limits.PLACE_LENGTH, "city");
    Limits.length(region, Limits.PLACE_LENGTH, "region");
    Limits.length(country, Limits.PLACE_LENGTH, "country");
  }

  /**
   * Whether no part is given.
   *
   * @return true if every part is null
   */
  public boolean isEmpty() {
    return street == null && postalCode == null && city == null && region == null && country == null;
  }
}
