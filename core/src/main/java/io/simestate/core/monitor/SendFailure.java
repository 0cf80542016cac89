package io.simestate.core.monitor;

/** Where the result of a message came from: a bounded failure class for metrics. */
public enum SendFailure {
  /** The message was sent. */
  NONE,
  /** The notification port reported the failure (a server reply, a time-out it caught). */
  REPORTED,
  /** The notification port returned without a result for this message; it is retried. */
  NO_RESULT,
  /** The notification port threw while it sent this message; the message is retried. */
  SENDER_THREW,
  /** The notification port did not answer within the send time limit; the call was abandoned. */
  TIMED_OUT,
  /** The message could not be prepared (a settings source or a template failed); it is retried. */
  NOT_PREPARED
}
