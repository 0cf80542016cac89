package io.simestate.reliability;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP proxy on 127.0.0.1 in front of a server on 127.0.0.1, with faults:
 * <ul>
 *   <li>{@link #down()} / {@link #up()}: the listening port is closed and every open connection is
 *       dropped (the server "stops"); connections are refused until {@code up()};</li>
 *   <li>{@link #stall(boolean)}: connections are accepted but nothing is forwarded either way, and open
 *       connections go silent (a server that accepts and stops answering);</li>
 *   <li>{@link #cutAfterClientChunks(int)}: the connection that forwards the n-th client-to-server
 *       chunk from now on is dropped right after forwarding it (the reply never arrives).</li>
 * </ul>
 */
final class TcpProxy implements AutoCloseable {

  private final int targetPort;
  final int port;
  private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "tcp-proxy");
    t.setDaemon(true);
    return t;
  });
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private volatile ServerSocket listener;
  private volatile boolean stalled;
  private final AtomicInteger cutCountdown = new AtomicInteger(-1);
  private final AtomicLong cuts = new AtomicLong();
  private final AtomicLong accepted = new AtomicLong();

  TcpProxy(int targetPort) {
    this.targetPort = targetPort;
    this.port = MailServer.freePort();
    up();
  }

  /** Opens the listening port (again). */
  synchronized void up() {
    if (listener != null) {
      return;
    }
    try {
      ServerSocket s = new ServerSocket();
      s.setReuseAddress(true);
      s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
      listener = s;
      threads.execute(() -> accept(s));
    } catch (IOException e) {
      throw new IllegalStateException("cannot listen on " + port, e);
    }
  }

  /** Closes the listening port and drops every open connection. */
  synchronized void down() {
    if (listener != null) {
      closeQuietly(listener);
      listener = null;
    }
    dropAll();
  }

  /** Stops (or resumes) forwarding on every connection, open or new. */
  void stall(boolean on) {
    stalled = on;
  }

  /** Drops the connection that forwards the n-th client chunk from now, right after forwarding it. */
  void cutAfterClientChunks(int n) {
    cutCountdown.set(n);
  }

  /** Disarms a pending cut. */
  void disarm() {
    cutCountdown.set(-1);
  }

  long cuts() {
    return cuts.get();
  }

  long accepted() {
    return accepted.get();
  }

  void dropAll() {
    for (Socket s : open) {
      abort(s);
    }
  }

  private void accept(ServerSocket s) {
    while (!s.isClosed()) {
      try {
        Socket client = s.accept();
        accepted.incrementAndGet();
        Socket server = new Socket(InetAddress.getLoopbackAddress(), targetPort);
        open.add(client);
        open.add(server);
        java.util.concurrent.atomic.AtomicBoolean silent = new java.util.concurrent.atomic.AtomicBoolean(stalled);
        threads.execute(() -> pump(client, server, true, silent));
        threads.execute(() -> pump(server, client, false, silent));
      } catch (IOException e) {
        if (!s.isClosed()) {
          System.err.println("proxy accept failed: " + e);
        }
      }
    }
  }

  private void pump(Socket from, Socket to, boolean clientToServer,
      java.util.concurrent.atomic.AtomicBoolean silent) {
    byte[] buffer = new byte[64 * 1024];
    try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
      for (int n; (n = in.read(buffer)) >= 0; ) {
        // A stalled connection stays open and forwards nothing ever again, until a side closes it.
        if (stalled || silent.get()) {
          silent.set(true);
          continue;
        }
        out.write(buffer, 0, n);
        out.flush();
        if (clientToServer && cutCountdown.get() > 0 && cutCountdown.decrementAndGet() == 0) {
          cuts.incrementAndGet();
          abort(from);
          abort(to);
          return;
        }
      }
    } catch (IOException e) {
      // the other side closed, or the proxy dropped the connection
    } finally {
      abort(from);
      abort(to);
    }
  }

  private void abort(Socket s) {
    open.remove(s);
    try {
      s.setSoLinger(true, 0);
    } catch (SocketException ignored) {
      // already closed
    }
    closeQuietly(s);
  }

  private static void closeQuietly(java.io.Closeable c) {
    try {
      c.close();
    } catch (IOException ignored) {
      // closing anyway
    }
  }

  @Override
  public void close() {
    down();
    threads.shutdownNow();
    try {
      threads.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
