package io.simestate.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.simestate.core.alert.DispatchReport;
import io.simestate.core.estate.PurgeReport;
import io.simestate.core.estate.RetentionPolicy;
import io.simestate.core.estate.SimEstate;
import io.simestate.jpa.DatabaseVendor;
import io.simestate.jpa.JpaPersistence;
import jakarta.persistence.EntityManagerFactory;
import java.time.Clock;
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
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Scenario 15 (issue 12, F19): a retention purge runs again and again, as another portal instance,
 * while four dispatchers drain 20,000 deliveries. The purging instance's clock is 100 days ahead, so
 * every delivery is purgeable the moment it is sent and every routing decision at once: the purge
 * deletes right beside the dispatchers' claims and updates. Nothing lost (a pending or in-flight
 * delivery removed would never arrive), nothing doubled; afterwards the tables hold only what the
 * default policy keeps (no delivery, no decision; every de-duplication entry and audit event), and
 * the purges together report each removed row once.
 */
class S15PurgeWhileDispatchingTest {

  static final int DELIVERIES = Integer.getInteger("reliability.purge.deliveries", 20_000);

  @ParameterizedTest
  @EnumSource(value = DatabaseVendor.class, names = {"POSTGRESQL", "MARIADB"})
  void aPurgeBesideFourDispatchersLosesAndDoublesNothing(DatabaseVendor vendor) throws Exception {
    Result result = new Result("15-purge-while-dispatching-" + vendor.name().toLowerCase(Locale.ROOT));
    try (Database db = Database.of(vendor); MailServer smtp = new MailServer()) {
      SimEstate setup = Estates.estate(db.persistence(), Estates.mail(smtp.port).build()).build();
      int customers = Math.max(1, DELIVERIES / (S4SeveralDispatchersTest.CONTACTS * S4SeveralDispatchersTest.SIMS));
      Estates.populate(setup, customers, S4SeveralDispatchersTest.CONTACTS, S4SeveralDispatchersTest.SIMS, 49);
      Set<String> expected = Estates.routeAll(setup, customers, S4SeveralDispatchersTest.SIMS, 49);
      long decisions = db.count("select count(*) from simestate_alert_decision");
      long told = db.count("select count(*) from simestate_alert_told");
      long audit = db.count("select count(*) from simestate_audit_event");

      EntityManagerFactory factory = db.factory(db.pool(db.dataSource(), 14));
      ExecutorService threads = Executors.newFixedThreadPool(5);
      AtomicBoolean stop = new AtomicBoolean();
      List<CompletableFuture<DispatchReport>> dispatchers = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        SimEstate instance = Estates.estate(JpaPersistence.standalone(factory), Estates.mail(smtp.port).build())
            .dispatchBatchSize(50).build();
        dispatchers.add(CompletableFuture.supplyAsync(() -> Drain.run(instance, Duration.ofMinutes(4), stop), threads));
      }
      SimEstate purger = Estates.estate(JpaPersistence.standalone(factory), Estates.mail(smtp.port).build())
          .clock(Clock.offset(Clock.systemUTC(), Duration.ofDays(100))).build();
      AtomicLong purges = new AtomicLong();
      List<PurgeReport> reports = new ArrayList<>();
      CompletableFuture<Void> purging = CompletableFuture.runAsync(() -> {
        while (!stop.get() && !dispatchers.stream().allMatch(CompletableFuture::isDone)) {
          PurgeReport r = purger.retention().purge(RetentionPolicy.defaults());
          synchronized (reports) {
            reports.add(r);
          }
          purges.incrementAndGet();
        }
      }, threads);
      List<String> errors = new ArrayList<>();
      try {
        for (CompletableFuture<DispatchReport> d : dispatchers) {
          try {
            d.get(5, TimeUnit.MINUTES);
          } catch (java.util.concurrent.ExecutionException e) {
            errors.add("dispatcher: " + e.getCause());
          }
        }
        try {
          purging.get(5, TimeUnit.MINUTES);
        } catch (java.util.concurrent.ExecutionException e) {
          errors.add("purge: " + e.getCause());
        }
      } finally {
        stop.set(true);
        threads.shutdownNow();
      }
      PurgeReport last = purger.retention().purge(RetentionPolicy.defaults());
      reports.add(last);
      long purgedSent = reports.stream().mapToLong(PurgeReport::sentDeliveries).sum();
      long purgedDecisions = reports.stream().mapToLong(PurgeReport::decisions).sum();
      long purgedOther = reports.stream().mapToLong(r -> r.failedDeliveries() + r.discardedDeliveries()
          + r.repeatGuardEntries() + r.auditEvents()).sum();
      errors.forEach(e -> System.out.println("ERROR " + e));

      Tally tally = Tally.of(expected, smtp.received());
      long deliveriesLeft = db.count("select count(*) from simestate_delivery");
      long decisionsLeft = db.count("select count(*) from simestate_alert_decision");
      long entriesLeft = db.count("select count(*) from simestate_decision_entry");
      long toldLeft = db.count("select count(*) from simestate_alert_told");
      long auditLeft = db.count("select count(*) from simestate_audit_event");
      result.tally(tally).put("dispatchers", 4).put("purges", purges.get() + 1)
          .put("purged_sent", purgedSent).put("purged_decisions", purgedDecisions).put("purged_other", purgedOther)
          .put("left_deliveries", deliveriesLeft).put("left_decisions", decisionsLeft + entriesLeft)
          .put("kept_told", toldLeft + "/" + told).put("audit_before_after", audit + "/" + auditLeft)
          .put("errors", errors.size())
          .put("violations", errors.size() + tally.unexpected() + tally.duplicatesWithOtherMessageId()
              + deliveriesLeft + decisionsLeft + entriesLeft + Math.abs(toldLeft - told) + (auditLeft < audit ? 1 : 0)
              + Math.abs(purgedSent - tally.expected()) + Math.abs(purgedDecisions - decisions) + purgedOther)
          .emit();

      assertThat(errors).isEmpty();
      assertThat(purges.get()).as("purges that ran while dispatching").isPositive();
      assertThat(tally.lost()).as("lost: %s", tally.sample()).isZero();
      assertThat(tally.doubled()).as("doubled: %s", tally.sample()).isZero();
      assertThat(tally.unexpected()).as("misrouted: %s", tally.sample()).isZero();
      assertThat(purgedSent).as("sent deliveries purged, each once").isEqualTo(tally.expected());
      assertThat(purgedDecisions).as("decisions purged, each once").isEqualTo(decisions);
      assertThat(purgedOther).isZero();
      assertThat(deliveriesLeft).isZero();
      assertThat(decisionsLeft + entriesLeft).isZero();
      assertThat(toldLeft).as("de-duplication entries are kept 400 days").isEqualTo(told);
      assertThat(auditLeft).as("audit events are kept for ever by default (dispatching adds some)")
          .isGreaterThanOrEqualTo(audit);
    }
  }
}
