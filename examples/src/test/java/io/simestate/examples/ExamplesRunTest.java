package io.simestate.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The small examples that the examples README tells a newcomer to run end as they say. */
class ExamplesRunTest {

  @Test
  void theQuickStartRoutesDispatchesAndAnswersAReplayedAlertWithNothingNew() {
    String printed = printedBy(QuickStart::run);

    assertThat(printed)
        .contains("Warning w-1 for 8944500102198304842: ROUTED to [Ana Fleet]")
        .contains("Warning w-1 for 8944500102198304842: duplicate alert id, nothing new")
        .contains("Warning w-3 for 8991000000000000001: CATCH_ALL to [NOC]")
        .contains("== Customer report: Northwind Logistics");
  }

  @Test
  void theJoinedModeExampleCommitsAndRollsBackWithTheHostsTransactions() {
    String printed = printedBy(JoinedModeExample::runOnH2);

    assertThat(printed)
        .contains("committed: 1 customer(s), 1 order(s)")
        .contains("now: 1 customer(s), 1 order(s); Globex exists: false")
        .contains("1 delivery sent");
  }

  private static String printedBy(java.util.function.Consumer<PrintStream> example) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
      example.accept(out);
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }
}
