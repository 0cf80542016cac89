package io.simestate.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** Page requests and pages. */
class PageRequestTest {

  @Test
  void firstStartsAtZero() {
    assertThat(PageRequest.first(25)).isEqualTo(new PageRequest(0, 25));
  }

  @Test
  void nextSkipsOnePage() {
    assertThat(PageRequest.first(25).next()).isEqualTo(new PageRequest(25, 25));
    assertThat(PageRequest.first(25).next().next()).isEqualTo(new PageRequest(50, 25));
  }

  @Test
  void refusesANegativeOffset() {
    assertThatThrownBy(() -> new PageRequest(-1, 10))
        .isInstanceOfSatisfying(InvalidInputException.class,
            e -> assertThat(e.violations()).extracting(Violation::field).containsExactly("offset"));
  }

  @Test
  void limitIsOneToOneThousand() {
    assertThat(new PageRequest(0, 1).limit()).isEqualTo(1);
    assertThat(new PageRequest(0, PageRequest.MAX_LIMIT).limit()).isEqualTo(1000);
    for (int bad : new int[] {0, -1, 1001, Integer.MAX_VALUE, Integer.MIN_VALUE}) {
      assertThatThrownBy(() -> new PageRequest(0, bad)).as("limit %d", bad)
          .isInstanceOfSatisfying(InvalidInputException.class,
              e -> assertThat(e.violations()).extracting(Violation::field).containsExactly("limit"));
    }
  }

  @Test
  void aPageKnowsWhetherMoreFollow() {
    assertThat(new Page<>(List.of("a", "b"), 5, PageRequest.first(2)).hasNext()).isTrue();
    assertThat(new Page<>(List.of("e"), 5, new PageRequest(4, 2)).hasNext()).isFalse();
    assertThat(new Page<>(List.of(), 0, PageRequest.first(2)).hasNext()).isFalse();
  }

  @Test
  void aPageMapsItsItemsAndKeepsTotalAndRequest() {
    Page<Integer> lengths = new Page<>(List.of("ab", "c"), 7, PageRequest.first(2)).map(String::length);
    assertThat(lengths.items()).containsExactly(2, 1);
    assertThat(lengths.total()).isEqualTo(7);
    assertThat(lengths.request()).isEqualTo(PageRequest.first(2));
  }

  @Property
  void everyRequestInBoundsIsAccepted(@ForAll @IntRange(min = 0, max = 1_000_000) int offset,
      @ForAll @IntRange(min = 1, max = 1000) int limit) {
    PageRequest request = new PageRequest(offset, limit);
    assertThat(request.next().offset()).isEqualTo(offset + limit);
  }

  @Property
  void onlyInvalidInputIsEverThrown(@ForAll int offset, @ForAll int limit) {
    try {
      new PageRequest(offset, limit);
      assertThat(offset).isNotNegative();
      assertThat(limit).isBetween(1, 1000);
    } catch (InvalidInputException e) {
      assertThat(offset < 0 || limit < 1 || limit > 1000).isTrue();
    }
  }
}
