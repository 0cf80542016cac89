package io.simestate.core.alert;

import io.simestate.core.estate.AlertDispatcher;

/**
 * What one {@link AlertDispatcher#dispatchDue()} did.
 *
 * @param claimed deliveries claimed from the outbox
 * @param sent deliveries the server accepted
 * @param messages messages handed to the notification port (a digest is one message for several
 *     deliveries)
 * @param digests digest messages among them
 * @param retried deliveries scheduled for another attempt after a transient failure
 * @param failed deliveries given up (permanent failure or too many attempts)
 */
public record DispatchReport(int claimed, int sent, int messages, int digests, int retried, int failed) {

  /** Nothing dispatched. */
  public static final DispatchReport EMPTY = new DispatchReport(0, 0, 0, 0, 0, 0);

  /**
   * The sum of two reports.
   *
   * @param other the other report
   * @return the sum
   */
  public DispatchReport plus(DispatchReport other) {
    return new DispatchReport(claimed + other.claimed, sent + other.sent, messages + other.messages,
        digests + other.digests, retried + other.retried, failed + other.failed);
  }
}
