package io.simestate.core;

/** The kinds of usage alert a SIM platform raises. */
public enum AlertKind {
  /** Usage is approaching the limit. */
  WARNING,
  /** Usage reached the limit and the SIM's service is cut off. */
  CUT_OFF;

  /**
   * A short label for people, e.g. in mail subjects.
   *
   * @return {@code "Warning"} or {@code "Cut-off"}
   */
  public String label() {
    return this == WARNING ? "Warning" : "Cut-off";
  }
}
