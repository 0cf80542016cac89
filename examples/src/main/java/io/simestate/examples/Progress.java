package io.simestate.examples;

import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * A progress line for one step of the demo: while the step runs, a line with the count so far and
 * the rate every second; when it ends, one line with the total, the time and the rate. A step that
 * ends within a second prints only its final line.
 */
final class Progress implements AutoCloseable {

  private static final ScheduledExecutorService TICKS = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "demo-progress");
    t.setDaemon(true);
    return t;
  });

  private final PrintStream out;
  private final String label;
  private final String unit;
  private final long total;
  private final Supplier<String> detail;
  private final AtomicLong count = new AtomicLong();
  private final long startNanos = System.nanoTime();
  private final ScheduledFuture<?> ticker;
  private volatile long endNanos;

  private Progress(PrintStream out, String label, String unit, long total, Supplier<String> detail) {
    this.out = out;
    this.label = label;
    this.unit = unit;
    this.total = total;
    this.detail = detail;
    this.ticker = TICKS.scheduleAtFixedRate(this::tick, 1, 1, TimeUnit.SECONDS);
  }

  /**
   * Starts a step.
   *
   * @param out where to print
   * @param label the step, e.g. "Assigning SIMs by range"
   * @param unit what is counted, e.g. "SIMs"; null for a step that only shows its time
   * @param total how many are expected, or 0 if unknown
   * @param detail more text for each line, or null
   * @return the running step
   */
  static Progress start(PrintStream out, String label, String unit, long total, Supplier<String> detail) {
    return new Progress(out, label, unit, total, detail);
  }

  static Progress start(PrintStream out, String label, String unit, long total) {
    return start(out, label, unit, total, null);
  }

  void add(long n) {
    count.addAndGet(n);
  }

  void set(long n) {
    count.set(n);
  }

  long count() {
    return count.get();
  }

  /** Seconds since the step started (or until it ended). */
  double seconds() {
    long end = endNanos != 0 ? endNanos : System.nanoTime();
    return Math.max(1e-9, (end - startNanos) / 1e9);
  }

  /** Counted units per second. */
  double rate() {
    return count.get() / seconds();
  }

  private void tick() {
    if (unit == null) {
      out.println("    ... " + label + ": " + secs(seconds()) + " so far" + extra());
      return;
    }
    long n = count.get();
    String of = total > 0 ? " / " + num(total) : "";
    out.println("    ... " + label + ": " + num(n) + of + " " + unit + " (" + num(Math.round(rate())) + "/s)"
        + extra());
  }

  private String extra() {
    String more = detail == null ? null : detail.get();
    return more == null || more.isEmpty() ? "" : "; " + more;
  }

  /** Ends the step and prints its final line. */
  @Override
  public void close() {
    if (endNanos != 0) {
      return;
    }
    ticker.cancel(false);
    endNanos = System.nanoTime();
    if (unit == null) {
      out.println("  " + label + ": done in " + secs(seconds()) + extra());
      return;
    }
    out.println("  " + label + ": " + num(count.get()) + " " + unit + " in " + secs(seconds()) + " ("
        + num(Math.round(rate())) + "/s)" + extra());
  }

  static String num(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  static String secs(double seconds) {
    return String.format(Locale.ROOT, "%.1f s", seconds);
  }
}
