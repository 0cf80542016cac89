package io.simestate.benchmarks;

import com.icegreen.greenmail.store.FolderException;
import io.simestate.core.AlertKind;
import io.simestate.core.alert.AlertId;
import io.simestate.core.alert.DispatchReport;
import io.simestate.core.alert.SenderIdentity;
import io.simestate.core.alert.UsageAlert;
import io.simestate.core.customer.Customer;
import io.simestate.core.estate.SimEstate;
import io.simestate.jpa.JpaPersistence;
import io.simestate.mail.SmtpNotificationSender;
import io.simestate.mail.SmtpSecurity;
import jakarta.persistence.EntityManagerFactory;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UnsupportedEncodingException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
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

/**
 * Benchmark 8: send {@link #deliveries} due alert deliveries from the outbox on PostgreSQL to an
 * in-process GreenMail SMTP server, with {@link #dispatchers} dispatcher threads. Ours is {@code
 * dispatcher().dispatchDue()} of an estate on the JPA adapter (standalone mode) wired to the mail
 * adapter's {@code SmtpNotificationSender} with its defaults, called from every thread at once. The
 * baseline is hand-written: per thread, one Jakarta Mail connection for all its emails, and a loop
 * of a raw JDBC claim of 500 rows ({@code FOR UPDATE SKIP LOCKED}, marked in flight, committed),
 * the sends, and one batched update marking the 500 sent. Both start every iteration from the same
 * outbox: the deliveries that routing {@value #CUSTOMERS} alerts through the adapter wrote in the
 * trial's setup, copied in SQL under new ids and alert ids up to {@link #deliveries} rows. Every
 * iteration checks that the server received every email. Target: ours ≥ 0.7× the baseline's
 * throughput (emails per second). Diagnostics: ours with {@code synchronous_commit = off}, to show
 * what its commits wait for; and the baseline kept to ours' crash bound (a killed dispatcher re-sends
 * at most one message), once committing each result before the next send
 * ({@link #baselineRecordingEachResult}) and once pipelined ({@link #baselinePipelinedRecording}),
 * each also writing with every result the audit rows ours writes with it (the {@code …WithAudit}
 * methods).
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-Dorg.jboss.logging.provider=slf4j"})
@State(Scope.Benchmark)
public class JpaMailDispatchBenchmark {

  private static final int CUSTOMERS = 20;
  private static final int CONTACTS = 3;
  private static final int CLAIM = 500;
  private static final String TEMPLATE = "bench_delivery_template";
  /** Earlier events in the audit trail when a fork starts, as in a portal that has been running. */
  private static final int AUDIT_HISTORY = 100_000;
  /** The raw sides' record of one sent delivery, still under its claim. */
  private static final String MARK_SENT = "update simestate_delivery set status = 'SENT', sent_at = ?, "
      + "claim_token = null where id = ? and claim_token = ? and status = 'IN_FLIGHT'";
  /**
   * The {@code …WithAudit} diagnostics' record of one sent delivery: {@link #MARK_SENT} plus the rows
   * ours writes with it, the {@code DELIVERY_SENT} audit event and its SIM row (F11), in one
   * statement as ours does on PostgreSQL; answers how many deliveries it marked.
   */
  private static final String MARK_SENT_AUDITED = "with sent as (" + MARK_SENT
      + " returning tenant_id, customer_id, iccid, sent_at), "
      + "a as (insert into simestate_audit_event (id, tenant_id, event_type, actor, occurred_at, customer_id, "
      + "summary, sim_count) select cast(? as varchar), tenant_id, 'DELIVERY_SENT', 'simestate', sent_at, "
      + "customer_id, cast(? as varchar), 1 from sent), "
      + "s as (insert into simestate_audit_sim (event_id, ordinal, iccid) select cast(? as varchar), 0, iccid "
      + "from sent) select count(*) from sent";

  /** How many deliveries are due at the start of each operation. */
  @Param("20000")
  public int deliveries;

  /** How many dispatcher threads send at once (each with its own connection and SMTP session). */
  @Param({"1", "4"})
  public int dispatchers;

  private BenchDatabase database;
  private BenchSmtp smtp;
  private SimEstate estate;
  private SimEstate estateWithoutCommitFlush;
  private EntityManagerFactory factoryWithoutCommitFlush;
  private ExecutorService threads;
  /** Connections whose commits do not wait for the WAL flush: ours without it, the pipelined records. */
  private DataSource relaxedCommits;
  private String refill;

  /** Starts the SMTP server, creates the estate and routes the alerts whose deliveries each iteration copies. */
  @Setup(Level.Trial)
  public void setUp() {
    smtp = BenchSmtp.start();
    database = BenchDatabase.open("postgresql", dispatchers + 2);
    SmtpNotificationSender sender = SmtpNotificationSender.builder().host("127.0.0.1").port(smtp.port)
        .security(SmtpSecurity.NONE).build();
    estate = estate(database.factory, sender);
    relaxedCommits = database.extraPool(dispatchers + 2, "set synchronous_commit = off");
    factoryWithoutCommitFlush = BenchDatabase.entityManagerFactory(relaxedCommits);
    estateWithoutCommitFlush = estate(factoryWithoutCommitFlush, sender);
    List<Customer> customers = Estates.populate(estate, CUSTOMERS, CONTACTS, 10);
    Instant raised = Instant.now().minusSeconds(60); // routing accepts alerts of the last 30 days
    for (int i = 0; i < customers.size(); i++) {
      estate.alerts().route(Estates.TENANT, UsageAlert.of(AlertId.of("template-" + i), Estates.iccid(i * 10L),
          AlertKind.WARNING, raised).withPeriod("2025-01"));
    }
    database.execute("create table " + TEMPLATE + " as select * from simestate_delivery where kind = 'ALERT'");
    countStatements(sender);
    database.execute("truncate table simestate_delivery");
    fillAuditHistory();
    refill = refillSql();
    threads = Executors.newFixedThreadPool(dispatchers);
  }

  /**
   * Gives the audit trail the history of a portal that has been sending for a while:
   * {@value #AUDIT_HISTORY} earlier {@code DELIVERY_SENT} events with their SIM rows. On an audit trail
   * that was empty when the tables were analyzed, PostgreSQL plans the foreign-key check of each new
   * SIM row (one per sent alert) as a sequential scan of the events, so each record would grow slower
   * with every event a fork writes (in pgbench, from 0.46 ms to 2.9 ms within 20,000 such records,
   * against a flat 0.18 ms without the key), which no portal that runs for more than a few minutes sees.
   */
  private void fillAuditHistory() {
    database.execute("with e as (insert into simestate_audit_event (id, tenant_id, event_type, actor, occurred_at, "
        + "customer_id, summary, sim_count) select gen_random_uuid()::text, '" + Estates.TENANT.value() + "', "
        + "'DELIVERY_SENT', 'simestate', now() - g * interval '1 second', null, "
        + "'Warning alert history-' || g || ' to a contact sent', 1 from generate_series(1, " + AUDIT_HISTORY + ") g "
        + "returning id, seq) "
        + "insert into simestate_audit_sim (event_id, ordinal, iccid) select id, 0, '8944' || lpad(seq::text, 15, '0') "
        + "from e");
  }

  /** Sends the routed deliveries through a counting data source: SQL statements per email, ours. */
  private void countStatements(SmtpNotificationSender sender) {
    StatementCounter counter = new StatementCounter();
    EntityManagerFactory counted = BenchDatabase.entityManagerFactory(counter.wrap(database.dataSource));
    try {
      DispatchReport report = estate(counted, sender).dispatcher().dispatchDue();
      if (report.sent() == 0) {
        throw new IllegalStateException("nothing was sent while counting statements: " + report);
      }
      SideResults.record("pgMail.statementsPerEmail", counter.executed() / (double) report.sent());
      smtp.server.purgeEmailFromAllMailboxes();
    } catch (FolderException e) {
      throw new IllegalStateException(e);
    } finally {
      counted.close();
    }
  }

  private static SimEstate estate(EntityManagerFactory factory, SmtpNotificationSender sender) {
    return SimEstate.builder().persistence(JpaPersistence.standalone(factory)).notificationSender(sender)
        .defaultSender(SenderIdentity.of("alerts@simestate.example", "SIM Estate alerts")).build();
  }

  /**
   * {@code insert … select} of the template rows times enough copies, each copy with new ids and
   * alert ids, due a minute ago; the columns come from the table, so that a new column is copied too.
   */
  private String refillSql() {
    List<String> columns = new ArrayList<>();
    try (Connection c = database.connection();
        ResultSet rs = c.getMetaData().getColumns(null, database.schema, "simestate_delivery", null)) {
      while (rs.next()) {
        columns.add(rs.getString("COLUMN_NAME"));
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    columns.remove("seq");
    String values = columns.stream().map(column -> switch (column) {
      case "id" -> "gen_random_uuid()::text";
      case "alert_id" -> "t.alert_id || '-' || g";
      case "created_at", "next_attempt_at" -> "now() - interval '1 minute'";
      default -> "t." + column;
    }).collect(Collectors.joining(", "));
    return "insert into simestate_delivery (" + String.join(", ", columns) + ") select " + values + " from "
        + TEMPLATE + " t cross join generate_series(1, ?) g order by g, t.recipient_key limit ?";
  }

  /** Fills the outbox with the iteration's due deliveries. */
  @Setup(Level.Iteration)
  public void fillOutbox() throws SQLException {
    database.execute("truncate table simestate_delivery");
    try (Connection c = database.connection(); PreparedStatement ps = c.prepareStatement(refill)) {
      int templateRows = CUSTOMERS * CONTACTS;
      ps.setInt(1, (deliveries + templateRows - 1) / templateRows);
      ps.setInt(2, deliveries);
      if (ps.executeUpdate() != deliveries) {
        throw new IllegalStateException("the outbox was not filled with " + deliveries + " deliveries");
      }
    }
    database.analyze();
  }

  /** Checks that every email arrived, then empties the server's mailboxes. */
  @TearDown(Level.Iteration)
  public void checkAndPurge() throws FolderException {
    int received = smtp.server.getReceivedMessages().length;
    if (received != deliveries) {
      throw new IllegalStateException("the SMTP server received " + received + " emails, expected " + deliveries);
    }
    smtp.server.purgeEmailFromAllMailboxes();
  }

  /** Stops the threads and the server and drops the schema. */
  @TearDown(Level.Trial)
  public void tearDown() {
    threads.shutdownNow();
    estate.dispatcher().close();
    estateWithoutCommitFlush.dispatcher().close();
    factoryWithoutCommitFlush.close();
    smtp.server.stop();
    database.close();
  }

  /** Ours: every thread runs the estate's dispatcher until nothing is due. */
  @Benchmark
  public int ours() throws InterruptedException, ExecutionException {
    return check(onEveryThread(() -> dispatchAll(estate)));
  }

  /**
   * Not a target, an explanation: ours with {@code synchronous_commit = off} on its connections, so
   * that a COMMIT does not wait for its WAL flush; the difference to {@link #ours} is what the
   * dispatcher's per-message commits wait for the disk.
   */
  @Benchmark
  public int oursWithoutCommitFlush() throws InterruptedException, ExecutionException {
    return check(onEveryThread(() -> dispatchAll(estateWithoutCommitFlush)));
  }

  private static int dispatchAll(SimEstate on) {
    DispatchReport report = on.dispatcher().dispatchDue();
    if (report.failed() > 0 || report.retried() > 0) {
      throw new IllegalStateException("dispatch did not send everything: " + report);
    }
    return report.sent();
  }

  /** Baseline: per thread, raw JDBC claims with skip locked and one reused SMTP connection. */
  @Benchmark
  public int baseline() throws InterruptedException, ExecutionException {
    return check(onEveryThread(this::rawDispatch));
  }

  /**
   * Not a target, an explanation: the baseline as it must be to keep the dispatcher's crash bound (a
   * killed dispatcher re-sends at most its message in flight, reliability scenario 3), that is with
   * each email's result committed before the next send: one update and one commit per email, the
   * commit not waiting for the disk ({@code synchronous_commit = off}, as ours records results). The
   * difference to {@link #baseline} is what that bound costs any implementation on this machine.
   */
  @Benchmark
  public int baselineRecordingEachResult() throws InterruptedException, ExecutionException {
    return check(onEveryThread(() -> rawDispatchRecordingEach(false)));
  }

  /**
   * Not a target, an explanation: {@link #baselineRecordingEachResult} writing with each result the
   * rows ours must write with it in the same transaction, the delivery's {@code DELIVERY_SENT} audit
   * event and its SIM row (F11), in one statement as ours' record does on PostgreSQL.
   */
  @Benchmark
  public int baselineRecordingEachResultWithAudit() throws InterruptedException, ExecutionException {
    return check(onEveryThread(() -> rawDispatchRecordingEach(true)));
  }

  private int rawDispatchRecordingEach(boolean audited)
      throws SQLException, MessagingException, UnsupportedEncodingException {
    int sent = 0;
    String claim = UUID.randomUUID().toString();
    try (Connection c = database.connection(); Transport transport = smtp.session.getTransport("smtp")) {
      transport.connect();
      c.setAutoCommit(false);
      try (PreparedStatement ps = c.prepareStatement(audited ? MARK_SENT_AUDITED : MARK_SENT)) {
        try (java.sql.Statement st = c.createStatement()) {
          st.execute("set synchronous_commit = off");
        }
        c.commit();
        for (List<Claimed> batch = claim(c, claim); !batch.isEmpty(); batch = claim(c, claim)) {
          for (Claimed d : batch) {
            MimeMessage message = RawAlertEmail.compose(smtp.session, d.email(), d.iccid(), d.customer(), d.period(),
                d.alertId(), d.raised());
            transport.sendMessage(message, message.getAllRecipients());
            markSent(ps, d, claim, audited);
            sent++;
          }
        }
      } finally {
        c.rollback();
        try (java.sql.Statement st = c.createStatement()) {
          st.execute("reset synchronous_commit");
        }
        c.setAutoCommit(true);
      }
    }
    return sent;
  }

  /**
   * Not a target, an explanation: the crash bound of {@link #baselineRecordingEachResult} kept with
   * each email's record overlapping the next email's send. The SMTP transport writes the end of the
   * DATA (the line with a single dot, on which the server accepts the message) only after the
   * message's {@code writeTo} returned, and {@link GatedMessage} returns only once the previous
   * email's result committed; so at any moment the server holds at most one accepted email whose
   * result is not committed, as with a commit before each send, while that commit (on a second
   * connection and thread, {@code synchronous_commit = off}) runs during the next email's commands
   * and content. It shows what pipelining the records could reach within the bound on this machine.
   */
  @Benchmark
  public int baselinePipelinedRecording() throws InterruptedException, ExecutionException {
    return check(onEveryThread(() -> rawDispatchPipelined(false)));
  }

  /**
   * Not a target, an explanation: {@link #baselinePipelinedRecording} writing with each result the
   * audit event and SIM row ours writes with it, as {@link #baselineRecordingEachResultWithAudit} does.
   */
  @Benchmark
  public int baselinePipelinedRecordingWithAudit() throws InterruptedException, ExecutionException {
    return check(onEveryThread(() -> rawDispatchPipelined(true)));
  }

  private int rawDispatchPipelined(boolean audited) throws Exception {
    int sent = 0;
    String claim = UUID.randomUUID().toString();
    ExecutorService recorder = Executors.newSingleThreadExecutor();
    try (Connection c = database.connection(); Connection r = relaxedCommits.getConnection();
        Transport transport = smtp.session.getTransport("smtp");
        PreparedStatement ps = r.prepareStatement(audited ? MARK_SENT_AUDITED : MARK_SENT)) {
      transport.connect();
      c.setAutoCommit(false);
      r.setAutoCommit(false);
      try {
        for (List<Claimed> batch = claim(c, claim); !batch.isEmpty(); batch = claim(c, claim)) {
          Future<?> recorded = CompletableFuture.completedFuture(null);
          for (Claimed d : batch) {
            MimeMessage message = RawAlertEmail.compose(new GatedMessage(smtp.session, recorded), d.email(),
                d.iccid(), d.customer(), d.period(), d.alertId(), d.raised());
            transport.sendMessage(message, message.getAllRecipients());
            recorded = recorder.submit(() -> markSent(ps, d, claim, audited));
          }
          recorded.get();
          sent += batch.size();
        }
      } finally {
        recorder.shutdownNow();
        recorder.awaitTermination(1, TimeUnit.MINUTES);
        c.rollback();
        c.setAutoCommit(true);
        r.rollback();
        r.setAutoCommit(true);
      }
    }
    return sent;
  }

  /**
   * Marks one claimed delivery sent, with its audit event and SIM row if {@code audited} (the
   * statement {@link #MARK_SENT_AUDITED}, else {@link #MARK_SENT}), then commits, on the statement's
   * connection.
   */
  private static Void markSent(PreparedStatement ps, Claimed d, String claim, boolean audited) throws SQLException {
    ps.setTimestamp(1, Timestamp.from(Instant.now()));
    ps.setString(2, d.id());
    ps.setString(3, claim);
    long marked;
    if (audited) {
      String event = UUID.randomUUID().toString();
      ps.setString(4, event);
      ps.setString(5, "Warning alert " + d.alertId() + " to its contact sent");
      ps.setString(6, event);
      try (ResultSet rs = ps.executeQuery()) {
        marked = rs.next() ? rs.getLong(1) : 0;
      }
    } else {
      marked = ps.executeUpdate();
    }
    if (marked != 1) {
      throw new IllegalStateException("delivery " + d.id() + " was not in flight under this claim");
    }
    ps.getConnection().commit();
    return null;
  }

  /**
   * A message that the server cannot accept before a gate opens: Jakarta Mail's SMTP transport
   * writes the end of the DATA only when {@code writeTo} returned, and this one returns when the gate
   * completed. If the gate failed, the write fails and the transport closes the connection without
   * that end, so the server discards the message.
   */
  private static final class GatedMessage extends MimeMessage {

    private final Future<?> gate;

    GatedMessage(Session session, Future<?> gate) {
      super(session);
      this.gate = gate;
    }

    @Override
    public void writeTo(OutputStream out, String[] ignoreList) throws IOException, MessagingException {
      super.writeTo(out, ignoreList);
      try {
        gate.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while waiting for the previous record", e);
      } catch (ExecutionException e) {
        throw new IOException("the previous email's result was not recorded", e.getCause());
      }
    }
  }

  private int onEveryThread(Callable<Integer> task) throws InterruptedException, ExecutionException {
    List<Future<Integer>> running = new ArrayList<>(dispatchers);
    for (int i = 0; i < dispatchers; i++) {
      running.add(threads.submit(task));
    }
    int sent = 0;
    for (Future<Integer> f : running) {
      sent += f.get();
    }
    return sent;
  }

  private int check(int sent) {
    if (sent != deliveries) {
      throw new IllegalStateException("sent " + sent + " of " + deliveries);
    }
    return sent;
  }

  /** A claimed row: what the email needs. */
  private record Claimed(String id, String email, String iccid, String customer, String period, String alertId,
      Instant raised) {}

  private int rawDispatch() throws SQLException, MessagingException, UnsupportedEncodingException {
    int sent = 0;
    String claim = UUID.randomUUID().toString();
    try (Connection c = database.connection(); Transport transport = smtp.session.getTransport("smtp")) {
      transport.connect();
      c.setAutoCommit(false);
      try {
        for (List<Claimed> batch = claim(c, claim); !batch.isEmpty(); batch = claim(c, claim)) {
          for (Claimed d : batch) {
            MimeMessage message = RawAlertEmail.compose(smtp.session, d.email(), d.iccid(), d.customer(), d.period(),
                d.alertId(), d.raised());
            transport.sendMessage(message, message.getAllRecipients());
          }
          try (PreparedStatement ps = c.prepareStatement(MARK_SENT)) {
            Timestamp now = Timestamp.from(Instant.now());
            for (Claimed d : batch) {
              ps.setTimestamp(1, now);
              ps.setString(2, d.id());
              ps.setString(3, claim);
              ps.addBatch();
            }
            ps.executeBatch();
          }
          c.commit();
          sent += batch.size();
        }
      } finally {
        c.rollback();
        c.setAutoCommit(true);
      }
    }
    return sent;
  }

  /** Claims up to 500 due deliveries: locked with skip locked, marked in flight, committed. */
  private static List<Claimed> claim(Connection c, String claim) throws SQLException {
    List<Claimed> batch = new ArrayList<>(CLAIM);
    Instant now = Instant.now();
    try (PreparedStatement ps = c.prepareStatement("select id, recipient_email, iccid, customer_name, usage_period, "
        + "alert_id, raised_at from simestate_delivery where status = 'PENDING' and next_attempt_at <= ? "
        + "order by next_attempt_at, seq limit ? for update skip locked")) {
      ps.setTimestamp(1, Timestamp.from(now));
      ps.setInt(2, CLAIM);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          batch.add(new Claimed(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
              rs.getString(6), rs.getTimestamp(7).toInstant()));
        }
      }
    }
    if (!batch.isEmpty()) {
      try (PreparedStatement ps = c.prepareStatement("update simestate_delivery set status = 'IN_FLIGHT', "
          + "claim_token = ?, next_attempt_at = ? where id = ?")) {
        Timestamp lease = Timestamp.from(now.plus(Duration.ofMinutes(5)));
        for (Claimed d : batch) {
          ps.setString(1, claim);
          ps.setTimestamp(2, lease);
          ps.setString(3, d.id());
          ps.addBatch();
        }
        ps.executeBatch();
      }
    }
    c.commit();
    return batch;
  }
}
