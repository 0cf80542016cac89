package io.simestate.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.simestate.core.alert.DeliveryStatus;
import io.simestate.core.alert.DispatchReport;
import io.simestate.core.estate.SimEstate;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Scenario 1: the SMTP server (behind a proxy that closes its port and drops open connections) stops in the middle of 5,000 deliveries and comes back; every delivery
 * arrives, none twice (a copy is tolerated only for a message the server stored while it was being
 * stopped, with the same Message-ID, at most one per outage).
 */
class S1SmtpOutageTest {

  static final int CUSTOMERS = 10;
  static final int CONTACTS = 25;
  static final int SIMS = 20;
  static final Duration OUTAGE = Duration.ofSeconds(5);

  @Test
  void everyDeliveryArrivesOnceAfterTheServerComesBack() throws Exception {
    Result result = new Result("1-smtp-outage");
    try (Database db = Database.postgres(); MailServer smtp = new MailServer(); TcpProxy proxy = new TcpProxy(smtp.port)) {
      SimEstate estate = Estates.estate(db.persistence(), Estates.mail(proxy.port).build()).build();
      long t0 = System.nanoTime();
      Estates.populate(estate, CUSTOMERS, CONTACTS, SIMS, 1);
      long t1 = System.nanoTime();
      Set<String> expected = Estates.routeAll(estate, CUSTOMERS, SIMS, 1);
      long t2 = System.nanoTime();
      result.put("populate_s", (t1 - t0) / 1_000_000_000).put("route_s", (t2 - t1) / 1_000_000_000);

      AtomicBoolean stop = new AtomicBoolean();
      CompletableFuture<DispatchReport> dispatcher =
          CompletableFuture.supplyAsync(() -> Drain.run(estate, Duration.ofMinutes(3), stop));
      // Let about a fifth go through, then take the server away while the dispatcher keeps sending.
      for (int i = 0; i < 600 && smtp.receivedNow() < expected.size() / 5; i++) {
        Drain.sleep(50);
      }
      int beforeOutage = smtp.receivedNow();
      proxy.down();
      Drain.sleep(OUTAGE.toMillis());
      proxy.up();
      DispatchReport report;
      try {
        report = dispatcher.get(4, TimeUnit.MINUTES);
      } finally {
        stop.set(true);
      }
      result.put("dispatch_s", (System.nanoTime() - t2) / 1_000_000_000);

      Tally tally = Tally.of(expected, smtp.received());
      Map<DeliveryStatus, Long> counts = estate.alerts().deliveryCounts();
      result.tally(tally).put("outages", 1).put("outage_s", OUTAGE.toSeconds())
          .put("received_before_outage", beforeOutage).put("retried", report.retried())
          .put("failed", counts.get(DeliveryStatus.FAILED)).put("not_sent", expected.size() - counts.get(DeliveryStatus.SENT))
          .put("violations", tally.unexpected() + tally.duplicatesWithOtherMessageId()).emit();

      assertThat(report.retried()).as("the outage was felt: deliveries were retried").isPositive();
      assertThat(tally.expected()).isEqualTo((long) CUSTOMERS * CONTACTS * SIMS);
      assertThat(counts.get(DeliveryStatus.SENT)).as("outbox: every delivery sent").isEqualTo(tally.expected());
      assertThat(tally.lost()).as("lost: %s", tally.sample()).isZero();
      assertThat(tally.unexpected()).as("misrouted: %s", tally.sample()).isZero();
      assertThat(tally.doubled()).as("doubled: %s", tally.sample()).isLessThanOrEqualTo(1);
      assertThat(tally.duplicatesWithOtherMessageId()).isZero();
    }
  }
}
