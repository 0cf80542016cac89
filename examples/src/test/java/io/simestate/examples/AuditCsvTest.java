package io.simestate.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.simestate.core.Actor;
import io.simestate.core.TenantId;
import io.simestate.core.audit.AuditEvent;
import io.simestate.core.audit.AuditEventType;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The audit trail CSV: time order whatever the arrival order, and cells a spreadsheet shows as text. */
class AuditCsvTest {

  private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");

  @TempDir
  Path dir;

  private static AuditEvent event(double secondsAfterT0, String summary) {
    return new AuditEvent(UUID.randomUUID(), TenantId.of("acme"), AuditEventType.CUSTOMER_UPDATED,
        Actor.of("alice@portal"), T0.plusMillis(Math.round(secondsAfterT0 * 1000)), null, List.of(), summary);
  }

  private List<CSVRecord> read(Path file) throws IOException {
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in).getRecords();
    }
  }

  @Test
  void eventsThatOvertookEachOtherAreWrittenInTimeOrderAndEqualTimesInArrivalOrder() throws IOException {
    Path file = dir.resolve("audit.csv");
    try (AuditCsv csv = new AuditCsv(file)) {
      csv.publish(event(2, "second"));
      csv.publish(event(1, "first"));
      csv.publish(event(3, "third, arrived first of the two at 3 s"));
      csv.publish(event(3, "third, arrived second"));
      csv.publish(event(100, "much later"));
      csv.publish(event(2.5, "late by 97.5 s"));
      assertThat(csv.lateRows()).as("older than rows already written").isEqualTo(1);
    }

    assertThat(read(file)).extracting(row -> row.get("summary")).containsExactly("first", "second",
        "third, arrived first of the two at 3 s", "third, arrived second", "late by 97.5 s", "much later");
  }

  @Test
  void rowsWaitOnlyForTheReorderWindowAndTheRestAreWrittenOnClose() throws IOException {
    Path file = dir.resolve("audit.csv");
    AuditCsv csv = new AuditCsv(file);
    csv.publish(event(0, "a"));
    csv.publish(event(10, "b"));
    csv.publish(event(5, "in the window"));
    csv.publish(event(AuditCsv.REORDER_WINDOW.toSeconds() + 6, "pushes the first two out"));
    assertThat(csv.lateRows()).isZero();
    csv.close();

    assertThat(read(file)).extracting(row -> row.get("summary"))
        .containsExactly("a", "in the window", "b", "pushes the first two out");
    assertThat(csv.rows()).isEqualTo(4);
  }

  @Test
  void aCellThatASpreadsheetWouldRunAsAFormulaIsWrittenAsText() throws IOException {
    Path file = dir.resolve("audit.csv");
    try (AuditCsv csv = new AuditCsv(file)) {
      csv.publish(event(0, "=HYPERLINK(\"http://evil\",\"x\")"));
      csv.publish(event(1, "Renamed \"Acme, Inc.\"\nsecond line"));
    }

    List<CSVRecord> rows = read(file);
    assertThat(rows.get(0).get("summary")).isEqualTo("'=HYPERLINK(\"http://evil\",\"x\")");
    assertThat(rows.get(1).get("summary")).isEqualTo("Renamed \"Acme, Inc.\"\nsecond line");
    assertThat(rows.get(1).get("at")).isEqualTo("2026-11-25T10:00:01.000000Z");
  }
}
