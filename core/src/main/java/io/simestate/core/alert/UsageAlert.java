package io.simestate.core.alert;

import io.simestate.core.AlertKind;
import io.simestate.core.InvalidInputException;
import io.simestate.core.Limits;
import io.simestate.core.internal.Require;
import io.simestate.core.sim.Iccid;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * A usage alert for one SIM, as the SIM platform raised it (DESIGN §3).
 *
 * <p>{@code raisedAt} is kept to the microsecond, as every store keeps it, so that an alert read
 * back equals the one routed. Routing also checks it against a window around the estate's clock
 * ({@code SimEstate.Builder.alertTimeWindow}); the alert itself only requires it.
 *
 * @param id the alert id, the idempotency key
 * @param iccid the SIM
 * @param kind warning or cut-off
 * @param raisedAt when the platform raised it; kept to the microsecond
 * @param period the usage period it concerns (e.g. "2026-11"), or null; a repeat for the same SIM,
 *     kind and period reaches each contact once (F13)
 * @param usage the usage figures; {@link Usage#NONE} when none
 */
public record UsageAlert(AlertId id, Iccid iccid, AlertKind kind, Instant raisedAt, String period, Usage usage) {

  /** The most characters a period may have. */
  public static final int MAX_PERIOD_LENGTH = Limits.PERIOD_LENGTH;

  /**
   * Checks presence and the period's form, and cuts {@code raisedAt} to the microsecond.
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
    raisedAt = raisedAt.truncatedTo(ChronoUnit.MICROS);
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
