package io.simestate.core.alert;

/**
 * Why routing left out a recipient (F16): one of the {@link RoutingRule}s excluded a contact of the
 * SIM's customer, or the recipient was told about the same SIM, kind and period already (F13).
 * A {@link SkippedContact} carries every reason that applies.
 */
public enum SkipReason {
  /** The contact's alerts switch is off. */
  ALERTS_OFF("alerts are switched off"),
  /** The contact has no valid email address. */
  NO_VALID_EMAIL("no valid email address"),
  /** The contact does not want alerts of this kind. */
  KIND_NOT_WANTED("does not want this kind of alert"),
  /**
   * The recipient was told about this SIM, kind and usage period (or, without a period, within the
   * repeat window) by an earlier alert (F13). Reported instead of a delivery, so that a repeat never
   * reaches anyone twice while recipients who were not told yet (a new holder's contacts after a
   * move, a contact added or switched on since) still are.
   */
  ALREADY_TOLD("was told of this SIM, kind and period already");

  private final String description;

  SkipReason(String description) {
    this.description = description;
  }

  /**
   * The reason in words, for reports.
   *
   * @return e.g. "alerts are switched off"
   */
  public String description() {
    return description;
  }
}
