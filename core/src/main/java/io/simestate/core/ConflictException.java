package io.simestate.core;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The request was valid but clashes with the current state: a duplicate customer name, an edit
 * based on a stale version, a stale deletion confirmation, a SIM held by another account, or an
 * alert id reused for another alert. {@link #reason()} tells which, so a portal can react (reload,
 * pick another name, preview again), and the data a portal needs comes with it:
 * {@link #iccids()} for {@link Reason#SIM_HELD_ELSEWHERE}, {@link #existingCustomerId()} for
 * {@link Reason#DUPLICATE_NAME}.
 *
 * <p>The data is given as text (ICCID digits, customer id) because this exception belongs to the
 * shared kernel, below the packages of {@code Iccid} and {@code CustomerId}:
 * {@code Iccid.parse(digits)} and {@code CustomerId.parse(id)} turn it back into those types.
 */
public final class ConflictException extends SimEstateException {

  private static final long serialVersionUID = 2L;

  /** The kinds of conflict. */
  public enum Reason {
    /**
     * Another customer of the same tenant already has this name (by {@code CustomerName.key()});
     * {@link #existingCustomerId()} names it.
     */
    DUPLICATE_NAME,
    /** The record changed since the caller read it (optimistic version check failed). */
    STALE_VERSION,
    /** The customer changed after the deletion preview; preview again. */
    STALE_CONFIRMATION,
    /**
     * SIMs are assigned to a customer of another tenant and cannot be taken over; {@link #iccids()}
     * lists every one of them (empty only when a concurrent assignment took one while this request
     * ran: try again).
     */
    SIM_HELD_ELSEWHERE,
    /**
     * The alert id was routed before for another alert (another SIM, kind, time, period or usage);
     * the message says which fields differ. An alert id identifies one alert: the same content is
     * an idempotent replay, other content needs an id of its own.
     */
    ALERT_ID_REUSED
  }

  /** Why the change was refused. */
  private final Reason reason;
  /** The ICCIDs that clashed, in the order given; not serialized. */
  private final transient List<String> iccids;

  /** The customer that already holds what was asked for, or null when none is known. */
  private final String existingCustomerId;

  /**
   * Creates the exception.
   *
   * @param reason the kind of conflict
   * @param message what clashed and what to do about it
   */
  public ConflictException(Reason reason, String message) {
    this(reason, message, null);
  }

  /**
   * Creates the exception with the adapter-level cause.
   *
   * @param reason the kind of conflict
   * @param message what clashed and what to do about it
   * @param cause the adapter-level cause, kept for logs; may be null
   */
  public ConflictException(Reason reason, String message, Throwable cause) {
    this(reason, message, List.of(), null, cause);
  }

  private ConflictException(Reason reason, String message, Collection<String> iccids, String existingCustomerId,
      Throwable cause) {
    super(message, cause);
    this.reason = Objects.requireNonNull(reason, "reason");
    this.iccids = List.copyOf(iccids);
    this.existingCustomerId = existingCustomerId;
  }

  /**
   * A {@link Reason#SIM_HELD_ELSEWHERE} conflict that lists the SIMs.
   *
   * @param message what clashed and what to do about it
   * @param iccids every ICCID (canonical digits) of the request held by another account
   * @param cause the adapter-level cause, kept for logs; may be null
   * @return the exception, to be thrown by the caller
   */
  public static ConflictException simsHeldElsewhere(String message, Collection<String> iccids, Throwable cause) {
    return new ConflictException(Reason.SIM_HELD_ELSEWHERE, message, Objects.requireNonNull(iccids, "iccids"),
        null, cause);
  }

  /**
   * A {@link Reason#DUPLICATE_NAME} conflict that names the customer that has the name.
   *
   * @param message what clashed and what to do about it
   * @param existingCustomerId the id of the customer that has the name, or null if unknown (it was
   *     being created at the same time)
   * @param cause the adapter-level cause, kept for logs; may be null
   * @return the exception, to be thrown by the caller
   */
  public static ConflictException duplicateName(String message, String existingCustomerId, Throwable cause) {
    return new ConflictException(Reason.DUPLICATE_NAME, message, List.of(), existingCustomerId, cause);
  }

  /**
   * The kind of conflict.
   *
   * @return never null
   */
  public Reason reason() {
    return reason;
  }

  /**
   * For {@link Reason#SIM_HELD_ELSEWHERE}: every ICCID of the request that another account holds,
   * as canonical digits ({@code Iccid.parse} reads them). Empty for other reasons.
   *
   * @return the ICCIDs, never null
   */
  public List<String> iccids() {
    return iccids == null ? List.of() : iccids;
  }

  /**
   * For {@link Reason#DUPLICATE_NAME}: the id of the customer that already has the name
   * ({@code CustomerId.parse} reads it), so that a portal can offer to open it. Empty for other
   * reasons, and in the rare case that the other customer was created at the same moment.
   *
   * @return the customer's id
   */
  public Optional<String> existingCustomerId() {
    return Optional.ofNullable(existingCustomerId);
  }
}
