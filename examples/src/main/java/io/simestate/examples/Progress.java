package io.simestate.examples;

import java.io.PrintStream;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The progress of one step of the demo, told so that a person can follow it without being flooded:
 * a line when the step starts; while it runs, a line with done / total, the rate and an estimate of
 * the time left, at most every {@value #MIN_GAP_SECONDS} s and, when the total is known, only when
 * another tenth of the work is done (or {@value #MAX_GAP_SECONDS} s passed without one); and a final
 * line with the step's total, time and rate.
 *
 * <p>The estimate uses the rate since the previous line, so that it follows a step whose speed
 * changes (a JVM warming up, an SMTP outage).
 */
final class Progress implements AutoCloseable {

  /** The shortest gap between two progress lines of a step. */
  static final int MIN_GAP_SECONDS = 5;
  /** The longest gap between two progress lines of a step whose total is known. */
  static final int MAX_GAP_SECONDS = 15;

  private static final long NANOS = 1_000_000_000L;
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
  private final LongSupplier nanoTime;
  private final AtomicLong count = new AtomicLong();
  private final long startNanos;
  private ScheduledFuture<?> ticker;
  private long lastLineNanos;
  private long lastLineCount;
  private long lastTenth;
  private long endNanos;

  Progress(PrintStream out, String label, String unit, long total, Supplier<String> detail, LongSupplier nanoTime) {
    this.out = out;
    this.label = label;
    this.unit = unit;
    this.total = total;
    this.detail = detail;
    this.nanoTime = nanoTime;
    this.startNanos = nanoTime.getAsLong();
    this.lastLineNanos = startNanos;
    out.println("  " + label + (unit != null && total > 0 ? " (" + Figures.count(total) + " " + unit + ")" : "")
        + " ...");
  }

  /**
   * Starts a step: prints its first line and then its progress once a second is due.
   *
   * @param out where to print
   * @param label the step, e.g. "Assigning SIMs by range"
   * @param unit what is counted, e.g. "SIMs"; null for a step that only shows its time
   * @param total how many are expected, or 0 if unknown
   * @param detail more text for each line, or null
   * @return the running step
   */
  static Progress start(PrintStream out, String label, String unit, long total, Supplier<String> detail) {
    Progress p = new Progress(out, label, unit, total, detail, System::nanoTime);
    p.ticker = TICKS.scheduleAtFixedRate(p::tick, 1, 1, TimeUnit.SECONDS);
    return p;
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

  /** Seconds since the step started (or until it ended). */
  synchronized double seconds() {
    long end = endNanos != 0 ? endNanos : nanoTime.getAsLong();
    return Math.max(1e-9, (end - startNanos) / (double) NANOS);
  }

  /** Prints a progress line if one is due; called once a second. */
  synchronized void tick() {
    if (endNanos != 0) {
      return;
    }
    long now = nanoTime.getAsLong();
    long sinceLast = now - lastLineNanos;
    if (sinceLast < MIN_GAP_SECONDS * NANOS) {
      return;
    }
    long n = count.get();
    if (unit == null) {
      out.println("    " + Figures.seconds((now - startNanos) / (double) NANOS) + " so far" + extra());
      lastLineNanos = now;
      return;
    }
    long tenth = total > 0 ? Math.min(10, n * 10 / total) : 0;
    if (total > 0 && tenth == lastTenth && sinceLast < MAX_GAP_SECONDS * NANOS) {
      return;
    }
    double window = sinceLast / (double) NANOS;
    long recent = n - lastLineCount;
    StringBuilder line = new StringBuilder("    ").append(Figures.count(n));
    if (total > 0) {
      line.append(" / ").append(Figures.count(total));
    }
    line.append(' ').append(unit);
    if (total > 0) {
      line.append(" (").append(Figures.percent(n, total)).append(')');
    }
    line.append(", ").append(Figures.rate(recent, window));
    if (total > 0 && n < total) {
      line.append(recent > 0 ? ", about " + Figures.roughly((total - n) * window / recent) + " left"
          : ", time left unknown (nothing done in the last " + Figures.roughly(window) + ")");
    }
    out.println(line.append(extra()));
    lastLineNanos = now;
    lastLineCount = n;
    lastTenth = tenth;
  }

  private String extra() {
    String more = detail == null ? null : detail.get();
    return more == null || more.isEmpty() ? "" : "; " + more;
  }

  /** Ends the step and prints its final line. */
  @Override
  public synchronized void close() {
    if (endNanos != 0) {
      return;
    }
    if (ticker != null) {
      ticker.cancel(false);
    }
    endNanos = nanoTime.getAsLong();
    if (unit == null) {
      out.println("  " + label + ": done in " + Figures.seconds(seconds()) + extra());
      return;
    }
    out.println("  " + label + ": " + Figures.count(count.get()) + " " + unit + " in " + Figures.seconds(seconds())
        + " (" + Figures.rate(count.get(), seconds()) + ")" + extra());
  }
}
