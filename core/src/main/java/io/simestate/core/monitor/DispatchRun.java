package io.simestate.core.monitor;

import io.simestate.core.alert.DispatchReport;
import io.simestate.core.internal.Require;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * One run of the dispatcher: every round until no delivery was due, or until it failed.
 *
 * @param startedAt when the run started, by the estate's clock
 * @param took how long it ran, by the estate's clock
 * @param report what it did (up to the failure, if it failed)
 * @param failure the simple class name of the exception that ended the run, or empty if it
 *     completed
 */
public record DispatchRun(Instant startedAt, Duration took, DispatchReport report, Optional<String> failure) {

  /**
   * Checks presence.
   *
   * @param startedAt when the run started
   * @param took how long it ran
   * @param report what it did
   * @param failure the exception class that ended the run, or empty
   */
  public DispatchRun {
    Require.present(startedAt, "startedAt");
    Require.present(took, "took");
    Require.present(report, "report");
    Require.present(failure, "failure");
  }

  /**
   * Whether the run completed, i.e. it claimed until nothing was due and recorded every result.
   *
   * @return true if it ended without an exception
   */
  public boolean completed() {
    return failure.isEmpty();
  }

  /**
   * When the run ended.
   *
   * @return {@code startedAt + took}
   */
  public Instant finishedAt() {
    return startedAt.plus(took);
  }
}
