package io.simestate.reliability;

import io.simestate.core.alert.DeliveryStatus;
import io.simestate.core.alert.DispatchReport;
import io.simestate.core.estate.SimEstate;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/** Runs a dispatcher until the outbox has nothing pending or in flight, bounded in time and rounds. */
final class Drain {

  private Drain() {}

  /** Whether every delivery is sent or failed. */
  static boolean drained(SimEstate estate) {
    Map<DeliveryStatus, Long> counts = estate.alerts().deliveryCounts();
    return counts.get(DeliveryStatus.PENDING) == 0 && counts.get(DeliveryStatus.IN_FLIGHT) == 0;
  }

  /**
   * Dispatches until drained, the time is up or {@code stop} is set.
   *
   * @return the sum of the dispatcher's reports
   */
  static DispatchReport run(SimEstate estate, Duration max, AtomicBoolean stop) {
    long deadline = System.nanoTime() + max.toNanos();
    DispatchReport total = DispatchReport.EMPTY;
    for (int round = 0; round < 100_000 && System.nanoTime() < deadline && !stop.get(); round++) {
      DispatchReport r = estate.dispatcher().dispatchDue();
      total = total.plus(r);
      if (r.claimed() == 0) {
        if (drained(estate)) {
          break;
        }
        sleep(100);
      }
    }
    return total;
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
