package io.simestate.examples;

import io.simestate.core.audit.AuditEvent;
import io.simestate.core.audit.EventPublisher;
import io.simestate.core.sim.Iccid;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;

/**
 * The administrative record (F11) as a CSV file: the host-side {@link EventPublisher} a portal would
 * register with {@code SimEstate.builder().publishEventsTo(...)} to keep its own audit trail. One row
 * per event; a bulk assignment is one row with its SIM count and first and last ICCID. Cells are
 * quoted as RFC 4180 asks, and a cell that a spreadsheet would take for a formula is prefixed with
 * an apostrophe.
 */
final class AuditCsv implements EventPublisher, AutoCloseable {

  private static final String HEADER = "at,tenant,type,actor,customer_id,sim_count,first_sim,last_sim,summary";

  private final Path file;
  private final BufferedWriter writer;
  private long rows;

  AuditCsv(Path file) {
    this.file = file;
    try {
      Files.createDirectories(file.getParent());
      this.writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
      writer.write(HEADER);
      writer.write("\r\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public synchronized void publish(AuditEvent event) {
    int simCount = event.sims().size();
    String first = "";
    String last = "";
    if (simCount > 0) {
      Iterator<Iccid> it = event.sims().iterator();
      Iccid firstSim = it.next();
      Iccid lastSim = firstSim;
      if (event.sims() instanceof io.simestate.core.sim.IccidRange range) {
        lastSim = range.last();
      } else {
        while (it.hasNext()) {
          lastSim = it.next();
        }
      }
      first = firstSim.digits();
      last = lastSim.digits();
    }
    try {
      writer.write(String.join(",", cell(event.at().toString()), cell(event.tenantId().value()),
          cell(event.type().name()), cell(event.actor().name()),
          cell(event.customerId() == null ? "" : event.customerId().toString()), cell(Integer.toString(simCount)),
          cell(first), cell(last), cell(event.summary())));
      writer.write("\r\n");
      rows++;
    } catch (IOException e) {
      throw new UncheckedIOException("Could not write the audit CSV " + file, e);
    }
  }

  /** Events written so far. */
  synchronized long rows() {
    return rows;
  }

  /** The file. */
  Path file() {
    return file;
  }

  @Override
  public synchronized void close() {
    try {
      writer.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String cell(String value) {
    String v = value == null ? "" : value;
    if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
      v = "'" + v;
    }
    if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
      return '"' + v.replace("\"", "\"\"") + '"';
    }
    return v;
  }
}
