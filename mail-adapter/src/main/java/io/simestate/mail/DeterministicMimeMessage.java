package io.simestate.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

/** A MIME message whose {@code Message-ID} is fixed in advance instead of made up on saving. */
final class DeterministicMimeMessage extends MimeMessage {

  private final String messageId;

  DeterministicMimeMessage(Session session, String messageId) {
    super(session);
    this.messageId = messageId;
  }

  @Override
  protected void updateMessageID() throws MessagingException {
    setHeader("Message-ID", messageId);
  }
}
