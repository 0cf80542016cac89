package io.simestate.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.simestate.core.InvalidInputException;
import org.junit.jupiter.api.Test;

/** The adapter's column guard: a value of exactly the column's size is kept whole. */
class LimitsTest {

  @Test
  void aValueOfExactlyTheColumnsSizeFitsAndOneMoreIsRefused() {
    assertThat(Limits.fit("x".repeat(400), 400, "name")).hasSize(400);
    assertThatThrownBy(() -> Limits.fit("x".repeat(401), 400, "name")).isInstanceOf(InvalidInputException.class);
  }

  @Test
  void aFreeTextOfExactlyTheColumnsSizeIsNotCutAndALongerOneEndsInAnEllipsis() {
    assertThat(Limits.cut("x".repeat(2000), 2000)).isEqualTo("x".repeat(2000));
    assertThat(Limits.cut("x".repeat(2001), 2000)).hasSize(2000).endsWith("x…");
  }
}
