package io.simestate.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.simestate.core.alert.DispatchReport;
import io.simestate.core.estate.SimEstate;
import io.simestate.jpa.DatabaseVendor;
import io.simestate.jpa.JpaPersistence;
import jakarta.persistence.EntityManagerFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Scenario 9: sending is slow but alive: every message takes 1.5 times (lease ÷ batch), so a batch
 * outlasts a lease that is not renewed. Two dispatchers drain one outbox; the lease of the rest of a
 * batch is renewed before each message and every update is fenced by the claim's token, so nothing
 * is taken over while it is being sent: nothing lost, nothing doubled.
 */
class S9SlowSmtpTest {

  static final Duration LEASE = Duration.ofSeconds(2);
  static final int BATCH = 20;
  static final Duration PER_MESSAGE = LEASE.dividedBy(BATCH).multipliedBy(3).dividedBy(2);

  @ParameterizedTest
  @EnumSource(value = DatabaseVendor.class, names = {"POSTGRESQL", "MARIADB"})
  void twoDispatchersOnASlowServerSendEachMessageOnce(DatabaseVendor vendor) throws Exception {
    Result result = new Result("9-slow-smtp-" + vendor.name().toLowerCase(Locale.ROOT));
    try (Database db = Database.of(vendor); MailServer smtp = new MailServer()) {
      Set<String> expected = Faults.prepare(Estates.estate(db.persistence(), Estates.mail(smtp.port).build()).build(),
          2, 10, 10, 9);
      EntityManagerFactory factory = db.factory(db.pool(db.dataSource(), 6));
      ExecutorService threads = Executors.newFixedThreadPool(2);
      AtomicBoolean stop = new AtomicBoolean();
      List<CompletableFuture<DispatchReport>> dispatchers = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        SimEstate instance = Estates.estate(JpaPersistence.standalone(factory),
            Faults.hostSender(Estates.mail(smtp.port).build(), (n, s) -> {
              Thread.sleep(PER_MESSAGE.toMillis());
              return s.send(n);
            })).dispatchBatchSize(BATCH).dispatchLease(LEASE).build();
        dispatchers.add(CompletableFuture.supplyAsync(() -> Drain.run(instance, Duration.ofMinutes(3), stop), threads));
      }
      List<Integer> claimed = new ArrayList<>();
      try {
        for (CompletableFuture<DispatchReport> d : dispatchers) {
          claimed.add(d.get(4, TimeUnit.MINUTES).claimed());
        }
      } finally {
        stop.set(true);
        threads.shutdownNow();
      }
      long sent = db.count("select count(*) from simestate_delivery where status = 'SENT'");
      Faults.check(smtp, expected, result.put("lease_ms", LEASE.toMillis()).put("batch", BATCH)
          .put("per_message_ms", PER_MESSAGE.toMillis()).put("dispatchers", 2).put("claimed_each", claimed)
          .put("outbox_sent", sent), 0, 0);
      assertThat(sent).isEqualTo(expected.size());
    }
  }
}
