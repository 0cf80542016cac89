package io.simestate.benchmarks;

import io.simestate.core.Actor;
import io.simestate.core.AlertKind;
import io.simestate.core.alert.AlertId;
import io.simestate.core.alert.UsageAlert;
import io.simestate.core.estate.SimEstate;
import io.simestate.core.sim.Iccid;
import io.simestate.jpa.DatabaseVendor;
import io.simestate.jpa.JpaPersistence;
import jakarta.persistence.EntityManagerFactory;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
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
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;

/**
 * Route and record {@code alerts} usage alerts through the JPA adapter (standalone mode, one
 * transaction per alert), on H2 and on PostgreSQL, over an estate of {@code customers × simsEach}
 * SIMs with 3 alerted contacts per customer. The baseline is hand-written JDBC that per alert runs
 * the same recipient join and writes the same rows (the decision with its entries, one outbox row
 * per recipient, the repeat-guard rows, the audit event and its SIM) as batched statements in one
 * transaction.
 *
 * <p>Both sides run in the same fork, interleaved: every invocation routes {@code alerts} alerts
 * through one side and then {@code alerts} through the other, the order swapping each time, and
 * times each side itself. The JMH score is the pair's time; the per-side alerts per second of the
 * measured iterations, their ratio, and the statements each side sends per alert (counted once,
 * outside the timed code) are written to the side results. Every alert has its own id and a usage
 * period of its own, so that no alert repeats another and both sides write the same rows. Target:
 * ours ≥ 0.7× the baseline's alerts per second, at most 4 statements per routed alert.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 4)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-Dorg.jboss.logging.provider=slf4j"})
@State(Scope.Benchmark)
public class JpaRouteRecordBenchmark {

  private static final String DECISION_SQL = "insert into simestate_alert_decision (id, tenant_id, alert_id, iccid, "
      + "alert_kind, raised_at, usage_period, outcome, customer_id, customer_name, decided_at) "
      + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
  private static final String ENTRY_SQL = "insert into simestate_decision_entry "
      + "(decision_id, ordinal, chosen, contact_id, name, email) values (?, ?, ?, ?, ?, ?)";
  private static final String TOLD_SQL = "insert into simestate_alert_told "
      + "(tenant_id, repeat_key, recipient_key, last_at, told_by) values (?, ?, ?, ?, ?)";
  private static final String DELIVERY_SQL = "insert into simestate_delivery (id, tenant_id, kind, alert_id, iccid, "
      + "alert_kind, raised_at, usage_period, customer_id, customer_name, recipient_contact_id, recipient_name, "
      + "recipient_email, recipient_key, status, attempts, created_at, next_attempt_at) "
      + "values (?, ?, 'ALERT', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, ?)";
  private static final String EVENT_SQL = "insert into simestate_audit_event (id, tenant_id, event_type, actor, "
      + "occurred_at, customer_id, summary, sim_count) values (?, ?, 'ALERT_ROUTED', ?, ?, ?, ?, 1)";
  private static final String EVENT_SIM_SQL = "insert into simestate_audit_sim (event_id, ordinal, iccid) values (?, 0, ?)";

  /** The database: {@code h2} (in memory) or {@code postgresql} (the local server). */
  @Param({"h2", "postgresql"})
  public String db;

  /** How many customers, each with 3 alerted contacts. */
  @Param("1000")
  public int customers;

  /** How many SIMs each customer holds. */
  @Param("1000")
  public int simsEach;

  /** How many alerts each side routes per invocation. */
  @Param("20000")
  public int alerts;

  private BenchDatabase database;
  private SimEstate estate;
  private Iccid[] sample;
  private int round;
  private boolean measuring;
  private long oursNanos;
  private long oursAlerts;
  private long baselineNanos;
  private long baselineAlerts;

  /** Creates the schema and the estate through the adapter, and counts each side's statements. */
  @Setup(Level.Trial)
  public void setUp() throws SQLException {
    database = BenchDatabase.open(db);
    estate = SimEstate.builder().persistence(JpaPersistence.standalone(database.factory)).build();
    Estates.populate(estate, customers, 3, simsEach);
    if (database.vendor == DatabaseVendor.POSTGRESQL) {
      // This schema's tables only: a database-wide ANALYZE waits for the locks of other schemas' work.
      database.execute("analyze simestate_sim_assignment", "analyze simestate_customer", "analyze simestate_contact");
    }
    sample = Estates.sample((long) customers * simsEach, Integer.highestOneBit(Math.max(alerts, 2)) * 2, 11);
    countStatements();
  }

  /** Counts only the measured iterations' times. */
  @Setup(Level.Iteration)
  public void nextIteration(IterationParams iteration) {
    measuring = iteration.getType() == IterationType.MEASUREMENT;
  }

  private void countStatements() throws SQLException {
    StatementCounter counter = new StatementCounter();
    DataSource counted = counter.wrap(database.dataSource);
    EntityManagerFactory factory = BenchDatabase.entityManagerFactory(counted);
    try {
      SimEstate probe = SimEstate.builder().persistence(JpaPersistence.standalone(factory)).build();
      int calls = 100;
      Instant raised = Instant.now().minus(1, ChronoUnit.MINUTES);
      // A tenant's first alert also reads its settings, which are then cached (30 s by default,
      // SimEstate.Builder.DEFAULT_SETTINGS_CACHE): counted on its own, not spread over the calls.
      long before = counter.executed();
      probe.alerts().route(Estates.TENANT, alert("count-first", sample[calls], raised));
      SideResults.record("jpaRouteRecord." + db + ".oursStatementsFirstAlert", counter.executed() - before);
      before = counter.executed();
      for (int i = 0; i < calls; i++) {
        probe.alerts().route(Estates.TENANT, alert("count-ours-" + i, sample[i], raised));
      }
      SideResults.record("jpaRouteRecord." + db + ".oursStatementsPerAlert",
          (counter.executed() - before) / (double) calls);
      before = counter.executed();
      for (int i = 0; i < calls; i++) {
        baseline(counted, alert("count-base-" + i, sample[i], raised));
      }
      SideResults.record("jpaRouteRecord." + db + ".baselineStatementsPerAlert",
          (counter.executed() - before) / (double) calls);
    } finally {
      factory.close();
    }
  }

  /** Writes each side's alerts per second over the measured iterations, and their ratio. */
  @TearDown(Level.Trial)
  public void tearDown() {
    try {
      if (oursNanos > 0 && baselineNanos > 0) {
        double ours = oursAlerts * 1e9 / oursNanos;
        double base = baselineAlerts * 1e9 / baselineNanos;
        String key = "jpaRouteRecord." + db + ".";
        SideResults.record(key + "oursAlertsPerSecond", ours);
        SideResults.record(key + "baselineAlertsPerSecond", base);
        SideResults.record(key + "ratio", ours / base);
        SideResults.record(key + "alertsPerSide", oursAlerts);
      }
    } finally {
      database.close();
    }
  }

  /**
   * One round: {@code alerts} alerts through ours and {@code alerts} through the baseline, in the
   * order of the round (ours first in even rounds), each side timed.
   *
   * @return the alerts routed
   */
  @Benchmark
  public long oursAndBaselineAlternating() throws SQLException {
    int r = round++;
    Instant raised = Instant.now().minus(1, ChronoUnit.MINUTES);
    long routed = 0;
    for (int half = 0; half < 2; half++) {
      boolean ours = (half == 0) == (r % 2 == 0);
      String prefix = (ours ? "ours-" : "base-") + r + "-";
      long start = System.nanoTime();
      for (int i = 0; i < alerts; i++) {
        UsageAlert alert = alert(prefix + i, sample[i & (sample.length - 1)], raised);
        if (ours) {
          routed += estate.alerts().route(Estates.TENANT, alert).deliveries().size();
        } else {
          routed += baseline(database.dataSource, alert);
        }
      }
      long elapsed = System.nanoTime() - start;
      if (measuring) {
        if (ours) {
          oursNanos += elapsed;
          oursAlerts += alerts;
        } else {
          baselineNanos += elapsed;
          baselineAlerts += alerts;
        }
      }
    }
    return routed;
  }

  /** An alert whose usage period is its id: no alert of the run repeats another (the sample may hold a SIM twice). */
  private static UsageAlert alert(String id, Iccid sim, Instant raised) {
    return UsageAlert.of(AlertId.of(id), sim, AlertKind.WARNING, raised).withPeriod(id);
  }

  /** A contact the recipient join found. */
  private record Row(String customerId, String customerName, String contactId, String name, String email,
      boolean chosen) {}

  /**
   * The baseline for one alert: the recipient join, then the decision, its entries, the repeat-guard
   * rows, the deliveries and the audit event in batched inserts, in one transaction.
   *
   * @return the deliveries written
   */
  static int baseline(DataSource source, UsageAlert alert) throws SQLException {
    try (Connection c = source.getConnection()) {
      c.setAutoCommit(false);
      try {
        int written = baseline(c, alert);
        c.commit();
        return written;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(true);
      }
    }
  }

  private static int baseline(Connection c, UsageAlert alert) throws SQLException {
    String tenant = Estates.TENANT.value();
    List<Row> rows = new ArrayList<>(4);
    try (PreparedStatement ps = c.prepareStatement(JpaRouteBenchmark.HOLDER_SQL)) {
      ps.setString(1, alert.iccid().digits());
      ps.setString(2, tenant);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          if (rs.getString(3) != null) {
            rows.add(new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getBoolean(6) && rs.getString(5) != null && rs.getBoolean(7)));
          }
        }
      }
    }
    if (rows.isEmpty()) {
      throw new IllegalStateException("every SIM of the benchmark estate has a customer with contacts");
    }
    Instant now = Instant.now();
    String decisionId = UUID.randomUUID().toString();
    String customerId = rows.get(0).customerId();
    String customerName = rows.get(0).customerName();
    String repeatKey = alert.iccid().digits() + "|" + alert.kind().name() + "|p:" + alert.period();
    try (PreparedStatement ps = c.prepareStatement(DECISION_SQL)) {
      idAndAlert(ps, decisionId, tenant, alert);
      ps.setString(8, "ROUTED");
      ps.setString(9, customerId);
      ps.setString(10, customerName);
      instant(ps, 11, now);
      ps.executeUpdate();
    }
    try (PreparedStatement ps = c.prepareStatement(ENTRY_SQL)) {
      int ordinal = 0;
      for (Row r : rows) {
        ps.setString(1, decisionId);
        ps.setInt(2, ordinal++);
        ps.setBoolean(3, r.chosen());
        ps.setString(4, r.contactId());
        ps.setString(5, r.name());
        ps.setString(6, r.chosen() ? r.email() : null);
        ps.addBatch();
      }
      ps.executeBatch();
    }
    String token = UUID.randomUUID().toString();
    try (PreparedStatement ps = c.prepareStatement(TOLD_SQL)) {
      for (Row r : rows) {
        if (r.chosen()) {
          ps.setString(1, tenant);
          ps.setString(2, repeatKey);
          ps.setString(3, r.contactId());
          instant(ps, 4, alert.raisedAt());
          ps.setString(5, token);
          ps.addBatch();
        }
      }
      ps.executeBatch();
    }
    int written = 0;
    try (PreparedStatement ps = c.prepareStatement(DELIVERY_SQL)) {
      for (Row r : rows) {
        if (r.chosen()) {
          idAndAlert(ps, UUID.randomUUID().toString(), tenant, alert);
          ps.setString(8, customerId);
          ps.setString(9, customerName);
          ps.setString(10, r.contactId());
          ps.setString(11, r.name());
          ps.setString(12, r.email());
          ps.setString(13, r.contactId());
          instant(ps, 14, now);
          instant(ps, 15, now);
          ps.addBatch();
          written++;
        }
      }
      ps.executeBatch();
    }
    String eventId = UUID.randomUUID().toString();
    try (PreparedStatement ps = c.prepareStatement(EVENT_SQL)) {
      ps.setString(1, eventId);
      ps.setString(2, tenant);
      ps.setString(3, Actor.system().name());
      instant(ps, 4, now);
      ps.setString(5, customerId);
      ps.setString(6, "Warning alert " + alert.id() + " for SIM " + alert.iccid() + " routed to " + written
          + " contact(s) of " + customerName);
      ps.executeUpdate();
    }
    try (PreparedStatement ps = c.prepareStatement(EVENT_SIM_SQL)) {
      ps.setString(1, eventId);
      ps.setString(2, alert.iccid().digits());
      ps.executeUpdate();
    }
    return written;
  }

  /** Binds the first seven columns that the decision and the delivery share: row id, tenant and the alert. */
  private static void idAndAlert(PreparedStatement ps, String id, String tenant, UsageAlert alert) throws SQLException {
    ps.setString(1, id);
    ps.setString(2, tenant);
    ps.setString(3, alert.id().value());
    ps.setString(4, alert.iccid().digits());
    ps.setString(5, alert.kind().name());
    instant(ps, 6, alert.raisedAt());
    ps.setString(7, alert.period());
  }

  private static void instant(PreparedStatement ps, int index, Instant value) throws SQLException {
    ps.setObject(index, value.atOffset(ZoneOffset.UTC), Types.TIMESTAMP_WITH_TIMEZONE);
  }
}
