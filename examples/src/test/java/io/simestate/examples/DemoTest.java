package io.simestate.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the demo small, in this process, and checks that its numbers add up and its files exist. */
class DemoTest {

  @TempDir
  Path out;

  @Test
  void aSmallRunAccountsForEveryAlertAndDeliveryAndWritesItsFiles() throws IOException {
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    DemoResult r = Demo.run(DemoOptions.parse("--sims", "2000", "--alerts", "500", "--outage-seconds", "2",
        "--out", out.toString()), new PrintStream(console, true, StandardCharsets.UTF_8));
    String printed = console.toString(StandardCharsets.UTF_8);

    assertThat(r.failedChecks()).as(printed).isEmpty();
    assertThat(r.exitStatus()).isZero();
    assertThat(printed).contains("Alerts routed").contains("SMTP server stopped").contains("Output folder: ");

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

    Path folder = r.outputFolder();
    assertThat(folder).startsWith(out);
    try (Stream<Path> eml = Files.list(folder.resolve("mail"))) {
      assertThat(eml.filter(p -> p.toString().endsWith(".eml")).count()).isEqualTo(r.emlFiles())
          .isEqualTo(r.emailsReceived());
    }
    String report = Files.readString(folder.resolve("run-report-1-northwind-iot.html"));
    assertThat(report).contains("O&#39;Brien &amp; Söhne &lt;Smart Meters&gt;").doesNotContain("<Smart Meters>");
    assertThat(Files.readString(folder.resolve("run-report-2-bluewave-m2m.html"))).contains("Tailspin Vending Machines");
    try (Stream<String> lines = Files.lines(folder.resolve("audit-trail.csv"))) {
      assertThat(lines.findFirst()).hasValue("at,tenant,type,actor,customer_id,sim_count,first_sim,last_sim,summary");
    }
  }
}
