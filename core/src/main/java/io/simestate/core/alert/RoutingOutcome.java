package io.simestate.core.alert;

/** What routing decided for an alert as a whole (F9, F13, F15). */
public enum RoutingOutcome {
  /** The SIM has a customer and at least one of its contacts gets the alert. */
  ROUTED,
  /** The SIM has a customer but none of its contacts qualifies; see the skipped contacts. */
  NO_ELIGIBLE_CONTACT,
  /** The SIM has no customer; the tenant's catch-all recipients get the alert. */
  CATCH_ALL,
  /** The SIM has no customer and the tenant has no catch-all recipients: nobody gets it. */
  UNASSIGNED,
  /**
   * Every recipient routing chose was told of the same SIM, kind and usage period (or, without a
   * period, within the repeat window) already, so nobody gets it again; see the skipped recipients
   * ({@link SkipReason#ALREADY_TOLD}). If only some were told, the outcome is {@link #ROUTED} or
   * {@link #CATCH_ALL} and the others get it.
   */
  REPEAT_SUPPRESSED
}
