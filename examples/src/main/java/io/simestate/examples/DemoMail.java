package io.simestate.examples;

import com.icegreen.greenmail.Managers;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.simestate.mail.SmtpNotificationSender;
import io.simestate.mail.SmtpSecurity;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The demo's mail side: the mail adapter ({@link SmtpNotificationSender}) talking SMTP to an
 * in-process GreenMail server on 127.0.0.1 (the default), or to a real relay. The in-process server
 * can be stopped and started again to stage an outage, and what it received can be written out as
 * {@code .eml} files.
 */
final class DemoMail implements AutoCloseable {

  private final SmtpNotificationSender sender;
  private final GreenMail server;
  private final String description;
  private final List<Managers> earlierStores = new ArrayList<>();

  private DemoMail(SmtpNotificationSender sender, GreenMail server, String description) {
    this.sender = sender;
    this.server = server;
    this.description = description;
  }

  /**
   * Starts the in-process server or points the adapter at the relay the options name.
   *
   * @param options the demo's options
   * @return the mail side; close it at the end
   */
  static DemoMail start(DemoOptions options) {
    if (options.inProcessSmtp()) {
      int port = freePort();
      ServerSetup setup = new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
      setup.setServerStartupTimeout(120_000); // GreenMail's 2 s default is too short on a busy machine
      GreenMail greenMail = new GreenMail(setup);
      greenMail.start();
      SmtpNotificationSender sender = SmtpNotificationSender.builder()
          .host("127.0.0.1")
          .port(port)
          .security(SmtpSecurity.NONE)
          .heloName("simestate-demo.local")
          .connectTimeout(Duration.ofSeconds(2))
          .readTimeout(Duration.ofSeconds(5))
          .writeTimeout(Duration.ofSeconds(5))
          .build();
      return new DemoMail(sender, greenMail, "GreenMail (in-process) on 127.0.0.1:" + port);
    }
    String[] hostPort = options.smtp().split(":");
    int port = Integer.parseInt(hostPort[1]);
    SmtpSecurity security = port == 465 ? SmtpSecurity.SMTPS : port == 587 ? SmtpSecurity.STARTTLS : SmtpSecurity.NONE;
    SmtpNotificationSender.Builder builder = SmtpNotificationSender.builder()
        .host(hostPort[0])
        .port(port)
        .security(security);
    if (options.smtpUser() != null) {
      builder.auth(options.smtpUser(), options.smtpPassword() == null ? "" : options.smtpPassword());
    }
    return new DemoMail(builder.build(), null,
        "SMTP relay " + options.smtp() + " (" + security.name().toLowerCase(Locale.ROOT) + ")");
  }

  /** The mail adapter, for {@code SimEstate.builder().notificationSender(...)}. */
  SmtpNotificationSender sender() {
    return sender;
  }

  /** Whether the server runs in this process. */
  boolean inProcess() {
    return server != null;
  }

  /** Where mail goes, for the banner. */
  String description() {
    return description;
  }

  /**
   * Stops the in-process server: connections are refused until {@link #startServer()}. GreenMail
   * starts with an empty mail store after a stop, so the store it had is kept here.
   */
  synchronized void stopServer() {
    Managers before = server.getManagers();
    server.stop();
    earlierStores.add(before);
  }

  /** Starts the in-process server again on the same port. */
  synchronized void startServer() {
    server.start();
  }

  /** How many messages the in-process server received, over all its starts. */
  int received() {
    return server == null ? 0 : receivedMessages().size();
  }

  /** Every message received, over all starts of the server, in the order the server received them. */
  private synchronized List<MimeMessage> receivedMessages() {
    List<StoredMessage> all = new ArrayList<>();
    for (Managers store : earlierStores) {
      all.addAll(store.getImapHostManager().getAllMessages());
    }
    all.addAll(server.getManagers().getImapHostManager().getAllMessages());
    // GreenMail lists messages mailbox by mailbox; a stable sort by receipt keeps equal times in that order.
    all.sort(Comparator.comparing(StoredMessage::getReceivedDate));
    return all.stream().map(StoredMessage::getMimeMessage).toList();
  }

  /**
   * Writes every message the in-process server received as an {@code .eml} file (RFC 5322 text, as
   * received), numbered in the order the server received them.
   *
   * @param folder the folder to write into (created if needed)
   * @param out where to print progress
   * @return how many files were written
   */
  int writeEml(Path folder, PrintStream out) {
    List<MimeMessage> messages = receivedMessages();
    try {
      Files.createDirectories(folder);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try (Progress progress = Progress.start(out, "Writing received emails as .eml", "files", messages.size())) {
      for (int i = 0; i < messages.size(); i++) {
        Path file = folder.resolve(String.format(Locale.ROOT, "%06d.eml", i + 1));
        try (OutputStream os = Files.newOutputStream(file)) {
          messages.get(i).writeTo(os);
        } catch (IOException | MessagingException e) {
          throw new IllegalStateException("Could not write " + file + ": " + e.getMessage(), e);
        }
        progress.add(1);
      }
    }
    return messages.size();
  }

  /** Stops the in-process server. */
  @Override
  public void close() {
    if (server != null && server.isRunning()) {
      server.stop();
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("No free port for the in-process SMTP server", e);
    }
  }
}
