package io.simestate.benchmarks;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Session;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Properties;

/**
 * An in-process GreenMail SMTP server on 127.0.0.1 for the mail benchmarks, and a raw Jakarta Mail
 * session to it. With {@code -Dsimestate.bench.smtpLatencyMs=N} in the forked JVM (JMH's
 * {@code -jvmArgsAppend}, which replaces the benchmark's own fork arguments, so repeat those), every
 * client, ours and the baselines alike, reaches it through a {@link LatencyProxy} that delays each
 * direction by N milliseconds: a relay that far away rather than on loopback.
 */
final class BenchSmtp {

  /** The port clients connect to: the server's, or the latency proxy's in front of it. */
  final int port;
  final GreenMail server;
  final Session session;

  private BenchSmtp() {
    int serverPort = freePort();
    ServerSetup setup = new ServerSetup(serverPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
    setup.setServerStartupTimeout(120_000); // the 2 s default is too short on a busy machine
    server = new GreenMail(setup);
    server.start();
    long latency = Long.getLong("simestate.bench.smtpLatencyMs", 0);
    port = latency > 0 ? LatencyProxy.start(serverPort, latency).port() : serverPort;
    Properties properties = new Properties();
    properties.put("mail.smtp.host", "127.0.0.1");
    properties.put("mail.smtp.port", String.valueOf(port));
    properties.put("mail.smtp.connectiontimeout", "5000");
    properties.put("mail.smtp.timeout", "10000");
    session = Session.getInstance(properties);
  }

  /** Starts a server on a free port. */
  static BenchSmtp start() {
    return new BenchSmtp();
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
