package io.simestate.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.simestate.core.estate.SimEstate;
import io.simestate.jpa.DatabaseVendor;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Scenario 14: a portal instance is stopped (undeployed) in the middle of a batch, with a 5-minute
 * lease. {@code close()} finishes the message in flight and releases the rest of its claim at once;
 * a second instance sends the rest without waiting for the lease: nothing lost, nothing doubled.
 */
class S14GracefulStopTest {

  static final Duration LEASE = Duration.ofMinutes(5);

  @ParameterizedTest
  @EnumSource(value = DatabaseVendor.class, names = {"POSTGRESQL", "MARIADB"})
  void aStoppedDispatcherHandsTheRestOfItsBatchOverAtOnce(DatabaseVendor vendor) throws Exception {
    Result result = new Result("14-graceful-stop-" + vendor.name().toLowerCase(Locale.ROOT));
    try (Database db = Database.of(vendor); MailServer smtp = new MailServer()) {
      SimEstate first = Estates.estate(db.persistence(), Faults.hostSender(Estates.mail(smtp.port).build(),
          (n, s) -> {
            Thread.sleep(20);
            return s.send(n);
          })).dispatchLease(LEASE).dispatchBatchSize(200).build();
      Set<String> expected = Faults.prepare(first, 2, 10, 10, 14);
      ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
      first.dispatcher().scheduleOn(executor, Duration.ofMillis(50));
      for (int i = 0; i < 600 && smtp.receivedNow() < expected.size() / 4; i++) {
        Drain.sleep(20);
      }
      long stopStarted = System.nanoTime();
      boolean stopped = first.dispatcher().stop(Duration.ofMinutes(1));
      long stopMs = (System.nanoTime() - stopStarted) / 1_000_000;
      executor.shutdownNow();
      int sentByFirst = smtp.receivedNow();
      long inFlightAfterStop = db.count("select count(*) from simestate_delivery where status = 'IN_FLIGHT'");

      SimEstate second = Estates.estate(db.persistence(), Estates.mail(smtp.port).build())
          .dispatchLease(LEASE).dispatchBatchSize(200).build();
      long restStarted = System.nanoTime();
      Drain.run(second, Duration.ofMinutes(2), new AtomicBoolean());
      long restMs = (System.nanoTime() - restStarted) / 1_000_000;

      Faults.check(smtp, expected, result.put("lease_s", LEASE.toSeconds()).put("stopped", stopped)
          .put("stop_ms", stopMs).put("sent_by_first", sentByFirst).put("in_flight_after_stop", inFlightAfterStop)
          .put("rest_sent_by_second_ms", restMs), (stopped ? 0 : 1) + inFlightAfterStop, 0);
      assertThat(sentByFirst).isLessThan(expected.size());
      assertThat(restMs).isLessThan(LEASE.toMillis());
    }
  }
}
