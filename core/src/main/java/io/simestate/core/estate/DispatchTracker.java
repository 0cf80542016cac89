package io.simestate.core.estate;

import io.simestate.core.alert.SendResult;
import io.simestate.core.monitor.DispatchRun;
import io.simestate.core.monitor.EstateListener;
import io.simestate.core.monitor.MessageSent;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/** Remembers when this instance's dispatcher last completed a run and last had a message accepted. */
final class DispatchTracker implements EstateListener {

  private final AtomicReference<Instant> lastRun = new AtomicReference<>();
  private final AtomicReference<Instant> lastSent = new AtomicReference<>();
  private final Clock clock;

  DispatchTracker(Clock clock) {
    this.clock = clock;
  }

  @Override
  public void messageSent(MessageSent event) {
    if (event.result() == SendResult.Status.SENT) {
      latest(lastSent, clock.instant());
    }
  }

  @Override
  public void dispatchFinished(DispatchRun event) {
    if (event.completed()) {
      latest(lastRun, event.finishedAt());
    }
  }

  Optional<Instant> lastRun() {
    return Optional.ofNullable(lastRun.get());
  }

  Optional<Instant> lastSent() {
    return Optional.ofNullable(lastSent.get());
  }

  /** Keeps the later of two times: runs on several threads may finish out of order. */
  private static void latest(AtomicReference<Instant> ref, Instant at) {
    ref.accumulateAndGet(at, (a, b) -> a == null || b.isAfter(a) ? b : a);
  }
}
