package io.simestate.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Arrays;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A TCP proxy on 127.0.0.1 that delivers every byte a fixed time after it arrived, in each direction:
 * a server that far away on the network, for the mail benchmarks (loopback has almost no latency, so
 * a round trip more or less per email hardly shows there). Chunks are forwarded in order, each at its
 * arrival time plus the delay, so bytes in flight overlap as on a real link. Daemon threads; lives as
 * long as the benchmark's JVM.
 */
final class LatencyProxy {

  private static final byte[] END = new byte[0];

  private final ServerSocket listener;
  private final int target;
  private final long delayNanos;

  private LatencyProxy(int target, long delayMillis) throws IOException {
    this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    this.target = target;
    this.delayNanos = TimeUnit.MILLISECONDS.toNanos(delayMillis);
    daemon(this::accept, "latency-proxy");
  }

  /** Starts a proxy to {@code 127.0.0.1:target} that delays each direction by {@code delayMillis}. */
  static LatencyProxy start(int target, long delayMillis) {
    try {
      return new LatencyProxy(target, delayMillis);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  int port() {
    return listener.getLocalPort();
  }

  private void accept() {
    while (true) {
      try {
        Socket client = listener.accept();
        Socket server = new Socket(InetAddress.getLoopbackAddress(), target);
        client.setTcpNoDelay(true);
        server.setTcpNoDelay(true);
        pipe(client, server);
        pipe(server, client);
      } catch (IOException e) {
        return;
      }
    }
  }

  /** Copies {@code from}'s input to {@code to}'s output, each chunk after the delay. */
  private void pipe(Socket from, Socket to) {
    record Chunk(long due, byte[] bytes) {}
    BlockingQueue<Chunk> queue = new LinkedBlockingQueue<>();
    daemon(() -> {
      byte[] buffer = new byte[16 * 1024];
      try (InputStream in = from.getInputStream()) {
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
          queue.add(new Chunk(System.nanoTime() + delayNanos, Arrays.copyOf(buffer, n)));
        }
      } catch (IOException e) {
        // the connection ended
      }
      queue.add(new Chunk(System.nanoTime() + delayNanos, END));
    }, "latency-proxy-read");
    daemon(() -> {
      try (OutputStream out = to.getOutputStream()) {
        for (Chunk c = queue.take(); c.bytes() != END; c = queue.take()) {
          long wait = c.due() - System.nanoTime();
          if (wait > 0) {
            TimeUnit.NANOSECONDS.sleep(wait);
          }
          out.write(c.bytes());
          out.flush();
        }
        to.shutdownOutput();
      } catch (IOException | InterruptedException e) {
        // the connection ended
      }
    }, "latency-proxy-write");
  }

  private static void daemon(Runnable task, String name) {
    Thread t = new Thread(task, name);
    t.setDaemon(true);
    t.start();
  }
}
