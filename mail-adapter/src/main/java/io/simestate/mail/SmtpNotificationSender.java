package io.simestate.mail;

import io.simestate.core.InvalidInputException;
import io.simestate.core.alert.AcceptanceGate;
import io.simestate.core.alert.AlertNotification;
import io.simestate.core.alert.DigestNotification;
import io.simestate.core.alert.Notification;
import io.simestate.core.alert.NotificationSender;
import io.simestate.core.alert.SendResult;
import io.simestate.core.alert.SendSession;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Core's notification port over SMTP, with Jakarta Mail: sends alerts, digests and subscription
 * notices as multipart/alternative (plain text and HTML) messages.
 *
 * <p>Every message goes from {@link Notification#sender()} ({@code From}, and {@code Reply-To} when
 * the sender has one) to {@link Notification#recipient()} and nobody else; it carries
 * {@code Auto-Submitted: auto-generated}, a {@code Date}, and a {@code Message-ID} derived from the
 * notification's message key, so a retried delivery carries the same id. Subjects and display names
 * are UTF-8 encoded words where they are not ASCII.
 *
 * <p>A {@link #open() session} (and {@link #sendAll(List)}) uses one SMTP connection for its messages
 * and reconnects if the server closes it; core's dispatcher asks a session for one message at a time
 * and records each result while the next goes out: the session sends the next message up to the end
 * of its data and sends that end, with which the server accepts it, only once the message's
 * {@link AcceptanceGate} opens (the previous result committed); if the gate stays shut it closes the
 * connection without that end, so the server discards the message. Nothing throws for a failed delivery: a 5xx reply
 * or an invalid recipient is a
 * {@link SendResult.Status#PERMANENT_FAILURE}; a 4xx reply, a time-out, a refused or broken
 * connection, failed authentication and other I/O errors are a
 * {@link SendResult.Status#TRANSIENT_FAILURE}, which core's dispatcher retries. Instances are
 * immutable and thread-safe; each session uses its own connection, from one thread at a time. The
 * read, write and connect time-outs below bound each SMTP exchange; core's dispatcher also bounds each
 * whole send with its own time limit.
 *
 * <pre>{@code
 * NotificationSender mail = SmtpNotificationSender.builder()
 *     .host("smtp.example.com")
 *     .port(587)
 *     .security(SmtpSecurity.STARTTLS)
 *     .auth("alerts", secret)
 *     .build();
 * }</pre>
 */
public final class SmtpNotificationSender implements NotificationSender {

  private static final Logger log = LoggerFactory.getLogger(SmtpNotificationSender.class);

  private final Session session;
  private final SmtpEndpoint endpoint;
  private final MessageComposer composer;

  private SmtpNotificationSender(Session session, SmtpEndpoint endpoint, MessageComposer composer) {
    this.session = session;
    this.endpoint = endpoint;
    this.composer = composer;
  }

  /**
   * Starts configuring a sender.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Sends one message over a connection of its own.
   *
   * @param notification the message
   * @return sent, or a transient or permanent failure; never null
   * @throws InvalidInputException if {@code notification} is null
   */
  @Override
  public SendResult send(Notification notification) {
    Arguments.present(notification, "notification");
    try (SendSession session = open()) {
      return session.send(notification);
    }
  }

  /**
   * Opens a session that sends its messages over one SMTP connection: it connects on the first
   * message, sends each further one at once (no NOOP before it), sends a message once more over a new
   * connection when the server closed the old one before it could accept the message, and after a
   * failed connection reports the rest of its messages as transient failures without trying (one
   * time-out per session, not one per message). Core's dispatcher records each result while the next
   * message goes out; the session holds back that message's end of data until its gate opens
   * ({@link SendSession#send(Notification, AcceptanceGate)}).
   *
   * @return a session; close it to close the connection
   */
  @Override
  public SendSession open() {
    SmtpBatch smtp = new SmtpBatch(session, endpoint);
    return new SendSession() {
      @Override
      public SendResult send(Notification notification) {
        return send(notification, AcceptanceGate.open());
      }

      @Override
      public SendResult send(Notification notification, AcceptanceGate gate) {
        Arguments.present(notification, "notification");
        Arguments.present(gate, "gate");
        try {
          return sendOne(smtp, notification, gate);
        } catch (RuntimeException e) {
          // Only a notification that breaks its own contract (a null part) gets here.
          log.error("Could not send an incomplete notification", e);
          return SendResult.permanentFailure("the notification is incomplete: " + FailureClassifier.detail(e));
        }
      }

      @Override
      public void close() {
        smtp.close();
      }
    };
  }

  /**
   * Sends a batch of messages over one SMTP connection.
   *
   * @param batch the messages
   * @return one result per message, in the same order; never null
   * @throws InvalidInputException if {@code batch} or one of its elements is null
   */
  @Override
  public List<SendResult> sendAll(List<? extends Notification> batch) {
    Arguments.present(batch, "batch");
    for (int i = 0; i < batch.size(); i++) {
      Arguments.present(batch.get(i), "batch[" + i + "]");
    }
    List<SendResult> results = new ArrayList<>(batch.size());
    try (SendSession smtp = open()) {
      for (Notification n : batch) {
        results.add(smtp.send(n));
      }
    }
    return results;
  }

  private SendResult sendOne(SmtpBatch smtp, Notification n, AcceptanceGate gate) {
    Arguments.present(n.tenantId(), "tenantId");
    Arguments.present(n.sender(), "sender");
    Arguments.present(n.recipient(), "recipient");
    Arguments.present(n.messageKey(), "messageKey");
    String what = describe(n);
    MimeMessage message;
    Address[] envelope;
    try {
      MailContent content = composer.content(n);
      message = composer.compose(session, n, content, gate);
      envelope = new Address[] {MessageComposer.envelopeRecipient(n)};
    } catch (MessageComposer.TemplateFailure e) {
      log.error("Template failed for {} to {}; reported as a transient failure", what,
          n.recipient().email().masked(), e.getCause());
      return SendResult.transientFailure("the mail template failed: " + FailureClassifier.detail(e.getCause()));
    } catch (MessagingException | RuntimeException e) {
      log.error("Could not build {} to {}", what, n.recipient().email().masked(), e);
      return SendResult.permanentFailure("the message could not be built: " + FailureClassifier.detail(e));
    }
    SendResult result = smtp.deliver(message, envelope);
    String messageId = MessageComposer.messageId(n);
    if (result.status() == SendResult.Status.SENT) {
      log.info("Sent {} {} to {}", what, messageId, n.recipient().email().masked());
      log.debug("Sent {} {} to {}", what, messageId, n.recipient().email());
    } else {
      log.warn("Could not send {} {} to {} ({}): {}", what, messageId, n.recipient().email().masked(),
          result.status(), result.detail());
    }
    return result;
  }

  private static String describe(Notification n) {
    if (n instanceof AlertNotification a) {
      return a.alert().kind().label().toLowerCase(Locale.ROOT) + " alert";
    }
    if (n instanceof DigestNotification d) {
      return d.kind().label().toLowerCase(Locale.ROOT) + " digest of " + d.alerts().size() + " alerts";
    }
    return "subscription notice";
  }

  @Override
  public String toString() {
    return "SmtpNotificationSender[" + endpoint + "]";
  }

  /**
   * Configures a {@link SmtpNotificationSender}. Only the host is required; the defaults are
   * STARTTLS on port 587, no authentication, a 5-second connect time-out, 10-second read and write
   * time-outs, {@link MailTemplates#defaults()} and the system clock in UTC.
   */
  public static final class Builder {

    private static final Duration MAX_TIMEOUT = Duration.ofMinutes(10);

    private String host;
    private Integer port;
    private SmtpSecurity security = SmtpSecurity.STARTTLS;
    private String username;
    private String password;
    private String heloName;
    private Duration connectTimeout = Duration.ofSeconds(5);
    private Duration readTimeout = Duration.ofSeconds(10);
    private Duration writeTimeout = Duration.ofSeconds(10);
    private MailTemplates templates = MailTemplates.defaults();
    private Clock clock = Clock.systemUTC();
    private final Map<String, String> properties = new LinkedHashMap<>();

    private Builder() {}

    /**
     * The SMTP server's host name or IP address.
     *
     * @param host e.g. {@code "smtp.example.com"}; required
     * @return this builder
     */
    public Builder host(String host) {
      this.host = host;
      return this;
    }

    /**
     * The SMTP server's port.
     *
     * @param port 1 to 65535; default 25 for {@link SmtpSecurity#NONE}, 587 for
     *     {@link SmtpSecurity#STARTTLS}, 465 for {@link SmtpSecurity#SMTPS}
     * @return this builder
     */
    public Builder port(int port) {
      this.port = port;
      return this;
    }

    /**
     * How the connection is protected.
     *
     * @param security {@link SmtpSecurity#STARTTLS} by default
     * @return this builder
     */
    public Builder security(SmtpSecurity security) {
      this.security = security;
      return this;
    }

    /**
     * Authenticates with a user name and password (SMTP AUTH).
     *
     * @param username the user name
     * @param password the password
     * @return this builder
     */
    public Builder auth(String username, String password) {
      this.username = username;
      this.password = password;
      return this;
    }

    /**
     * The name this client gives in {@code EHLO}; by default Jakarta Mail uses the local host's name.
     *
     * @param heloName a host name, e.g. {@code "portal.example.com"}
     * @return this builder
     */
    public Builder heloName(String heloName) {
      this.heloName = heloName;
      return this;
    }

    /**
     * How long to wait for the connection to be established.
     *
     * @param timeout more than zero, at most 10 minutes; default 5 seconds
     * @return this builder
     */
    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = timeout;
      return this;
    }

    /**
     * How long to wait for each reply of the server (also the greeting).
     *
     * @param timeout more than zero, at most 10 minutes; default 10 seconds
     * @return this builder
     */
    public Builder readTimeout(Duration timeout) {
      this.readTimeout = timeout;
      return this;
    }

    /**
     * How long a write to the server may block.
     *
     * @param timeout more than zero, at most 10 minutes; default 10 seconds
     * @return this builder
     */
    public Builder writeTimeout(Duration timeout) {
      this.writeTimeout = timeout;
      return this;
    }

    /**
     * The templates for subjects and bodies (F14).
     *
     * @param templates the templates; {@link MailTemplates#defaults()} by default
     * @return this builder
     */
    public Builder templates(MailTemplates templates) {
      this.templates = templates;
      return this;
    }

    /**
     * The clock for the {@code Date} header.
     *
     * @param clock the clock; the system clock by default
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = clock;
      return this;
    }

    /**
     * Sets another Jakarta Mail session property, e.g. {@code mail.smtp.ssl.trust} for a relay with a
     * private certificate. Host, port, protocol, time-out, authentication and TLS settings made by
     * this builder take precedence over properties set here.
     *
     * @param name the property, e.g. {@code "mail.smtp.ssl.trust"}
     * @param value its value
     * @return this builder
     */
    public Builder property(String name, String value) {
      Arguments.present(name, "property.name");
      Arguments.present(value, "property.value");
      properties.put(name, value);
      return this;
    }

    /**
     * Makes the sender. It does not connect; the first send does.
     *
     * @return the sender
     * @throws InvalidInputException if a setting is missing or out of range; the message says which
     */
    public SmtpNotificationSender build() {
      Arguments.present(security, "security");
      Arguments.present(templates, "templates");
      Arguments.present(clock, "clock");
      if (host == null || host.isBlank() || host.strip().codePoints()
          .anyMatch(cp -> Character.isWhitespace(cp) || Character.isISOControl(cp))) {
        throw InvalidInputException.of("host", "is required, without white space or control characters");
      }
      int thePort = port == null ? security.defaultPort() : port;
      if (thePort < 1 || thePort > 65535) {
        throw InvalidInputException.of("port", "must be between 1 and 65535");
      }
      if ((username == null) != (password == null) || (username != null && username.isEmpty())) {
        throw InvalidInputException.of("auth", "needs a non-empty user name and a password");
      }
      int connectMillis = millis(connectTimeout, "connectTimeout");
      int readMillis = millis(readTimeout, "readTimeout");
      int writeMillis = millis(writeTimeout, "writeTimeout");

      String p = "mail." + security.protocol() + ".";
      Properties props = new Properties();
      props.putAll(properties);
      props.setProperty("mail.transport.protocol", security.protocol());
      props.setProperty(p + "host", host.strip());
      props.setProperty(p + "port", Integer.toString(thePort));
      props.setProperty(p + "connectiontimeout", Integer.toString(connectMillis));
      props.setProperty(p + "timeout", Integer.toString(readMillis));
      props.setProperty(p + "writetimeout", Integer.toString(writeMillis));
      props.setProperty(p + "auth", Boolean.toString(username != null));
      if (heloName != null && !heloName.isBlank()) {
        props.setProperty(p + "localhost", heloName.strip());
      }
      switch (security) {
        case NONE -> {
          props.setProperty("mail.smtp.starttls.enable", "false");
          if (username != null) {
            log.warn("SMTP authentication without TLS sends the password in clear to {}:{}", host, thePort);
          }
        }
        case STARTTLS -> {
          props.setProperty("mail.smtp.starttls.enable", "true");
          props.setProperty("mail.smtp.starttls.required", "true");
          props.setProperty("mail.smtp.ssl.checkserveridentity", "true");
        }
        case SMTPS -> {
          props.setProperty("mail.smtps.ssl.enable", "true");
          props.setProperty("mail.smtps.ssl.checkserveridentity", "true");
        }
      }
      Session session = Session.getInstance(props);
      SmtpEndpoint endpoint = new SmtpEndpoint(host.strip(), thePort, security, username, password);
      return new SmtpNotificationSender(session, endpoint, new MessageComposer(templates, clock));
    }

    private static int millis(Duration timeout, String field) {
      if (timeout == null || timeout.isNegative() || timeout.isZero() || timeout.compareTo(MAX_TIMEOUT) > 0) {
        throw InvalidInputException.of(field, "must be more than zero and at most 10 minutes");
      }
      return (int) Math.max(1, timeout.toMillis());
    }
  }
}
