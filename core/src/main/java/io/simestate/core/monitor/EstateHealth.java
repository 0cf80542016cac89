package io.simestate.core.monitor;

import io.simestate.core.internal.Require;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The answer of {@code SimEstate.health().check()}: UP or DOWN, the figures it was decided from,
 * and what is wrong when DOWN.
 *
 * @param status UP or DOWN
 * @param oldestPendingAge how long the oldest delivery not yet sent or failed has waited; empty if
 *     there is none, or if the outbox could not be read
 * @param lastDispatch when this instance's dispatcher last completed a run; empty if it has not yet
 * @param lastSent when this instance's dispatcher last had a message accepted; empty if it has not
 *     yet
 * @param problems what makes it DOWN, in words for a person on call; empty when UP
 */
public record EstateHealth(Status status, Optional<Duration> oldestPendingAge, Optional<Instant> lastDispatch,
    Optional<Instant> lastSent, List<String> problems) {

  /** The two answers. */
  public enum Status {
    /** Alerts are flowing. */
    UP,
    /** Something needs a person: see {@link EstateHealth#problems()}. */
    DOWN
  }

  /**
   * Checks presence and copies the list.
   *
   * @param status UP or DOWN
   * @param oldestPendingAge how long the oldest pending delivery has waited, or empty
   * @param lastDispatch when the dispatcher last completed a run, or empty
   * @param lastSent when the dispatcher last had a message accepted, or empty
   * @param problems what makes it DOWN
   */
  public EstateHealth {
    Require.present(status, "status");
    Require.present(oldestPendingAge, "oldestPendingAge");
    Require.present(lastDispatch, "lastDispatch");
    Require.present(lastSent, "lastSent");
    problems = List.copyOf(problems);
  }

  /**
   * Whether the status is UP.
   *
   * @return true when UP
   */
  public boolean up() {
    return status == Status.UP;
  }

  /**
   * The figures as name and text, in a fixed order, for a health endpoint's details: {@code
   * oldestPendingAge} (ISO-8601 duration), {@code lastDispatch}, {@code lastSent} (ISO-8601 instants;
   * each left out when empty) and {@code problems} (when DOWN).
   *
   * @return the details; never null
   */
  public Map<String, Object> details() {
    Map<String, Object> details = new LinkedHashMap<>();
    oldestPendingAge.ifPresent(age -> details.put("oldestPendingAge", age.toString()));
    lastDispatch.ifPresent(at -> details.put("lastDispatch", at.toString()));
    lastSent.ifPresent(at -> details.put("lastSent", at.toString()));
    if (!problems.isEmpty()) {
      details.put("problems", problems);
    }
    return details;
  }
}
