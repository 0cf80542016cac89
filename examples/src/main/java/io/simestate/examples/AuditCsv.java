package io.simestate.examples;

import io.simestate.core.audit.AuditEvent;
import io.simestate.core.audit.EventPublisher;
import io.simestate.core.sim.Iccid;
import io.simestate.core.sim.IccidRange;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.PriorityQueue;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The administrative record (F11) as a CSV file: the host-side {@link EventPublisher} a portal would
 * register with {@code SimEstate.builder().publishEventsTo(...)} to keep its own audit trail. One row
 * per event; a bulk assignment is one row with its SIM count and first and last ICCID. RFC 4180, and
 * a cell that a spreadsheet would take for a formula is prefixed with an apostrophe.
 *
 * <p>Rows are in time order, equal times in the order the events arrived. Events do not arrive in
 * time order: the library stamps an event and then hands it to its publishers from the thread that
 * made the change, and with several threads a later-stamped event can overtake an earlier one on
 * its way here (the first publisher, the library's own audit table, can wait for a row lock). So
 * rows wait here for {@link #REORDER_WINDOW} after the newest event seen and are then written in
 * order. A row that arrives later than that is still written, out of order, and counted in
 * {@link #lateRows()}.
 */
final class AuditCsv implements EventPublisher, AutoCloseable {

  /** The columns. */
  static final List<String> HEADER = List.of("at", "tenant", "type", "actor", "customer_id", "sim_count",
      "first_sim", "last_sim", "summary");
  /** How long a row waits for earlier-stamped events that are still on their way. */
  static final Duration REORDER_WINDOW = Duration.ofSeconds(30);

  /** Fixed width, microseconds, UTC: sorts as text in the same order as in time. */
  static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

  private static final Comparator<Row> ORDER = Comparator.comparing(Row::at).thenComparingLong(Row::arrival);

  private record Row(Instant at, long arrival, List<String> cells) {}

  private final Path file;
  private final CSVPrinter printer;
  private final PriorityQueue<Row> waiting = new PriorityQueue<>(ORDER);
  private Instant newest = Instant.MIN;
  private Instant lastWritten = Instant.MIN;
  private long arrived;
  private long lateRows;
  private boolean closed;

  AuditCsv(Path file) {
    this.file = file;
    try {
      Files.createDirectories(file.getParent());
      this.printer = CSVFormat.RFC4180.builder().setHeader(HEADER.toArray(String[]::new)).get()
          .print(Files.newBufferedWriter(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public synchronized void publish(AuditEvent event) {
    if (closed) {
      throw new IllegalStateException("the audit CSV " + file + " is closed");
    }
    Row row = new Row(event.at(), arrived++, cells(event));
    if (row.at().isBefore(lastWritten)) {
      lateRows++;
    }
    waiting.add(row);
    if (row.at().isAfter(newest)) {
      newest = row.at();
    }
    writeWaitingBefore(newest.minus(REORDER_WINDOW));
  }

  private static List<String> cells(AuditEvent event) {
    int simCount = event.sims().size();
    String first = "";
    String last = "";
    if (simCount > 0) {
      Iterator<Iccid> it = event.sims().iterator();
      Iccid firstSim = it.next();
      Iccid lastSim = firstSim;
      if (event.sims() instanceof IccidRange range) {
        lastSim = range.last();
      } else {
        while (it.hasNext()) {
          lastSim = it.next();
        }
      }
      first = firstSim.digits();
      last = lastSim.digits();
    }
    return List.of(TIME.format(event.at()), cell(event.tenantId().value()), event.type().name(),
        cell(event.actor().name()), event.customerId() == null ? "" : event.customerId().toString(),
        Integer.toString(simCount), first, last, cell(event.summary()));
  }

  private void writeWaitingBefore(Instant limit) {
    while (!waiting.isEmpty() && waiting.peek().at().isBefore(limit)) {
      write(waiting.poll());
    }
  }

  private void write(Row row) {
    try {
      printer.printRecord(row.cells());
    } catch (IOException e) {
      throw new UncheckedIOException("Could not write the audit CSV " + file, e);
    }
    if (row.at().isAfter(lastWritten)) {
      lastWritten = row.at();
    }
  }

  /** Events received so far (written or waiting). */
  synchronized long rows() {
    return arrived;
  }

  /** Rows that arrived after a later-stamped row had been written, and so stand out of order. */
  synchronized long lateRows() {
    return lateRows;
  }

  /** The file. */
  Path file() {
    return file;
  }

  /** Writes the rows still waiting, in order, and closes the file. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    while (!waiting.isEmpty()) {
      write(waiting.poll());
    }
    try {
      printer.close(true);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A cell a spreadsheet shows as text: a leading {@code = + - @} (or tab, CR) gets an apostrophe. */
  static String cell(String value) {
    String v = value == null ? "" : value;
    if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
      return "'" + v;
    }
    return v;
  }
}
