package io.simestate.core.alert;

import java.util.ArrayList;
import java.util.List;

/**
 * Port: sends messages (alert, digest, subscription notice), e.g. by email.
 *
 * <p>An implementation should not throw for a failed send: it reports a {@link SendResult} (the
 * dispatcher still contains anything thrown, any {@code Throwable}, as a transient failure of that
 * message). It must send only to {@link Notification#recipient()}. The simplest sender implements
 * {@link #send} alone; a sender that reuses a connection across a batch also implements
 * {@link #open}, whose session the dispatcher asks for one message after another: it records each
 * result while the next message goes out, and the server may accept that next message only once the
 * record committed ({@link SendSession#send(Notification, AcceptanceGate)}). The dispatcher bounds
 * every send with its time limit ({@code SimEstate.Builder.sendTimeLimit}), so a sender that hangs
 * costs one message one time limit.
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
   * Opens a session for a run of messages. The default session calls {@link #send} for each; a
   * sender that keeps a connection open across messages overrides this.
   *
   * @return a session; the caller closes it
   */
  default SendSession open() {
    return this::send;
  }

  /**
   * Sends a batch of messages in one session, one after another; a message whose send throws counts
   * as a transient failure and the rest are still sent. For tools and tests: the dispatcher uses
   * {@link #open} and records each result as it comes.
   *
   * @param batch the messages
   * @return one result per message, in the same order
   */
  default List<SendResult> sendAll(List<? extends Notification> batch) {
    List<SendResult> results = new ArrayList<>(batch.size());
    try (SendSession session = open()) {
      for (Notification n : batch) {
        SendResult result;
        try {
          result = session.send(n);
        } catch (RuntimeException e) {
          result = null;
        }
        results.add(result != null ? result
            : SendResult.transientFailure("the notification sender failed without a result"));
      }
    }
    return results;
  }
}
