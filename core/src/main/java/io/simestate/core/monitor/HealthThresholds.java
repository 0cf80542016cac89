package io.simestate.core.monitor;

import io.simestate.core.InvalidInputException;
import io.simestate.core.internal.Require;
import java.time.Duration;
import java.util.Optional;

/**
 * When {@code SimEstate.health()} answers DOWN: the oldest pending delivery is older than
 * {@code maxPendingAge}, or this instance's dispatcher has not completed a run for longer than
 * {@code maxSinceLastDispatch}. An empty threshold is not checked.
 *
 * <p>Set {@code maxPendingAge} above the longest digest window of any tenant and above the time a
 * mail server outage may last before someone should look (the default retry policy keeps trying for
 * about two hours). On an instance that runs no dispatcher, leave {@code maxSinceLastDispatch} out
 * ({@link #withoutDispatchCheck()}).
 *
 * @param maxPendingAge the oldest pending delivery may be at most this old; empty: not checked
 * @param maxSinceLastDispatch the last completed dispatch run may be at most this long ago (counted
 *     from the estate's start before the first run); empty: not checked
 */
public record HealthThresholds(Optional<Duration> maxPendingAge, Optional<Duration> maxSinceLastDispatch) {

  /** One hour for the oldest pending delivery, fifteen minutes since the last dispatch run. */
  public static final HealthThresholds DEFAULTS = of(Duration.ofHours(1), Duration.ofMinutes(15));

  /**
   * Checks the thresholds.
   *
   * @param maxPendingAge the oldest pending delivery may be at most this old; empty: not checked
   * @param maxSinceLastDispatch the last completed dispatch run may be at most this long ago; empty:
   *     not checked
   * @throws InvalidInputException naming the threshold that is absent or not positive
   */
  public HealthThresholds {
    Require.present(maxPendingAge, "maxPendingAge").ifPresent(d -> positive(d, "maxPendingAge"));
    Require.present(maxSinceLastDispatch, "maxSinceLastDispatch").ifPresent(d -> positive(d, "maxSinceLastDispatch"));
  }

  /**
   * Both thresholds.
   *
   * @param maxPendingAge the oldest pending delivery may be at most this old, more than zero
   * @param maxSinceLastDispatch the last completed dispatch run may be at most this long ago, more
   *     than zero
   * @return the thresholds
   */
  public static HealthThresholds of(Duration maxPendingAge, Duration maxSinceLastDispatch) {
    return new HealthThresholds(Optional.of(Require.present(maxPendingAge, "maxPendingAge")),
        Optional.of(Require.present(maxSinceLastDispatch, "maxSinceLastDispatch")));
  }

  /**
   * These thresholds without the dispatch check, for an instance that runs no dispatcher.
   *
   * @return the thresholds
   */
  public HealthThresholds withoutDispatchCheck() {
    return new HealthThresholds(maxPendingAge, Optional.empty());
  }

  private static void positive(Duration d, String field) {
    if (d.isNegative() || d.isZero()) {
      throw InvalidInputException.of(field, "must be more than zero; it was " + d);
    }
  }
}
