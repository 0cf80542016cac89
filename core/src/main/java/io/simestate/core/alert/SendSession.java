package io.simestate.core.alert;

/**
 * One run of sends through a {@link NotificationSender}, e.g. over one SMTP connection: the
 * dispatcher opens a session for a run (one {@code dispatchDue}, across its batches), hands it one
 * message at a time through {@link #send(Notification, AcceptanceGate)}, and closes it at the end
 * of the run, or at the end of a batch in which a message failed (the next batch opens a new one).
 * The flow is one way: the session only answers; it never calls back into the library.
 *
 * <p>A session is used by one thread at a time (the dispatcher's send thread), and each of its
 * {@link #send} calls runs under the dispatcher's time limit per send: a call that does not return in
 * time is abandoned (its thread interrupted) together with its session, which is then closed once the
 * call returns, if it ever does.
 */
@FunctionalInterface
public interface SendSession extends AutoCloseable {

  /**
   * Sends one message.
   *
   * @param notification the message
   * @return sent, or a transient or permanent failure; never null. Anything thrown counts as a
   *     transient failure of this message.
   */
  SendResult send(Notification notification);

  /**
   * Sends one message, which the server may accept only once {@code gate} opens: the dispatcher hands
   * over a message while it still records the previous one's result, and opens the gate when that
   * result is committed. A session that can hold a message back at its last step does its work
   * meanwhile and waits for the gate just before it (over SMTP: before the end of the data, with which
   * the server accepts the message). If the gate does not open (it answers false, or the wait is
   * interrupted), the server must not accept the message: the session reports a transient failure
   * and, where it had begun, ends the exchange so that the server discards it (over SMTP, by closing
   * the connection before the end of the data). The default waits for the gate, then calls
   * {@link #send(Notification)}.
   *
   * @param notification the message
   * @param gate what the server's acceptance waits for
   * @return sent, or a transient or permanent failure; never null. Anything thrown counts as a
   *     transient failure of this message.
   */
  default SendResult send(Notification notification, AcceptanceGate gate) {
    try {
      if (!gate.await()) {
        return SendResult.transientFailure(HELD_BACK);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return SendResult.transientFailure(HELD_BACK);
    }
    return send(notification);
  }

  /** The detail of a message held back because its gate did not open. */
  String HELD_BACK = "not sent: the result of the message before it could not be recorded";

  /** Ends the session (closes its connection); the default does nothing. Must not throw. */
  @Override
  default void close() {
  }
}
