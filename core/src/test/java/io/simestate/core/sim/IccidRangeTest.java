package io.simestate.core.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.simestate.core.InvalidInputException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** ICCID ranges (DESIGN §3): body walk with recomputed check digits, or a plain count. */
class IccidRangeTest {

  private static Iccid valid(String body) {
    return Iccid.parse(Luhn.withCheckDigit(body));
  }

  private static List<String> digits(IccidRange range) {
    List<String> out = new ArrayList<>();
    range.forEach(i -> out.add(i.digits()));
    return out;
  }

  @Test
  void walksTheBodyAndRecomputesCheckDigitsWhenBothEndsAreValid() {
    IccidRange range = IccidRange.of(valid("894450010219830480"), valid("894450010219830489"));
    assertThat(range.walksBody()).isTrue();
    assertThat(range).hasSize(10);
    List<String> members = digits(range);
    for (int i = 0; i < 10; i++) {
      assertThat(members.get(i)).isEqualTo(Luhn.withCheckDigit("89445001021983048" + i));
    }
    assertThat(range).allMatch(Iccid::hasValidCheckDigit);
  }

  @Test
  void countsThroughTheWholeNumberWhenAnEndLacksAValidCheckDigit() {
    Iccid first = Iccid.parse("8944500102198304820");
    Iccid last = Iccid.parse("8944500102198304839");
    assertThat(first.hasValidCheckDigit()).isFalse();
    IccidRange range = IccidRange.of(first, last);
    assertThat(range.walksBody()).isFalse();
    assertThat(range).hasSize(20);
    List<String> members = digits(range);
    for (int i = 0; i < 20; i++) {
      assertThat(members.get(i)).isEqualTo(new BigInteger("8944500102198304820").add(BigInteger.valueOf(i)).toString());
    }
    assertThat(range).anyMatch(Iccid::hasValidCheckDigit).anyMatch(i -> !i.hasValidCheckDigit());
  }

  @Test
  void countsThroughWhenOnlyTheLastEndIsInvalid() {
    Iccid first = Iccid.parse(IccidTest.VALID_19);
    Iccid last = Iccid.parse("8944500102198304829");
    assertThat(last.hasValidCheckDigit()).isFalse();
    IccidRange range = IccidRange.of(first, last);
    assertThat(range.walksBody()).isFalse();
    assertThat(digits(range)).containsExactly("8944500102198304826", "8944500102198304827", "8944500102198304828",
        "8944500102198304829");
  }

  @Test
  void carriesAcrossNines() {
    IccidRange range = IccidRange.of(Iccid.parse("8944500102198309998"), Iccid.parse("8944500102198310001"));
    assertThat(digits(range)).containsExactly("8944500102198309998", "8944500102198309999", "8944500102198310000",
        "8944500102198310001");
  }

  @Test
  void aRangeOfOneHoldsItsEnd() {
    Iccid only = Iccid.parse(IccidTest.VALID_19);
    assertThat(IccidRange.of(only, only)).containsExactly(only);
  }

  @Test
  void refusesEndsOfDifferentLength() {
    assertThatThrownBy(() -> IccidRange.of(Iccid.parse("894450010219830482"), Iccid.parse("8944500102198304826")))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("same number of digits");
  }

  @Test
  void refusesEndsInTheWrongOrder() {
    assertThatThrownBy(() -> IccidRange.of(Iccid.parse("8944500102198304829"), Iccid.parse("8944500102198304820")))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("after the last");
    assertThatThrownBy(() -> IccidRange.of(valid("894450010219830489"), valid("894450010219830480")))
        .isInstanceOf(InvalidInputException.class);
  }

  @Test
  void refusesNullEnds() {
    assertThatThrownBy(() -> IccidRange.of(null, Iccid.parse(IccidTest.VALID_19))).isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> IccidRange.of(Iccid.parse(IccidTest.VALID_19), null)).isInstanceOf(InvalidInputException.class);
  }

  @Test
  void holdsAtMostAMillionSims() {
    Iccid first = Iccid.parse("8900000000001000000");
    assertThat(IccidRange.of(first, Iccid.parse("8900000000001999999"))).hasSize(IccidRange.MAX_SIZE);
    assertThatThrownBy(() -> IccidRange.of(first, Iccid.parse("8900000000002000000")))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("1000000");
  }

  @Test
  void aBodyWalkAlsoHoldsAtMostAMillionSims() {
    assertThat(IccidRange.of(valid("890000000000000000"), valid("890000000000999999"))).hasSize(1_000_000);
    assertThatThrownBy(() -> IccidRange.of(valid("890000000000000000"), valid("890000000001000000")))
        .isInstanceOf(InvalidInputException.class);
  }

  @Test
  void aMillionSimRangeIsLazyAndIteratesToItsEnd() {
    Iccid first = valid("890000000000000000");
    Iccid last = valid("890000000000999999");
    IccidRange range = IccidRange.of(first, last);
    Iterator<Iccid> it = range.iterator();
    Iccid previous = null;
    long count = 0;
    while (it.hasNext()) {
      Iccid next = it.next();
      if (previous != null && count % 99_991 == 0) {
        assertThat(next).isGreaterThan(previous);
      }
      previous = next;
      count++;
    }
    assertThat(count).isEqualTo(1_000_000);
    assertThat(previous).isEqualTo(last);
    assertThatThrownBy(it::next).isInstanceOf(NoSuchElementException.class);
  }

  @Test
  void containsItsMembersOnly() {
    IccidRange range = IccidRange.of(valid("894450010219830480"), valid("894450010219830489"));
    assertThat(range.contains(valid("894450010219830485"))).isTrue();
    assertThat(range.contains(range.first())).isTrue();
    assertThat(range.contains(range.last())).isTrue();
    assertThat(range.contains(valid("894450010219830490"))).isFalse();
    assertThat(range.contains(valid("894450010219830479"))).isFalse();
    assertThat(range.contains(valid("8944500102198304851"))).isFalse();
    assertThat(range.contains("8944500102198304851")).isFalse();
    assertThat(range.contains(null)).isFalse();
  }

  @Test
  void aBodyWalkDoesNotContainNumbersWithWrongCheckDigitsBetweenItsEnds() {
    IccidRange range = IccidRange.of(valid("894450010219830480"), valid("894450010219830489"));
    Iccid wrong = Iccid.parse("8944500102198304850");
    assertThat(wrong.hasValidCheckDigit()).isFalse();
    assertThat(range.contains(wrong)).isFalse();
  }

  @Test
  void aCountedRangeContainsEveryNumberBetweenItsEnds() {
    IccidRange range = IccidRange.of(Iccid.parse("8944500102198304820"), Iccid.parse("8944500102198304839"));
    assertThat(range.contains(Iccid.parse(IccidTest.VALID_19))).isTrue();
    assertThat(range.contains(Iccid.parse("8944500102198304827"))).isTrue();
    assertThat(range.contains(Iccid.parse("8944500102198304840"))).isFalse();
  }

  @Test
  void parsesFirstDotDotLast() {
    IccidRange range = IccidRange.parse(" 8944 5001 0219 8304 826 .. 8944-5001-0219-8304-834F ");
    assertThat(range.first()).hasToString("8944500102198304826");
    assertThat(range.last()).hasToString("8944500102198304834");
    assertThat(range).hasToString("8944500102198304826..8944500102198304834");
  }

  @Test
  void parseNamesWhichEndIsWrong() {
    assertThatThrownBy(() -> IccidRange.parse("12..8944500102198304826"))
        .isInstanceOfSatisfying(InvalidInputException.class,
            e -> assertThat(e.violations()).extracting(v -> v.field()).containsExactly("range.first"));
    assertThatThrownBy(() -> IccidRange.parse("8944500102198304826..abc"))
        .isInstanceOfSatisfying(InvalidInputException.class,
            e -> assertThat(e.violations()).extracting(v -> v.field()).containsExactly("range.last"));
    for (String bad : new String[] {"8944500102198304826", "8944500102198304826-8944500102198304834", "..",
        "8944500102198304826..8944500102198304830..8944500102198304834", ""}) {
      assertThatThrownBy(() -> IccidRange.parse(bad)).as(bad).isInstanceOf(InvalidInputException.class);
    }
    assertThatThrownBy(() -> IccidRange.parse(null)).isInstanceOf(InvalidInputException.class);
  }

  @Test
  void aRangeWhoseLastIccidIsJustBeforeItsFirstIsRefused() {
    assertThatThrownBy(() -> IccidRange.of(Iccid.parse("8944500102198304821"), Iccid.parse("8944500102198304820")))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("after the last");
    assertThatThrownBy(() -> IccidRange.of(valid("894450010219830481"), valid("894450010219830480")))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("after the last");
  }

  @Test
  void aRangeWithoutAFirstIccidNamesTheFirstEnd() {
    assertThatThrownBy(() -> IccidRange.parse("..8944500102198304826"))
        .isInstanceOfSatisfying(InvalidInputException.class,
            e -> assertThat(e.violations()).extracting(v -> v.field()).containsExactly("range.first"));
  }

  // ---- properties -------------------------------------------------------------------------------

  @Provide
  Arbitrary<String> bodies() {
    return Arbitraries.strings().numeric().ofMinLength(15).ofMaxLength(19).map(s -> "89" + s);
  }

  @Property(tries = 300)
  void aBodyWalkHoldsConsecutiveBodiesEachWithItsCheckDigit(@ForAll("bodies") String body,
      @ForAll @IntRange(max = 300) int span) {
    BigInteger from = new BigInteger(body);
    String lastBody = from.add(BigInteger.valueOf(span)).toString();
    if (lastBody.length() != body.length() || !lastBody.startsWith("89")) {
      return;
    }
    IccidRange range = IccidRange.of(valid(body), valid(lastBody));
    assertThat(range).hasSize(span + 1);
    int i = 0;
    for (Iccid member : range) {
      String expectedBody = from.add(BigInteger.valueOf(i++)).toString();
      assertThat(member.digits()).isEqualTo(Luhn.withCheckDigit(expectedBody));
      assertThat(member.hasValidCheckDigit()).isTrue();
      assertThat(member).isEqualTo(Iccid.parse(member.digits()));
      assertThat(range.contains(member)).isTrue();
    }
    assertThat(i).isEqualTo(span + 1);
  }

  @Property(tries = 300)
  void aCountedRangeHoldsEveryNumberOnce(@ForAll("bodies") String body, @ForAll @IntRange(max = 9) int lastDigit,
      @ForAll @IntRange(max = 300) int span) {
    String firstDigits = body + lastDigit;
    if (Luhn.isValid(firstDigits)) {
      return;
    }
    String lastDigits = new BigInteger(firstDigits).add(BigInteger.valueOf(span)).toString();
    if (lastDigits.length() != firstDigits.length() || !lastDigits.startsWith("89")) {
      return;
    }
    IccidRange range = IccidRange.of(Iccid.parse(firstDigits), Iccid.parse(lastDigits));
    assertThat(range.walksBody()).isFalse();
    List<String> members = digits(range);
    assertThat(members).hasSize(span + 1).doesNotHaveDuplicates().startsWith(firstDigits).endsWith(lastDigits);
    assertThat(members).isSorted();
    for (Iccid member : range) {
      assertThat(member.hasValidCheckDigit()).isEqualTo(Luhn.isValid(member.digits()));
      assertThat(member).isEqualTo(Iccid.parse(member.digits()));
    }
  }
}
