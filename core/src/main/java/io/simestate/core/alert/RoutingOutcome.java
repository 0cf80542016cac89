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
  /** The same SIM, kind and usage period (or repeat window) was alerted already; nobody gets it again. */
  REPEAT_SUPPRESSED
}
