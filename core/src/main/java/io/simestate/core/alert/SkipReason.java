package io.simestate.core.alert;

/** Why routing left out a contact of the SIM's customer (F16). */
public enum SkipReason {
  /** The contact's alerts switch is off. */
  ALERTS_OFF("alerts are switched off"),
  /** The contact has no valid email address. */
  NO_VALID_EMAIL("no valid email address"),
  /** The contact does not want alerts of this kind. */
  KIND_NOT_WANTED("does not want this kind of alert");

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
