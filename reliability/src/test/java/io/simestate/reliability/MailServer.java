package io.simestate.reliability;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A GreenMail SMTP server on 127.0.0.1 in the test JVM; what it received is read back as
 * {@link Received} records (recipient, ICCID from the subject, Message-ID). Outages and stalls are made
 * by a {@link TcpProxy} in front of it, so that nothing it stored is lost when it "stops".
 */
final class MailServer implements AutoCloseable {

  private static final Pattern SIM = Pattern.compile("SIM (\\d{18,22})");

  /** One message as the server received it. */
  record Received(String to, String iccid, String messageId, String subject) {
    /** The delivery this message stands for: one (recipient, SIM). */
    String key() {
      return to + "|" + iccid;
    }
  }

  final int port;
  private GreenMail greenMail;

  MailServer() {
    this.port = freePort();
    ServerSetup setup = new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
    setup.setServerStartupTimeout(120_000); // GreenMail's 2 s default is too short on a loaded machine
    greenMail = new GreenMail(setup);
    greenMail.start();
  }

  /** Everything received so far. */
  synchronized List<Received> received() {
    return read(greenMail.getReceivedMessages());
  }

  /** How many messages the running server holds (cheap progress check). */
  synchronized int receivedNow() {
    return greenMail == null ? 0 : greenMail.getReceivedMessages().length;
  }

  /** The raw messages of the running server. */
  synchronized MimeMessage[] messages() {
    return greenMail == null ? new MimeMessage[0] : greenMail.getReceivedMessages();
  }

  @Override
  public synchronized void close() {
    if (greenMail != null) {
      greenMail.stop();
      greenMail = null;
    }
  }

  private static List<Received> read(MimeMessage[] messages) {
    List<Received> out = new ArrayList<>(messages.length);
    for (MimeMessage m : messages) {
      try {
        String to = ((InternetAddress) m.getRecipients(Message.RecipientType.TO)[0]).getAddress();
        String subject = m.getSubject();
        Matcher sim = SIM.matcher(subject == null ? "" : subject);
        out.add(new Received(to, sim.find() ? sim.group(1) : "?", m.getMessageID(), subject));
      } catch (MessagingException e) {
        throw new IllegalStateException(e);
      }
    }
    return out;
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
