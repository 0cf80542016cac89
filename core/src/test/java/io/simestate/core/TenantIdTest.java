package io.simestate.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Tenant ids: 1–64 letters, digits, dots, underscores or hyphens. */
class TenantIdTest {

  @ParameterizedTest
  @ValueSource(strings = {"acme", "ACME-eu_1.prod", "a", "0"})
  void acceptsLettersDigitsDotsUnderscoresAndHyphens(String text) {
    assertThat(TenantId.of(text).value()).isEqualTo(text);
    assertThat(TenantId.of(text)).hasToString(text);
  }

  @Test
  void acceptsSixtyFourCharactersAndRefusesSixtyFive() {
    assertThat(TenantId.of("t".repeat(64)).value()).hasSize(64);
    assertThatThrownBy(() -> TenantId.of("t".repeat(65))).isInstanceOf(InvalidInputException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", " acme", "acme ", "ac me", "acme/eu", "äcme", "acme\n", "acme\u0000", "acme'--",
      "<acme>", "acme\u200b"})
  void refusesAnythingElse(String text) {
    assertThatThrownBy(() -> TenantId.of(text))
        .isInstanceOfSatisfying(InvalidInputException.class,
            e -> assertThat(e.violations()).extracting(Violation::field).containsExactly("tenantId"));
  }

  @Test
  void refusesNullWithTheLibrarysException() {
    assertThatThrownBy(() -> TenantId.of(null)).isInstanceOf(InvalidInputException.class);
  }

  @Test
  void isCaseSensitive() {
    assertThat(TenantId.of("acme")).isNotEqualTo(TenantId.of("ACME")).isEqualTo(TenantId.of("acme"));
  }

  @Provide
  Arbitrary<String> valid() {
    return Arbitraries.strings().withCharRange('a', 'z').withCharRange('A', 'Z').withCharRange('0', '9')
        .withChars("._-").ofMinLength(1).ofMaxLength(64);
  }

  @Property
  void everyWellFormedIdRoundTrips(@ForAll("valid") String text) {
    assertThat(TenantId.of(TenantId.of(text).toString())).isEqualTo(TenantId.of(text));
  }
}
