package io.simestate.benchmarks;

import io.simestate.core.AlertKind;
import io.simestate.core.alert.AlertId;
import io.simestate.core.alert.Recipient;
import io.simestate.core.alert.UsageAlert;
import io.simestate.core.estate.SimEstate;
import io.simestate.core.sim.Iccid;
import io.simestate.jpa.JpaPersistence;
import jakarta.persistence.EntityManagerFactory;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
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
 * Benchmark 3: resolve the recipients of one alert through the JPA adapter (standalone mode, its own
 * transaction per call), on H2 and on PostgreSQL. Ours is {@code alerts().recipientsFor}, which asks
 * the adapter's {@code RecipientDirectory} (one SQL statement joining assignment, customer and
 * contacts) and applies the routing rules. The baseline runs the same join in raw JDBC, borrowing a
 * connection from the same pool in auto-commit mode. Target: ours ≥ 0.7× the baseline's throughput
 * (≥ 0.8× on PostgreSQL, issue 14), and one SQL statement per alert (counted in setup, written to
 * the side results).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 3, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-Dorg.jboss.logging.provider=slf4j"})
@State(Scope.Benchmark)
public class JpaRouteBenchmark {

  static final String HOLDER_SQL = """
      select c.id, c.name, k.id, k.name, k.email, k.alerts_enabled, k.wants_warning, k.wants_cut_off
      from simestate_sim_assignment a
      join simestate_customer c on c.id = a.customer_id
      left join simestate_contact k on k.customer_id = c.id
      where a.iccid = ? and a.tenant_id = ?
      order by k.ordinal""";

  /** The database: {@code h2} (in memory) or {@code postgresql} (the local server). */
  @Param({"h2", "postgresql"})
  public String db;

  /** How many customers, each with 3 alerted contacts. */
  @Param("200")
  public int customers;

  /** How many SIMs each customer holds. */
  @Param("500")
  public int simsEach;

  private BenchDatabase database;
  private SimEstate estate;
  private Iccid[] sample;
  private int next;

  /** A contact row of the baseline's result. */
  record RawContact(String id, String name, String email, boolean alerts, boolean warning, boolean cutOff) {}

  /** The baseline's result: the SIM's customer and its contacts. */
  record RawHolder(String customerId, String customerName, List<RawContact> contacts) {}

  /** Creates the schema and the estate through the adapter, and counts the statements of one call. */
  @Setup(Level.Trial)
  public void setUp() {
    database = BenchDatabase.open(db);
    estate = SimEstate.builder().persistence(JpaPersistence.standalone(database.factory)).build();
    Estates.populate(estate, customers, 3, simsEach);
    database.analyze();
    sample = Estates.sample((long) customers * simsEach, 1 << 14, 7);
    countStatements();
  }

  private void countStatements() {
    StatementCounter counter = new StatementCounter();
    EntityManagerFactory counted = BenchDatabase.entityManagerFactory(counter.wrap(database.dataSource));
    try {
      SimEstate probe = SimEstate.builder().persistence(JpaPersistence.standalone(counted)).build();
      int calls = 100;
      long before = counter.executed();
      for (int i = 0; i < calls; i++) {
        probe.alerts().recipientsFor(Estates.TENANT, sample[i], AlertKind.WARNING);
      }
      SideResults.record("jpaRoute." + db + ".statementsPerRecipientsFor", (counter.executed() - before) / (double) calls);
      before = counter.executed();
      Instant raised = Instant.now().minus(java.time.Duration.ofHours(1)); // inside route's time window
      // The tenant's first alert also reads its settings, then cached for 30 s: routed before counting.
      probe.alerts().route(Estates.TENANT, UsageAlert.of(AlertId.of("probe-first"), sample[calls], AlertKind.WARNING,
          raised));
      before = counter.executed();
      for (int i = 0; i < calls; i++) {
        probe.alerts().route(Estates.TENANT, UsageAlert.of(AlertId.of("probe-" + i), sample[i], AlertKind.WARNING,
            raised));
      }
      SideResults.record("jpaRoute." + db + ".statementsPerRouteAndRecord", (counter.executed() - before) / (double) calls);
    } finally {
      counted.close();
    }
  }

  /** Drops the schema. */
  @TearDown(Level.Trial)
  public void tearDown() {
    database.close();
  }

  /** Ours: the recipients of a warning for a random SIM, through the adapter. */
  @Benchmark
  public List<Recipient> ours() {
    return estate.alerts().recipientsFor(Estates.TENANT, sample[next++ & (sample.length - 1)], AlertKind.WARNING);
  }

  /** Baseline: the same join in raw JDBC, auto-committed. */
  @Benchmark
  public RawHolder baseline() throws SQLException {
    Iccid sim = sample[next++ & (sample.length - 1)];
    try (Connection c = database.connection()) {
      return holder(c, sim);
    }
  }

  /**
   * Not a target, an explanation: the same raw JDBC query inside an explicit transaction, as the
   * adapter's standalone mode runs every call (the {@code COMMIT} is one more round trip).
   */
  @Benchmark
  public RawHolder baselineInTransaction() throws SQLException {
    Iccid sim = sample[next++ & (sample.length - 1)];
    try (Connection c = database.connection()) {
      c.setAutoCommit(false);
      try {
        RawHolder holder = holder(c, sim);
        c.commit();
        return holder;
      } finally {
        c.setAutoCommit(true);
      }
    }
  }

  private static RawHolder holder(Connection c, Iccid sim) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(HOLDER_SQL)) {
      ps.setString(1, sim.digits());
      ps.setString(2, Estates.TENANT.value());
      try (ResultSet rs = ps.executeQuery()) {
        String customerId = null;
        String customerName = null;
        List<RawContact> contacts = new ArrayList<>(4);
        while (rs.next()) {
          customerId = rs.getString(1);
          customerName = rs.getString(2);
          if (rs.getString(3) != null) {
            contacts.add(new RawContact(rs.getString(3), rs.getString(4), rs.getString(5), rs.getBoolean(6),
                rs.getBoolean(7), rs.getBoolean(8)));
          }
        }
        return customerId == null ? null : new RawHolder(customerId, customerName, contacts);
      }
    }
  }
}
