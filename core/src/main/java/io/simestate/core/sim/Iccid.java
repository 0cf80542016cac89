package io.simestate.core.sim;

import io.simestate.core.InvalidInputException;
import java.nio.CharBuffer;
import java.util.Arrays;

/**
 * A SIM card number (ITU-T E.118 ICCID) in canonical form: its digits alone.
 *
 * <p>Real estates are untidy, so {@link #parse(String)} accepts what the {@link IccidPolicy#LENIENT}
 * policy accepts: after removing spaces, hyphens and trailing {@code F}/{@code f} padding, 18 to 22
 * digits starting with {@code 89}. Whether the last digit is a valid Luhn check digit is recorded in
 * {@link #hasValidCheckDigit()}. {@link #parse(String, IccidPolicy)} with {@link IccidPolicy#STRICT}
 * also requires 19 or 20 digits and a valid check digit.
 *
 * @param digits the canonical digits
 * @param hasValidCheckDigit whether the last digit is the Luhn check digit of the others
 */
public record Iccid(String digits, boolean hasValidCheckDigit) implements Comparable<Iccid> {

  /**
   * Checks the digits; prefer {@link #parse(String)}.
   *
   * @param digits the canonical digits
   * @param hasValidCheckDigit whether the last digit is the Luhn check digit of the others
   */
  public Iccid {
    if (digits == null) {
      throw invalid("an ICCID is required");
    }
    checkDigits(digits, IccidPolicy.LENIENT);
    if (hasValidCheckDigit != luhnValid(digits)) {
      throw invalid("the check-digit flag does not match the digits; use Iccid.parse");
    }
  }

  /**
   * Parses an ICCID with the lenient default policy.
   *
   * @param text the ICCID as printed or reported by a modem
   * @return the ICCID
   * @throws InvalidInputException if it is not an ICCID; the message says which rule failed
   */
  public static Iccid parse(String text) {
    return parse(text, IccidPolicy.LENIENT);
  }

  /**
   * Parses an ICCID under the given policy.
   *
   * @param text the ICCID as printed or reported by a modem
   * @param policy how strictly to check it
   * @return the ICCID
   * @throws InvalidInputException if it breaks a rule of the policy
   */
  public static Iccid parse(String text, IccidPolicy policy) {
    if (text == null || policy == null) {
      throw invalid("an ICCID is required");
    }
    String digits = canonicalDigits(text);
    checkDigits(digits, policy);
    boolean valid = luhnValid(digits);
    if (policy.requiresCheckDigit() && !valid) {
      throw invalid("the last digit of the ICCID is not a valid check digit; check for a typing error");
    }
    return new Iccid(digits, valid);
  }

  /**
   * Makes an ICCID from a body and appends its Luhn check digit.
   *
   * @param body the digits without the check digit
   * @return the ICCID, whose check digit is valid
   * @throws InvalidInputException if the result is not an ICCID
   */
  public static Iccid withCheckDigit(String body) {
    if (body == null) {
      throw invalid("an ICCID is required");
    }
    return parse(body + checkDigitFor(body));
  }

  /**
   * A member of a range that walks the body: the body's digits and their check digit, built without
   * parsing, since the body's digits are canonical (the range's ends were checked).
   */
  static Iccid ofBody(char[] body) {
    char[] digits = Arrays.copyOf(body, body.length + 1);
    digits[body.length] = checkDigitFor(CharBuffer.wrap(body), body.length);
    return new Iccid(new String(digits), true);
  }

  /** A member of a counted range: canonical digits, built without parsing. */
  static Iccid ofDigits(char[] digits) {
    String canonical = new String(digits);
    return new Iccid(canonical, luhnValid(canonical));
  }

  /**
   * The length in digits.
   *
   * @return 18 to 22
   */
  public int length() {
    return digits.length();
  }

  @Override
  public int compareTo(Iccid other) {
    int byLength = Integer.compare(digits.length(), other.digits.length());
    return byLength != 0 ? byLength : digits.compareTo(other.digits);
  }

  @Override
  public String toString() {
    return digits;
  }

  static String canonicalDigits(String text) {
    String s = text.strip();
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c != ' ' && c != '-') {
        out.append(c);
      }
    }
    int end = out.length();
    while (end > 0 && (out.charAt(end - 1) == 'F' || out.charAt(end - 1) == 'f')) {
      end--;
    }
    out.setLength(end);
    return out.toString();
  }

  private static void checkDigits(String digits, IccidPolicy policy) {
    if (digits.isEmpty()) {
      throw invalid("an ICCID is required");
    }
    for (int i = 0; i < digits.length(); i++) {
      char c = digits.charAt(i);
      if (c < '0' || c > '9') {
        throw invalid("an ICCID may hold only digits (spaces, hyphens and trailing F padding are ignored)");
      }
    }
    if (!digits.startsWith("89")) {
      throw invalid("an ICCID starts with 89");
    }
    if (digits.length() < policy.minDigits() || digits.length() > policy.maxDigits()) {
      throw invalid(policy.minDigits() == 19 && policy.maxDigits() == 20
          ? "an ICCID has 19 or 20 digits under the strict policy"
          : "an ICCID has " + policy.minDigits() + " to " + policy.maxDigits() + " digits");
    }
  }

  static boolean luhnValid(String digits) {
    return checkDigitFor(digits, digits.length() - 1) == digits.charAt(digits.length() - 1);
  }

  static char checkDigitFor(String body) {
    return checkDigitFor(body, body.length());
  }

  /** The Luhn check digit of the first {@code length} digits of {@code digits}. */
  private static char checkDigitFor(CharSequence digits, int length) {
    int sum = 0;
    boolean doubleIt = true;
    for (int i = length - 1; i >= 0; i--) {
      int d = digits.charAt(i) - '0';
      if (doubleIt) {
        d *= 2;
        if (d > 9) {
          d -= 9;
        }
      }
      sum += d;
      doubleIt = !doubleIt;
    }
    return (char) ('0' + (10 - sum % 10) % 10);
  }

  private static InvalidInputException invalid(String message) {
    return InvalidInputException.of("", message);
  }
}
