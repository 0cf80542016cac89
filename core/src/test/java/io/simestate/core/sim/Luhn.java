package io.simestate.core.sim;

/** An independent Luhn implementation for tests, so that the tests do not trust the code under test. */
final class Luhn {

  private Luhn() {}

  /** The check digit for a body of digits. */
  static int checkDigit(String body) {
    int sum = 0;
    for (int i = 0; i < body.length(); i++) {
      int d = body.charAt(body.length() - 1 - i) - '0';
      if (i % 2 == 0) {
        d = d * 2 > 9 ? d * 2 - 9 : d * 2;
      }
      sum += d;
    }
    return (10 - sum % 10) % 10;
  }

  /** The body with its check digit appended. */
  static String withCheckDigit(String body) {
    return body + checkDigit(body);
  }

  /** Whether the last digit is the check digit of the others. */
  static boolean isValid(String digits) {
    return checkDigit(digits.substring(0, digits.length() - 1)) == digits.charAt(digits.length() - 1) - '0';
  }
}
