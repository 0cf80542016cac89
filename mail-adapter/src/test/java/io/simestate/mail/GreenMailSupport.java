package io.simestate.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.util.Set;
import java.util.stream.Collectors;

/** GreenMail on 127.0.0.1 and ways to look into what it received. */
final class GreenMailSupport {

  private GreenMailSupport() {}

  /**
   * A GreenMail SMTP server on 127.0.0.1 on a port the system chooses when it starts, so that no other
   * process can take it first; read it with {@code getSmtp().getPort()} after the server started.
   */
  static GreenMailExtension smtpServer() {
    return server(ServerSetup.PROTOCOL_SMTP);
  }

  /**
   * A GreenMail server for the protocol on 127.0.0.1 on a port the system chooses. GreenMail waits 2 s
   * for its server threads by default, which a loaded machine (an SMTPS server builds its TLS context
   * first) exceeds; the wait here is a bound on a hang, not a timing assumption.
   */
  static GreenMailExtension server(String protocol) {
    ServerSetup setup = new ServerSetup(0, "127.0.0.1", protocol).dynamicPort();
    setup.setServerStartupTimeout(STARTUP_WAIT_MILLIS);
    return new GreenMailExtension(setup);
  }

  /** How long a GreenMail server may take to start on a busy machine. */
  static final long STARTUP_WAIT_MILLIS = 120_000;

  /** The one message received; fails if there is not exactly one. */
  static MimeMessage onlyMessage(GreenMailExtension greenMail) {
    MimeMessage[] received = greenMail.getReceivedMessages();
    assertThat(received).hasSize(1);
    return received[0];
  }

  /** The addresses the server delivered to, from the envelope (GreenMail makes a user per RCPT). */
  static Set<String> envelopeRecipients(GreenMailExtension greenMail) {
    return greenMail.getUserManager().listUser().stream().map(GreenMailUser::getEmail).collect(Collectors.toSet());
  }

  /** The decoded text of the first part with the given MIME type. */
  static String part(MimeMessage message, String mimeType) throws MessagingException, IOException {
    Multipart multipart = (Multipart) message.getContent();
    for (int i = 0; i < multipart.getCount(); i++) {
      BodyPart part = multipart.getBodyPart(i);
      if (part.isMimeType(mimeType)) {
        return (String) part.getContent();
      }
    }
    throw new AssertionError("no " + mimeType + " part");
  }

  static String text(MimeMessage message) throws MessagingException, IOException {
    return part(message, "text/plain");
  }

  static String html(MimeMessage message) throws MessagingException, IOException {
    return part(message, "text/html");
  }
}
