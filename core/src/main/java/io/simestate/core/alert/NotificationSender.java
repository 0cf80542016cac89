package io.simestate.core.alert;

import java.util.ArrayList;
import java.util.List;

/**
 * Port: sends messages (alert, digest, subscription notice), e.g. by email.
 *
 * <p>An implementation must never throw for a failed send: it reports a {@link SendResult}. It must
 * send only to {@link Notification#recipient()}. The dispatcher hands over a batch at a time so that
 * an implementation can reuse one connection, through {@link #sendAll(List, ResultListener)}: an
 * implementation that reports each result as soon as the server answered lets the dispatcher record
 * it at once, so that a process killed in the middle of a batch sends nothing again that the server
 * had already accepted (but the one message in flight).
 */
@FunctionalInterface
public interface NotificationSender {

  /**
   * Sends one message.
   *
   * @param notification the message
   * @return sent, or a transient or permanent failure; never null
   */
  SendResult send(Notification notification);

  /**
   * Sends a batch of messages; the default sends them one by one. If {@link #send} throws despite
   * its contract, that message counts as a transient failure and the rest of the batch is still
   * sent, so that messages already accepted are never reported as failed (and sent again).
   *
   * @param batch the messages
   * @return one result per message, in the same order
   */
  default List<SendResult> sendAll(List<? extends Notification> batch) {
    List<SendResult> results = new ArrayList<>(batch.size());
    for (Notification n : batch) {
      SendResult result;
      try {
        result = send(n);
      } catch (RuntimeException e) {
        result = SendResult.transientFailure("notification sender failed: " + e.getClass().getSimpleName());
      }
      results.add(result);
    }
    return results;
  }

  /**
   * Sends a batch of messages and tells {@code listener} each result as soon as it is known.
   *
   * <p>The default calls {@link #sendAll(List)} and then reports every result; an implementation that
   * reuses a connection should override this method and report each message right after the server
   * answered (and implement {@link #sendAll(List)} through it).
   *
   * @param batch the messages
   * @param listener told each message's index and result, once per message, in any order; it may
   *     throw, which ends the batch (messages not yet sent are not sent)
   * @return one result per message, in the same order
   */
  default List<SendResult> sendAll(List<? extends Notification> batch, ResultListener listener) {
    List<SendResult> results = sendAll(batch);
    for (int i = 0; i < results.size(); i++) {
      listener.onResult(i, results.get(i));
    }
    return results;
  }

  /** Told the result of each message of a batch as soon as it is known. */
  @FunctionalInterface
  interface ResultListener {

    /**
     * One message's result.
     *
     * @param index the message's index in the batch
     * @param result its result
     */
    void onResult(int index, SendResult result);
  }
}
