package io.simestate.core.alert;

/**
 * One run of sends through a {@link NotificationSender}, e.g. over one SMTP connection: the
 * dispatcher opens a session for a run (one {@code dispatchDue}, across its batches), hands it one
 * message at a time, records each result before the next message goes out, and closes it at the end
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

  /** Ends the session (closes its connection); the default does nothing. Must not throw. */
  @Override
  default void close() {
  }
}
