package io.simestate.mail;

import io.simestate.core.alert.SendResult;
import io.simestate.core.alert.SendSession;
import jakarta.mail.Address;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;

/**
 * One SMTP connection used for a batch of messages. It connects on the first message and sends each
 * further message over the same connection at once, without a NOOP round trip first. If a reused
 * connection turns out to be dead at a message (the server closed it, shut down or stopped
 * answering), the message is sent once more over a new connection, but only when the server cannot
 * have accepted it ({@link FailureClassifier#cannotHaveBeenAccepted}). A message that may have been
 * accepted (its end was sent, or a reply could not be read) is reported as a transient failure
 * instead, never sent twice here. Once connecting fails, the rest of the batch is not attempted and
 * is reported as a transient failure, so a server that is down or stalls costs the batch one
 * time-out, not one per message. A failed connection or login is always transient: the message is
 * not at fault. Not thread-safe: one batch, one thread.
 */
final class SmtpBatch implements AutoCloseable {

  private final Session session;
  private final SmtpEndpoint endpoint;
  private Transport transport;
  private SendResult connectFailure;

  SmtpBatch(Session session, SmtpEndpoint endpoint) {
    this.session = session;
    this.endpoint = endpoint;
  }

  /**
   * Sends one message to exactly the given envelope recipients.
   *
   * @return sent, or the classified failure; never throws
   */
  SendResult deliver(MimeMessage message, Address[] envelopeRecipients) {
    if (connectFailure != null) {
      return SendResult.transientFailure("not attempted after a failed connection: " + connectFailure.detail());
    }
    return attempt(message, envelopeRecipients, transport != null);
  }

  /**
   * One attempt, connecting first if need be; over a reused connection that died before the server
   * could accept the message, a second one over a new connection.
   */
  private SendResult attempt(MimeMessage message, Address[] envelopeRecipients, boolean overReusedConnection) {
    try {
      ensureConnected();
    } catch (MessagingException | RuntimeException e) {
      closeQuietly();
      connectFailure = SendResult.transientFailure(
          (e instanceof AuthenticationFailedException ? "authentication failed at " : "could not connect to ")
              + endpoint + ": " + FailureClassifier.detail(e));
      return connectFailure;
    }
    try {
      transport.sendMessage(message, envelopeRecipients);
      return SendResult.sent();
    } catch (MessagingException e) {
      if (FailureClassifier.heldBack(e)) {
        // Its gate stayed shut: the connection is closed without the end of the data, and the
        // message is not sent again.
        closeQuietly();
        return SendResult.transientFailure(SendSession.HELD_BACK);
      }
      if (FailureClassifier.brokeConnection(e)) {
        closeQuietly();
        if (overReusedConnection && FailureClassifier.cannotHaveBeenAccepted(e)) {
          return attempt(message, envelopeRecipients, false);
        }
      }
      return FailureClassifier.classify(e);
    } catch (RuntimeException e) {
      closeQuietly();
      return SendResult.transientFailure(FailureClassifier.detail(e));
    }
  }

  private void ensureConnected() throws MessagingException {
    if (transport == null) {
      Transport fresh = session.getTransport(endpoint.security().protocol());
      try {
        fresh.connect(endpoint.host(), endpoint.port(), endpoint.username(), endpoint.password());
      } catch (MessagingException | RuntimeException e) {
        try {
          fresh.close();
        } catch (MessagingException ignored) {
          // Closing a transport that never connected.
        }
        throw e;
      }
      transport = fresh;
    }
  }

  private void closeQuietly() {
    if (transport != null) {
      try {
        transport.close();
      } catch (MessagingException | RuntimeException ignored) {
        // The connection is gone either way.
      }
      transport = null;
    }
  }

  @Override
  public void close() {
    closeQuietly();
  }
}
