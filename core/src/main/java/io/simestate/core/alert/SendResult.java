package io.simestate.core.alert;

import io.simestate.core.internal.Require;

/**
 * What the notification port reports for one message.
 *
 * @param status sent, or a transient or permanent failure
 * @param detail what went wrong (server reply, exception message), or empty when sent; no email
 *     addresses in it
 */
public record SendResult(Status status, String detail) {

  /** The three results. */
  public enum Status {
    /** The server accepted the message. */
    SENT,
    /** Worth retrying: a 4xx reply, a time-out, a broken connection. */
    TRANSIENT_FAILURE,
    /** Not worth retrying: a 5xx reply, an invalid recipient. */
    PERMANENT_FAILURE
  }

  /**
   * Checks presence.
   *
   * @param status sent, or a transient or permanent failure
   * @param detail what went wrong (server reply, exception message), or empty when sent; no email
   *     addresses in it
   */
  public SendResult {
    Require.present(status, "status");
    detail = detail == null ? "" : detail;
  }

  /**
   * The message was accepted.
   *
   * @return the result
   */
  public static SendResult sent() {
    return new SendResult(Status.SENT, "");
  }

  /**
   * A failure worth retrying.
   *
   * @param detail what went wrong
   * @return the result
   */
  public static SendResult transientFailure(String detail) {
    return new SendResult(Status.TRANSIENT_FAILURE, detail);
  }

  /**
   * A failure not worth retrying.
   *
   * @param detail what went wrong
   * @return the result
   */
  public static SendResult permanentFailure(String detail) {
    return new SendResult(Status.PERMANENT_FAILURE, detail);
  }
}
