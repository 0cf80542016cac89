package io.simestate.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.simestate.core.alert.DeliveryStatus;
import io.simestate.core.estate.SimEstate;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Scenario 3: a child JVM dispatching a large outbox on PostgreSQL is killed with SIGKILL at random
 * moments at least 20 times and restarted each time (lease 2 s, so the next one takes over the
 * killed one's claims), then runs to the end. On the SMTP server: no delivery missing; a delivery
 * received twice only with the same Message-ID, and no more such copies than kills.
 */
class S3ProcessKillTest {

  static final int KILLS = Integer.getInteger("reliability.kills", 20);
  static final int CUSTOMERS = 20;
  static final int CONTACTS = 25;
  static final int SIMS = 10;
  static final Duration LEASE = Duration.ofSeconds(2);
  static final int BATCH = Integer.getInteger("reliability.kill.batch", 100);

  @Test
  void killedDispatchersLoseNothingAndDoubleAtMostOnePerKill() throws Exception {
    Result result = new Result("3-process-kill");
    Path log = Files.createTempFile("dispatcher-process", ".log");
    try (Database db = Database.postgres(); MailServer smtp = new MailServer()) {
      SimEstate estate = Estates.estate(db.persistence(), Estates.mail(smtp.port).build()).build();
      Estates.populate(estate, CUSTOMERS, CONTACTS, SIMS, 3);
      Set<String> expected = Estates.routeAll(estate, CUSTOMERS, SIMS, 3);

      Random random = new Random(Long.getLong("reliability.seed", System.nanoTime()));
      int kills = 0;
      int notReady = 0;
      int finishedEarly = 0;
      for (int attempt = 0; kills < KILLS && attempt < KILLS * 3; attempt++) {
        Process child = DispatcherProcess.start(db, smtp.port, LEASE, BATCH, Duration.ofMinutes(5), log);
        try {
          if (!DispatcherProcess.awaitReady(child, Duration.ofSeconds(90))) {
            notReady++;
            continue;
          }
          Thread.sleep(100 + random.nextInt(1400));
          if (!child.isAlive()) {
            finishedEarly++;
            continue;
          }
          child.destroyForcibly();
          kills++;
        } finally {
          child.destroyForcibly();
          child.waitFor(30, TimeUnit.SECONDS);
        }
      }
      int receivedAtLastKill = smtp.receivedNow();
      Process last = DispatcherProcess.start(db, smtp.port, LEASE, BATCH, Duration.ofMinutes(4), log);
      boolean exited = last.waitFor(5, TimeUnit.MINUTES);
      if (!exited) {
        last.destroyForcibly();
      }
      int exitCode = exited ? last.exitValue() : -1;

      Tally tally = Tally.of(expected, smtp.received());
      Map<DeliveryStatus, Long> counts = estate.alerts().deliveryCounts();
      result.tally(tally).put("kills", kills).put("batch", BATCH).put("lease_s", LEASE.toSeconds())
          .put("received_at_last_kill", receivedAtLastKill).put("last_exit", exitCode)
          .put("not_ready", notReady).put("finished_early", finishedEarly)
          .put("violations", tally.unexpected() + tally.duplicatesWithOtherMessageId()
              + Math.max(0, tally.doubled() - kills)).emit();

      assertThat(kills).as("SIGKILLs during dispatching").isGreaterThanOrEqualTo(KILLS);
      assertThat(receivedAtLastKill).as("the kills fell while the outbox was being drained")
          .isLessThan(expected.size());
      assertThat(exitCode).as("the last dispatcher drained the outbox (log %s)", log).isZero();
      assertThat(counts.get(DeliveryStatus.SENT)).isEqualTo(tally.expected());
      assertThat(tally.lost()).as("lost: %s", tally.sample()).isZero();
      assertThat(tally.unexpected()).as("misrouted: %s", tally.sample()).isZero();
      assertThat(tally.duplicatesWithOtherMessageId()).as("copies with another Message-ID").isZero();
      assertThat(tally.doubled()).as("copies received (kills: %d): %s", kills, tally.sample())
          .isLessThanOrEqualTo(kills);
    }
  }
}
