package io.simestate.mail;

import io.simestate.core.alert.AcceptanceGate;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;

/**
 * A MIME message whose {@code Message-ID} is fixed in advance instead of made up on saving, and which
 * a server can accept only once its {@link AcceptanceGate} opened: writing it waits for the gate after
 * the last byte of content. Jakarta Mail's SMTP transport sends the end of the data, with which the
 * server accepts the message, only after the message was written; if the gate stays shut, writing
 * fails with {@link HeldBack} and the transport closes the connection without that end, so the server
 * discards the message.
 */
final class DeterministicMimeMessage extends MimeMessage {

  private final String messageId;
  private final AcceptanceGate gate;

  DeterministicMimeMessage(Session session, String messageId, AcceptanceGate gate) {
    super(session);
    this.messageId = messageId;
    this.gate = gate;
  }

  @Override
  protected void updateMessageID() throws MessagingException {
    setHeader("Message-ID", messageId);
  }

  @Override
  public void writeTo(OutputStream out, String[] ignoreList) throws IOException, MessagingException {
    super.writeTo(out, ignoreList);
    try {
      if (!gate.await()) {
        throw new HeldBack();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new HeldBack();
    }
  }

  /** Writing a message failed because its gate did not open: the server must not accept it. */
  static final class HeldBack extends IOException {
    private static final long serialVersionUID = 1L;

    HeldBack() {
      super("the message was held back: the result of the message before it could not be recorded");
    }
  }
}
