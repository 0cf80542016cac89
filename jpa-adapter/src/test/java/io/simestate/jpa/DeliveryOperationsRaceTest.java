package io.simestate.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import io.simestate.core.AlertKind;
import io.simestate.core.TenantId;
import io.simestate.core.alert.AlertId;
import io.simestate.core.alert.Delivery;
import io.simestate.core.alert.DeliveryId;
import io.simestate.core.alert.DeliveryKind;
import io.simestate.core.alert.DeliveryStatus;
import io.simestate.core.alert.Recipient;
import io.simestate.core.alert.UsageAlert;
import io.simestate.core.customer.ContactId;
import io.simestate.core.customer.EmailAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The misbehaving part first (fault model): an operator resubmits deliveries whose dispatcher's lease
 * ran out while other dispatchers claim the same rows. A resubmission must never overwrite a claim
 * that committed before it (the row would be pending while a dispatcher sends it, and sent twice):
 * for every delivery both claimed and resubmitted, the resubmission came first, so the row ends in
 * flight; and every resubmitted delivery that nobody claimed afterwards is pending.
 */
class DeliveryOperationsRaceTest {

  abstract static class Scenarios {

    final TestDatabase db = TestDatabase.own(Db.Of.vendor(this), "operations-race");

    @Test
    void aResubmissionNeverOverwritesAClaimThatCameFirst() throws Exception {
      db.clearAll();
      TenantId tenant = Fixtures.tenant();
      Instant t0 = Fixtures.T0;
      Duration lease = Duration.ofMinutes(5);
      int n = 300;
      List<Delivery> deliveries = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        UsageAlert alert = UsageAlert.of(AlertId.of("race-" + i), Fixtures.iccid(), AlertKind.WARNING, t0);
        deliveries.add(new Delivery(DeliveryId.random(), tenant, DeliveryKind.ALERT, alert.id(), alert, null, null,
            new Recipient(ContactId.random(), "Ana", EmailAddress.parse("ana@example.com")), null,
            DeliveryStatus.PENDING, 0, t0, t0, null, null));
      }
      JpaPersistence p = db.persistence;
      p.outbox().enqueue(deliveries);
      assertThat(p.transactions().inTransaction(() -> p.outbox().claimDue(t0, n, lease, "first-claim"))).hasSize(n);
      Instant later = t0.plus(lease).plusSeconds(1); // every lease has run out
      List<DeliveryId> ids = deliveries.stream().map(Delivery::id).toList();

      CyclicBarrier start = new CyclicBarrier(3);
      ExecutorService threads = Executors.newFixedThreadPool(3);
      try {
        CompletableFuture<List<Delivery>> resubmitted = CompletableFuture.supplyAsync(() -> {
          await(start);
          List<Delivery> out = new ArrayList<>();
          for (int from = 0; from < n; from += 10) {
            out.addAll(p.deliveryOperations().resubmit(tenant, ids.subList(from, Math.min(n, from + 10)), later));
          }
          return out;
        }, threads);
        List<CompletableFuture<List<Delivery>>> claimers = new ArrayList<>();
        for (int c = 0; c < 2; c++) {
          claimers.add(CompletableFuture.supplyAsync(() -> {
            await(start);
            List<Delivery> out = new ArrayList<>();
            for (int round = 0; round < 40; round++) {
              out.addAll(p.transactions().inTransaction(() -> p.outbox().claimDue(later, 10, lease, java.util.UUID.randomUUID().toString())));
            }
            return out;
          }, threads));
        }
        Set<DeliveryId> resubmittedIds = new HashSet<>();
        resubmitted.get(2, TimeUnit.MINUTES).forEach(d -> resubmittedIds.add(d.id()));
        Set<DeliveryId> claimedIds = new HashSet<>();
        for (CompletableFuture<List<Delivery>> c : claimers) {
          for (Delivery d : c.get(2, TimeUnit.MINUTES)) {
            assertThat(claimedIds.add(d.id())).as("claimed twice after the lease ran out: %s", d.id()).isTrue();
          }
        }

        int overwritten = 0;
        for (DeliveryId id : ids) {
          Delivery now = p.outbox().find(id).orElseThrow();
          if (claimedIds.contains(id) && now.status() != DeliveryStatus.IN_FLIGHT) {
            overwritten++;
          }
          if (resubmittedIds.contains(id) && !claimedIds.contains(id)) {
            assertThat(now.status()).isEqualTo(DeliveryStatus.PENDING);
          }
        }
        assertThat(overwritten).as("claims overwritten by a resubmission").isZero();
        assertThat(resubmittedIds.size() + claimedIds.size()).as("every delivery resubmitted, claimed or both")
            .isGreaterThanOrEqualTo(n);
      } finally {
        threads.shutdownNow();
      }
    }

    private static void await(CyclicBarrier barrier) {
      try {
        barrier.await(1, TimeUnit.MINUTES);
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
  }

  @Nested
  @Db(DatabaseVendor.H2)
  class OnH2 extends Scenarios {}

  @Nested
  @Db(DatabaseVendor.POSTGRESQL)
  class OnPostgreSql extends Scenarios {}

  @Nested
  @Db(DatabaseVendor.MARIADB)
  class OnMariaDb extends Scenarios {}
}
