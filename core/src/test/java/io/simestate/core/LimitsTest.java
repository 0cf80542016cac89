package io.simestate.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The length check that values and adapters share. */
class LimitsTest {

  @Test
  void aTextWithinItsLimitIsReturnedAsItIsAndOneOverItIsRefusedNamingTheField() {
    String text = "x".repeat(10);

    assertThat(Limits.length(text, 10, "notes")).isSameAs(text);
    assertThat(Limits.length(null, 10, "notes")).isNull();
    assertThatThrownBy(() -> Limits.length(text + "x", 10, "notes"))
        .isInstanceOfSatisfying(InvalidInputException.class,
            e -> assertThat(e.violations()).extracting(Violation::field).containsExactly("notes"));
  }
}
