package io.simestate.jpa;

import static io.simestate.jpa.Fixtures.tenant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.simestate.core.AlertKind;
import io.simestate.core.TenantId;
import io.simestate.core.Transactions;
import io.simestate.core.alert.AlertId;
import io.simestate.core.alert.Delivery;
import io.simestate.core.alert.DeliveryId;
import io.simestate.core.alert.DeliveryKind;
import io.simestate.core.alert.DeliveryOutbox;
import io.simestate.core.alert.DeliveryStatus;
import io.simestate.core.alert.Recipient;
import io.simestate.core.alert.Usage;
import io.simestate.core.alert.UsageAlert;
import io.simestate.core.audit.AuditEvent;
import io.simestate.core.audit.AuditEventType;
import io.simestate.core.customer.ContactId;
import io.simestate.core.customer.CustomerId;
import io.simestate.core.customer.EmailAddress;
import jakarta.persistence.EntityManagerFactory;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The outbox on a database: field mapping, committed claims, several portal instances draining it. */
class DeliveryOutboxTest {

  abstract static class Scenarios {

    final TestDatabase db = Db.Of.database(this);
    final DeliveryOutbox outbox = db.persistence.outbox();
    final TenantId tenant = tenant();

    @BeforeEach
    void startWithAnEmptyOutbox() throws Exception {
      db.clearOutbox();
    }

    static Delivery delivery(TenantId tenant, UsageAlert alert, Recipient recipient, Instant due) {
      return new Delivery(DeliveryId.random(), tenant, DeliveryKind.ALERT, alert.id(), alert, CustomerId.random(),
          "Kunde 🚀", recipient, null, DeliveryStatus.PENDING, 0, Fixtures.T0, due, null, null);
    }

    static Delivery simple(TenantId tenant, Instant due) {
      UsageAlert alert = UsageAlert.of(AlertId.of("a-" + java.util.UUID.randomUUID()), Fixtures.iccid(),
          AlertKind.WARNING, Fixtures.T0);
      return delivery(tenant, alert, new Recipient(ContactId.random(), "Ana", EmailAddress.parse("ana@example.com")),
          due);
    }

    @Test
    void usageFiguresKeepTheirScaleAndTextsTheirCharacters() {
      UsageAlert alert = new UsageAlert(AlertId.of("alert/ÄÖÜ/" + "x".repeat(150)), Fixtures.iccid(), AlertKind.CUT_OFF,
          Fixtures.T0, "2026-11 🗓", new Usage(new BigDecimal("950.0"), new BigDecimal("1E+3"), "MB",
              new BigDecimal("95.00"), "IoT 1 GB 📶"));
      Delivery d = new Delivery(DeliveryId.random(), tenant, DeliveryKind.ALERT, alert.id(), alert, null, null,
          Recipient.catchAll("NOC 🛰", EmailAddress.parse("noc@xn--bcher-kva.example")), "digest-1",
          DeliveryStatus.PENDING, 0, Fixtures.T0, Fixtures.T0.plusNanos(1_000), null, null);

      outbox.enqueue(List.of(d));

      assertThat(outbox.find(d.id())).contains(d);
    }

    @Test
    void aSubscriptionNoticeHasNoAlert() {
      Delivery notice = new Delivery(DeliveryId.random(), tenant, DeliveryKind.SUBSCRIPTION_NOTICE,
          AlertId.of("notice-" + java.util.UUID.randomUUID()), null, CustomerId.random(), "Acme",
          new Recipient(ContactId.random(), "Ana", EmailAddress.parse("ana@example.com")), null,
          DeliveryStatus.PENDING, 0, Fixtures.T0, Fixtures.T0, null, null);

      outbox.enqueue(List.of(notice));

      assertThat(outbox.find(notice.id())).contains(notice);
    }

    @Test
    void aClaimMarksItsDeliveriesInOneStatementAndLoadsNoneForUpdateOneByOne() {
      List<Delivery> due = new ArrayList<>();
      for (int i = 0; i < 50; i++) {
        due.add(simple(tenant, Fixtures.T0));
      }
      outbox.enqueue(due);
      org.hibernate.stat.Statistics statistics = db.factory.unwrap(org.hibernate.SessionFactory.class).getStatistics();
      long updatesBefore = statistics.getEntityUpdateCount();
      long statementsBefore = db.statements();

      List<Delivery> claimed = outbox.claimDue(Fixtures.T0.plusSeconds(1), 50, Duration.ofMinutes(5), "c");

      // One locking read per status (PENDING, IN_FLIGHT) and one update for the whole claim.
      assertThat(db.statements() - statementsBefore).isEqualTo(3);
      assertThat(statistics.getEntityUpdateCount() - updatesBefore).isZero();
      assertThat(claimed).hasSize(50).allMatch(d -> d.status() == DeliveryStatus.IN_FLIGHT
          && d.nextAttemptAt().equals(Fixtures.T0.plusSeconds(1).plus(Duration.ofMinutes(5))));
      assertThat(outbox.countByStatus()).containsEntry(DeliveryStatus.IN_FLIGHT, 50L);
      assertThat(outbox.markSent(claimed.get(0).id(), "c", Fixtures.T0.plusSeconds(2))).isTrue();
    }

    @Test
    void aLongErrorIsCutToItsColumn() {
      Delivery d = simple(tenant, Fixtures.T0);
      outbox.enqueue(List.of(d));
      outbox.claimDue(Fixtures.T0, 10, Duration.ofMinutes(5), "the-claim");

      assertThat(outbox.markFailed(d.id(), "the-claim", "5".repeat(5_000))).isTrue();

      assertThat(outbox.find(d.id()).orElseThrow().lastError()).hasSize(2_000).endsWith("…");
    }

    @Test
    void markingAnUnknownDeliveryIsNotFound() {
      assertThatThrownBy(() -> outbox.markSent(DeliveryId.random(), "any-claim", Fixtures.T0))
          .isInstanceOf(io.simestate.core.NotFoundException.class);
    }

    @Test
    void aClaimInTheDispatchersTransactionIsUndoneWithItAndTheDeliveryIsDueAtOnce() {
      Delivery d = simple(tenant, Fixtures.T0);
      outbox.enqueue(List.of(d));

      assertThatThrownBy(() -> db.persistence.transactions().run(() -> {
        assertThat(outbox.claimDue(Fixtures.T0.plusSeconds(1), 10, Duration.ofMinutes(5), "c")).hasSize(1);
        throw new IllegalStateException("the dispatcher fails after claiming");
      })).isInstanceOf(IllegalStateException.class);

      assertThat(outbox.find(d.id()).orElseThrow().status()).isEqualTo(DeliveryStatus.PENDING);
      assertThat(outbox.claimDue(Fixtures.T0.plusSeconds(1), 10, Duration.ofMinutes(5), "d")).hasSize(1);
    }

    @Test
    void aTransactionThatRecordsResultsWithRelaxedDurabilityStillCommitsThem() {
      Delivery d = simple(tenant, Fixtures.T0);
      outbox.enqueue(List.of(d));
      outbox.claimDue(Fixtures.T0.plusSeconds(1), 10, Duration.ofMinutes(5), "c");

      assertThat(db.persistence.transactions().inTransaction(() -> {
        outbox.relaxDurabilityOfResults();
        return outbox.markSent(d.id(), "c", Fixtures.T0.plusSeconds(2));
      })).isTrue();

      assertThat(outbox.find(d.id()).orElseThrow().status()).isEqualTo(DeliveryStatus.SENT);
    }

    @Test
    void threePortalInstancesDrainTwoThousandDeliveriesEachClaimedExactlyOnce() throws Exception {
      List<Delivery> all = new ArrayList<>();
      for (int i = 0; i < 2_000; i++) {
        all.add(simple(tenant, Fixtures.T0.plusSeconds(i % 100)));
      }
      for (int i = 0; i < all.size(); i += 500) {
        outbox.enqueue(all.subList(i, i + 500));
      }
      List<EntityManagerFactory> factories = new ArrayList<>();
      Map<DeliveryId, Integer> claims = new ConcurrentHashMap<>();
      ExecutorService pool = Executors.newFixedThreadPool(3);
      try {
        List<Future<?>> dispatchers = new ArrayList<>();
        for (int instance = 0; instance < 3; instance++) {
          EntityManagerFactory factory = db.entityManagerFactory(db.dataSource, Map.of());
          factories.add(factory);
          DeliveryOutbox own = JpaPersistence.standalone(factory).outbox();
          dispatchers.add(pool.submit(() -> {
            List<Delivery> batch;
            String claim;
            while (!(batch = own.claimDue(Fixtures.T0.plusSeconds(200), 50, Duration.ofMinutes(10),
                claim = java.util.UUID.randomUUID().toString())).isEmpty()) {
              for (Delivery d : batch) {
                claims.merge(d.id(), 1, Integer::sum);
                own.markSent(d.id(), claim, Fixtures.T0.plusSeconds(201));
              }
            }
            return null;
          }));
        }
        // A hang guard only: the drain takes seconds; the outcome does not depend on scheduling.
        for (Future<?> f : dispatchers) {
          f.get(3, TimeUnit.MINUTES);
        }
      } finally {
        pool.shutdownNow();
        factories.forEach(EntityManagerFactory::close);
      }

      assertThat(claims).hasSize(2_000);
      assertThat(claims.values()).allMatch(n -> n == 1);
      assertThat(outbox.countByStatus()).containsEntry(DeliveryStatus.SENT, 2_000L);
    }
  }

  @Nested
  @Db(DatabaseVendor.H2)
  class OnH2 extends Scenarios {}

  @Nested
  @Db(DatabaseVendor.POSTGRESQL)
  class OnPostgreSql extends Scenarios {

    private String synchronousCommit() {
      return Jdbc.on(((JpaTransactions) db.persistence.transactions()).entityManager(), c -> {
        try (java.sql.Statement st = c.createStatement();
            java.sql.ResultSet rs = st.executeQuery("select current_setting('synchronous_commit')")) {
          rs.next();
          return rs.getString(1);
        }
      });
    }

    /** A new delivery, claimed under "c". */
    private Delivery claimed() {
      Delivery d = simple(tenant, Fixtures.T0);
      outbox.enqueue(List.of(d));
      outbox.claimDue(Fixtures.T0.plusSeconds(1), 10, Duration.ofMinutes(5), "c");
      return d;
    }

    private AuditEvent sentEvent(Instant at, CustomerId customer, List<io.simestate.core.sim.Iccid> sims) {
      return new AuditEvent(java.util.UUID.randomUUID(), tenant, AuditEventType.DELIVERY_SENT,
          io.simestate.core.Actor.system(), at, customer, sims, "sent");
    }

    /** Claims a new delivery, records its result with {@code result} in a transaction; answers the setting then. */
    private String synchronousCommitAfter(java.util.function.Predicate<Delivery> result) {
      Delivery d = claimed();
      return db.persistence.transactions().inTransaction(() -> {
        assertThat(synchronousCommit()).isEqualTo("on");
        assertThat(result.test(d)).isTrue();
        return synchronousCommit();
      });
    }

    @Test
    void aSentMessageIsRecordedInOneStatementWithItsEventAndItsSim() {
      Delivery d = claimed();
      AuditEvent event = sentEvent(Fixtures.T0.plusSeconds(2), d.customerId(), List.of(d.alert().iccid()));

      long statements = db.persistence.transactions().inTransaction(() -> {
        long before = db.statements();
        assertThat(db.persistence.sentRecorder().recordSent(d.id(), "c", Fixtures.T0.plusSeconds(2), event)).isTrue();
        return db.statements() - before;
      });

      assertThat(statements).isEqualTo(1);
      assertThat(db.persistence.auditTrail().forSim(tenant, d.alert().iccid(), 10)).extracting(AuditEvent::id)
          .containsExactly(event.id());
    }

    @Test
    void everyStatementThatRecordsAResultTurnsOffTheCommitsWaitForTheDiskForThatTransactionOnly() {
      Instant at = Fixtures.T0.plusSeconds(2);
      AuditEvent event = sentEvent(at, null, List.of());

      assertThat(synchronousCommitAfter(d -> outbox.markSent(d.id(), "c", at))).isEqualTo("off");
      assertThat(synchronousCommitAfter(d -> outbox.markRetry(d.id(), "c", at, "421"))).isEqualTo("off");
      assertThat(synchronousCommitAfter(d -> outbox.markFailed(d.id(), "c", "550"))).isEqualTo("off");
      assertThat(synchronousCommitAfter(d -> db.persistence.sentRecorder().recordSent(d.id(), "c", at, event)))
          .isEqualTo("off");
      assertThat(db.persistence.transactions().inTransaction(this::synchronousCommit)).isEqualTo("on");
    }
  }

  @Nested
  @Db(DatabaseVendor.MARIADB)
  class OnMariaDb extends Scenarios {}
}
