package io.simestate.core.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * What a store's query for an operator's delivery filter (F18) is built from: the status the filter
 * selects and the latest next-attempt time, which a database adapter puts into its WHERE clause.
 */
class DeliveryFilterBoundsTest {

  private static final Instant NOW = Instant.parse("2026-11-02T08:00:00Z");

  @Test
  void eachFilterNamesTheStatusAndTheLatestDueTimeAStoreQueriesFor() {
    DeliveryFilter overdue = DeliveryFilter.pendingLongerThan(Duration.ofHours(1));

    assertThat(DeliveryFilter.failed().deliveryStatus()).isEqualTo(DeliveryStatus.FAILED);
    assertThat(DeliveryFilter.failed().dueNoLaterThan(NOW)).isNull();
    assertThat(DeliveryFilter.discarded().deliveryStatus()).isEqualTo(DeliveryStatus.DISCARDED);
    assertThat(DeliveryFilter.discarded().dueNoLaterThan(NOW)).isNull();
    assertThat(overdue.deliveryStatus()).isEqualTo(DeliveryStatus.PENDING);
    assertThat(overdue.dueNoLaterThan(NOW)).isEqualTo(NOW.minus(Duration.ofHours(1)));
    assertThat(DeliveryFilter.inFlightPastLease().deliveryStatus()).isEqualTo(DeliveryStatus.IN_FLIGHT);
    assertThat(DeliveryFilter.inFlightPastLease().dueNoLaterThan(NOW)).isEqualTo(NOW);
  }
}
