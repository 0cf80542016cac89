package io.simestate.mail;

import io.simestate.core.alert.AcceptanceGate;
import io.simestate.core.alert.AlertNotification;
import io.simestate.core.alert.DigestNotification;
import io.simestate.core.alert.Notification;
import io.simestate.core.alert.SenderIdentity;
import io.simestate.core.alert.SubscriptionNotice;
import io.simestate.core.customer.EmailAddress;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;

/**
 * Turns a notification into a MIME message: the template's content as multipart/alternative (text,
 * then HTML, both UTF-8), and the headers the adapter owns whatever the template says.
 */
final class MessageComposer {

  /** Subjects longer than this (in code points) are shortened; folding keeps the header lines short. */
  static final int MAX_SUBJECT = 200;

  private final MailTemplates templates;
  private final Clock clock;

  MessageComposer(MailTemplates templates, Clock clock) {
    this.templates = templates;
    this.clock = clock;
  }

  /**
   * The content the template makes for a notification.
   *
   * @throws TemplateFailure if the template throws any exception (also an undeclared checked one) or
   *     returns null
   */
  MailContent content(Notification n) {
    MailContent content;
    try {
      if (n instanceof AlertNotification a) {
        content = templates.alert(a);
      } else if (n instanceof DigestNotification d) {
        content = templates.digest(d);
      } else {
        content = templates.subscriptionNotice((SubscriptionNotice) n);
      }
    } catch (Exception e) {
      // Also a checked exception a host's template throws undeclared (Lombok's @SneakyThrows, Kotlin).
      throw new TemplateFailure(e);
    }
    if (content == null) {
      throw new TemplateFailure(new IllegalStateException("the template returned no content"));
    }
    return content;
  }

  MimeMessage compose(Session session, Notification n, MailContent content) throws MessagingException {
    return compose(session, n, content, AcceptanceGate.open());
  }

  /** The message, which a server can accept only once {@code gate} opened. */
  MimeMessage compose(Session session, Notification n, MailContent content, AcceptanceGate gate)
      throws MessagingException {
    MimeMessage message = new DeterministicMimeMessage(session, messageId(n), gate);
    SenderIdentity sender = n.sender();
    message.setFrom(address(sender.address(), sender.displayName()));
    if (sender.replyTo() != null) {
      message.setReplyTo(new InternetAddress[] {address(sender.replyTo(), null)});
    }
    message.setRecipient(Message.RecipientType.TO, recipientAddress(n));
    String subject = subject(content.subject());
    if (looksEncoded(subject)) {
      message.setHeader("Subject", MimeUtility.fold("Subject: ".length(), encodedWords(subject)));
    } else {
      message.setSubject(subject, "UTF-8");
    }
    message.setSentDate(Date.from(clock.instant()));
    message.setHeader("Auto-Submitted", "auto-generated");
    message.setHeader("X-Auto-Response-Suppress", "All");
    if (n.context().unsubscribeUrl() != null) {
      // RFC 8058 one-click unsubscribe: the receiving mail program POSTs "List-Unsubscribe=One-Click"
      // to the address; core made it (HTTPS, a signed token of URL-safe characters only).
      message.setHeader("List-Unsubscribe", "<" + n.context().unsubscribeUrl().toASCIIString() + ">");
      message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
    }

    MimeMultipart alternative = new MimeMultipart("alternative");
    alternative.addBodyPart(TextPart.of(content.text(), "plain"));
    alternative.addBodyPart(TextPart.of(content.html().markup(), "html"));
    message.setContent(alternative);
    message.saveChanges();
    return message;
  }

  /** The envelope recipient: the notification's address and nothing else. */
  static InternetAddress envelopeRecipient(Notification n) throws MessagingException {
    return new InternetAddress(n.recipient().email().toString(), true);
  }

  static String subject(String raw) {
    String line = UntrustedText.singleLine(raw);
    return UntrustedText.truncate(line.isEmpty() ? "(no subject)" : line, MAX_SUBJECT);
  }

  /**
   * {@code <sha256-hex@sender-domain>} of the tenant and the message key: the same on every retry of
   * one delivery, different for every other delivery.
   */
  static String messageId(Notification n) {
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      byte[] hash = sha256.digest(
          (n.tenantId() + "\n" + n.messageKey()).getBytes(StandardCharsets.UTF_8));
      return "<" + HexFormat.of().formatHex(hash) + "@" + n.sender().address().domain() + ">";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  private static InternetAddress recipientAddress(Notification n) throws MessagingException {
    return address(n.recipient().email(), n.recipient().name());
  }

  private static InternetAddress address(EmailAddress email, String displayName) throws MessagingException {
    String name = UntrustedText.truncate(UntrustedText.singleLine(displayName), MAX_SUBJECT);
    if (looksEncoded(name)) {
      return new LiteralName(email.toString(), name);
    }
    try {
      InternetAddress address = new InternetAddress(email.toString(), true);
      if (!name.isEmpty()) {
        address.setPersonal(name, "UTF-8");
      }
      return address;
    } catch (UnsupportedEncodingException e) {
      throw new IllegalStateException("every Java platform has UTF-8", e);
    }
  }

  /**
   * Whether a reader's mail program would decode part of this text: Jakarta Mail sends ASCII text
   * as it is, so a name such as {@code =?UTF-8?B?QmNjOi...?=} would be shown as whatever it encodes.
   */
  static boolean looksEncoded(String text) {
    return text.contains("=?");
  }

  /**
   * The text as RFC 2047 encoded words (UTF-8, base 64), each at most 64 characters and never
   * splitting a character, so that it reads back exactly as written. RFC 2047 allows a line that holds
   * an encoded word 76 characters: "Subject: " and one word fit, as do "From: " and "To: ".
   */
  static String encodedWords(String text) {
    StringBuilder out = new StringBuilder();
    int start = 0;
    while (start < text.length()) {
      int end = start;
      int octets = 0;
      while (end < text.length()) {
        int cp = text.codePointAt(end);
        int length = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
        if (octets + length > 39) {         // 39 octets are 52 base-64 characters, 64 with the markers
          break;
        }
        octets += length;
        end += Character.charCount(cp);
      }
      if (out.length() > 0) {
        out.append(' ');
      }
      out.append("=?UTF-8?B?")
          .append(Base64.getEncoder().encodeToString(text.substring(start, end).getBytes(StandardCharsets.UTF_8)))
          .append("?=");
      start = end;
    }
    return out.toString();
  }

  /** An address whose display name goes out as encoded words, whatever characters it holds. */
  private static final class LiteralName extends InternetAddress {
    private static final long serialVersionUID = 1L;

    LiteralName(String address, String name) throws AddressException {
      super(address, true);
      this.personal = name;
      this.encodedPersonal = encodedWords(name);
    }
  }

  /** A template threw or returned nothing. */
  static final class TemplateFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    TemplateFailure(Throwable cause) {
      super(cause.toString(), cause);
    }
  }
}
