package io.simestate.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The progress lines, driven by a hand-set clock: no sleeping, no scheduler. */
class ProgressTest {

  private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

  private void advance(double seconds) {
    nanos.addAndGet(Math.round(seconds * 1e9));
  }

  private List<String> lines() {
    return bytes.toString(StandardCharsets.UTF_8).lines().toList();
  }

  private Progress start(String unit, long total) {
    return new Progress(out, "Routing alerts", unit, total, null, nanos::get);
  }

  @Test
  void aStepAnnouncesItselfWithItsTotal() {
    start("alerts", 20_000);

    assertThat(lines()).containsExactly("  Routing alerts (20,000 alerts) ...");
  }

  @Test
  void aProgressLineShowsDoneTotalRateAndTheTimeLeft() {
    Progress p = start("alerts", 20_000);
    p.add(2_500);
    advance(5);
    p.tick();

    assertThat(lines()).last().isEqualTo("    2,500 / 20,000 alerts (12%), 500/s, about 35 s left");
  }

  @Test
  void noLineComesSoonerThanFiveSecondsAfterThePreviousOne() {
    Progress p = start("alerts", 1_000);
    for (int s = 1; s <= 4; s++) {
      p.add(200);
      advance(1);
      p.tick();
    }

    assertThat(lines()).hasSize(1);
  }

  @Test
  void withAKnownTotalALineWaitsForTheNextTenthOrFifteenSeconds() {
    Progress p = start("alerts", 1_000);
    p.add(150);
    advance(5);
    p.tick();
    p.add(40);
    advance(5);
    p.tick();
    assertThat(lines()).as("still in the same tenth after 5 s").hasSize(2);

    advance(10);
    p.tick();
    assertThat(lines()).as("15 s without a new tenth").hasSize(3);
    assertThat(lines().get(2)).startsWith("    190 / 1,000 alerts (19%), 3/s, about 5 min left");
  }

  @Test
  void theEstimateFollowsTheRateSinceThePreviousLine() {
    Progress p = start("alerts", 10_000);
    p.add(1_000);
    advance(10);
    p.tick();
    p.add(4_000);
    advance(5);
    p.tick();

    assertThat(lines()).last().isEqualTo("    5,000 / 10,000 alerts (50%), 800/s, about 6 s left");
  }

  @Test
  void aStalledStepSaysTheTimeLeftIsUnknown() {
    Progress p = start("alerts", 1_000);
    p.add(100);
    advance(5);
    p.tick();
    advance(15);
    p.tick();

    assertThat(lines()).last().isEqualTo(
        "    100 / 1,000 alerts (10%), 0/s, time left unknown (nothing done in the last 15 s)");
  }

  @Test
  void theFinalLineGivesTheTotalTheTimeAndTheAverageRate() {
    Progress p = start("alerts", 20_000);
    p.add(20_000);
    advance(112.96);
    p.close();
    p.tick();

    assertThat(lines()).containsExactly("  Routing alerts (20,000 alerts) ...",
        "  Routing alerts: 20,000 alerts in 113.0 s (177/s)");
  }

  @Test
  void aStepWithoutCountShowsItsTime() {
    Progress p = new Progress(out, "Starting the database", null, 0, () -> "schema applied", nanos::get);
    advance(6);
    p.tick();
    advance(1);
    p.close();

    assertThat(lines()).containsExactly("  Starting the database ...", "    6.0 s so far; schema applied",
        "  Starting the database: done in 7.0 s; schema applied");
  }

  @Test
  void numbersKeepTheirSeparatorsAndEstimatesAreRounded() {
    assertThat(Figures.count(1_234_567)).isEqualTo("1,234,567");
    assertThat(Figures.roughly(44.4)).isEqualTo("44 s");
    assertThat(Figures.roughly(128)).isEqualTo("2 min 10 s");
    assertThat(Figures.roughly(3_900)).isEqualTo("1 h 5 min");
  }
}
