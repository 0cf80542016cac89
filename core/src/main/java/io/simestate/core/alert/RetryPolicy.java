package io.simestate.core.alert;

import io.simestate.core.InvalidInputException;
import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * When the dispatcher tries a failed delivery again: exponential back-off with jitter, and a limit
 * on attempts after which the delivery fails for good. Every delay lies between 1 ms and
 * {@code maxDelay}, jitter included.
 *
 * @param initialDelay the delay after the first failure, at least 1 ms
 * @param maxDelay the longest delay, at least {@code initialDelay}
 * @param maxAttempts after this many attempts a delivery fails for good, at least 1
 * @param jitter the share of the delay that is randomised, 0 to 1 (0.2 means ±20%)
 */
public record RetryPolicy(Duration initialDelay, Duration maxDelay, int maxAttempts, double jitter) {

  private static final Duration ONE_MILLI = Duration.ofMillis(1);

  /** 30 s doubling up to 1 h, 8 attempts, ±20%. */
  public static final RetryPolicy DEFAULT = new RetryPolicy(Duration.ofSeconds(30), Duration.ofHours(1), 8, 0.2);

  /**
   * Checks the values.
   *
   * @param initialDelay the delay after the first failure, at least 1 ms
   * @param maxDelay the longest delay, at least {@code initialDelay}
   * @param maxAttempts after this many attempts a delivery fails for good, at least 1
   * @param jitter the share of the delay that is randomised, 0 to 1 (0.2 means ±20%)
   * @throws InvalidInputException naming the field ({@code retry.initialDelay}, {@code retry.maxDelay},
   *     {@code retry.maxAttempts} or {@code retry.jitter}) whose value is out of range
   */
  public RetryPolicy {
    // Below 1 ms the back-off would be measured in whole milliseconds of zero: every retry after 1 ms.
    if (initialDelay == null || initialDelay.compareTo(ONE_MILLI) < 0) {
      throw InvalidInputException.of("retry.initialDelay", "must be at least 1 millisecond");
    }
    if (maxDelay == null || maxDelay.compareTo(initialDelay) < 0) {
      throw InvalidInputException.of("retry.maxDelay", "must be at least the initial delay");
    }
    if (maxAttempts < 1) {
      throw InvalidInputException.of("retry.maxAttempts", "must be at least 1");
    }
    if (!(jitter >= 0 && jitter <= 1)) {
      throw InvalidInputException.of("retry.jitter", "must be between 0 and 1");
    }
  }

  /**
   * The delay before the next attempt after {@code attempts} attempts failed.
   *
   * @param attempts attempts made so far, at least 1
   * @param random the source of jitter
   * @return the delay, from 1 ms to {@code maxDelay}
   */
  public Duration delayAfter(int attempts, RandomGenerator random) {
    double base = initialDelay.toMillis() * Math.pow(2, Math.max(0, Math.min(attempts - 1, 30)));
    double capped = Math.min(base, maxDelay.toMillis());
    double factor = 1 + jitter * (2 * random.nextDouble() - 1);
    return Duration.ofMillis(Math.max(1, Math.min(Math.round(capped * factor), maxDelay.toMillis())));
  }
}
