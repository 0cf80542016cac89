package io.simestate.examples;

import io.simestate.core.alert.AlertDecision;
import io.simestate.core.alert.RoutingOutcome;
import io.simestate.core.alert.SkipReason;
import io.simestate.core.alert.SkippedContact;
import io.simestate.core.estate.SimEstate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the library's decision log (F16) holds for the alerts of the replay, read back one alert id
 * at a time with {@code estate.alerts().decision(...)}: how many decisions of each outcome, the
 * contacts skipped and why, and the recipients chosen. The summary's alert figures come from here,
 * not from the replay's own tally, which only serves to check the log against what routing
 * returned.
 */
final class DecisionLedger {

  private final Map<RoutingOutcome, Long> outcomes = new EnumMap<>(RoutingOutcome.class);
  private final Map<SkipReason, Long> skipped = new EnumMap<>(SkipReason.class);
  private long decisions;
  private long chosen;
  private long missing;

  /**
   * Reads the decisions of the given alerts.
   *
   * @param estate the library
   * @param alerts each alert id once, as first routed
   * @param threads how many threads read
   * @param progress counts the alerts read
   * @return the ledger
   */
  static DecisionLedger read(SimEstate estate, List<AlertReplay.Planned> alerts, int threads, Progress progress) {
    DecisionLedger ledger = new DecisionLedger();
    Parallel.forEach(threads, alerts.size(), i -> {
      AlertReplay.Planned p = alerts.get(i);
      ledger.add(estate.alerts().decision(p.tenant(), p.alert().id()));
      progress.add(1);
    });
    return ledger;
  }

  private synchronized void add(Optional<AlertDecision> found) {
    if (found.isEmpty()) {
      missing++;
      return;
    }
    AlertDecision d = found.get();
    decisions++;
    outcomes.merge(d.outcome(), 1L, Long::sum);
    chosen += d.chosen().size();
    for (SkippedContact s : d.skipped()) {
      skipped.merge(s.reason(), 1L, Long::sum);
    }
  }

  /** Decisions found. */
  synchronized long decisions() {
    return decisions;
  }

  /** Alert ids routing reported as recorded that the log does not hold. */
  synchronized long missing() {
    return missing;
  }

  /** Decisions with this outcome. */
  synchronized long outcome(RoutingOutcome outcome) {
    return outcomes.getOrDefault(outcome, 0L);
  }

  /** Contacts skipped for this reason, over all decisions. */
  synchronized long skipped(SkipReason reason) {
    return skipped.getOrDefault(reason, 0L);
  }

  /** Contacts skipped, over all reasons. */
  synchronized long skipped() {
    return skipped.values().stream().mapToLong(Long::longValue).sum();
  }

  /** Recipients chosen, over all decisions: one delivery each. */
  synchronized long chosen() {
    return chosen;
  }
}
