package io.simestate.spring;

import io.simestate.core.estate.AlertDispatcher;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs the alert dispatcher while the application context runs: it starts with the context, on a
 * thread of its own (so each round runs in transactions of its own, never inside a caller's), and on
 * shutdown stops scheduling rounds and waits up to the shutdown time-out for the round in flight.
 */
public final class DispatcherLifecycle implements SmartLifecycle {

  private static final Logger LOG = LoggerFactory.getLogger(DispatcherLifecycle.class);

  private final AlertDispatcher dispatcher;
  private final Duration interval;
  private final Duration shutdownTimeout;
  private ScheduledExecutorService executor;

  /**
   * A lifecycle for one dispatcher.
   *
   * @param dispatcher the estate's dispatcher
   * @param interval the pause between the end of one run and the start of the next
   * @param shutdownTimeout how long shutdown waits for the round in flight
   */
  public DispatcherLifecycle(AlertDispatcher dispatcher, Duration interval, Duration shutdownTimeout) {
    this.dispatcher = dispatcher;
    this.interval = interval;
    this.shutdownTimeout = shutdownTimeout;
  }

  /** Starts dispatching on a thread of its own. */
  @Override
  public synchronized void start() {
    if (executor != null) {
      return;
    }
    executor = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "simestate-dispatcher");
      t.setDaemon(true);
      return t;
    });
    dispatcher.scheduleOn(executor, interval);
    LOG.info("SIM Estate dispatcher started; it runs every {}", interval);
  }

  /**
   * Stops the dispatcher ({@link AlertDispatcher#stop(Duration)}): no further rounds, the message in
   * flight finishes, the unsent rest of the claim is released at once; waits up to the shutdown
   * time-out. A stopped dispatcher does not start again: the lifecycle ends with the context.
   */
  @Override
  public void stop() {
    ScheduledExecutorService running;
    synchronized (this) {
      running = executor;
      executor = null;
    }
    if (running == null) {
      return;
    }
    // The dispatcher finishes the message in flight and gives the unsent rest of its claim back at
    // once, so another instance sends it without waiting for the lease.
    if (!dispatcher.stop(shutdownTimeout)) {
      LOG.warn("The SIM Estate dispatcher was still sending after {}; it stops after its message", shutdownTimeout);
    }
    running.shutdown();
    try {
      if (!running.awaitTermination(shutdownTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
        LOG.warn("The SIM Estate dispatcher did not finish its round within {}; interrupting it", shutdownTimeout);
        running.shutdownNow();
      }
    } catch (InterruptedException e) {
      running.shutdownNow();
      Thread.currentThread().interrupt();
    }
    LOG.info("SIM Estate dispatcher stopped");
  }

  /**
   * Whether the dispatcher runs.
   *
   * @return true between start and stop
   */
  @Override
  public synchronized boolean isRunning() {
    return executor != null;
  }
}
