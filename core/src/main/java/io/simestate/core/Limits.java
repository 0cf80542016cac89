package io.simestate.core;

/**
 * Every length and range limit of SIM Estate, in one place. The value types and forms of core
 * enforce them before any store sees a value, so that an estate in memory refuses exactly what a
 * database would: a host testing with {@code SimEstate.inMemory()} meets the rules of production.
 * The JPA adapter's columns are sized to hold every value within these limits (with room for
 * characters outside the Basic Multilingual Plane).
 *
 * <p>Text lengths count UTF-16 characters ({@link String#length()}), as Bean Validation's
 * {@code @Size} does, except names, which count code points (what a reader sees as characters).
 * A value past a limit is refused with {@link InvalidInputException} naming its field.
 */
public final class Limits {

  /** Customer and contact names: at most 100 characters (code points). */
  public static final int NAME_LENGTH = 100;
  /** Street and number of a postal address: at most 300 characters; line breaks allowed. */
  public static final int STREET_LENGTH = 300;
  /** Postal or ZIP code: at most 20 characters. */
  public static final int POSTAL_CODE_LENGTH = 20;
  /** City, region and country of a postal address: at most 100 characters each. */
  public static final int PLACE_LENGTH = 100;
  /** Phone numbers of customers and contacts: at most 40 characters. */
  public static final int PHONE_LENGTH = 40;
  /** Email addresses: at most 254 characters (RFC 5321). */
  public static final int EMAIL_LENGTH = 254;
  /** A customer's website: at most 255 characters. */
  public static final int WEBSITE_LENGTH = 255;
  /** The portal's own reference for a customer: at most 100 characters. */
  public static final int REFERENCE_LENGTH = 100;
  /** A customer's notes: at most 4,000 characters; line breaks allowed. */
  public static final int NOTES_LENGTH = 4000;
  /** A contact's role: at most 100 characters. */
  public static final int ROLE_LENGTH = 100;

  /** An alert id: at most 200 characters. */
  public static final int ALERT_ID_LENGTH = 200;
  /** An alert's usage period (e.g. "2026-11"): at most 100 characters. */
  public static final int PERIOD_LENGTH = 100;
  /** The unit of an alert's usage figures (e.g. "MB"): at most 20 characters. */
  public static final int USAGE_UNIT_LENGTH = 20;
  /** The plan named in an alert's usage figures (e.g. "IoT 1 GB"): at most 100 characters. */
  public static final int USAGE_PLAN_LENGTH = 100;
  /** A usage figure (used, limit, percent): at most 30 digits before the decimal point. */
  public static final int FIGURE_INTEGER_DIGITS = 30;
  /** A usage figure (used, limit, percent): at most 10 digits after the decimal point. */
  public static final int FIGURE_FRACTION_DIGITS = 10;
  /** The name of a recipient (a catch-all recipient's or sender's display name): at most 200 characters. */
  public static final int RECIPIENT_NAME_LENGTH = 200;

  /** A tenant's display name ({@code TenantAlertSettings.displayName}): at most 100 characters. */
  public static final int TENANT_NAME_LENGTH = 100;
  /** A tenant's portal address ({@code TenantAlertSettings.portalUrl}): at most 2,000 characters. */
  public static final int PORTAL_URL_LENGTH = 2000;
  /** The most catch-all recipients one tenant names. */
  public static final int CATCH_ALL_RECIPIENTS = 20;

  /** The portal user named on a change ({@link Actor}): at most 200 characters. */
  public static final int ACTOR_LENGTH = 200;

  /** The most items one page holds ({@link PageRequest#limit()}). */
  public static final int PAGE_SIZE = 1000;
  /** The most entries one read of a history returns (audit trail, decisions, deliveries). */
  public static final int HISTORY_SIZE = 10_000;
  /** The most SIMs one list or range names. */
  public static final int SIMS_PER_REQUEST = 1_000_000;

  private Limits() {}

  /**
   * Checks the {@code limit} argument of a history read.
   *
   * @param limit the most entries to return
   * @return {@code limit}
   * @throws InvalidInputException naming {@code limit} unless it is 1 to {@value #HISTORY_SIZE}
   */
  public static int historySize(int limit) {
    if (limit < 1 || limit > HISTORY_SIZE) {
      throw InvalidInputException.of("limit", "must be between 1 and " + HISTORY_SIZE);
    }
    return limit;
  }

  /**
   * Checks a text against a length limit.
   *
   * @param text the text; null passes
   * @param max the most characters ({@link String#length()})
   * @param field the field path to name in the error
   * @return {@code text}
   * @throws InvalidInputException naming {@code field} if the text is longer
   */
  public static String length(String text, int max, String field) {
    if (text != null && text.length() > max) {
      throw InvalidInputException.of(field, "must have at most " + max + " characters");
    }
    return text;
  }
}
