package io.simestate.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Usage figures as English readers expect them in a message: plain digits with a comma between groups
 * of three before the point, no trailing zeros; a figure whose exponent is huge (more than 20 either
 * way) in scientific notation, so that it does not print as pages of zeros.
 */
class FigureFormatTest {

  @Provide
  Arbitrary<BigDecimal> figures() {
    BigInteger bound = BigInteger.TEN.pow(40);
    return Combinators.combine(Arbitraries.bigIntegers().between(bound.negate(), bound),
        Arbitraries.integers().between(-30, 30)).as(BigDecimal::new);
  }

  @Property(tries = 500)
  void aFigureShowsItsValueInGroupsOfThreeDigitsUnlessItsExponentIsHuge(@ForAll("figures") BigDecimal figure) {
    BigDecimal stripped = figure.stripTrailingZeros();

    String shown = DefaultMailTemplates.number(figure);

    if (Math.abs(stripped.scale()) > 20) {
      assertThat(shown).isEqualTo(stripped.toString());
    } else {
      assertThat(shown).matches("-?\\d{1,3}(,\\d{3})*(\\.\\d*[1-9])?");
      assertThat(new BigDecimal(shown.replace(",", ""))).isEqualByComparingTo(figure);
    }
  }

  @Example
  void theExponentsEdgeIsTwentyEitherWay() {
    assertThat(DefaultMailTemplates.number(new BigDecimal("1E+20"))).isEqualTo("100,000,000,000,000,000,000");
    assertThat(DefaultMailTemplates.number(new BigDecimal("1E+21"))).isEqualTo("1E+21");
    assertThat(DefaultMailTemplates.number(new BigDecimal("1E-20"))).isEqualTo("0.00000000000000000001");
    assertThat(DefaultMailTemplates.number(new BigDecimal("1E-21"))).isEqualTo("1E-21");
    assertThat(DefaultMailTemplates.number(new BigDecimal("1E+29"))).isEqualTo("1E+29");
  }

  @Example
  void figuresOfEveryLengthAndSign() {
    assertThat(DefaultMailTemplates.number(new BigDecimal("999"))).isEqualTo("999");
    assertThat(DefaultMailTemplates.number(new BigDecimal("1000"))).isEqualTo("1,000");
    assertThat(DefaultMailTemplates.number(new BigDecimal("1048576"))).isEqualTo("1,048,576");
    assertThat(DefaultMailTemplates.number(new BigDecimal("95.50"))).isEqualTo("95.5");
    assertThat(DefaultMailTemplates.number(new BigDecimal("-1234.5"))).isEqualTo("-1,234.5");
    assertThat(DefaultMailTemplates.number(new BigDecimal("-123"))).isEqualTo("-123");
    assertThat(DefaultMailTemplates.number(new BigDecimal("0.000"))).isEqualTo("0");
  }
}
