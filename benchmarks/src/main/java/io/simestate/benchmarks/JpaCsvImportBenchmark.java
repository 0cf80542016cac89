package io.simestate.benchmarks;

import io.simestate.core.customer.Customer;
import io.simestate.core.estate.SimEstate;
import io.simestate.core.sim.CsvImportReport;
import io.simestate.jpa.JpaPersistence;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
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
 * Benchmark 7: what the all-or-nothing CSV import costs. Ours imports a file of {@link #lines} lines
 * ({@code iccid,"customer"}, UTF-8 bytes) in one transaction, handed to the store 10,000 SIMs at a
 * time. Baseline in the same run: the same SIMs assigned as lists of 10,000, each in a transaction of
 * its own, as the import did before it became atomic (and without parsing any CSV). Each iteration
 * starts from an empty assignment table.
 *
 * <p>Target: ours ≤ 1.5× the baseline's time.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-Dorg.jboss.logging.provider=slf4j"})
@State(Scope.Benchmark)
public class JpaCsvImportBenchmark {

  private static final int CHUNK = 10_000;

  /** The database: {@code h2} (in memory) or {@code postgresql} (the local server). */
  @Param({"h2", "postgresql"})
  public String db;

  /** How many lines the file has. */
  @Param("100000")
  public int lines;

  private BenchDatabase database;
  private SimEstate estate;
  private Customer customer;
  private byte[] file;
  private final List<List<String>> chunks = new ArrayList<>();

  /** Creates the schema, the customer, the file and the baseline's lists. */
  @Setup(Level.Trial)
  public void setUp() {
    database = BenchDatabase.open(db);
    estate = SimEstate.builder().persistence(JpaPersistence.standalone(database.factory)).build();
    customer = Estates.createCustomer(estate, "Import Customer, Ltd.", 1);
    StringBuilder csv = new StringBuilder("iccid,customer\r\n");
    List<String> chunk = new ArrayList<>(CHUNK);
    for (int i = 0; i < lines; i++) {
      String digits = Estates.iccid(i).digits();
      csv.append(digits).append(",\"Import Customer, Ltd.\"\r\n");
      chunk.add(digits);
      if (chunk.size() == CHUNK) {
        chunks.add(chunk);
        chunk = new ArrayList<>(CHUNK);
      }
    }
    if (!chunk.isEmpty()) {
      chunks.add(chunk);
    }
    file = csv.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** Every iteration starts with no SIM assigned. */
  @Setup(Level.Iteration)
  public void emptyTable() {
    database.clearAssignments();
  }

  /** Drops the schema. */
  @TearDown(Level.Trial)
  public void tearDown() {
    database.close();
  }

  /**
   * Ours: the whole file in one transaction.
   *
   * @return how many SIMs were assigned
   */
  @Benchmark
  public long ours() {
    CsvImportReport report = estate.sims().importCsv(Estates.TENANT, Estates.ACTOR, new ByteArrayInputStream(file));
    if (report.assigned() != lines) {
      throw new IllegalStateException("assigned " + report.assigned() + " of " + lines + ": " + report.rejected());
    }
    return report.assigned();
  }

  /**
   * Baseline: the same SIMs as lists of 10,000, a transaction each.
   *
   * @return how many SIMs were assigned
   */
  @Benchmark
  public long baselineTransactionPerChunk() {
    long assigned = 0;
    for (List<String> chunk : chunks) {
      assigned += estate.sims().assign(Estates.TENANT, Estates.ACTOR, customer.id(), chunk).changed();
    }
    if (assigned != lines) {
      throw new IllegalStateException("assigned " + assigned + " of " + lines);
    }
    return assigned;
  }
}
