package io.simestate.core.estate;

import io.simestate.core.InvalidInputException;
import java.time.Duration;
import java.util.Optional;

/**
 * How long the estate keeps what it no longer needs (F19), for {@link Retention#purge}. Pending and
 * in-flight deliveries are always kept. The defaults ({@link #defaults()}): sent deliveries 30 days,
 * failed and discarded deliveries 90 days, routing decisions 90 days, de-duplication entries 400 days
 * (the longest repeat window: a usage period's), audit events for ever.
 *
 * @param sentDeliveries how long after sending a sent delivery is kept
 * @param failedDeliveries how long after its last attempt (or due time) a failed or discarded
 *     delivery is kept
 * @param decisions how long a routing decision (who was chosen, who skipped and why) is kept
 * @param repeatGuard how long after the last time a recipient was told about a SIM, kind and period
 *     that is remembered; at least {@link #MIN_REPEAT_GUARD}, and no shorter than any repeat window
 *     the host configures, or a repeat after the purge would be sent again
 * @param auditEvents how long audit events are kept; empty keeps them for ever
 */
public record RetentionPolicy(Duration sentDeliveries, Duration failedDeliveries, Duration decisions,
    Duration repeatGuard, Optional<Duration> auditEvents) {

  /** The shortest de-duplication retention: the window during which a repeat in a usage period is suppressed. */
  public static final Duration MIN_REPEAT_GUARD = Alerts.PERIOD_WINDOW;

  /**
   * Checks the policy.
   *
   * @param sentDeliveries how long a sent delivery is kept
   * @param failedDeliveries how long a failed or discarded delivery is kept
   * @param decisions how long a routing decision is kept
   * @param repeatGuard how long a de-duplication entry is kept
   * @param auditEvents how long audit events are kept; empty for ever
   * @throws InvalidInputException naming the field that is missing, not positive, or (for {@code
   *     repeatGuard}) shorter than {@link #MIN_REPEAT_GUARD}
   */
  public RetentionPolicy {
    positive(sentDeliveries, "sentDeliveries");
    positive(failedDeliveries, "failedDeliveries");
    positive(decisions, "decisions");
    positive(repeatGuard, "repeatGuard");
    if (repeatGuard.compareTo(MIN_REPEAT_GUARD) < 0) {
      throw InvalidInputException.of("repeatGuard", "must be at least " + MIN_REPEAT_GUARD.toDays()
          + " days, the window in which a repeat within a usage period is suppressed");
    }
    InvalidInputException.requirePresent(auditEvents, "auditEvents");
    auditEvents.ifPresent(d -> positive(d, "auditEvents"));
  }

  /**
   * The documented defaults: sent 30 days, failed and discarded 90 days, decisions 90 days,
   * de-duplication 400 days, audit events for ever.
   *
   * @return the default policy
   */
  public static RetentionPolicy defaults() {
    return new RetentionPolicy(Duration.ofDays(30), Duration.ofDays(90), Duration.ofDays(90), MIN_REPEAT_GUARD,
        Optional.empty());
  }

  /**
   * This policy keeping audit events for a time instead.
   *
   * @param keep how long, positive
   * @return the changed policy
   * @throws InvalidInputException naming {@code auditEvents} if it is missing or not positive
   */
  public RetentionPolicy withAuditEvents(Duration keep) {
    return new RetentionPolicy(sentDeliveries, failedDeliveries, decisions, repeatGuard,
        Optional.of(InvalidInputException.requirePresent(keep, "auditEvents")));
  }

  private static void positive(Duration d, String field) {
    InvalidInputException.requirePresent(d, field);
    if (d.isNegative() || d.isZero()) {
      throw InvalidInputException.of(field, "must be positive");
    }
  }
}
