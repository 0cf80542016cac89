package io.simestate.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the demo small, in this process, once, and checks what a person reads: that the summary's
 * figures add up as printed, that numbers carry thousands separators, that the audit trail CSV is in
 * time order, that the run reports show addresses as entered, and that the files exist.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoTest {

  /** A summary line: label, a figure, an optional note. */
  private static final Pattern FIGURE = Pattern.compile("^ {2}(?: {2}(?<part>[=+]) )?(?<label>\\S.*?)\\s{2,}(?<n>[\\d,]+)(?: {2}.*)?$");

  private Path out;
  private DemoResult r;
  private String printed;

  @BeforeAll
  void runTheDemoSmall(@TempDir Path dir) {
    out = dir;
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    r = Demo.run(DemoOptions.parse("--sims", "2000", "--alerts", "500", "--outage-seconds", "2",
        "--out", out.toString()), new PrintStream(console, true, StandardCharsets.UTF_8));
    printed = console.toString(StandardCharsets.UTF_8);
  }

  @Test
  void everyCheckPassesAndTheExitStatusIsZero() {
    assertThat(r.failedChecks()).as(printed).isEmpty();
    assertThat(r.exitStatus()).isZero();
    assertThat(printed).contains("Alerts routed").contains("SMTP server stopped").contains("Output folder: ");
  }

  @Test
  void theOutputFolderShowsTheEmailsAsReadersSeeThemAndOneClickUnsubscribeWorked() throws Exception {
    assertThat(printed).contains("stored tenant settings (estate.tenants(), audited)")
        .containsPattern("one-click unsubscribe headers \\(RFC 8058\\): [1-9][\\d,]* of ")
        .contains("one-click unsubscribe of https://portal.");
    try (var folders = Files.list(out)) {
      Path run = folders.filter(Files::isDirectory).findFirst().orElseThrow();
      assertThat(run.resolve("mail-preview").resolve("warning.html")).content(StandardCharsets.UTF_8)
          .contains("What happens at 100 %", "(", " UTC)", "Open the ");
      assertThat(run.resolve("mail-preview").resolve("cut-off.html")).content(StandardCharsets.UTF_8)
          .contains("SERVICE STOPPED", "How to restore service");
    }
  }

  @Test
  void everySummaryFigureIsTheSumOfThePartsPrintedUnderIt() {
    List<String> summary = summaryLines();
    List<String> sums = new ArrayList<>();
    String label = null;
    long total = 0;
    long parts = 0;
    for (String line : summary) {
      Matcher m = FIGURE.matcher(line);
      if (!m.matches()) {
        continue;
      }
      long n = Long.parseLong(m.group("n").replace(",", ""));
      if (m.group("part") == null) {
        if (label != null && parts > 0) {
          assertThat(parts).as("%s: the parts printed under it%n%s", label, String.join("\n", summary)).isEqualTo(total);
          sums.add(label);
        }
        label = m.group("label");
        total = n;
        parts = 0;
      } else {
        parts += n;
      }
    }
    assertThat(sums).as("the sums checked").contains("Alerts routed", "Contacts skipped by routing",
        "Deliveries recorded", "Deliveries by status", "Messages handed to the mail adapter", "Messages accepted",
        "SIMs assigned");
  }

  @Test
  void theSummaryPrintsTheLibrarysRecordsWithThousandsSeparators() {
    assertThat(summaryLine("Alerts routed")).contains("500");
    assertThat(summaryLine("SIMs assigned")).contains(" 2,000 ");
    assertThat(summaryLine("Deliveries by status")).contains(Figures.count(r.deliveriesSent()));
    for (String line : summaryLines()) {
      Matcher digits = Pattern.compile("(?<![\\d,.])\\d[\\d,]*(?![\\d,])").matcher(line);
      while (digits.find()) {
        assertThat(digits.group()).as("a number in: %s", line).matches("\\d{1,3}(,\\d{3})*");
      }
    }
  }

  @Test
  void progressLinesShowTheTotalAndEachStepEndsWithItsRate() {
    assertThat(printed).contains("  Creating customers with their contacts (300 customers) ...")
        .containsPattern("  Creating customers with their contacts: 300 customers in [\\d.]+ s \\([\\d,]+/s\\)")
        .containsPattern("  Routing alerts: 500 alerts in [\\d.]+ s \\([\\d,]+/s\\)");
  }

  @Test
  void theFiguresAccountForEveryAlertAndDelivery() {
    assertThat(r.alertsReplayed()).isEqualTo(500);
    assertThat(r.routedToContacts() + r.routedToCatchAll() + r.noEligibleContact() + r.reachedNobody()
        + r.repeatsSuppressed() + r.duplicateIds()).as("every alert has one outcome").isEqualTo(500);
    assertThat(r.routedToCatchAll()).as("alerts of SIMs without customer").isPositive();
    assertThat(r.duplicateIds()).isPositive();
    assertThat(r.repeatsSuppressed()).isPositive();
    assertThat(r.skipped()).isPositive();

    assertThat(r.deliveriesSent() + r.deliveriesFailed() + r.deliveriesPending())
        .isEqualTo(r.deliveriesRecorded() + r.noticesRecorded());
    assertThat(r.deliveriesPending()).isZero();
    assertThat(r.deliveriesFailed()).isZero();
    assertThat(r.retries()).as("the SMTP outage caused retries").isPositive();
    assertThat(r.digests()).as("the storm went out as digests").isPositive();
    assertThat(r.messagesAccepted()).isLessThan(r.deliveriesSent());
    assertThat(r.emailsReceived()).isGreaterThanOrEqualTo(r.messagesAccepted());

    assertThat(r.simsAssigned()).isEqualTo(2000);
    assertThat(r.csvRejected()).isEqualTo(6);
    assertThat(r.simsUnassignedByDelete()).isPositive();
  }

  @Test
  void theAuditTrailCsvIsInTimeOrderAndHoldsEveryEvent() throws IOException {
    List<CSVRecord> rows;
    try (Reader in = Files.newBufferedReader(r.outputFolder().resolve("audit-trail.csv"), StandardCharsets.UTF_8)) {
      rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in).getRecords();
    }
    assertThat(rows).hasSize((int) r.auditEvents());
    assertThat(rows.get(0).getParser().getHeaderNames()).isEqualTo(AuditCsv.HEADER);
    Instant previous = Instant.MIN;
    for (CSVRecord row : rows) {
      Instant at = Instant.parse(row.get("at"));
      assertThat(at).as("row %d: %s", row.getRecordNumber(), row).isAfterOrEqualTo(previous);
      previous = at;
    }
    assertThat(rows).extracting(row -> row.get("type")).contains("CUSTOMER_CREATED", "SIMS_ASSIGNED",
        "ALERT_ROUTED", "DELIVERY_SENT", "CUSTOMER_DELETED");
  }

  @Test
  void theRunReportsShowAddressesAsEnteredAndEscapeWhatCustomersTyped() throws IOException {
    Path folder = r.outputFolder();
    String report = Files.readString(folder.resolve("run-report-1-northwind-iot.html"));
    assertThat(report).contains("O&#39;Brien &amp; Söhne &lt;Smart Meters&gt;").doesNotContain("<Smart Meters>")
        .contains("office@obrien-söhne.example").doesNotContain("xn--")
        .contains("10115 Berlin").contains("Germany").contains("+49 30 ");
    assertThat(Files.readString(folder.resolve("run-report-2-bluewave-m2m.html"))).contains("Tailspin Vending Machines");
  }

  @Test
  void everyReceivedEmailIsWrittenAsEml() throws IOException {
    Path folder = r.outputFolder();
    assertThat(folder).startsWith(out);
    try (Stream<Path> eml = Files.list(folder.resolve("mail"))) {
      assertThat(eml.filter(p -> p.toString().endsWith(".eml")).count()).isEqualTo(r.emlFiles())
          .isEqualTo(r.emailsReceived());
    }
  }

  private List<String> summaryLines() {
    int from = printed.indexOf("== 4. Summary");
    int to = printed.indexOf("== 5.");
    assertThat(from).as(printed).isNotNegative();
    assertThat(to).isGreaterThan(from);
    // The summary's own lines: figures ("  Label") and their parts ("    = part", "    + part"), not progress.
    return printed.substring(from, to).lines().filter(l -> l.matches(" {2}(\\S| {2}[=+] ).*")).toList();
  }

  private String summaryLine(String label) {
    return summaryLines().stream().filter(l -> l.startsWith("  " + label)).findFirst().orElseThrow();
  }
}
