package io.simestate.core.monitor;

/** Where the result of a message came from: a bounded failure class for metrics. */
public enum SendFailure {
  /** The message was sent. */
  NONE,
  /** The notification port reported the failure (a server reply, a time-out it caught). */
  REPORTED,
  /** The notification port returned without a result for this message; it is retried. */
  NO_RESULT,
  /** The notification port threw in the middle of the batch; the unreported messages are retried. */
  SENDER_THREW
}
