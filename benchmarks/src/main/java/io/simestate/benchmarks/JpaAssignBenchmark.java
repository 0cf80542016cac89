package io.simestate.benchmarks;

import io.simestate.core.customer.Customer;
import io.simestate.core.estate.SimEstate;
import io.simestate.core.sim.AssignmentChanges;
import io.simestate.core.sim.Iccid;
import io.simestate.jpa.JpaPersistence;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceConfiguration;
import jakarta.persistence.ValidationMode;
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
 * Benchmark 4: assign a range of 1,000,000 SIMs to one customer through the JPA adapter, on H2 and on
 * PostgreSQL. Baselines in the same run: a raw JDBC batch insert of the same rows (batches of 1,000,
 * one transaction; PostgreSQL with {@code reWriteBatchedInserts=true}), and a naive loop that
 * persists one JPA entity per SIM in one transaction without JDBC batching, run on
 * {@link #naiveSims} SIMs (the report normalises every score per SIM). Each iteration starts from an
 * empty assignment table; there is no warm-up iteration, as a million rows warm the code up within the
 * operation. Ours also writes the used heap after a full GC, after assigning
 * {@link #sims} and after assigning 10,000 SIMs, to the side results; each once the rows are deleted again,
 * as H2 holds its tables in the same heap.
 *
 * <p>Targets: ours ≥ 0.5× the raw batch's throughput (≥ 0.6× on PostgreSQL, issue 14), ≥ 10× the
 * naive loop's, and heap after 1,000,000 ≤ heap after 10,000 + 64 MB.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-Dorg.jboss.logging.provider=slf4j"})
@State(Scope.Benchmark)
public class JpaAssignBenchmark {

  private static final int HEAP_BASE_SIMS = 10_000;
  private static final int RAW_BATCH = 1_000;

  /** The database: {@code h2} (in memory) or {@code postgresql} (the local server). */
  @Param({"h2", "postgresql"})
  public String db;

  /** How many SIMs ours and the raw batch assign. */
  @Param("1000000")
  public int sims;

  /** How many SIMs the naive loop assigns. */
  @Param("20000")
  public int naiveSims;

  private BenchDatabase database;
  private SimEstate estate;
  private Customer customer;
  private EntityManagerFactory naiveFactory;
  private boolean oursRan;
  private long heapAfterOurs;

  /** Creates the schema, the customer and the naive loop's persistence unit. */
  @Setup(Level.Trial)
  public void setUp() {
    database = BenchDatabase.open(db);
    estate = SimEstate.builder().persistence(JpaPersistence.standalone(database.factory)).build();
    customer = Estates.createCustomer(estate, "Bulk Customer", 3);
    naiveFactory = new PersistenceConfiguration("naive")
        .managedClass(NaiveSimAssignment.class)
        .property("hibernate.connection.datasource", database.dataSource)
        .property("hibernate.hbm2ddl.auto", "none")
        .validationMode(ValidationMode.NONE)
        .createEntityManagerFactory();
  }

  /** Every iteration starts with no SIM assigned. */
  @Setup(Level.Iteration)
  public void emptyTable() {
    database.clearAssignments();
  }

  /**
   * After ours: the used heap after a full GC, once the rows are removed again, because H2 keeps its
   * in-memory tables in this heap; what remains is what the library and its caches retain.
   */
  @TearDown(Level.Iteration)
  public void heapAfterIteration() {
    if (oursRan) {
      database.clearAssignments();
      heapAfterOurs = Math.max(heapAfterOurs, SideResults.usedHeapAfterGc());
    }
  }

  /** After ours: the used heap after assigning 10,000 SIMs, for comparison; then drops the schema. */
  @TearDown(Level.Trial)
  public void tearDown() {
    try {
      if (oursRan) {
        database.clearAssignments();
        estate.sims().assign(Estates.TENANT, Estates.ACTOR, customer.id(), Estates.range(0, HEAP_BASE_SIMS));
        database.clearAssignments();
        long heapBase = SideResults.usedHeapAfterGc();
        SideResults.record("jpaAssign." + db + ".heapAfterSims", heapAfterOurs);
        SideResults.record("jpaAssign." + db + ".heapAfter10k", heapBase);
      }
      naiveFactory.close();
    } finally {
      database.close();
    }
  }

  /** Ours: one call assigns the whole range. */
  @Benchmark
  public AssignmentChanges ours() {
    oursRan = true;
    AssignmentChanges changes = estate.sims().assign(Estates.TENANT, Estates.ACTOR, customer.id(),
        Estates.range(0, sims));
    if (changes.changed() != sims) {
      throw new IllegalStateException("assigned " + changes.changed() + " of " + sims);
    }
    return changes;
  }

  /** Baseline: raw JDBC batch insert of the same rows. */
  @Benchmark
  public int rawBatch() throws SQLException {
    String tenant = Estates.TENANT.value();
    String target = customer.id().toString();
    int rows = 0;
    try (Connection c = database.connection()) {
      c.setAutoCommit(false);
      try (PreparedStatement ps = c.prepareStatement(
          "insert into simestate_sim_assignment (iccid, iccid_length, tenant_id, customer_id) values (?, ?, ?, ?)")) {
        for (Iccid sim : Estates.range(0, sims)) {
          ps.setString(1, sim.digits());
          ps.setInt(2, sim.length());
          ps.setString(3, tenant);
          ps.setString(4, target);
          ps.addBatch();
          if (++rows % RAW_BATCH == 0) {
            ps.executeBatch();
          }
        }
        ps.executeBatch();
        c.commit();
      } finally {
        c.setAutoCommit(true);
      }
    }
    return rows;
  }

  /** Baseline: the naive loop, one persisted entity per SIM. */
  @Benchmark
  public int naiveLoop() {
    String tenant = Estates.TENANT.value();
    String target = customer.id().toString();
    int rows = 0;
    EntityManager em = naiveFactory.createEntityManager();
    try {
      em.getTransaction().begin();
      for (Iccid sim : Estates.range(0, naiveSims)) {
        em.persist(new NaiveSimAssignment(sim.digits(), tenant, target));
        rows++;
      }
      em.getTransaction().commit();
    } finally {
      em.close();
    }
    return rows;
  }
}
