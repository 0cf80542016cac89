package io.simestate.core.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.simestate.core.InvalidInputException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The ICCID rules of DESIGN §3 under the lenient and the strict policy. */
class IccidTest {

  /** A real-looking ICCID with a valid Luhn check digit. */
  static final String VALID_19 = "8944500102198304826";

  private static void assertRefused(String text, IccidPolicy policy) {
    assertThatThrownBy(() -> Iccid.parse(text, policy))
        .as("%s should refuse %s", policy, text)
        .isInstanceOf(InvalidInputException.class);
  }

  @Test
  void theKnownExampleCarriesAValidCheckDigit() {
    assertThat(Luhn.isValid(VALID_19)).isTrue();
    Iccid iccid = Iccid.parse(VALID_19);
    assertThat(iccid.digits()).isEqualTo(VALID_19);
    assertThat(iccid.hasValidCheckDigit()).isTrue();
    assertThat(iccid.length()).isEqualTo(19);
  }

  @Test
  void lenientPolicyAcceptsAWrongCheckDigitAndRecordsIt() {
    Iccid iccid = Iccid.parse("8944500102198304827");
    assertThat(iccid.hasValidCheckDigit()).isFalse();
    assertThat(iccid).hasToString("8944500102198304827");
  }

  @Test
  void lenientPolicyAcceptsEighteenToTwentyTwoDigits() {
    for (int length = 18; length <= 22; length++) {
      String digits = "89" + "1".repeat(length - 2);
      assertThat(Iccid.parse(digits).length()).isEqualTo(length);
    }
    assertRefused("89" + "1".repeat(15), IccidPolicy.LENIENT);
    assertRefused("89" + "1".repeat(21), IccidPolicy.LENIENT);
  }

  @ParameterizedTest
  @ValueSource(strings = {"9944500102198304826", "0894450010219830482", "8844500102198304826", "98445001021983048260"})
  void needsTheEightyNinePrefix(String text) {
    assertRefused(text, IccidPolicy.LENIENT);
  }

  @Test
  void removesSpacesHyphensAndTrailingFPadding() {
    Iccid expected = Iccid.parse(VALID_19);
    assertThat(Iccid.parse("8944 5001 0219 8304 826")).isEqualTo(expected);
    assertThat(Iccid.parse("8944-5001-0219-8304-826")).isEqualTo(expected);
    assertThat(Iccid.parse(VALID_19 + "F")).isEqualTo(expected);
    assertThat(Iccid.parse(VALID_19 + "fF")).isEqualTo(expected);
    assertThat(Iccid.parse("  89 44-5001 0219 8304 826 FFF  ")).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"8944F500102198304826", "F8944500102198304826", "89445001021983048x26",
      "8944500102198304826E", "8944\t500102198304826", "８９４４５００１０２１９８３０４８２６", "8944.500102198304826",
      "89445001021983048\u0662\u0666", "+8944500102198304826", "", "   ", "FFFF", "-"})
  void refusesAnythingElse(String text) {
    assertRefused(text, IccidPolicy.LENIENT);
  }

  @Test
  void refusesNullWithTheLibrarysException() {
    assertRefused(null, IccidPolicy.LENIENT);
    assertRefused(VALID_19, null);
  }

  @Test
  void strictPolicyAcceptsNineteenOrTwentyDigitsWithAValidCheckDigit() {
    String twenty = Luhn.withCheckDigit("8931440400012345678");
    assertThat(Iccid.parse(VALID_19, IccidPolicy.STRICT).hasValidCheckDigit()).isTrue();
    assertThat(IccidPolicy.STRICT.parse(twenty).digits()).isEqualTo(twenty);
  }

  @Test
  void strictPolicyRefusesAWrongCheckDigit() {
    assertRefused("8944500102198304827", IccidPolicy.STRICT);
  }

  @Test
  void strictPolicyRefusesOtherLengthsEvenWithAValidCheckDigit() {
    assertRefused(Luhn.withCheckDigit("89445001021983048"), IccidPolicy.STRICT);
    assertRefused(Luhn.withCheckDigit("89445001021983048261"), IccidPolicy.STRICT);
    assertThat(Iccid.parse(Luhn.withCheckDigit("89445001021983048")).length()).isEqualTo(18);
  }

  @Test
  void strictPolicyAlsoCleansSpacesHyphensAndPadding() {
    assertThat(Iccid.parse("8944-5001 0219 8304 826ff", IccidPolicy.STRICT)).hasToString(VALID_19);
  }

  @Test
  void withCheckDigitAppendsTheLuhnDigit() {
    assertThat(Iccid.withCheckDigit("894450010219830482")).hasToString(VALID_19);
  }

  @Test
  void constructorRefusesAFlagThatDoesNotMatchTheDigits() {
    assertThatThrownBy(() -> new Iccid(VALID_19, false)).isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> new Iccid("8944500102198304827", true)).isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> new Iccid("8944 500102198304826", true)).isInstanceOf(InvalidInputException.class);
  }

  @Test
  void constructorRefusesDigitsThatParseWouldRefuseEvenWithAMatchingFlag() {
    assertThatThrownBy(() -> new Iccid(Luhn.withCheckDigit("123450010219830482"), true))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("starts with 89");
    assertThatThrownBy(() -> new Iccid(Luhn.withCheckDigit("8944500"), true))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("digits");
    assertThatThrownBy(() -> new Iccid("", false)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("required");
  }

  @Test
  void sortsByLengthThenDigits() {
    Iccid short18 = Iccid.parse("899999999999999999");
    Iccid long19 = Iccid.parse("8900000000000000000");
    assertThat(short18).isLessThan(long19);
    assertThat(Iccid.parse("8900000000000000001")).isGreaterThan(long19);
  }

  @Test
  void theMessageSaysWhichRuleFailed() {
    assertThatThrownBy(() -> Iccid.parse("9944500102198304826")).hasMessageContaining("89");
    assertThatThrownBy(() -> Iccid.parse("8944500102198304827", IccidPolicy.STRICT)).hasMessageContaining("check digit");
    assertThatThrownBy(() -> Iccid.parse("89123")).hasMessageContaining("18 to 22");
  }

  @Test
  void aLengthRefusedUnderTheStrictPolicyNamesThePolicyAndTheLenientOneItsRange() {
    assertThatThrownBy(() -> Iccid.parse("89123", IccidPolicy.STRICT))
        .hasMessageContaining("an ICCID has 19 or 20 digits under the strict policy");
    assertThatThrownBy(() -> Iccid.parse("89" + "1".repeat(21), IccidPolicy.STRICT))
        .hasMessageContaining("an ICCID has 19 or 20 digits under the strict policy");
    assertThatThrownBy(() -> Iccid.parse("89" + "1".repeat(21)))
        .hasMessageContaining("an ICCID has 18 to 22 digits");
  }

  // ---- properties -------------------------------------------------------------------------------

  @Provide
  Arbitrary<String> bodies() {
    return Arbitraries.strings().numeric().ofMinLength(15).ofMaxLength(19).map(s -> "89" + s);
  }

  @Property
  void theCheckDigitFlagAgreesWithAnIndependentLuhn(@ForAll("bodies") String body, @ForAll @IntRange(max = 9) int last) {
    String digits = body + last;
    Iccid iccid = Iccid.parse(digits);
    assertThat(iccid.hasValidCheckDigit()).isEqualTo(Luhn.isValid(digits));
    assertThat(iccid).hasToString(digits);
  }

  @Property
  void changingAnyOneDigitBreaksTheCheckDigit(@ForAll("bodies") String body, @ForAll @IntRange(max = 100) int where,
      @ForAll @IntRange(min = 1, max = 9) int delta) {
    String valid = Luhn.withCheckDigit(body);
    int position = 2 + where % (valid.length() - 2);
    char changed = (char) ('0' + (valid.charAt(position) - '0' + delta) % 10);
    String typo = valid.substring(0, position) + changed + valid.substring(position + 1);
    assertThat(Iccid.parse(valid).hasValidCheckDigit()).isTrue();
    assertThat(Iccid.parse(typo).hasValidCheckDigit()).isFalse();
    assertThatThrownBy(() -> Iccid.parse(typo, IccidPolicy.STRICT)).isInstanceOf(InvalidInputException.class);
  }

  @Property
  void spacingHyphensAndPaddingNeverChangeTheCanonicalForm(@ForAll("bodies") String body,
      @ForAll("separators") java.util.List<String> separators, @ForAll @IntRange(max = 4) int padding,
      @ForAll boolean lowerCase) {
    String digits = Luhn.withCheckDigit(body);
    StringBuilder messy = new StringBuilder();
    for (int i = 0; i < digits.length(); i++) {
      messy.append(digits.charAt(i));
      if (i < digits.length() - 1) {
        messy.append(separators.get(i % separators.size()));
      }
    }
    messy.append((lowerCase ? "f" : "F").repeat(padding));
    assertThat(Iccid.parse(messy.toString())).isEqualTo(Iccid.parse(digits)).hasToString(digits);
  }

  @Provide
  Arbitrary<java.util.List<String>> separators() {
    return Arbitraries.of("", "", "", " ", "-", "  ", " - ").list().ofMinSize(1).ofMaxSize(5);
  }

  @Property
  void strictAcceptsExactlyTheNineteenAndTwentyDigitNumbersWithValidCheckDigits(@ForAll("bodies") String body,
      @ForAll @IntRange(max = 9) int last) {
    String digits = body + last;
    boolean expected = (digits.length() == 19 || digits.length() == 20) && Luhn.isValid(digits);
    boolean accepted;
    try {
      Iccid.parse(digits, IccidPolicy.STRICT);
      accepted = true;
    } catch (InvalidInputException e) {
      accepted = false;
    }
    assertThat(accepted).isEqualTo(expected);
  }
}
