package io.simestate.core.alert;

/** Where a delivery stands (F16). */
public enum DeliveryStatus {
  /** Waiting to be sent at its next attempt time. */
  PENDING,
  /** Claimed by a dispatcher, until the lease (next attempt time) runs out. */
  IN_FLIGHT,
  /** Accepted by the mail server. */
  SENT,
  /** Given up: a permanent failure, or too many attempts. */
  FAILED,
  /** Taken out of the outbox by an operator (F18); never sent unless resubmitted. */
  DISCARDED
}
