package io.simestate.core.alert;

import io.simestate.core.AlertKind;
import io.simestate.core.InvalidInputException;
import io.simestate.core.internal.Require;
import io.simestate.core.sim.Iccid;
import java.time.Instant;

/**
 * A usage alert for one SIM, as the SIM platform raised it (DESIGN §3).
 *
 * @param id the alert id, the idempotency key
 * @param iccid the SIM
 * @param kind warning or cut-off
 * @param raisedAt when the platform raised it
 * @param period the usage period it concerns (e.g. "2026-11"), or null; a repeat for the same SIM,
 *     kind and period reaches each contact once (F13)
 * @param usage the usage figures; {@link Usage#NONE} when none
 */
public record UsageAlert(AlertId id, Iccid iccid, AlertKind kind, Instant raisedAt, String period, Usage usage) {

  /** The most characters a period may have. */
  public static final int MAX_PERIOD_LENGTH = 100;

  /**
   * Checks presence.
   *
   * @param id the alert id, the idempotency key
   * @param iccid the SIM
   * @param kind warning or cut-off
   * @param raisedAt when the platform raised it
   * @param period the usage period it concerns (e.g. "2026-11"), or null; a repeat for the same SIM,
   *     kind and period reaches each contact once (F13)
   * @param usage the usage figures; {@link Usage#NONE} when none
   */
  public UsageAlert {
    Require.present(id, "alertId");
    Require.present(iccid, "iccid");
    Require.present(kind, "kind");
    Require.present(raisedAt, "raisedAt");
    usage = usage == null ? Usage.NONE : usage;
    if (period != null && (period.isBlank() || period.length() > MAX_PERIOD_LENGTH
        || period.codePoints().anyMatch(Character::isISOControl))) {
      throw InvalidInputException.of("period",
          "must be 1 to " + MAX_PERIOD_LENGTH + " characters without control characters, or absent");
    }
  }

  /**
   * An alert without period or usage figures.
   *
   * @param id the alert id
   * @param iccid the SIM
   * @param kind warning or cut-off
   * @param raisedAt when it was raised
   * @return the alert
   */
  public static UsageAlert of(AlertId id, Iccid iccid, AlertKind kind, Instant raisedAt) {
    return new UsageAlert(id, iccid, kind, raisedAt, null, Usage.NONE);
  }

  /**
   * This alert for a usage period.
   *
   * @param newPeriod the period, e.g. "2026-11"
   * @return the changed alert
   */
  public UsageAlert withPeriod(String newPeriod) {
    return new UsageAlert(id, iccid, kind, raisedAt, newPeriod, usage);
  }

  /**
   * This alert with usage figures.
   *
   * @param newUsage the figures
   * @return the changed alert
   */
  public UsageAlert withUsage(Usage newUsage) {
    return new UsageAlert(id, iccid, kind, raisedAt, period, newUsage);
  }
}
