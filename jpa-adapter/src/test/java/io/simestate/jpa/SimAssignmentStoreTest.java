package io.simestate.jpa;

import static io.simestate.jpa.Fixtures.customer;
import static io.simestate.jpa.Fixtures.tenant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.simestate.core.ConflictException;
import io.simestate.core.NotFoundException;
import io.simestate.core.PageRequest;
import io.simestate.core.TenantId;
import io.simestate.core.customer.Customer;
import io.simestate.core.customer.CustomerId;
import io.simestate.core.customer.CustomerStore;
import io.simestate.core.sim.AssignmentChanges;
import io.simestate.core.sim.Iccid;
import io.simestate.core.sim.IccidRange;
import io.simestate.core.sim.SimAssignmentStore;
import java.util.AbstractCollection;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Bulk assignment in set-based SQL, conflicts across tenants, and the statements it takes. */
class SimAssignmentStoreTest {

  abstract static class Scenarios {

    final TestDatabase db = Db.Of.database(this);
    final CustomerStore customers = db.persistence.customers();
    final SimAssignmentStore store = db.persistence.simAssignments();
    final TenantId tenant = tenant();

    Customer newCustomer(TenantId t) {
      return customers.insert(customer(t, "Customer " + java.util.UUID.randomUUID()));
    }

    /** The look-up of the SIMs' holders, after which another transaction acts in the tests below. */
    static final String HOLDERS_LOOK_UP = "select iccid, tenant_id, customer_id from simestate_sim_assignment";

    /** Another transaction's unassignment through the store, committed at once on a thread of its own. */
    int releaseElsewhere(Iccid sim) {
      return onAnotherThread(() -> store.unassign(tenant, List.of(sim)));
    }

    /** Another transaction's move of a SIM to another customer, committed at once on a thread of its own. */
    int moveElsewhere(Iccid sim, Customer to) {
      return onAnotherThread(() -> store.assign(tenant, to.id(), List.of(sim)));
    }

    /** Runs a call of the store in a transaction of its own and says how many SIMs it changed. */
    private static int onAnotherThread(Callable<AssignmentChanges> call) {
      ExecutorService thread = Executors.newSingleThreadExecutor();
      try {
        return Math.toIntExact(thread.submit(call).get().changed());
      } catch (Exception e) {
        throw new IllegalStateException(e);
      } finally {
        thread.shutdownNow();
      }
    }

    private int elsewhere(String sql, String... parameters) {
      try (java.sql.Connection c = db.dataSource.getConnection();
          java.sql.PreparedStatement ps = c.prepareStatement(sql)) {
        for (int i = 0; i < parameters.length; i++) {
          ps.setString(i + 1, parameters[i]);
        }
        return ps.executeUpdate();
      } catch (java.sql.SQLException e) {
        throw new IllegalStateException(e);
      }
    }

    /**
     * The misbehaving part first: a SIM that another customer held at the look-up is released by
     * another transaction before the move. It must end with the customer it was assigned to, not
     * without any (its alerts would reach nobody), and it left no customer.
     */
    @Test
    void aSimReleasedBetweenTheLookUpAndTheMoveIsAssignedAllTheSame() {
      Customer a = newCustomer(tenant);
      Customer b = newCustomer(tenant);
      List<Iccid> sims = new ArrayList<>(Fixtures.range(2));
      store.assign(tenant, a.id(), sims.subList(0, 1));
      AtomicInteger releases = new AtomicInteger();
      db.dataSource.afterNext(HOLDERS_LOOK_UP, () -> releases.addAndGet(releaseElsewhere(sims.get(0))));

      AssignmentChanges changes = store.assign(tenant, b.id(), sims);

      assertThat(releases).hasValue(1);
      assertThat(store.customerOf(tenant, sims.get(0))).contains(b.id());
      assertThat(store.countOf(tenant, b.id())).isEqualTo(2);
      assertThat(changes.changed()).isEqualTo(2);
      assertThat(changes.movedFrom()).isEmpty();
    }

    /**
     * The misbehaving part first: a SIM that customer A held at the look-up is moved to customer C by
     * another transaction before the move. The assignment takes it from C, and says so: the audit
     * trail names the customer that lost it.
     */
    @Test
    void aSimMovedBetweenTheLookUpAndTheMoveIsReportedAsLeavingItsNewHolder() {
      Customer a = newCustomer(tenant);
      Customer b = newCustomer(tenant);
      Customer c = newCustomer(tenant);
      List<Iccid> sims = new ArrayList<>(Fixtures.range(2));
      store.assign(tenant, a.id(), sims.subList(0, 1));
      AtomicInteger moves = new AtomicInteger();
      db.dataSource.afterNext(HOLDERS_LOOK_UP, () -> moves.addAndGet(moveElsewhere(sims.get(0), c)));

      AssignmentChanges changes = store.assign(tenant, b.id(), sims);

      assertThat(moves).hasValue(1);
      assertThat(store.customerOf(tenant, sims.get(0))).contains(b.id());
      assertThat(changes.changed()).isEqualTo(2);
      assertThat(changes.movedFrom()).containsExactlyEntriesOf(java.util.Map.of(c.id(), 1L));
    }

    /**
     * The misbehaving part first: right after an unassignment looked its SIMs up, another transaction
     * tries to move one of them to customer C. The unassignment holds its SIMs from its look-up to its
     * end, so the other transaction finds that SIM locked, and what the unassignment reports is what it
     * released, from whom.
     */
    @Test
    void anUnassignmentHoldsItsSimsFromItsLookUpSoItReportsWhatItReleased() {
      Customer a = newCustomer(tenant);
      Customer c = newCustomer(tenant);
      List<Iccid> sims = new ArrayList<>(Fixtures.range(3));
      store.assign(tenant, a.id(), sims);
      List<String> otherTransaction = new ArrayList<>();
      db.dataSource.afterNext("select iccid, ", () -> otherTransaction.add(tryToMoveElsewhere(sims.get(0), c)));

      AssignmentChanges changes = store.unassign(tenant, sims);

      assertThat(otherTransaction).containsExactly("found it locked");
      assertThat(store.customerOf(tenant, sims.get(0))).isEmpty();
      assertThat(changes.changed()).isEqualTo(3);
      assertThat(changes.movedFrom()).containsExactlyEntriesOf(java.util.Map.of(a.id(), 3L));
    }

    /** The customer's rows, counted in the table: what its kept SIM count must say. */
    long rowsOf(Customer customer) {
      return db.simRowsOf(customer.id());
    }

    /**
     * The misbehaving part first: while an assignment runs (right after its look-up of holders),
     * another transaction assigns other SIMs to the same customer and commits. The customer's kept
     * SIM count holds both, as its rows do.
     */
    @Test
    void twoAssignmentsToOneCustomerAtOnceAreBothCounted() throws Exception {
      Customer a = newCustomer(tenant);
      Customer b = newCustomer(tenant);
      List<Iccid> sims = new ArrayList<>(Fixtures.range(3));
      List<Iccid> others = new ArrayList<>(Fixtures.range(4));
      store.assign(tenant, a.id(), sims.subList(0, 1));
      AtomicInteger otherTransaction = new AtomicInteger();
      db.dataSource.afterNext(HOLDERS_LOOK_UP, () -> otherTransaction.addAndGet(
          onAnotherThread(() -> store.assign(tenant, b.id(), others))));

      AssignmentChanges changes = store.assign(tenant, b.id(), sims);

      assertThat(otherTransaction).hasValue(4);
      assertThat(changes.changed()).isEqualTo(3);
      assertThat(rowsOf(b)).isEqualTo(7);
      assertThat(store.countOf(tenant, b.id())).isEqualTo(7);
      assertThat(store.countOf(tenant, a.id())).isEqualTo(rowsOf(a)).isZero();
    }

    /**
     * A host may call the store with an ICCID twice in one list: it is assigned once and released
     * once, and counted so, or the customer's kept SIM count would drift from its rows.
     */
    @Test
    void aSimNamedTwiceInOneCallIsAssignedAndReleasedOnce() {
      Customer a = newCustomer(tenant);
      List<Iccid> sims = new ArrayList<>(Fixtures.range(2));
      Iccid twice = sims.get(0);

      AssignmentChanges assigned = store.assign(tenant, a.id(), List.of(twice, sims.get(1), twice));
      AssignmentChanges released = store.unassign(tenant, List.of(twice, twice));

      assertThat(assigned.changed()).isEqualTo(2);
      assertThat(released.changed()).isEqualTo(1);
      assertThat(released.movedFrom()).containsExactlyEntriesOf(java.util.Map.of(a.id(), 1L));
      assertThat(store.countOf(tenant, a.id())).isEqualTo(rowsOf(a)).isEqualTo(1);
    }

    /** A customer assigned 3 SIMs through the store and a fourth by another connection's SQL. */
    private Customer customerWithThreeSimsAndOneAddedBehindTheAdaptersBack() {
      Customer a = newCustomer(tenant);
      store.assign(tenant, a.id(), Fixtures.range(3));
      Iccid behind = Fixtures.iccid();
      elsewhere("insert into simestate_sim_assignment (iccid, iccid_length, tenant_id, customer_id) "
          + "values (?, " + behind.digits().length() + ", ?, ?)", behind.digits(), tenant.value(), a.id().toString());
      return a;
    }

    /**
     * SIM rows written behind the adapter's back (a host's own SQL) are not in the kept count until
     * the host recounts; then the count, the report and the deletion preview agree with the rows.
     */
    @Test
    void rowsWrittenBehindTheAdaptersBackAreCountedOnceRecounted() {
      Customer a = customerWithThreeSimsAndOneAddedBehindTheAdaptersBack();
      assertThat(store.countOf(tenant, a.id())).as("before the recount").isEqualTo(3);

      JpaSchema.recountSims(db.dataSource);

      assertThat(store.countOf(tenant, a.id())).isEqualTo(rowsOf(a)).isEqualTo(4);
      assertThat(store.simsOf(tenant, a.id(), PageRequest.first(10)).total()).isEqualTo(4);
    }

    /**
     * A customer whose rows were added behind the adapter's back: releasing all its SIMs (the deletion)
     * is refused with what to do, instead of a "preview again" that could never succeed, and changes
     * nothing; once recounted, it releases every row.
     */
    @Test
    void releasingEverySimOfACustomerWithRowsAddedBehindTheAdaptersBackSaysToRecount() {
      Customer a = customerWithThreeSimsAndOneAddedBehindTheAdaptersBack();

      assertRefusedUntilRecounted(a, 4);
    }

    /** The same for rows deleted behind its back: the kept count is higher than the rows. */
    @Test
    void releasingEverySimOfACustomerWithRowsDeletedBehindTheAdaptersBackSaysToRecount() {
      Customer a = newCustomer(tenant);
      IccidRange sims = Fixtures.range(3);
      store.assign(tenant, a.id(), sims);
      elsewhere("delete from simestate_sim_assignment where iccid = ?", sims.first().digits());

      assertRefusedUntilRecounted(a, 2);
    }

    private void assertRefusedUntilRecounted(Customer a, long rows) {
      assertThatThrownBy(() -> store.unassignAll(tenant, a.id()))
          .isInstanceOf(io.simestate.core.UnavailableException.class)
          .hasMessageContaining("customer " + a.id())
          .hasMessageContaining("JpaSchema.recountSims(dataSource)");
      assertThat(rowsOf(a)).as("rows after the refusal").isEqualTo(rows);

      JpaSchema.recountSims(db.dataSource);

      assertThat(store.unassignAll(tenant, a.id())).isEqualTo(rows);
      assertThat(rowsOf(a)).isZero();
      assertThat(store.countOf(tenant, a.id())).isZero();
    }

    /**
     * Another transaction that moves a SIM to another customer unless its row is locked (then it
     * gives up at once): says what it did.
     */
    String tryToMoveElsewhere(Iccid sim, Customer to) {
      try (java.sql.Connection c = db.dataSource.getConnection()) {
        c.setAutoCommit(false);
        try (java.sql.PreparedStatement lock = c.prepareStatement(
            "select iccid from simestate_sim_assignment where iccid = ? for update nowait")) {
          lock.setString(1, sim.digits());
          lock.executeQuery().close();
        } catch (java.sql.SQLException e) {
          c.rollback();
          // PostgreSQL 55P03, H2 HYT00, MariaDB 1205 (lock wait timeout) or 3572 (NOWAIT)
          if ("55P03".equals(e.getSQLState()) || "HYT00".equals(e.getSQLState()) || e.getErrorCode() == 1205
              || e.getErrorCode() == 3572) {
            return "found it locked";
          }
          throw e;
        }
        try (java.sql.PreparedStatement move = c.prepareStatement(
            "update simestate_sim_assignment set customer_id = ? where iccid = ?")) {
          move.setString(1, to.id().toString());
          move.setString(2, sim.digits());
          int moved = move.executeUpdate();
          c.commit();
          return "moved " + moved;
        }
      } catch (java.sql.SQLException e) {
        throw new IllegalStateException(e);
      }
    }

    @Test
    void assigningARangeAssignsEverySimAndReportsMovesFromOtherCustomers() {
      Customer a = newCustomer(tenant);
      Customer b = newCustomer(tenant);
      IccidRange range = Fixtures.range(2_500);
      List<Iccid> firstTen = new ArrayList<>(range).subList(0, 10);
      store.assign(tenant, a.id(), firstTen);

      AssignmentChanges changes = store.assign(tenant, b.id(), range);

      assertThat(changes.changed()).isEqualTo(2_500);
      assertThat(changes.unchanged()).isZero();
      assertThat(changes.movedFrom()).containsExactlyEntriesOf(java.util.Map.of(a.id(), 10L));
      assertThat(store.countOf(tenant, b.id())).isEqualTo(2_500);
      assertThat(store.countOf(tenant, a.id())).isZero();
    }

    @Test
    void assigningSimsAlreadyHeldByTheCustomerLeavesThemUnchanged() {
      Customer a = newCustomer(tenant);
      IccidRange range = Fixtures.range(30);
      store.assign(tenant, a.id(), range);

      AssignmentChanges again = store.assign(tenant, a.id(), range);

      assertThat(again.changed()).isZero();
      assertThat(again.unchanged()).isEqualTo(30);
    }

    @Test
    void aSimOfAnotherTenantMakesTheWholeAssignmentFailAndChangesNothing() {
      TenantId other = tenant();
      Customer theirs = newCustomer(other);
      Customer mine = newCustomer(tenant);
      List<Iccid> sims = new ArrayList<>(Fixtures.range(3_000));
      store.assign(other, theirs.id(), sims.subList(2_990, 2_991));

      assertThatThrownBy(() -> store.assign(tenant, mine.id(), sims))
          .isInstanceOfSatisfying(ConflictException.class, e -> {
            assertThat(e.reason()).isEqualTo(ConflictException.Reason.SIM_HELD_ELSEWHERE);
            assertThat(e.getMessage()).contains(sims.get(2_990).digits());
          });
      assertThat(store.countOf(tenant, mine.id())).isZero();
      assertThat(store.customerOf(other, sims.get(2_990))).contains(theirs.id());
    }

    @Test
    void aConflictCaughtInsideATransactionLeavesNoRowBehindAndNamesTheSimsOfEveryChunk() {
      TenantId other = tenant();
      Customer theirs = newCustomer(other);
      Customer mine = newCustomer(tenant);
      List<Iccid> sims = new ArrayList<>(Fixtures.range(3_500));
      // One SIM of the other tenant in the second chunk, one in the fourth.
      store.assign(other, theirs.id(), List.of(sims.get(1_500), sims.get(3_400)));

      long stored = db.persistence.transactions().inTransaction(() -> {
        assertThatThrownBy(() -> store.assign(tenant, mine.id(), sims))
            .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.getMessage())
                .contains(sims.get(1_500).digits(), sims.get(3_400).digits()));
        // The caller goes on with its transaction, which then commits.
        return store.countOf(tenant, mine.id());
      });

      assertThat(stored).isZero();
      assertThat(store.countOf(tenant, mine.id())).isZero();
      assertThat(store.countOf(other, theirs.id())).isEqualTo(2);
    }

    /**
     * The misbehaving part first: another tenant takes a SIM of the second chunk after the assignment's
     * first look-up, so the assignment fails after writing its first chunk. The caller catches the
     * conflict and commits its transaction: the first chunk must not stay behind (the assignment is
     * all-or-nothing), and the customer's SIM count must still be its rows'.
     */
    @Test
    void aConflictFoundAfterTheFirstChunkWasWrittenLeavesNoRowBehindWhenTheCallerGoesOn() {
      TenantId other = tenant();
      Customer theirs = newCustomer(other);
      Customer mine = newCustomer(tenant);
      List<Iccid> sims = new ArrayList<>(Fixtures.range(1_500));
      Iccid taken = sims.get(1_200);
      AtomicInteger takenMeanwhile = new AtomicInteger();
      // On H2 and MariaDB, after the first pass (which looks for SIMs of other tenants in every chunk),
      // at the first chunk's look-up of holders; on PostgreSQL, after the first chunk's insert.
      db.dataSource.afterNext(db.vendor == DatabaseVendor.POSTGRESQL ? "insert into simestate_sim_assignment"
          : HOLDERS_LOOK_UP, () -> takenMeanwhile.addAndGet(
              onAnotherThread(() -> store.assign(other, theirs.id(), List.of(taken)))));

      long stored = db.persistence.transactions().inTransaction(() -> {
        assertThatThrownBy(() -> store.assign(tenant, mine.id(), sims))
            .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.reason())
                .isEqualTo(ConflictException.Reason.SIM_HELD_ELSEWHERE));
        return store.countOf(tenant, mine.id());
      });

      assertThat(takenMeanwhile).hasValue(1);
      assertThat(stored).isZero();
      assertThat(rowsOf(mine)).isZero();
      assertThat(store.countOf(tenant, mine.id())).isZero();
      assertThat(store.customerOf(other, taken)).contains(theirs.id());
    }

    /**
     * The caller checks that the customer exists, but it may be deleted before the SIMs are written:
     * the foreign key refuses them, and the store says so without spoiling the caller's transaction.
     */
    @Test
    void assigningToACustomerDeletedMeanwhileIsNotFoundChangesNothingAndTheTransactionGoesOn() {
      Customer holder = newCustomer(tenant);
      List<Iccid> sims = new ArrayList<>(Fixtures.range(20));
      store.assign(tenant, holder.id(), sims.subList(0, 10));
      CustomerId gone = CustomerId.random();

      long kept = db.persistence.transactions().inTransaction(() -> {
        assertThatThrownBy(() -> store.assign(tenant, gone, sims.subList(10, 20)))
            .as("new SIMs").isInstanceOf(NotFoundException.class).hasMessageContaining(gone.toString());
        assertThatThrownBy(() -> store.assign(tenant, gone, sims.subList(0, 10)))
            .as("SIMs moving from another customer").isInstanceOf(NotFoundException.class)
            .hasMessageContaining(gone.toString());
        return store.countOf(tenant, holder.id());
      });

      assertThat(kept).isEqualTo(10);
      assertThat(store.countOf(tenant, holder.id())).isEqualTo(10);
      assertThat(store.customerOf(tenant, sims.get(15))).isEmpty();
    }

    @Test
    void aFailedAssignmentInsideATransactionRollsBackWithIt() {
      Customer mine = newCustomer(tenant);
      IccidRange range = Fixtures.range(10);

      assertThatThrownBy(() -> db.persistence.transactions().run(() -> {
        store.assign(tenant, mine.id(), range);
        throw new IllegalStateException("the use case fails later");
      })).isInstanceOf(IllegalStateException.class);

      assertThat(store.countOf(tenant, mine.id())).isZero();
    }

    @Test
    void twoTenantsAssigningTheSameSimsConcurrentlyGetOneSuccessAndOneConflict() throws Exception {
      TenantId other = tenant();
      Customer mine = newCustomer(tenant);
      Customer theirs = newCustomer(other);
      IccidRange range = Fixtures.range(2_000);
      CountDownLatch start = new CountDownLatch(1);
      ExecutorService pool = Executors.newFixedThreadPool(2);
      try {
        Callable<Boolean> assignMine = () -> attempt(start, () -> store.assign(tenant, mine.id(), range));
        Callable<Boolean> assignTheirs = () -> attempt(start, () -> store.assign(other, theirs.id(), range));
        Future<Boolean> a = pool.submit(assignMine);
        Future<Boolean> b = pool.submit(assignTheirs);
        start.countDown();

        assertThat(List.of(a.get(), b.get())).containsExactlyInAnyOrder(true, false);
        assertThat(store.countOf(tenant, mine.id()) + store.countOf(other, theirs.id())).isEqualTo(2_000);
      } finally {
        pool.shutdownNow();
      }
    }

    private static boolean attempt(CountDownLatch start, Runnable assign) throws InterruptedException {
      start.await();
      try {
        assign.run();
        return true;
      } catch (ConflictException e) {
        assertThat(e.reason()).isEqualTo(ConflictException.Reason.SIM_HELD_ELSEWHERE);
        return false;
      }
    }

    @Test
    void unassigningReleasesOnlyTheTenantsOwnSimsAndCountsPerCustomer() {
      TenantId other = tenant();
      Customer a = newCustomer(tenant);
      Customer theirs = newCustomer(other);
      List<Iccid> sims = new ArrayList<>(Fixtures.range(6));
      store.assign(tenant, a.id(), sims.subList(0, 4));
      store.assign(other, theirs.id(), sims.subList(4, 5));

      AssignmentChanges changes = store.unassign(tenant, sims);

      assertThat(changes.changed()).isEqualTo(4);
      assertThat(changes.unchanged()).isEqualTo(2);
      assertThat(changes.movedFrom()).containsExactlyEntriesOf(java.util.Map.of(a.id(), 4L));
      assertThat(store.customerOf(other, sims.get(4))).contains(theirs.id());
    }

    @Test
    void unassignAllReleasesEveryoneOfOneCustomerOnly() {
      Customer a = newCustomer(tenant);
      Customer b = newCustomer(tenant);
      store.assign(tenant, a.id(), Fixtures.range(1_500));
      store.assign(tenant, b.id(), Fixtures.range(5));

      long released = store.unassignAll(tenant, a.id());

      assertThat(released).isEqualTo(1_500);
      assertThat(store.countOf(tenant, b.id())).isEqualTo(5);
    }

    @Test
    void simsAreListedByLengthThenDigits() {
      Customer a = newCustomer(tenant);
      Iccid longer = Iccid.parse("8900000000000000000001");
      Iccid shorter = Iccid.parse("899999999999999999");
      Iccid middle = Iccid.parse("8912345678901234567");
      store.assign(tenant, a.id(), List.of(longer, middle, shorter));

      var page = store.simsOf(tenant, a.id(), PageRequest.first(2));

      assertThat(page.items()).containsExactly(shorter, middle);
      assertThat(page.total()).isEqualTo(3);
    }

    @Test
    void aLazyRangeIsWalkedAtMostTwice() {
      Customer a = newCustomer(tenant);
      CountingCollection sims = new CountingCollection(Fixtures.range(3_000));

      store.assign(tenant, a.id(), sims);

      assertThat(sims.iterations.get()).isLessThanOrEqualTo(2);
    }

    @Test
    void assigningTenThousandSimsTakesAStatementPerThousandAndPass() {
      Customer a = newCustomer(tenant);
      IccidRange range = Fixtures.range(10_000);
      long before = db.statements();

      store.assign(tenant, a.id(), range);

      long statements = db.statements() - before;
      System.out.printf("[%s] assign 10,000 SIMs: %d statements%n", db.vendor, statements);
      if (db.vendor == DatabaseVendor.POSTGRESQL) {
        // Per 1,000 new SIMs one insert that skips assigned ones; then the customer's SIM count.
        assertThat(statements).isEqualTo(10 + 1);
      } else {
        // Per 1,000 SIMs: a conflict look-up, a holder look-up and one insert batch; then the
        // customer's SIM count (on H2 an update, then the insert of its first count).
        assertThat(statements).isLessThanOrEqualTo(3 * 10 + 2 + 2);
      }
    }

    @Test
    void deletingACustomerWithThousandsOfSimsTakesAHandfulOfStatements() {
      Customer a = newCustomer(tenant);
      store.assign(tenant, a.id(), Fixtures.range(5_000));
      long before = db.statements();

      // As the deletion use case does: release the SIMs, then delete the customer.
      assertThat(store.unassignAll(tenant, a.id())).isEqualTo(5_000);
      customers.delete(tenant, a.id(), a.version());

      long statements = db.statements() - before;
      System.out.printf("[%s] delete customer with 5,000 SIMs: %d statements%n", db.vendor, statements);
      // Lock the customer, release, the SIM count, lock-and-read the version, delete contacts, delete the
      // customer (its SIM count goes with it).
      assertThat(statements).isLessThanOrEqualTo(6);
      assertThat(store.countOf(tenant, a.id())).isZero();
    }
  }

  /** A collection that counts how often it is iterated. */
  static final class CountingCollection extends AbstractCollection<Iccid> {
    final Collection<Iccid> target;
    final AtomicInteger iterations = new AtomicInteger();

    CountingCollection(Collection<Iccid> target) {
      this.target = target;
    }

    @Override
    public Iterator<Iccid> iterator() {
      iterations.incrementAndGet();
      return target.iterator();
    }

    @Override
    public int size() {
      return target.size();
    }
  }

  @Nested
  @Db(DatabaseVendor.H2)
  class OnH2 extends Scenarios {}

  @Nested
  @Db(DatabaseVendor.POSTGRESQL)
  class OnPostgreSql extends Scenarios {

    /**
     * On PostgreSQL a chunk is one insert that skips SIMs held already, then a look-up of their holders. A
     * SIM its holder released in between is in neither: it is inserted again, not left out.
     */
    @Test
    void aSimReleasedBetweenTheInsertAndTheHoldersLookUpIsAssignedAllTheSame() {
      Customer a = newCustomer(tenant);
      Customer b = newCustomer(tenant);
      List<Iccid> sims = new ArrayList<>(Fixtures.range(2));
      store.assign(tenant, a.id(), sims.subList(0, 1));
      AtomicInteger releases = new AtomicInteger();
      db.dataSource.beforeNext(HOLDERS_LOOK_UP,
          () -> releases.addAndGet(releaseElsewhere(sims.get(0))));

      AssignmentChanges changes = store.assign(tenant, b.id(), sims);

      assertThat(releases).hasValue(1);
      assertThat(store.customerOf(tenant, sims.get(0))).contains(b.id());
      assertThat(store.countOf(tenant, b.id())).isEqualTo(2);
      assertThat(store.countOf(tenant, a.id())).isZero();
      assertThat(changes.changed()).isEqualTo(2);
      assertThat(changes.movedFrom()).isEmpty();
    }
  }

  @Nested
  @Db(DatabaseVendor.MARIADB)
  class OnMariaDb extends Scenarios {}
}
