package io.simestate.mail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * A tiny SMTP server on 127.0.0.1 for what GreenMail cannot easily do: reply to RCPT with a chosen
 * code, stall without answering, close the connection after each message, and count connections.
 * Every socket has a 10-second read time-out and {@link #close()} ends every thread, so a test using
 * it is bounded. It also counts how connections ended: with the client's QUIT, or with the client
 * closing its end without one.
 */
final class ScriptedSmtpServer implements AutoCloseable {

  private final ServerSocket serverSocket;
  private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "scripted-smtp");
    t.setDaemon(true);
    return t;
  });
  private final List<Socket> clients = new CopyOnWriteArrayList<>();
  private final Function<String, String> rcptReply;
  private final boolean stall;
  private final boolean closeAfterEachMessage;
  private final IntFunction<String> dataReply;
  private final IntFunction<String> mailReply;
  private final AtomicInteger messages = new AtomicInteger();
  private final AtomicInteger mailCommands = new AtomicInteger();
  private final AtomicInteger noops = new AtomicInteger();
  private final AtomicInteger connections = new AtomicInteger();
  private final AtomicInteger quits = new AtomicInteger();
  private final AtomicInteger hangUps = new AtomicInteger();
  private final List<String> helloNames = new CopyOnWriteArrayList<>();
  private final List<String> accepted = new CopyOnWriteArrayList<>();

  private ScriptedSmtpServer(Function<String, String> rcptReply, boolean stall, boolean closeAfterEachMessage)
      throws IOException {
    this(rcptReply, stall, closeAfterEachMessage, n -> "250 2.0.0 queued", n -> "250 2.1.0 OK");
  }

  private ScriptedSmtpServer(Function<String, String> rcptReply, boolean stall, boolean closeAfterEachMessage,
      IntFunction<String> dataReply, IntFunction<String> mailReply) throws IOException {
    this.dataReply = dataReply;
    this.mailReply = mailReply;
    this.rcptReply = rcptReply;
    this.stall = stall;
    this.closeAfterEachMessage = closeAfterEachMessage;
    this.serverSocket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    threads.execute(this::acceptLoop);
  }

  /** Accepts every message. */
  static ScriptedSmtpServer accepting() throws IOException {
    return new ScriptedSmtpServer(address -> "250 2.1.5 OK", false, false);
  }

  /** Replies to RCPT with the function's reply (e.g. {@code "550 5.1.1 user unknown"}). */
  static ScriptedSmtpServer replyingToRcpt(Function<String, String> reply) throws IOException {
    return new ScriptedSmtpServer(reply, false, false);
  }

  /**
   * Replies to the end of the n-th message's DATA (counting from 1 across connections) with the
   * function's reply; a null reply drops the connection instead.
   */
  static ScriptedSmtpServer replyingToData(IntFunction<String> reply) throws IOException {
    return new ScriptedSmtpServer(address -> "250 2.1.5 OK", false, false, reply, n -> "250 2.1.0 OK");
  }

  /**
   * Replies to the n-th MAIL FROM (counting from 1 across connections) with the function's reply; a
   * reply starting with 421 closes the connection after it, as a server shutting down does, and a null
   * reply leaves that connection silent from then on without closing it, as a connection that a
   * firewall dropped in between does.
   */
  static ScriptedSmtpServer replyingToMailFrom(IntFunction<String> reply) throws IOException {
    return new ScriptedSmtpServer(address -> "250 2.1.5 OK", false, false, n -> "250 2.0.0 queued", reply);
  }

  /** Accepts connections and never says a word. */
  static ScriptedSmtpServer stalling() throws IOException {
    return new ScriptedSmtpServer(address -> "250 OK", true, false);
  }

  /** Accepts one message per connection, then closes it, as some relays do. */
  static ScriptedSmtpServer closingAfterEachMessage() throws IOException {
    return new ScriptedSmtpServer(address -> "250 2.1.5 OK", false, true);
  }

  int port() {
    return serverSocket.getLocalPort();
  }

  /** How many connections the server accepted. */
  int connections() {
    return connections.get();
  }

  /** How many messages' ends (the dot after DATA) the server received, answered or not. */
  int messageEnds() {
    return messages.get();
  }

  /** How many NOOP commands the server received. */
  int noops() {
    return noops.get();
  }

  /** How many QUIT commands the server received (it answers each and closes that connection). */
  int quits() {
    return quits.get();
  }

  /** How many connections the client closed without QUIT (the server read the end of the stream). */
  int hangUps() {
    return hangUps.get();
  }

  /** The name the client gave in each EHLO or HELO, in order. */
  List<String> helloNames() {
    return List.copyOf(helloNames);
  }

  /** The envelope recipients of every accepted message, one entry per message and recipient. */
  List<String> acceptedRecipients() {
    return List.copyOf(accepted);
  }

  private void acceptLoop() {
    while (!serverSocket.isClosed()) {
      try {
        Socket socket = serverSocket.accept();
        connections.incrementAndGet();
        clients.add(socket);
        threads.execute(() -> serve(socket));
      } catch (IOException e) {
        return;
      }
    }
  }

  private void serve(Socket socket) {
    try (socket) {
      // Only ends a connection a test forgot; close() ends the others at once.
      socket.setSoTimeout(120_000);
      if (stall) {
        // Read (and ignore) until the client gives up or the test closes the server.
        while (socket.getInputStream().read() >= 0) {
          // stay silent
        }
        hangUps.incrementAndGet();
        return;
      }
      BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
      OutputStream out = socket.getOutputStream();
      reply(out, "220 scripted.test ESMTP");
      List<String> recipients = new CopyOnWriteArrayList<>();
      String line;
      while ((line = in.readLine()) != null) {
        String command = line.toUpperCase(Locale.ROOT);
        if (command.startsWith("EHLO") || command.startsWith("HELO")) {
          helloNames.add(line.substring(4).strip());
          reply(out, "250 scripted.test");
        } else if (command.startsWith("MAIL FROM")) {
          recipients.clear();
          String answer = mailReply.apply(mailCommands.incrementAndGet());
          if (answer == null) {
            while (socket.getInputStream().read() >= 0) {
              // silent until the client gives up
            }
            hangUps.incrementAndGet();
            return;
          }
          reply(out, answer);
          if (answer.startsWith("421")) {
            return;
          }
        } else if (command.startsWith("RCPT TO")) {
          String address = line.substring(line.indexOf('<') + 1, line.lastIndexOf('>'));
          String answer = rcptReply.apply(address);
          if (answer.startsWith("2")) {
            recipients.add(address);
          }
          reply(out, answer);
        } else if (command.equals("DATA")) {
          reply(out, "354 go ahead");
          while ((line = in.readLine()) != null && !line.equals(".")) {
            // swallow the message
          }
          if (line == null) {
            // The client hung up before the end of the data: like any server, discard the message.
            hangUps.incrementAndGet();
            return;
          }
          String answer = dataReply.apply(messages.incrementAndGet());
          if (answer == null) {
            return;
          }
          if (answer.startsWith("2")) {
            accepted.addAll(recipients);
          }
          reply(out, answer);
          if (closeAfterEachMessage) {
            return;
          }
        } else if (command.equals("RSET") || command.equals("NOOP")) {
          if (command.equals("NOOP")) {
            noops.incrementAndGet();
          }
          recipients.clear();
          reply(out, "250 2.0.0 OK");
        } else if (command.equals("QUIT")) {
          quits.incrementAndGet();
          reply(out, "221 2.0.0 bye");
          return;
        } else {
          reply(out, "502 5.5.2 not implemented");
        }
      }
      hangUps.incrementAndGet();
    } catch (SocketException e) {
      // closed by the client or by close()
    } catch (IOException e) {
      // read time-out or broken connection: this connection ends
    }
  }

  private static void reply(OutputStream out, String line) throws IOException {
    out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }

  @Override
  public void close() throws IOException {
    serverSocket.close();
    for (Socket client : clients) {
      client.close();
    }
    threads.shutdownNow();
    try {
      threads.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
