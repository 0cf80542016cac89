package io.simestate.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import io.simestate.core.sim.Iccid;
import io.simestate.core.sim.IccidRange;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Which collections of SIMs are stored as one range rather than one row per SIM: consecutive runs of
 * at least {@value Ranges#MIN_SIZE}, also behind a read-only view (as {@code AuditEvent} hands them).
 */
class RangesTest {

  @Test
  void aConsecutiveRunOfTheMinimumSizeIsRecognisedAsItsRange() {
    IccidRange range = Fixtures.range(Ranges.MIN_SIZE);

    assertThat(Ranges.asRange(new ArrayList<>(range))).hasValueSatisfying(r -> {
      assertThat(r.first()).isEqualTo(range.first());
      assertThat(r.last()).isEqualTo(range.last());
    });
  }

  @Test
  void aConsecutiveRunOneShorterThanTheMinimumIsStoredAsRows() {
    assertThat(Ranges.asRange(new ArrayList<>(Fixtures.range(Ranges.MIN_SIZE - 1)))).isEmpty();
  }

  @Test
  void theLargestRangeARequestMayNameIsRecognisedBehindAReadOnlyView() {
    IccidRange range = Fixtures.range(IccidRange.MAX_SIZE);

    assertThat(Ranges.asRange(Collections.unmodifiableCollection(range))).isPresent();
  }

  @Test
  void aRunWithAGapOrAnOutOfOrderSimIsStoredAsRows() {
    List<Iccid> gap = new ArrayList<>(Fixtures.range(Ranges.MIN_SIZE + 1));
    gap.remove(Ranges.MIN_SIZE / 2);
    List<Iccid> swapped = new ArrayList<>(Fixtures.range(Ranges.MIN_SIZE));
    Collections.swap(swapped, 10, 11);

    assertThat(Ranges.asRange(gap)).isEmpty();
    assertThat(Ranges.asRange(swapped)).isEmpty();
  }
}
