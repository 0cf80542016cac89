package io.simestate.core.alert;

import io.simestate.core.AlertKind;
import io.simestate.core.internal.Require;
import io.simestate.core.sim.Iccid;

/**
 * What makes alerts repeats of each other (F13): the same SIM, kind and usage period (or, without a
 * period, the same SIM and kind within the repeat window). The {@link AlertRepeatGuard} remembers,
 * per repeat key and recipient, when the recipient was last told.
 *
 * @param sim the SIM
 * @param kind warning or cut-off
 * @param period the usage period, or null for an alert without one
 */
public record RepeatKey(Iccid sim, AlertKind kind, String period) {

  /** The most characters {@link #text()} has: an ICCID, a kind and a period at their limits. */
  public static final int MAX_TEXT_LENGTH = 300;

  /**
   * Checks presence.
   *
   * @param sim the SIM
   * @param kind warning or cut-off
   * @param period the usage period, or null
   */
  public RepeatKey {
    Require.present(sim, "iccid");
    Require.present(kind, "kind");
  }

  /**
   * The repeat key of an alert.
   *
   * @param alert the alert
   * @return its key
   */
  public static RepeatKey of(UsageAlert alert) {
    return new RepeatKey(alert.iccid(), alert.kind(), alert.period());
  }

  /**
   * The key as one text, for a store's key column: {@code <iccid>|<KIND>|p:<period>}, or
   * {@code <iccid>|<KIND>|-} without a period; at most {@value #MAX_TEXT_LENGTH} characters.
   *
   * @return the text
   */
  public String text() {
    return sim.digits() + "|" + kind.name() + "|" + (period == null ? "-" : "p:" + period);
  }
}
