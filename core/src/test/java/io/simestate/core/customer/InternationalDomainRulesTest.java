package io.simestate.core.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.simestate.core.InvalidInputException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The IDNA 2008 rules for one label of an internationalised domain (RFC 5892's contextual rules and
 * exceptions, its disallowed code points, RFC 5893's Bidi rule), seen from what a user types: each
 * address is accepted, or refused with the message of the rule it breaks, at the edges of each rule's
 * range of code points too.
 */
class InternationalDomainRulesTest {

  private static final Map<String, String> MESSAGES = Map.of(
      "CHARACTERS", Idna.Problem.CHARACTERS.message(),
      "BIDI", Idna.Problem.BIDI.message(),
      "IDNA2003", Idna.Problem.IDNA2003.message(),
      "HYPHEN_EDGE", Idna.Problem.HYPHEN_EDGE.message());

  private static void assertOutcome(String domain, String outcome) {
    if (outcome.equals("accepted")) {
      assertThat(EmailAddress.parse("a@" + domain).displayed()).isEqualTo("a@" + domain);
    } else {
      assertThatThrownBy(() -> EmailAddress.parse("a@" + domain)).isInstanceOf(InvalidInputException.class)
          .hasMessageContaining(MESSAGES.get(outcome));
    }
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(delimiter = '|', textBlock = """
      a middle dot between two l (Catalan)          | col\u00B7legi       | accepted
      a middle dot not between two l                | co\u00B7legi        | CHARACTERS
      a middle dot first                            | \u00B7ll            | CHARACTERS
      a middle dot last                             | ll\u00B7            | CHARACTERS
      a middle dot after an l but not before one    | col\u00B7egi        | CHARACTERS
      a Greek numeral sign before Greek             | \u0375\u03B1\u03B2  | accepted
      a Greek numeral sign before Latin             | \u0375ab            | CHARACTERS
      a Greek numeral sign last                     | \u03B1\u03B2\u0375  | CHARACTERS
      a Greek numeral sign after Greek before Latin | \u03B1\u0375ab      | CHARACTERS
      a Hebrew geresh after Hebrew                  | \u05D0\u05F3        | accepted
      a Hebrew gershayim after Hebrew               | \u05D0\u05F4\u05D1  | accepted
      a Hebrew geresh after Latin                   | a\u05F3             | CHARACTERS
      a Hebrew geresh first                         | \u05F3\u05D0        | CHARACTERS
      a katakana middle dot with katakana           | \u30AB\u30FB\u30CA  | accepted
      a katakana middle dot with katakana and Latin | \u30AB\u30FBa       | accepted
      a katakana middle dot with Latin only         | a\u30FBb            | CHARACTERS
      katakana middle dots only                     | \u30FB\u30FB        | CHARACTERS
      the exceptions that are valid                 | \u00DF\u00E9        | accepted
      final sigma, an exception that is valid       | \u03C2\u03B1        | accepted
      ideographic zero, an exception that is valid  | \u3007a             | accepted
      Arabic tatweel, an exception that is not      | \u0640\u0628        | CHARACTERS
      """)
  void theContextualRulesAndExceptionsOfRfc5892(String rule, String label, String outcome) {
    assertOutcome(label + ".example", outcome);
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(delimiter = '|', textBlock = """
      the first Arabic-Indic digit           | \u0628\u0660\u0628 | accepted
      the last Arabic-Indic digit            | \u0628\u0669\u0628 | accepted
      the first extended Arabic-Indic digit  | \u0628\u06F0\u0628 | accepted
      the last extended Arabic-Indic digit   | \u0628\u06F9\u0628 | accepted
      the first digits of both kinds         | \u0628\u0660\u06F0 | CHARACTERS
      the last digits of both kinds          | \u0628\u0669\u06F9 | CHARACTERS
      both kinds, extended first             | \u0628\u06F0\u0669 | CHARACTERS
      """)
  void arabicIndicDigitsOfTheTwoKindsDoNotMix(String rule, String label, String outcome) {
    assertOutcome(label + ".example", outcome);
  }

  @ParameterizedTest(name = "U+{0}")
  @CsvSource(delimiter = '|', textBlock = """
      034F  | ab\u034Fc
      180B  | ab\u180Bc
      180D  | ab\u180Dc
      FE00  | ab\uFE00c
      FE0F  | ab\uFE0Fc
      E0100 | ab\uDB40\uDD00c
      E01EF | ab\uDB40\uDDEFc
      3164  | ab\u3164c
      17B4  | ab\u17B4c
      17B5  | ab\u17B5c
      115F  | ab\u115Fc
      1160  | ab\u1160c
      1100  | a\u1100b
      11FF  | a\u11FFb
      A960  | a\uA960b
      A97C  | a\uA97Cb
      D7B0  | a\uD7B0b
      D7FB  | a\uD7FBb
      """)
  void ignorableCharactersAndConjoiningHangulJamoAreRefusedAsCharacters(String codePoint, String label) {
    assertOutcome(label + ".example", "CHARACTERS");
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(delimiter = '|', textBlock = """
      a combining mark next to the ignorable ones | a\u034Eb   | accepted
      a Mongolian digit after the variation selectors | a\u1810b | accepted
      an Ethiopic letter after the jamo           | a\u1200b   | accepted
      the ends of the ASCII letters and digits    | z\u00FC09  | accepted
      """)
  void theNeighboursOfTheRefusedRangesAreAccepted(String what, String label, String outcome) {
    assertOutcome(label + ".example", outcome);
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(delimiter = '|', textBlock = """
      a hyphen before a non-ASCII letter | -\u00FC | HYPHEN_EDGE
      a hyphen after a non-ASCII letter  | \u00FC- | HYPHEN_EDGE
      """)
  void aUnicodeLabelNeitherStartsNorEndsWithAHyphen(String rule, String label, String outcome) {
    assertOutcome(label + ".example", outcome);
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(delimiter = '|', textBlock = """
      a right-to-left label with a hyphen           | \u0628-\u0628.example                | accepted
      a right-to-left label with a digit inside     | \u05D01\u05D1.example                | accepted
      a left-to-right label beside a right-to-left  | col\u00B7legi.\u0628\u0628.example   | accepted
      rule 1: a right-to-left label starting with a digit | 1\u0628.example                | BIDI
      rule 2: a Latin letter in a right-to-left label | \u0628a.example                    | BIDI
      rule 5: an Arabic letter in a left-to-right label | a\u0628.example                  | BIDI
      rule 5: an Arabic letter inside a left-to-right label | a\u0628b.example            | BIDI
      rule 2: a Latin letter inside a right-to-left label | \u0628a\u0628.example         | BIDI
      rule 4: European and Arabic digits together   | \u06281\u0661.example                | BIDI
      rule 6: a left-to-right label ending in a symbol, in a right-to-left domain | \u30AB\u30FB.\u0628\u0628.example | BIDI
      the same label in a left-to-right domain      | \u30AB\u30FB.example                 | accepted
      rule 3 allows a final vowel mark, IDNA 2003 does not | \u0628\u064E.example          | IDNA2003
      rule 3 allows a final Arabic-Indic digit, IDNA 2003 does not | \u0628\u0661.example  | IDNA2003
      rule 3 allows a final European digit, IDNA 2003 does not | \u05D0\u05D11.example     | IDNA2003
      """)
  void theBidiRuleOfRfc5893(String rule, String domain, String outcome) {
    assertOutcome(domain, outcome);
  }

  @Test
  void anALabelThatIsNotPunycodeHasNoUnicodeFormAndTheRefusalSaysSo() {
    // Only checked A-labels reach toUnicode; one that was not checked fails loudly, not with a null.
    assertThatThrownBy(() -> Idna.toUnicode("xn--abc-9")).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("not a checked A-label");
  }
}
