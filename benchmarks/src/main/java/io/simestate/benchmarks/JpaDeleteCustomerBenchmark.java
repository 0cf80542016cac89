package io.simestate.benchmarks;

import io.simestate.core.customer.Customer;
import io.simestate.core.estate.DeletionPreview;
import io.simestate.core.customer.DeletionResult;
import io.simestate.core.estate.SimEstate;
import io.simestate.jpa.JpaPersistence;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Benchmark 5: delete a customer that holds 100,000 SIMs, on H2 and on PostgreSQL. Ours is the
 * library's two steps, {@code previewDeletion} then {@code delete} with the preview's confirmation
 * (which re-checks the counts, removes the SIMs' designation, the contacts and the customer, and
 * records an audit event). The adapter keeps a SIM's designation as an assignment row, so the
 * baseline is the raw equivalent of {@code UPDATE … SET customer = NULL}: one {@code DELETE} of the
 * customer's assignment rows plus the contacts' and the customer's {@code DELETE}s, in one
 * transaction. Each iteration first creates the customer, its 3 contacts and its SIMs (not timed),
 * next to other customers holding {@link #otherSims} SIMs. Target: ours ≤ 1.5× the baseline's
 * time on H2, ≤ 1.3× on PostgreSQL (issue 14).
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-Dorg.jboss.logging.provider=slf4j"})
@State(Scope.Benchmark)
public class JpaDeleteCustomerBenchmark {

  /** The database: {@code h2} (in memory) or {@code postgresql} (the local server). */
  @Param({"h2", "postgresql"})
  public String db;

  /** How many SIMs the deleted customer holds. */
  @Param("100000")
  public int simsHeld;

  /** How many SIMs other customers hold (10 customers). */
  @Param("100000")
  public int otherSims;

  private BenchDatabase database;
  private SimEstate estate;
  private Customer doomed;
  private int round;

  /** Creates the schema and the other customers. */
  @Setup(Level.Trial)
  public void setUp() {
    database = BenchDatabase.open(db);
    estate = SimEstate.builder().persistence(JpaPersistence.standalone(database.factory)).build();
    int each = otherSims / 10;
    for (int i = 0; i < 10; i++) {
      Customer other = Estates.createCustomer(estate, "Other " + i, 3);
      estate.sims().assign(Estates.TENANT, Estates.ACTOR, other.id(), Estates.range(10_000_000L + (long) i * each, each));
    }
  }

  /** Creates the customer to delete, with its contacts and SIMs. */
  @Setup(Level.Iteration)
  public void createDoomed() {
    doomed = Estates.createCustomer(estate, "Doomed " + round++, 3);
    estate.sims().assign(Estates.TENANT, Estates.ACTOR, doomed.id(), Estates.range(0, simsHeld));
    database.analyze();
  }

  /** Checks that the customer is gone. */
  @TearDown(Level.Iteration)
  public void checkDeleted() {
    if (estate.customers().find(Estates.TENANT, doomed.id()).isPresent()) {
      throw new IllegalStateException("customer not deleted");
    }
  }

  /** Drops the schema. */
  @TearDown(Level.Trial)
  public void tearDown() {
    database.close();
  }

  /** Ours: preview, then delete with the preview's confirmation. */
  @Benchmark
  public DeletionResult ours() {
    DeletionPreview preview = estate.customers().previewDeletion(Estates.TENANT, doomed.id());
    DeletionResult result = estate.customers().delete(Estates.TENANT, Estates.ACTOR, preview.confirmation());
    if (result.simsUnassigned() != simsHeld) {
      throw new IllegalStateException("unassigned " + result.simsUnassigned() + " of " + simsHeld);
    }
    return result;
  }

  /** Baseline: the raw statements, in one transaction. */
  @Benchmark
  public int baseline() throws SQLException {
    String id = doomed.id().toString();
    try (Connection c = database.connection()) {
      c.setAutoCommit(false);
      try (PreparedStatement sims = c.prepareStatement(
              "delete from simestate_sim_assignment where tenant_id = ? and customer_id = ?");
          PreparedStatement contacts = c.prepareStatement("delete from simestate_contact where customer_id = ?");
          PreparedStatement customer = c.prepareStatement(
              "delete from simestate_customer where id = ? and tenant_id = ?")) {
        sims.setString(1, Estates.TENANT.value());
        sims.setString(2, id);
        int unassigned = sims.executeUpdate();
        contacts.setString(1, id);
        contacts.executeUpdate();
        customer.setString(1, id);
        customer.setString(2, Estates.TENANT.value());
        customer.executeUpdate();
        c.commit();
        if (unassigned != simsHeld) {
          throw new IllegalStateException("unassigned " + unassigned + " of " + simsHeld);
        }
        return unassigned;
      } finally {
        c.setAutoCommit(true);
      }
    }
  }
}
