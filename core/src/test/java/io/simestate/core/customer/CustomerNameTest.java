package io.simestate.core.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.simestate.core.InvalidInputException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Customer name rules (DESIGN §3). */
class CustomerNameTest {

  private static void assertRefused(String text, String messagePart) {
    assertThatThrownBy(() -> CustomerName.parse(text))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> {
          assertThat(e.violations()).extracting(v -> v.field()).containsOnly("name");
          assertThat(e.getMessage()).contains(messagePart);
        });
  }

  @Test
  void trimsSurroundingWhiteSpace() {
    assertThat(CustomerName.parse("  \t Northwind Logistics \r\n").value()).isEqualTo("Northwind Logistics");
  }

  @Test
  void collapsesInnerWhiteSpaceToOneSpace() {
    assertThat(CustomerName.parse("Northwind \t\u00a0  Logistics\u2003 Ltd").value())
        .isEqualTo("Northwind Logistics Ltd");
  }

  @Test
  void acceptsAHundredCodePointsAndRefusesAHundredAndOne() {
    assertThat(CustomerName.parse("n".repeat(100)).value()).hasSize(100);
    assertRefused("n".repeat(101), "at most 100");
  }

  @Test
  void countsCodePointsNotCharsSoAHundredEmojiFit() {
    String emoji = "\ud83d\udce1".repeat(100);
    assertThat(CustomerName.parse(emoji).value()).isEqualTo(emoji);
    assertRefused(emoji + "\ud83d\udce1", "at most 100");
  }

  @Test
  void lengthIsCountedAfterCollapsingWhiteSpace() {
    String name = "a" + " ".repeat(500) + "b".repeat(98);
    assertThat(CustomerName.parse(name).value()).hasSize(100);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   ", "\t\r\n", "\u00a0\u2003"})
  void refusesAnEmptyName(String text) {
    assertRefused(text, "required");
  }

  @Test
  void refusesNullWithTheLibrarysException() {
    assertRefused(null, "required");
  }

  @ParameterizedTest
  @ValueSource(strings = {"North\u0000wind", "North\u0007wind", "Northwind\u001b[31m", "North\u007fwind",
      "North\u0080wind", "North\u009fwind"})
  void refusesControlCharacters(String text) {
    assertRefused(text, "control characters");
  }

  @Test
  void refusesUnpairedSurrogates() {
    assertRefused("North\ud800wind", "surrogate");
  }

  @Test
  void theKeyIgnoresCase() {
    assertThat(CustomerName.parse("NORTHWIND Logistics").key()).isEqualTo(CustomerName.parse("northwind logistics").key());
    assertThat(CustomerName.parse("Northwind").key()).isNotEqualTo(CustomerName.parse("Northwind Ltd").key());
  }

  @Test
  void theKeyIgnoresUnicodeComposition() {
    String composed = "Caf\u00e9 Ltd";
    String decomposed = "Cafe\u0301 Ltd";
    assertThat(CustomerName.parse(composed).key()).isEqualTo(CustomerName.parse(decomposed).key());
  }

  @Test
  void keepsTheCaseAsTyped() {
    assertThat(CustomerName.parse("ACME gmbh").value()).isEqualTo("ACME gmbh");
    assertThat(CustomerName.parse("ACME gmbh")).isNotEqualTo(CustomerName.parse("Acme GmbH"));
  }

  @Test
  void theConstructorRefusesAnUnnormalisedValue() {
    assertThatThrownBy(() -> new CustomerName(" Acme")).isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> new CustomerName("Acme  Ltd")).isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> new CustomerName(null)).isInstanceOf(InvalidInputException.class);
    assertThat(new CustomerName("Acme Ltd")).hasToString("Acme Ltd");
  }

  @Test
  void keepsHtmlAndSqlAsPlainText() {
    String name = "<b>Acme</b>'; DROP TABLE customer;--";
    assertThat(CustomerName.parse(name).value()).isEqualTo(name);
  }

  // ---- properties -------------------------------------------------------------------------------

  @Provide
  Arbitrary<String> words() {
    return Arbitraries.strings().alpha().numeric().withChars("&.'-äöüÉœ").ofMinLength(1).ofMaxLength(12)
        .list().ofMinSize(1).ofMaxSize(6).map(w -> String.join(" ", w)).filter(s -> s.length() <= 100);
  }

  @Provide
  Arbitrary<String> spaces() {
    return Arbitraries.strings().withChars(" \t\r\n\u00a0\u2003\u3000").ofMinLength(1).ofMaxLength(4);
  }

  @Property
  void anyWhiteSpaceAroundAndBetweenWordsNormalisesToTheSameName(@ForAll("words") String name,
      @ForAll("spaces") String around, @ForAll("spaces") String between) {
    String messy = around + name.replace(" ", between) + around;
    assertThat(CustomerName.parse(messy)).isEqualTo(CustomerName.parse(name));
    assertThat(CustomerName.parse(messy).value()).isEqualTo(name);
  }

  @Property
  void changingCaseNeverChangesTheKey(@ForAll("words") String name) {
    String upper = name.toUpperCase(java.util.Locale.ROOT);
    if (upper.codePointCount(0, upper.length()) > 100) {
      return;
    }
    // ß is left out of the words: toLowerCase("SS") is "ss", so "STRASSE" and "Straße" get different keys.
    assertThat(CustomerName.parse(upper).key()).isEqualTo(CustomerName.parse(name.toLowerCase(java.util.Locale.ROOT)).key());
  }

  @Property
  void parsingIsIdempotent(@ForAll String text) {
    CustomerName name;
    try {
      name = CustomerName.parse(text);
    } catch (InvalidInputException e) {
      return;
    }
    assertThat(CustomerName.parse(name.value())).isEqualTo(name);
    assertThat(name.value()).isEqualTo(name.value().strip()).doesNotContain("  ");
    assertThat(name.value().codePointCount(0, name.value().length())).isBetween(1, 100);
  }
}
