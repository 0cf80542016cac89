package io.simestate.benchmarks;

import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.util.GreenMail;
import io.simestate.core.AlertKind;
import io.simestate.core.alert.AlertId;
import io.simestate.core.alert.DispatchReport;
import io.simestate.core.alert.SenderIdentity;
import io.simestate.core.alert.UsageAlert;
import io.simestate.core.estate.SimEstate;
import io.simestate.core.inmemory.InMemoryPersistence;
import io.simestate.core.sim.Iccid;
import io.simestate.mail.SmtpNotificationSender;
import io.simestate.mail.SmtpSecurity;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.io.UnsupportedEncodingException;
import java.time.Instant;
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
 * Benchmark 6: send 2,000 alert emails to an in-process GreenMail SMTP server on 127.0.0.1. Ours is
 * {@code dispatcher().dispatchDue()} of an in-memory estate wired to the mail adapter's
 * {@code SmtpNotificationSender} with its defaults (one SMTP connection per {@code dispatchDue} run,
 * templated multipart/alternative messages, delivery bookkeeping); the 2,000 alerts are routed in
 * the iteration's setup. Baselines in the same run, composing a comparable multipart/alternative
 * message per email: raw Jakarta Mail over one reused connection ({@code Transport.sendMessage}), and
 * raw {@code Transport.send} per message (a connection each), on {@link #perMessageEmails} emails (the
 * report compares per email). Every iteration checks that the server
 * received all the emails. Targets: ours ≥ 0.8× the reused connection's throughput, ≥ 3× the
 * per-message send's.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 4)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-Dorg.jboss.logging.provider=slf4j"})
@State(Scope.Benchmark)
public class MailDispatchBenchmark {

  /** Within the 30 days before now that routing accepts. */
  private static final Instant RAISED = Instant.now().minusSeconds(3600);
  private static final int CUSTOMERS = 20;
  private static final int SIMS_EACH = 100;

  /** How many emails ours and the reused connection send per operation. */
  @Param("2000")
  public int emails;

  /** How many emails the per-message baseline sends per operation (the report compares per email). */
  @Param("500")
  public int perMessageEmails;

  private GreenMail smtp;
  private InMemoryPersistence data;
  private SmtpNotificationSender sender;
  private SimEstate estate;
  private Session session;
  private long seq;

  /** Starts the SMTP server and builds the estate: 20 customers, one alerted contact each. */
  @Setup(Level.Trial)
  public void setUp() {
    BenchSmtp started = BenchSmtp.start();
    smtp = started.server;
    session = started.session;
    data = InMemoryPersistence.create();
    Estates.populate(SimEstate.builder().persistence(data).build(), CUSTOMERS, 1, SIMS_EACH);
    sender = SmtpNotificationSender.builder().host("127.0.0.1").port(started.port).security(SmtpSecurity.NONE).build();
  }

  /** Routes the iteration's alerts into a fresh outbox (for ours; the baselines ignore it). */
  @Setup(Level.Iteration)
  public void routeAlerts() {
    estate = SimEstate.builder().persistence(new SharedDataPersistence(data)).notificationSender(sender)
        .defaultSender(SenderIdentity.of("alerts@simestate.example", "SIM Estate alerts")).build();
    for (int i = 0; i < emails; i++) {
      long n = seq++;
      Iccid sim = Estates.iccid(i % (CUSTOMERS * SIMS_EACH));
      estate.alerts().route(Estates.TENANT,
          UsageAlert.of(AlertId.of("mail-" + n), sim, AlertKind.WARNING, RAISED).withPeriod("p" + n));
    }
  }

  /** Checks that every email arrived, then empties the server's mailboxes. */
  @TearDown(Level.Iteration)
  public void checkAndPurge() throws FolderException {
    int received = smtp.getReceivedMessages().length;
    if (received != emails && received != perMessageEmails) {
      throw new IllegalStateException("the SMTP server received " + received + " emails, expected " + emails
          + " (or " + perMessageEmails + " for the per-message baseline)");
    }
    smtp.purgeEmailFromAllMailboxes();
  }

  /** Stops the SMTP server. */
  @TearDown(Level.Trial)
  public void tearDown() {
    smtp.stop();
  }

  /** Ours: the dispatcher sends every due delivery through the mail adapter. */
  @Benchmark
  public DispatchReport ours() {
    DispatchReport report = estate.dispatcher().dispatchDue();
    if (report.sent() != emails) {
      throw new IllegalStateException("sent " + report.sent() + " of " + emails + ": " + report);
    }
    return report;
  }

  /** Baseline: raw Jakarta Mail, one connection for all the emails. */
  @Benchmark
  public int rawReusedConnection() throws MessagingException, UnsupportedEncodingException {
    try (Transport transport = session.getTransport("smtp")) {
      transport.connect();
      for (int i = 0; i < emails; i++) {
        MimeMessage message = compose(i);
        transport.sendMessage(message, message.getAllRecipients());
      }
    }
    return emails;
  }

  /** Baseline: raw {@code Transport.send}, one connection per email. */
  @Benchmark
  public int rawSendPerMessage() throws MessagingException, UnsupportedEncodingException {
    for (int i = 0; i < perMessageEmails; i++) {
      Transport.send(compose(i));
    }
    return perMessageEmails;
  }

  /** A plain-text and HTML alert email, about the size of the adapter's. */
  private MimeMessage compose(int i) throws MessagingException, UnsupportedEncodingException {
    return RawAlertEmail.compose(session, "contact" + (i % CUSTOMERS) + "@example.com",
        Estates.iccid(i % (CUSTOMERS * SIMS_EACH)).digits(), "Customer " + (i / SIMS_EACH % CUSTOMERS), "p" + i,
        "raw-" + i, RAISED);
  }
}
