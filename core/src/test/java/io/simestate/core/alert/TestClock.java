package io.simestate.core.alert;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/** A clock that tests move by hand; thread-safe. */
public final class TestClock extends Clock {

  /** Where every test clock starts. */
  public static final Instant START = Instant.parse("2026-11-02T08:00:00Z");

  private final AtomicReference<Instant> now;

  /** A clock at {@link #START}. */
  public TestClock() {
    this(START);
  }

  /**
   * A clock at the given instant.
   *
   * @param start the first reading
   */
  public TestClock(Instant start) {
    this.now = new AtomicReference<>(start);
  }

  /**
   * Moves the clock forward.
   *
   * @param step how far
   * @return the new reading
   */
  public Instant advance(Duration step) {
    return now.updateAndGet(t -> t.plus(step));
  }

  /**
   * Sets the clock.
   *
   * @param at the new reading
   */
  public void set(Instant at) {
    now.set(at);
  }

  @Override
  public Instant instant() {
    return now.get();
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }
}
