package io.simestate.core.alert;

import java.util.ArrayList;
import java.util.List;

/**
 * Port: sends messages (alert, digest, subscription notice), e.g. by email.
 *
 * <p>An implementation must never throw for a failed send: it reports a {@link SendResult}. It must
 * send only to {@link Notification#recipient()}. The dispatcher hands over a batch at a time so that
 * an implementation can reuse one connection.
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
}
