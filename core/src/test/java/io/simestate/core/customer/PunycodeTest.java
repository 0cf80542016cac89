package io.simestate.core.customer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Punycode as RFC 3492 defines it: its sample strings (§7.1) encode to the published labels and
 * decode back, and what is not Punycode (bad digits, a cut-off number, an overflow, a surrogate or a
 * code point beyond Unicode) decodes to nothing instead of to some other name.
 */
class PunycodeTest {

  @ParameterizedTest(name = "RFC 3492 §7.1 ({0})")
  @CsvSource(delimiter = '|', textBlock = """
      A | \u0644\u064A\u0647\u0645\u0627\u0628\u062A\u0643\u0644\u0645\u0648\u0634\u0639\u0631\u0628\u064A\u061F | egbpdaj6bu4bxfgehfvwxn
      B | \u4ED6\u4EEC\u4E3A\u4EC0\u4E48\u4E0D\u8BF4\u4E2D\u6587 | ihqwcrb4cv8a8dqg056pqjye
      D | Pro\u010Dprost\u011Bnemluv\u00ED\u010Desky | Proprostnemluvesky-uyb24dma41a
      E | \u05DC\u05DE\u05D4\u05D4\u05DD\u05E4\u05E9\u05D5\u05D8\u05DC\u05D0\u05DE\u05D3\u05D1\u05E8\u05D9\u05DD\u05E2\u05D1\u05E8\u05D9\u05EA | 4dbcagdahymbxekheh6e0a7fei0b
      L | 3\u5E74B\u7D44\u91D1\u516B\u5148\u751F | 3B-ww4c5e180e575a65lsy2b
      M | \u5B89\u5BA4\u5948\u7F8E\u6075-with-SUPER-MONKEYS | -with-SUPER-MONKEYS-pc58ag80a8qai00g7n9n
      N | Hello-Another-Way-\u305D\u308C\u305E\u308C\u306E\u5834\u6240 | Hello-Another-Way--fc4qua05auwb3674vfr0b
      P | Maji\u3067Koi\u3059\u308B5\u79D2\u524D | MajiKoi5-783gue6qz075azm5e
      R | \u305D\u306E\u30B9\u30D4\u30FC\u30C9\u3067 | d9juau41awczczp
      S | '-> $1.00 <-' | '-> $1.00 <--'
      """)
  void theSampleStringsOfTheRfcEncodeToItsLabelsAndDecodeBack(String sample, String unicode, String punycode) {
    assertThat(Punycode.encode(unicode)).isEqualTo(punycode);
    assertThat(Punycode.decode(punycode)).contains(unicode);
  }

  @ParameterizedTest
  @ValueSource(strings = {"egbpdaj6bu4bxfgehfvwxn", "ihqwcrb4cv8a8dqg056pqjye", "Proprostnemluvesky-uyb24dma41a",
      "MajiKoi5-783gue6qz075azm5e"})
  void upperCaseDigitsDecodeLikeLowerCaseOnes(String punycode) {
    String upperDigits = punycode.substring(0, punycode.lastIndexOf('-') + 1)
        + punycode.substring(punycode.lastIndexOf('-') + 1).toUpperCase(Locale.ROOT);
    assertThat(Punycode.decode(upperDigits)).isEqualTo(Punycode.decode(punycode)).isPresent();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      the code point just below the surrogates | hb9b | \uD7FF
      the code point just above the surrogates | 0y0c | \uE000
      the last code point of Unicode           | dn32g | \uDBFF\uDFFF
      the first code point after ASCII         | a | \u0080
      """)
  void theCodePointsAtTheEdgesOfTheValidRangesDecode(String what, String punycode, String unicode) {
    assertThat(Punycode.decode(punycode)).as(what).contains(unicode);
    assertThat(Punycode.encode(unicode)).as(what).isEqualTo(punycode);
  }

  @Test
  void aDeltaThatBringsTheBiasToExactlyTheAdaptationsLimitEncodesAsTheRfcSays() {
    // The fourth of five insertions scales its delta to 455, ((36 - 1) * 26) / 2, where adapt
    // still takes no step; the label agrees with java.net.IDN (IDNA 2003 without flags).
    String unicode = "ab\u00EB\u01FD\u01A1\u0223\u0264";

    assertThat(Punycode.encode(unicode)).isEqualTo("ab-ija24e4nmh9p");
    assertThat(Punycode.decode("ab-ija24e4nmh9p")).contains(unicode);
  }

  @Test
  void anOffsetOfExactlyTheLargestIntDecodes() {
    // 1,929 basic characters, then U+10FAED inserted at 1,597: the offset is 1,112,685 * 1,930 +
    // 1,597 = 2^31 - 1. No label comes near this length; the decoder's contract does not depend on it.
    String unicode = "a".repeat(1597) + new String(Character.toChars(0x10FAED)) + "a".repeat(332);
    String punycode = "a".repeat(1929) + "-w416146o";

    assertThat(Punycode.encode(unicode)).isEqualTo(punycode);
    assertThat(Punycode.decode(punycode)).contains(unicode);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      a character that is no Punycode digit       | abc-d!e
      a non-ASCII character among the basic ones  | \u00E9t\u00E9-xyz
      the first non-ASCII one among the basic ones | a\u0080-
      a number cut off in the middle              | b
      a number cut off after the basic characters | abc-9
      a number too large for a code point         | 99999999999
      an offset that overflows                    | a-99999zzzzzz
      the first surrogate                         | ib9b
      the last surrogate                          | a-qo7g
      the first code point after Unicode          | en32g
      """)
  void whatIsNotPunycodeDecodesToNothing(String what, String punycode) {
    assertThat(Punycode.decode(punycode)).as(what).isEmpty();
  }
}
