package io.simestate.jpa;

import io.simestate.core.InvalidInputException;
import io.simestate.core.sim.Iccid;
import io.simestate.core.sim.IccidRange;
import java.util.Collection;
import java.util.Iterator;
import java.util.Optional;

/**
 * Recognises a collection of SIMs that is a consecutive {@link IccidRange}.
 *
 * <p>{@code AuditEvent} wraps its SIMs in a read-only view, which hides an {@code IccidRange} from
 * {@code instanceof}; so a large collection is checked by walking it: ascending, one length, and
 * member for member equal to the range between its ends. Walking a lazy range generates its members
 * without keeping them.
 */
final class Ranges {

  /** Collections smaller than this are stored as rows without checking. */
  static final int MIN_SIZE = 64;

  private Ranges() {}

  static Optional<IccidRange> asRange(Collection<Iccid> sims) {
    if (sims instanceof IccidRange range) {
      return Optional.of(range);
    }
    if (sims.size() < MIN_SIZE || sims.size() > IccidRange.MAX_SIZE) {
      return Optional.empty();
    }
    Iccid first = null;
    Iccid previous = null;
    for (Iccid sim : sims) {
      if (first == null) {
        first = sim;
      } else if (sim.length() != first.length() || sim.compareTo(previous) <= 0) {
        return Optional.empty();
      }
      previous = sim;
    }
    IccidRange candidate;
    try {
      candidate = IccidRange.of(first, previous);
    } catch (InvalidInputException e) {
      return Optional.empty();
    }
    if (candidate.size() != sims.size()) {
      return Optional.empty();
    }
    Iterator<Iccid> expected = candidate.iterator();
    for (Iccid sim : sims) {
      if (!expected.hasNext() || !expected.next().equals(sim)) {
        return Optional.empty();
      }
    }
    return Optional.of(candidate);
  }
}
