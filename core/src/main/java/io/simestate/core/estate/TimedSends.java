package io.simestate.core.estate;

import io.simestate.core.alert.AcceptanceGate;
import io.simestate.core.alert.Notification;
import io.simestate.core.alert.NotificationSender;
import io.simestate.core.alert.SendResult;
import io.simestate.core.monitor.SendFailure;
import io.simestate.core.alert.SendSession;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dispatcher's side of one send session: every call into the host's sender (open, send, close)
 * runs on a send thread of this session's own and is waited for at most the time limit. A call that
 * does not return in time is abandoned with its thread and its session (the thread is interrupted,
 * and the session is closed on that thread if the call ever returns); the next message gets a new
 * thread and a new session, so a sender that hangs blocks neither the rest of the batch nor the next
 * round. Whatever the sender throws becomes a transient failure of that message; a
 * {@link VirtualMachineError} is handed back as well, for the dispatcher to re-throw after recording.
 * Used by one dispatching thread.
 */
final class TimedSends implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(TimedSends.class);
  private static final AtomicInteger THREADS = new AtomicInteger();
  private static final ThreadFactory DAEMONS = r -> {
    Thread t = new Thread(r, "simestate-send-" + THREADS.incrementAndGet());
    t.setDaemon(true);
    return t;
  };

  /** What one send came to: its result, and the fatal error to re-throw once it is recorded. */
  record Outcome(SendResult result, VirtualMachineError fatal, SendFailure failure) {}

  /** One send thread and the session that lives on it; only that thread touches the session. */
  private static final class Worker {
    final ExecutorService thread = Executors.newSingleThreadExecutor(DAEMONS);
    SendSession session;
  }

  private final NotificationSender sender;
  private final Duration limit;
  private Worker worker;

  TimedSends(NotificationSender sender, Duration limit) {
    this.sender = sender;
    this.limit = limit;
  }

  /** A message handed to the send thread, whose outcome {@link #outcome} waits for. */
  static final class Started {
    private final Future<SendResult> call;

    private Started(Future<SendResult> call) {
      this.call = call;
    }
  }

  /**
   * Hands one message to the send thread, which sends it at once and lets the server accept it when
   * {@code gate} opens.
   *
   * @param n the message
   * @param gate what the server's acceptance waits for
   * @return the send, for {@link #outcome}
   */
  Started start(Notification n, AcceptanceGate gate) {
    Worker w = worker != null ? worker : (worker = new Worker());
    return new Started(w.thread.submit(() -> {
      if (w.session == null) {
        w.session = sender.open();
        if (w.session == null) {
          throw new IllegalStateException("the notification sender opened no session");
        }
      }
      return w.session.send(n, gate);
    }));
  }

  /**
   * Waits for a started send at most the time limit, counted from this call: the caller opens the
   * send's gate just before, so the time a send waited at its gate does not count.
   *
   * @param started the send
   * @return the result, never null; a transient failure if the sender threw, returned null or did not
   *     answer in time
   */
  Outcome outcome(Started started) {
    Future<SendResult> call = started.call;
    try {
      SendResult result = call.get(limit.toNanos(), TimeUnit.NANOSECONDS);
      if (result == null) {
        return new Outcome(SendResult.transientFailure("the notification sender returned no result"), null,
            SendFailure.NO_RESULT);
      }
      return new Outcome(result, null,
          result.status() == SendResult.Status.SENT ? SendFailure.NONE : SendFailure.REPORTED);
    } catch (TimeoutException e) {
      abandon(call);
      return new Outcome(SendResult.transientFailure("the notification sender did not answer within "
          + limit.toMillis() + " ms; the send was abandoned"), null, SendFailure.TIMED_OUT);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      // A sender that threw may have left its session half way through a message: start afresh.
      abandon(call);
      return new Outcome(SendResult.transientFailure("the notification sender failed: " + describe(cause)),
          cause instanceof VirtualMachineError fatal ? fatal : null, SendFailure.SENDER_THREW);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      abandon(call);
      return new Outcome(SendResult.transientFailure("the dispatcher was interrupted while the message was sent"),
          null, SendFailure.TIMED_OUT);
    }
  }

  /** A one-line account of a failure, without a stack trace and without the sender's personal data. */
  static String describe(Throwable t) {
    Throwable cause = t.getCause();
    // The library's own wrapper (a settings source's failure, say) names the part; its cause says why.
    return cause == null || cause == t ? describeOne(t) : describeOne(t) + " (caused by " + describeOne(cause) + ")";
  }

  private static String describeOne(Throwable t) {
    String message = t.getMessage();
    return t.getClass().getName() + (message == null || message.isBlank() ? "" : ": " + message);
  }

  private void abandon(Future<SendResult> call) {
    Worker w = worker;
    worker = null;
    if (w == null) {
      return;
    }
    call.cancel(true);
    // Runs once the abandoned call returns, if it ever does; the thread then ends.
    w.thread.execute(() -> closeQuietly(w.session));
    w.thread.shutdown();
  }

  /** Ends the session, as {@link #endSession} does. */
  @Override
  public void close() {
    endSession();
  }

  /**
   * Closes the session on its own thread, waiting at most the time limit. A later {@link #send}
   * opens a new session on a new thread.
   */
  void endSession() {
    Worker w = worker;
    worker = null;
    if (w == null) {
      return;
    }
    Future<?> closing = w.thread.submit(() -> closeQuietly(w.session));
    w.thread.shutdown();
    try {
      closing.get(limit.toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      closing.cancel(true);
      LOG.warn("The notification sender's session did not close within {} ms; left to its thread", limit.toMillis());
    } catch (ExecutionException e) {
      LOG.warn("The notification sender's session failed to close", e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void closeQuietly(SendSession session) {
    if (session == null) {
      return;
    }
    try {
      session.close();
    } catch (VirtualMachineError e) {
      throw e;
    } catch (Throwable e) {
      LOG.warn("The notification sender's session failed to close", e);
    }
  }
}
