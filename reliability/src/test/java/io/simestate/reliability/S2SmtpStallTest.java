package io.simestate.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.simestate.core.alert.DeliveryStatus;
import io.simestate.core.alert.DispatchReport;
import io.simestate.core.estate.SimEstate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Scenario 2: the SMTP server accepts connections and stops answering (a proxy that goes silent, on
 * open and on new connections). The mail adapter's 2-second time-outs fire, the deliveries are
 * retried, both dispatcher threads keep returning, and once the server answers again everything
 * arrives once.
 */
class S2SmtpStallTest {

  static final int CUSTOMERS = 5;
  static final int CONTACTS = 20;
  static final int SIMS = 10;
  static final Duration STALL = Duration.ofSeconds(8);

  @Test
  void timeoutsFireDeliveriesAreRetriedAndNoDispatcherHangs() throws Exception {
    Result result = new Result("2-smtp-stall");
    try (Database db = Database.postgres(); MailServer smtp = new MailServer(); TcpProxy proxy = new TcpProxy(smtp.port)) {
      SimEstate estate = Estates.estate(db.persistence(), Estates.mail(proxy.port).build())
          .dispatchBatchSize(50).build();
      Estates.populate(estate, CUSTOMERS, CONTACTS, SIMS, 2);
      Set<String> expected = Estates.routeAll(estate, CUSTOMERS, SIMS, 2);

      AtomicBoolean stop = new AtomicBoolean();
      ExecutorService threads = Executors.newFixedThreadPool(2);
      List<CompletableFuture<DispatchReport>> dispatchers = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        dispatchers.add(CompletableFuture.supplyAsync(() -> Drain.run(estate, Duration.ofMinutes(3), stop), threads));
      }
      for (int i = 0; i < 600 && smtp.receivedNow() < expected.size() / 4; i++) {
        Drain.sleep(50);
      }
      int beforeStall = smtp.receivedNow();
      proxy.stall(true);
      Drain.sleep(STALL.toMillis());
      int duringStall = smtp.receivedNow() - beforeStall;
      proxy.stall(false);

      // A dispatcher that does not return within four minutes of the stall's end counts as hung.
      int hung = 0;
      DispatchReport total = DispatchReport.EMPTY;
      for (CompletableFuture<DispatchReport> d : dispatchers) {
        try {
          total = total.plus(d.get(4, TimeUnit.MINUTES));
        } catch (TimeoutException e) {
          hung++;
        }
      }
      stop.set(true);
      threads.shutdownNow();

      Tally tally = Tally.of(expected, smtp.received());
      Map<DeliveryStatus, Long> counts = estate.alerts().deliveryCounts();
      long timedOut = db.count("select count(*) from simestate_delivery where lower(last_error) like '%timed out%'"
          + " or lower(last_error) like '%timeout%'");
      result.tally(tally).put("stalls", 1).put("stall_s", STALL.toSeconds()).put("dispatcher_threads", 2)
          .put("hung_threads", hung).put("retried", total.retried()).put("timeouts_recorded", timedOut)
          .put("received_while_stalled", duringStall).put("failed", counts.get(DeliveryStatus.FAILED))
          .put("violations", hung + tally.unexpected() + tally.duplicatesWithOtherMessageId()).emit();

      assertThat(hung).as("dispatcher threads that never returned").isZero();
      assertThat(total.retried()).as("deliveries retried after the stall").isPositive();
      assertThat(timedOut).as("deliveries whose last error is a time-out").isPositive();
      // The count is read just before the stall begins: a message whose last bytes the proxy had already
      // forwarded is stored a moment later, at most one per dispatcher connection. Nothing more gets through.
      assertThat(duringStall).as("nothing but messages already on their way gets through a silent server")
          .isLessThanOrEqualTo(2);
      assertThat(counts.get(DeliveryStatus.SENT)).isEqualTo(tally.expected());
      assertThat(tally.lost()).as("lost: %s", tally.sample()).isZero();
      assertThat(tally.unexpected()).as("misrouted: %s", tally.sample()).isZero();
      assertThat(tally.doubled()).as("doubled: %s", tally.sample()).isLessThanOrEqualTo(2);
      assertThat(tally.duplicatesWithOtherMessageId()).isZero();
    }
  }
}
