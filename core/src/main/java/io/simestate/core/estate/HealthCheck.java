package io.simestate.core.estate;

import io.simestate.core.alert.DeliveryOutbox;
import io.simestate.core.monitor.EstateHealth;
import io.simestate.core.monitor.HealthThresholds;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers whether alerts are flowing (F20): DOWN when the oldest pending delivery is older than its
 * threshold, when this instance's dispatcher has not completed a run for longer than its threshold
 * (counted from the estate's start until the first run), or when the outbox cannot be read; UP
 * otherwise. Plain Java, for a host's health endpoint (a Spring Boot {@code HealthIndicator}
 * wraps {@link #check()}).
 *
 * <p>Obtain it from {@code SimEstate.health()}; thresholds from {@code
 * SimEstate.Builder.healthThresholds}. Each check reads the outbox once. Thread-safe.
 */
public final class HealthCheck {

  private static final Logger LOG = LoggerFactory.getLogger(HealthCheck.class);

  private final DeliveryOutbox outbox;
  private final DispatchTracker tracker;
  private final HealthThresholds thresholds;
  private final Instant started;
  private final Clock clock;

  HealthCheck(DeliveryOutbox outbox, DispatchTracker tracker, HealthThresholds thresholds, Clock clock) {
    this.outbox = outbox;
    this.tracker = tracker;
    this.thresholds = thresholds;
    this.started = clock.instant();
    this.clock = clock;
  }

  /**
   * Checks now.
   *
   * @return UP or DOWN with the figures; never null, never throws for a failing store (that is DOWN)
   */
  public EstateHealth check() {
    Instant now = clock.instant();
    List<String> problems = new ArrayList<>(3);
    Optional<Duration> age = Optional.empty();
    try {
      age = outbox.oldestPendingCreatedAt().map(created -> nonNegative(Duration.between(created, now)));
    } catch (RuntimeException e) {
      LOG.warn("The health check could not read the outbox", e);
      problems.add("the outbox could not be read (" + e.getClass().getSimpleName() + ")");
    }
    Optional<Duration> maxAge = thresholds.maxPendingAge();
    if (age.isPresent() && maxAge.isPresent() && age.get().compareTo(maxAge.get()) > 0) {
      problems.add("the oldest pending delivery has waited " + age.get() + ", longer than " + maxAge.get()
          + ": check the mail server and the failed deliveries");
    }
    Optional<Instant> lastRun = tracker.lastRun();
    Optional<Duration> maxSince = thresholds.maxSinceLastDispatch();
    if (maxSince.isPresent()) {
      Duration since = nonNegative(Duration.between(lastRun.orElse(started), now));
      if (since.compareTo(maxSince.get()) > 0) {
        problems.add((lastRun.isPresent() ? "the dispatcher last completed a run " + since + " ago"
            : "the dispatcher has not completed a run in the " + since + " since the estate started")
            + ", longer than " + maxSince.get() + ": check that the host schedules it and that the store is up");
      }
    }
    return new EstateHealth(problems.isEmpty() ? EstateHealth.Status.UP : EstateHealth.Status.DOWN, age, lastRun,
        tracker.lastSent(), problems);
  }

  private static Duration nonNegative(Duration d) {
    return d.isNegative() ? Duration.ZERO : d;
  }
}
