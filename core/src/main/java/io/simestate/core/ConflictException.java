package io.simestate.core;

import java.util.Objects;

/**
 * The request was valid but clashes with the current state: a duplicate customer name, an edit
 * based on a stale version, a stale deletion confirmation, or a SIM held by another account.
 * {@link #reason()} tells which, so a portal can react (reload, pick another name, preview again).
 */
public final class ConflictException extends SimEstateException {

  private static final long serialVersionUID = 1L;

  /** The kinds of conflict. */
  public enum Reason {
    /** Another customer of the same tenant already has this name (by {@code CustomerName.key()}). */
    DUPLICATE_NAME,
    /** The record changed since the caller read it (optimistic version check failed). */
    STALE_VERSION,
    /** The customer changed after the deletion preview; preview again. */
    STALE_CONFIRMATION,
    /** A SIM is assigned to a customer of another tenant and cannot be taken over. */
    SIM_HELD_ELSEWHERE
  }

  /** Why the change was refused. */
  private final Reason reason;

  /**
   * Creates the exception.
   *
   * @param reason the kind of conflict
   * @param message what clashed and what to do about it
   */
  public ConflictException(Reason reason, String message) {
    super(message);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  /**
   * Creates the exception with the adapter-level cause.
   *
   * @param reason the kind of conflict
   * @param message what clashed and what to do about it
   * @param cause the adapter-level cause, kept for logs
   */
  public ConflictException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  /**
   * The kind of conflict.
   *
   * @return never null
   */
  public Reason reason() {
    return reason;
  }
}
