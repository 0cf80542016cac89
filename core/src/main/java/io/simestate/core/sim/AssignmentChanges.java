package io.simestate.core.sim;

import io.simestate.core.customer.CustomerId;
import java.util.Map;

/**
 * What a bulk assignment or unassignment changed (F8).
 *
 * @param changed SIMs whose assignment changed (for assign: newly assigned plus moved from another
 *     customer; for unassign: released)
 * @param unchanged SIMs already in the requested state (already held by the target customer, or not
 *     assigned at all)
 * @param movedFrom for assign: how many SIMs were taken from each previous customer of the same
 *     tenant; for unassign: how many SIMs each customer lost. Never null.
 */
public record AssignmentChanges(long changed, long unchanged, Map<CustomerId, Long> movedFrom) {

  /**
   * Copies the map.
   *
   * @param changed SIMs whose assignment changed (for assign: newly assigned plus moved from another
   *     customer; for unassign: released)
   * @param unchanged SIMs already in the requested state (already held by the target customer, or not
   *     assigned at all)
   * @param movedFrom for assign: how many SIMs were taken from each previous customer of the same
   *     tenant; for unassign: how many SIMs each customer lost. Never null.
   */
  public AssignmentChanges {
    movedFrom = Map.copyOf(movedFrom);
  }

  /**
   * How many SIMs moved from another customer (assign) or were released (unassign), in total.
   *
   * @return the sum of {@link #movedFrom()}
   */
  public long moved() {
    return movedFrom.values().stream().mapToLong(Long::longValue).sum();
  }
}
