package io.simestate.core.sim;

/**
 * How strictly ICCIDs are checked (DESIGN §3).
 *
 * <p>Both policies first remove spaces, hyphens and trailing {@code F}/{@code f} padding, and require
 * the ITU-T E.118 issuer prefix {@code 89}.
 */
public enum IccidPolicy {
  /**
   * The default: 18 to 22 digits; the Luhn check digit is recorded but not required, because many
   * printed ICCIDs lack a valid one.
   */
  LENIENT(18, 22, false),
  /** 19 or 20 digits with a valid Luhn check digit. */
  STRICT(19, 20, true);

  private final int minDigits;
  private final int maxDigits;
  private final boolean requiresCheckDigit;

  IccidPolicy(int minDigits, int maxDigits, boolean requiresCheckDigit) {
    this.minDigits = minDigits;
    this.maxDigits = maxDigits;
    this.requiresCheckDigit = requiresCheckDigit;
  }

  /**
   * The fewest digits this policy accepts.
   *
   * @return the minimum length
   */
  public int minDigits() {
    return minDigits;
  }

  /**
   * The most digits this policy accepts.
   *
   * @return the maximum length
   */
  public int maxDigits() {
    return maxDigits;
  }

  /**
   * Whether the last digit must be a valid Luhn check digit.
   *
   * @return true for {@link #STRICT}
   */
  public boolean requiresCheckDigit() {
    return requiresCheckDigit;
  }

  /**
   * Parses an ICCID under this policy.
   *
   * @param text the ICCID as printed or reported
   * @return the ICCID in canonical form
   * @throws io.simestate.core.InvalidInputException if it breaks a rule of this policy
   */
  public Iccid parse(String text) {
    return Iccid.parse(text, this);
  }
}
