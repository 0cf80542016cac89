package io.simestate.examples;

import java.util.List;

/**
 * How addresses and phone numbers look in one country, so that each demo customer is consistent: a
 * Berlin address has a German postal code, a German street name and +49 numbers. The numbers are
 * made up (a fixed exchange and the customer's serial) and the mail domains stay under the reserved
 * {@code .example} top-level domain, so that no demo message can reach a real mailbox even through
 * a real relay ({@code --smtp}).
 *
 * @param country the country's name in English
 * @param callingCode the international calling code, without {@code +}
 * @param mobilePrefix the prefix of a mobile number after the calling code
 * @param cities the cities the demo uses, with postal code and area code
 * @param streets street names as they are written there; the house number goes where
 *     {@link #street(int, int)} puts it
 * @param numberAfterStreet whether the house number follows the street name (Germany) or comes
 *     first (United Kingdom)
 */
record CountryProfile(String country, String callingCode, String mobilePrefix, List<City> cities,
    List<String> streets, boolean numberAfterStreet) {

  /**
   * A city of the profile.
   *
   * @param name the city's name as its people write it
   * @param postalCode a postal code of its centre
   * @param areaCode its telephone area code as dialled from abroad (without a trunk 0, except in Italy,
   *     where the 0 belongs to the number)
   */
  record City(String name, String postalCode, String areaCode) {}

  /** The countries of the demo, ten of them. */
  static final List<CountryProfile> ALL = List.of(
      new CountryProfile("Austria", "43", "664", List.of(new City("Wien", "1010", "1"),
          new City("Graz", "8010", "316"), new City("Linz", "4020", "732")),
          List.of("Mariahilfer Straße", "Herrengasse", "Landstraßer Hauptstraße", "Wiener Straße"), true),
      new CountryProfile("Germany", "49", "151", List.of(new City("Berlin", "10115", "30"),
          new City("Hamburg", "20095", "40"), new City("München", "80331", "89")),
          List.of("Friedrichstraße", "Industriestraße", "Hafenstraße", "Bahnhofstraße"), true),
      new CountryProfile("France", "33", "6", List.of(new City("Paris", "75002", "1"),
          new City("Lyon", "69002", "4"), new City("Marseille", "13001", "4")),
          List.of("rue du Port", "rue de la Gare", "avenue de la République", "quai des Docks"), false),
      new CountryProfile("Italy", "39", "347", List.of(new City("Roma", "00184", "06"),
          new City("Milano", "20121", "02"), new City("Torino", "10121", "011")),
          List.of("Via Roma", "Via Garibaldi", "Corso Italia", "Via del Porto"), true),
      new CountryProfile("United Kingdom", "44", "7700", List.of(new City("London", "EC1A 1BB", "20"),
          new City("Manchester", "M1 1AE", "161"), new City("Bristol", "BS1 4DJ", "117")),
          List.of("Station Road", "Harbour Road", "Mill Lane", "Kingsway"), false),
      new CountryProfile("Netherlands", "31", "6", List.of(new City("Amsterdam", "1012 JS", "20"),
          new City("Rotterdam", "3011 AD", "10"), new City("Utrecht", "3511 LX", "30")),
          List.of("Havenstraat", "Stationsweg", "Kerkstraat", "Marktplein"), true),
      new CountryProfile("Switzerland", "41", "79", List.of(new City("Zürich", "8001", "44"),
          new City("Genève", "1201", "22"), new City("Basel", "4051", "61")),
          List.of("Bahnhofstrasse", "Seestrasse", "Hauptstrasse", "Industriestrasse"), true),
      new CountryProfile("Poland", "48", "512", List.of(new City("Warszawa", "00-001", "22"),
          new City("Kraków", "31-001", "12"), new City("Gdańsk", "80-001", "58")),
          List.of("ul. Marszałkowska", "ul. Portowa", "ul. Kolejowa", "ul. Przemysłowa"), true),
      new CountryProfile("Sweden", "46", "70", List.of(new City("Stockholm", "111 22", "8"),
          new City("Göteborg", "411 01", "31"), new City("Malmö", "211 20", "40")),
          List.of("Drottninggatan", "Hamngatan", "Storgatan", "Industrigatan"), true),
      new CountryProfile("Belgium", "32", "470", List.of(new City("Bruxelles", "1000", "2"),
          new City("Antwerpen", "2000", "3"), new City("Gent", "9000", "9")),
          List.of("Rue de la Loi", "Havenlaan", "Stationsstraat", "Rue du Marché"), true));

  /**
   * The profile of the n-th customer: the countries take turns.
   *
   * @param n the customer's serial
   * @return its country
   */
  static CountryProfile of(int n) {
    return ALL.get(n % ALL.size());
  }

  /** The n-th customer's city in this country. */
  City city(int n) {
    return cities.get((n / ALL.size()) % cities.size());
  }

  /** A street address: the street's name and house number, in the country's order. */
  String street(int n, int houseNumber) {
    String street = streets.get((n / ALL.size()) % streets.size());
    return numberAfterStreet ? street + " " + houseNumber : houseNumber + " " + street;
  }

  /** A landline number in the n-th customer's city: {@code +49 30 5550 0123}. */
  String landline(int n, int line) {
    return "+" + callingCode + " " + city(n).areaCode() + " " + fourDigits(5550 + line % 10) + " " + fourDigits(n);
  }

  /** A mobile number: {@code +49 151 2000 0123}. */
  String mobile(int n, int line) {
    return "+" + callingCode + " " + mobilePrefix + " " + fourDigits(2000 + line % 10) + " " + fourDigits(n);
  }

  private static String fourDigits(int n) {
    return String.format(java.util.Locale.ROOT, "%04d", n % 10_000);
  }
}
