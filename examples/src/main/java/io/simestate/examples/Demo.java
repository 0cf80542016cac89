package io.simestate.examples;

import io.simestate.core.Actor;
import io.simestate.core.ConflictException;
import io.simestate.core.Page;
import io.simestate.core.PageRequest;
import io.simestate.core.TenantId;
import io.simestate.core.alert.Delivery;
import io.simestate.core.alert.DeliveryFilter;
import io.simestate.core.alert.DeliveryStatus;
import io.simestate.core.alert.DispatchReport;
import io.simestate.core.alert.Recipient;
import io.simestate.core.alert.RetryPolicy;
import io.simestate.core.alert.RoutingOutcome;
import io.simestate.core.alert.SenderIdentity;
import io.simestate.core.alert.SkipReason;
import io.simestate.core.alert.TenantAlertSettings;
import io.simestate.core.estate.PurgeReport;
import io.simestate.core.estate.RetentionPolicy;
import io.simestate.core.customer.ContactDetails;
import io.simestate.core.estate.DeletionPreview;
import io.simestate.core.customer.DeletionResult;
import io.simestate.core.customer.EmailAddress;
import io.simestate.core.estate.SimEstate;
import io.simestate.core.monitor.EstateHealth;
import io.simestate.micrometer.SimEstateMetrics;
import io.micrometer.core.instrument.Timer;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The main demo: the whole library at work against a real database and a real SMTP server, with
 * nothing to install.
 *
 * <p>It starts an embedded H2 database through the JPA adapter (standalone mode, tables from the
 * adapter's schema scripts) and an in-process GreenMail SMTP server wired to the mail adapter; builds
 * an estate of two tenants with their own sender identities, 300 customers, 900 contacts and 200,000
 * SIMs (by list, by range and by CSV import); replays 20,000 usage alerts while a dispatcher sends
 * the deliveries, with the SMTP server stopped for a few seconds part-way; prints a summary; deletes
 * a customer through preview and confirmation; and writes every received email as {@code .eml}, two
 * customers' run reports as HTML and the audit trail as CSV into a folder under {@code target/}.
 *
 * <p>Run it from the repository root with {@code mvn -B -q compile exec:java}; see {@link DemoOptions}
 * for a real PostgreSQL or MariaDB ({@code --jdbc-url}), a real relay ({@code --smtp}) and the size
 * ({@code --sims}, {@code --alerts}). The exit status is 0 only if every delivery was accounted for.
 */
public final class Demo {

  static {
    // Hibernate logs through jboss-logging; route it to SLF4J (slf4j-simple here) before it loads.
    if (System.getProperty("org.jboss.logging.provider") == null) {
      System.setProperty("org.jboss.logging.provider", "slf4j");
    }
  }

  private static final Logger LOG = LoggerFactory.getLogger(Demo.class);
  private static final Actor ADMIN = Actor.of("demo-admin@portal");
  /** The demo's key for unsubscribe tokens; never use a fixed key in a portal. */
  private static final byte[] DEMO_UNSUBSCRIBE_KEY =
      "demo key for one-click unsubscribe tokens, not secret".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
  private static final int EXPECTED_FAILURES = 0;
  /**
   * How long the final catch-up waits while nothing moves (no email accepted, no delivery settled)
   * before it gives up and lets the checks name what still waits. A busy machine makes the catch-up
   * slower, never shorter: there is no limit on the catch-up's total time.
   */
  private static final Duration STALL_LIMIT = Duration.ofMinutes(3);

  private Demo() {}

  /**
   * Runs the demo and exits with status 1 if a check failed (2 for a wrong option).
   *
   * @param args the options, see {@link DemoOptions#USAGE}
   */
  public static void main(String[] args) {
    if (List.of(args).contains("--help")) {
      System.out.print(DemoOptions.USAGE);
      return;
    }
    DemoOptions options;
    try {
      options = DemoOptions.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.print(DemoOptions.USAGE);
      System.exit(2);
      return;
    }
    DemoResult result = run(options, System.out);
    if (result.exitStatus() != 0) {
      System.exit(result.exitStatus());
    }
  }

  /**
   * Runs the demo in this process.
   *
   * @param options the options
   * @param out where to print progress and the summary
   * @return the numbers the run ended with and the checks that failed
   */
  public static DemoResult run(DemoOptions options, PrintStream out) {
    long started = System.nanoTime();
    Path folder = options.outputRoot().toAbsolutePath().normalize().resolve("simestate-demo-"
        + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS", Locale.ROOT)));
    out.println("SIM Estate demo: " + Figures.count(options.sims()) + " SIMs, " + Figures.count(options.alerts())
        + " alerts");
    out.println("== 0. Starting the database and the SMTP server");
    DemoDatabase db;
    try (Progress p = Progress.start(out, "Starting the database (schema scripts, JPA)", null, 0)) {
      db = DemoDatabase.open(options);
      p.add(1);
    }
    try (db; DemoMail mail = DemoMail.start(options); AuditCsv audit = new AuditCsv(folder.resolve("audit-trail.csv"))) {
      out.println("  database: " + db.description());
      out.println("  mail:     " + mail.description() + ", through the mail adapter (SmtpNotificationSender)");
      return new Run(options, out, db, mail, audit, folder, started).run();
    }
  }

  /** One run: the steps, in order, and what they counted. */
  private static final class Run {
    private final DemoOptions options;
    private final PrintStream out;
    private final DemoMail mail;
    private final AuditCsv audit;
    private final Path folder;
    private final long started;
    private final CountingSender sender;
    private final SimEstate estate;
    private final DemoEstate model;
    private final AlertReplay replay = new AlertReplay();
    private final List<String> failedChecks = new ArrayList<>();
    private final AtomicReference<DispatchReport> dispatched = new AtomicReference<>(DispatchReport.EMPTY);
    private final ScheduledExecutorService background;
    private final Clock clock = Clock.systemUTC();
    private final DemoMetrics metrics = new DemoMetrics();
    private DecisionLedger ledger;
    private long noticesRecorded;
    private double replaySeconds;
    private double deliverySeconds;
    private long deliveryStart;
    private long retriesBeforeOutage = -1;
    private long failuresBeforeOutage;

    Run(DemoOptions options, PrintStream out, DemoDatabase db, DemoMail mail, AuditCsv audit, Path folder,
        long started) {
      this.options = options;
      this.out = out;
      this.mail = mail;
      this.audit = audit;
      this.folder = folder;
      this.started = started;
      this.sender = new CountingSender(mail.sender());
      this.background = Executors.newScheduledThreadPool(options.dispatchers() + 1, r -> {
        Thread t = new Thread(r, "demo-dispatcher");
        t.setDaemon(true);
        return t;
      });
      this.model = new DemoEstate(
          new DemoEstate.Tenant(TenantId.of("northwind-iot"), "Northwind IoT", "894450010", "894450019"),
          new DemoEstate.Tenant(TenantId.of("bluewave-m2m"), "Bluewave M2M", "893102070", "893102079"));
      this.estate = SimEstate.builder()
          .persistence(db.persistence())
          .notificationSender(sender)
          .defaultSender(SenderIdentity.of("alerts@simestate.example", "SIM Estate"))
          .tenant(model.tenantA.id(), TenantAlertSettings.DEFAULTS
              .withSender(SenderIdentity.of("alerts@northwind-iot.example", "Northwind IoT Alerts"))
              .withCatchAll(List.of(Recipient.catchAll("Northwind NOC", EmailAddress.parse("noc@northwind-iot.example"))))
              .withSubscriptionNotices(true))
          .tenant(model.tenantB.id(), TenantAlertSettings.DEFAULTS
              .withSender(new SenderIdentity(EmailAddress.parse("noreply@bluewave-m2m.example"), "Bluewave M2M Monitoring",
                  EmailAddress.parse("support@bluewave-m2m.example")))
              .withCatchAll(List.of(Recipient.catchAll("Bluewave Operations", EmailAddress.parse("ops@bluewave-m2m.example"))))
              .withDigestWindow(Duration.ofSeconds(2)))
          // One-click unsubscribe (RFC 8058): a demo key; a portal reads its own from its secret store.
          .oneClickUnsubscribe(DEMO_UNSUBSCRIBE_KEY)
          .publishEventsTo(audit)
          .retryPolicy(new RetryPolicy(Duration.ofSeconds(1), Duration.ofSeconds(4), 10, 0.2))
          .dispatchBatchSize(options.dispatchBatch())
          .dispatchLease(Duration.ofSeconds(60))
          .clock(clock)
          .listener(metrics.metrics)
          .build();
      metrics.metrics.bindOutbox(estate);
    }

    DemoResult run() {
      try {
        buildEstate();
        replayAlerts();
        catchUp();
      } finally {
        background.shutdownNow();
      }
      printSummary();
      long unassignedByDelete = deleteOneCustomer();
      long emlFiles = writeOutputs();
      return finish(unassignedByDelete, emlFiles);
    }

    private void buildEstate() {
      out.println("== 1. Building the estate: 2 tenants, " + 2 * EstateGenerator.CUSTOMERS_PER_TENANT
          + " customers, " + 6 * EstateGenerator.CUSTOMERS_PER_TENANT + " contacts, "
          + Figures.count(options.sims()) + " SIMs");
      out.println("  " + model.tenantA.id() + ": sender alerts@northwind-iot.example, catch-all NOC, "
          + "subscription notices on, no digest");
      out.println("  " + model.tenantB.id() + ": sender noreply@bluewave-m2m.example, catch-all Operations, "
          + "digest window 2 s");
      // Issue 12, F17: settings a tenant's administrator changes at run time, stored and audited.
      estate.tenants().change(model.tenantA.id(), ADMIN, s -> s.withDisplayName("Northwind IoT")
          .withTimeZone(java.time.ZoneId.of("Europe/Berlin"))
          .withPortalUrl(TenantAlertSettings.parsePortalUrl("https://portal.northwind-iot.example/")));
      estate.tenants().change(model.tenantB.id(), ADMIN, s -> s.withDisplayName("Bluewave M2M")
          .withTimeZone(java.time.ZoneId.of("America/New_York"))
          .withPortalUrl(TenantAlertSettings.parsePortalUrl("https://portal.bluewave-m2m.example/")));
      out.println("  stored tenant settings (estate.tenants(), audited): display name, time zone (Europe/Berlin, "
          + "America/New_York) and portal address, so emails link the portal, show local time and UTC, and carry "
          + "one-click unsubscribe headers");
      new EstateGenerator(estate, ADMIN, out, options.threads()).build(model, options.sims());
      out.println("  SIMs assigned: " + Figures.count(model.simsAssigned()) + " (by list " + Figures.count(model.simsByList)
          + ", by range " + Figures.count(model.simsByRange) + ", by CSV " + Figures.count(model.simsByCsv) + ") in "
          + Figures.seconds(model.assignSeconds) + "; " + Figures.count(2L * model.stockPerTenant)
          + " stock SIMs without customer; CSV: " + Figures.count(model.csvRejected) + " of "
          + Figures.count(model.csvLines) + " lines rejected");
      noticesRecorded = estate.alerts().deliveryCounts().getOrDefault(DeliveryStatus.PENDING, 0L);
      out.println("  subscription notices waiting to be sent: " + Figures.count(noticesRecorded));
    }

    private void replayAlerts() {
      List<AlertReplay.Planned> alerts = replay.plan(model, options.alerts(), clock);
      out.println("== 2. Replaying " + Figures.count(alerts.size()) + " usage alerts while the dispatcher sends mail");
      out.println("  planned: " + Figures.count(replay.plannedOf(AlertReplay.Category.ORDINARY)) + " ordinary, "
          + Figures.count(replay.plannedOf(AlertReplay.Category.STORM)) + " in a storm of the SIMs of "
          + model.stormCustomer.name() + ", " + Figures.count(replay.plannedOf(AlertReplay.Category.SAME_ID_AGAIN))
          + " re-sent with the same id, " + Figures.count(replay.plannedOf(AlertReplay.Category.REPEAT_IN_PERIOD))
          + " repeats within the usage period, " + Figures.count(replay.plannedOf(AlertReplay.Category.STOCK_SIM)
          + replay.plannedOf(AlertReplay.Category.OTHER_TENANTS_SIM)) + " for SIMs without customer in the tenant");
      deliveryStart = System.nanoTime();
      for (int d = 0; d < options.dispatchers(); d++) {
        background.scheduleWithFixedDelay(this::dispatchOnce, 100L * d, 200, TimeUnit.MILLISECONDS);
      }
      int outageAt = options.outageSeconds() > 0 && mail.inProcess() ? alerts.size() / 2 : -1;
      if (options.outageSeconds() > 0 && !mail.inProcess()) {
        out.println("  (the staged SMTP outage needs the in-process server; skipped with --smtp)");
      }
      try (Progress p = Progress.start(out, "Routing alerts", "alerts", alerts.size(), this::deliveryState)) {
        Parallel.forEach(options.threads(), alerts.size(), i -> {
          if (i == outageAt) {
            startOutage();
          }
          routeWithRetry(alerts.get(i));
          p.add(1);
        });
        replaySeconds = p.seconds();
      }
    }

    /**
     * Routes one alert; a routing that fails (for instance when two threads record the same alert id
     * at once) rolled back completely, so it is simply tried again, as a message consumer would.
     */
    private void routeWithRetry(AlertReplay.Planned alert) {
      for (int attempt = 1; ; attempt++) {
        try {
          replay.route(estate, alert, clock);
          return;
        } catch (RuntimeException e) {
          if (attempt == 3) {
            throw e;
          }
          LOG.warn("Routing alert {} failed ({}); trying again", alert.alert().id(), e.getClass().getSimpleName());
        }
      }
    }

    private volatile CompletableFuture<Void> restart = CompletableFuture.completedFuture(null);

    private void startOutage() {
      restart = new CompletableFuture<>();
      retriesBeforeOutage = dispatched.get().retried();
      failuresBeforeOutage = sender.transientFailures();
      mail.stopServer();
      long down = System.nanoTime();
      out.println("  !! SMTP server stopped: a " + options.outageSeconds() + " s outage; deliveries fail and are "
          + "scheduled for retry (1 s, 2 s, 4 s ...)");
      background.schedule(() -> {
        try {
          mail.startServer();
          out.println("  !! SMTP server started again after " + Figures.seconds((System.nanoTime() - down) / 1e9)
              + "; " + Figures.count(sender.transientFailures() - failuresBeforeOutage) + " emails could not be sent "
              + "meanwhile and wait for their retry");
          restart.complete(null);
        } catch (RuntimeException e) {
          restart.completeExceptionally(e);
        }
      }, options.outageSeconds(), TimeUnit.SECONDS);
    }

    private void dispatchOnce() {
      try {
        DispatchReport report = estate.dispatcher().dispatchDue();
        dispatched.accumulateAndGet(report, DispatchReport::plus);
      } catch (RuntimeException e) {
        LOG.warn("A dispatch round failed; the next one picks up its deliveries", e);
      }
    }

    private String deliveryState() {
      Map<DeliveryStatus, Long> counts = estate.alerts().deliveryCounts();
      return "deliveries sent " + Figures.count(counts.getOrDefault(DeliveryStatus.SENT, 0L)) + " in "
          + Figures.count(sender.accepted()) + " emails, waiting " + Figures.count(counts.getOrDefault(DeliveryStatus.PENDING, 0L)
          + counts.getOrDefault(DeliveryStatus.IN_FLIGHT, 0L)) + ", send failures so far "
          + Figures.count(sender.transientFailures() + sender.permanentFailures());
    }

    private void catchUp() {
      out.println("== 3. Final catch-up: digest windows close, retries go out");
      try (Progress p = Progress.start(out, "Catching up", "more emails", 0, this::deliveryState)) {
        long before = sender.accepted();
        String seen = "";
        long lastChange = System.nanoTime();
        while (true) {
          p.set(sender.accepted() - before);
          Map<DeliveryStatus, Long> counts = estate.alerts().deliveryCounts();
          if (restart.isDone() && waiting(counts) == 0) {
            break;
          }
          String now = sender.accepted() + "/" + sender.transientFailures() + "/" + counts;
          if (!now.equals(seen)) {
            seen = now;
            lastChange = System.nanoTime();
          } else if (System.nanoTime() - lastChange > STALL_LIMIT.toNanos()) {
            out.println("  nothing moved for " + STALL_LIMIT.toMinutes() + " minutes; the catch-up stops here");
            break;
          }
          sleep(200);
        }
        // The dispatch rounds still running finish (their sends time out at worst) before the summary
        // reads the records, so that no send is counted without its result.
        background.shutdown();
        try {
          if (!background.awaitTermination(STALL_LIMIT.toMillis(), TimeUnit.MILLISECONDS)) {
            failedChecks.add("a dispatch round was still running " + STALL_LIMIT.toMinutes()
                + " minutes after the catch-up ended");
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        dispatchOnce();
        p.set(sender.accepted() - before);
      }
      deliverySeconds = (System.nanoTime() - deliveryStart) / 1e9;
    }

    private static long waiting(Map<DeliveryStatus, Long> counts) {
      return counts.getOrDefault(DeliveryStatus.PENDING, 0L) + counts.getOrDefault(DeliveryStatus.IN_FLIGHT, 0L);
    }

    private void printSummary() {
      out.println("== 4. Summary, from the library's own records (decision log, outbox, dispatcher)");
      try (Progress p = Progress.start(out, "Reading back the decision log", "alerts", replay.recorded().size())) {
        ledger = DecisionLedger.read(estate, replay.recorded(), options.threads(), p);
      }
      Map<DeliveryStatus, Long> counts = estate.alerts().deliveryCounts();
      DispatchReport d = dispatched.get();
      long handed = replay.routed;
      long sameIdAgain = handed - ledger.decisions() - ledger.missing();
      long sent = counts.getOrDefault(DeliveryStatus.SENT, 0L);
      long singles = sender.accepted() - sender.acceptedDigests();
      long unreported = d.messages() - sender.accepted() - sender.transientFailures() - sender.permanentFailures();
      double totalSeconds = (System.nanoTime() - started) / 1e9;

      sum("Alerts routed", handed, Figures.rate(handed, replaySeconds))
          .part("routed to customer contacts", ledger.outcome(RoutingOutcome.ROUTED), "")
          .part("routed to catch-all recipients", ledger.outcome(RoutingOutcome.CATCH_ALL), "SIM without customer")
          .part("no eligible contact", ledger.outcome(RoutingOutcome.NO_ELIGIBLE_CONTACT), "")
          .part("reached nobody", ledger.outcome(RoutingOutcome.UNASSIGNED), "no customer, no catch-all")
          .part("repeat within the usage period", ledger.outcome(RoutingOutcome.REPEAT_SUPPRESSED),
              "suppressed: everyone told of this SIM, kind and period")
          .part("same alert id again", sameIdAgain, "ignored: nothing new recorded")
          .part("not in the decision log", ledger.missing(), ledger.missing() == 0 ? "" : "LOST")
          .print();
      Sum skips = sum("Contacts skipped by routing", ledger.skipped(), "in the decisions above");
      for (SkipReason reason : SkipReason.values()) {
        skips.part(reason.description(), ledger.skipped(reason), "");
      }
      skips.print();
      sum("Deliveries recorded", ledger.chosen() + noticesRecorded, "one per (alert, recipient)")
          .part("alert deliveries", ledger.chosen(), "recipients chosen in the decision log")
          .part("subscription notices", noticesRecorded, "alerts switched on for a contact")
          .print();
      sum("Deliveries by status", counts.values().stream().mapToLong(Long::longValue).sum(), "in the outbox")
          .part("sent", sent, Figures.rate(d.sent(), deliverySeconds))
          .shown("failed", counts.getOrDefault(DeliveryStatus.FAILED, 0L), "given up; expected " + EXPECTED_FAILURES)
          .shown("pending", counts.getOrDefault(DeliveryStatus.PENDING, 0L), "after the final catch-up")
          .part("in flight", counts.getOrDefault(DeliveryStatus.IN_FLIGHT, 0L), "")
          .part("discarded", counts.getOrDefault(DeliveryStatus.DISCARDED, 0L), "by an operator")
          .print();
      printOperations(counts.getOrDefault(DeliveryStatus.FAILED, 0L));
      sum("Messages handed to the mail adapter", d.messages(), "by the dispatcher; a digest is one message")
          .part("accepted by the SMTP server", sender.accepted(), "")
          .part("refused for now, tried again", sender.transientFailures(), retriesBeforeOutage >= 0
              ? "SMTP server down " + options.outageSeconds() + " s part-way" : "")
          .part("refused for good", sender.permanentFailures(), "")
          .part("no result from the adapter", unreported, unreported == 0 ? "" : "counted as refused for now")
          .print();
      sum("Messages accepted", sender.accepted(), "")
          .part("single alerts", singles - sender.acceptedNotices(), "one delivery each")
          .part("subscription notices", sender.acceptedNotices(), "")
          .part("digests", sender.acceptedDigests(), "holding " + Figures.count(sent - singles) + " deliveries")
          .print();
      line("Retries scheduled", d.retried(), "one per delivery in a message refused for now");
      if (mail.inProcess()) {
        long received = mail.received();
        Sum server = sum("Emails received by GreenMail", received, "the server's own count")
            .part("accepted as reported", sender.accepted(), "");
        if (received > sender.accepted()) {
          server.part("taken but reported refused", received - sender.accepted(),
              "the server stopped mid-reply; the deliveries went out again");
        }
        server.print();
      }
      sum("SIMs assigned", model.simsAssigned(), Figures.rate(model.simsAssigned(), model.assignSeconds))
          .part("by list", model.simsByList, "")
          .part("by range", model.simsByRange, "")
          .part("by CSV import", model.simsByCsv, Figures.count(model.csvRejected) + " bad lines rejected")
          .print();
      line("Audit events", audit.rows(), "in the CSV so far");
      printMetrics();
      out.println(String.format(Locale.ENGLISH, "  %-38s %12s", "Run time so far", Figures.seconds(totalSeconds)));
      if (ledger.outcome(RoutingOutcome.ROUTED) + ledger.outcome(RoutingOutcome.CATCH_ALL) != replay
          .outcome(RoutingOutcome.ROUTED) + replay.outcome(RoutingOutcome.CATCH_ALL)
          || ledger.chosen() != replay.deliveriesRecorded || sameIdAgain != replay.duplicateIds) {
        failedChecks.add("the decision log (" + Figures.count(ledger.chosen()) + " recipients chosen, "
            + Figures.count(sameIdAgain) + " repeated ids) disagrees with what routing returned ("
            + Figures.count(replay.deliveriesRecorded) + ", " + Figures.count(replay.duplicateIds) + ")");
      }
      if (ledger.missing() > 0) {
        failedChecks.add(Figures.count(ledger.missing()) + " routed alerts have no decision in the log");
      }
    }

    /**
     * What an operator sees of the failed deliveries (F18), per tenant, and what a retention purge
     * with the default policy would remove now (F19: nothing this young).
     */
    private void printOperations(long failed) {
      Sum perTenant = sum("Failed deliveries, operator's list", failed, "deliveries().list(tenant, failed())");
      for (DemoEstate.Tenant tenant : List.of(model.tenantA, model.tenantB)) {
        Page<Delivery> page = estate.deliveries().list(tenant.id(), DeliveryFilter.failed(), PageRequest.first(1));
        String example = page.items().stream().findFirst().map(d -> "e.g. " + d.recipient().email().masked() + ", "
            + (d.alert() == null ? "notice" : "SIM " + d.alert().iccid()) + ", " + d.attempts() + " attempts, "
            + shortError(d.lastError())).orElse("");
        perTenant.part(tenant.id().value(), page.total(), example);
      }
      perTenant.print();
      long stuck = estate.deliveries().list(model.tenantA.id(), DeliveryFilter.pendingLongerThan(Duration.ofMinutes(5)),
          PageRequest.first(1)).total() + estate.deliveries().list(model.tenantB.id(),
          DeliveryFilter.pendingLongerThan(Duration.ofMinutes(5)), PageRequest.first(1)).total();
      line("Stuck deliveries", stuck, "pending and overdue by 5 min, or in flight past the lease: resubmit or discard");
      PurgeReport purge = estate.retention().purge(RetentionPolicy.defaults());
      line("Removed by a retention purge now", purge.total(), "default policy: sent 30 d, failed 90 d, audit for ever");
    }

    private static String shortError(String error) {
      String line = error == null ? "no error recorded" : error.replaceAll("\\s+", " ").strip();
      return line.length() > 50 ? line.substring(0, 50) + "…" : line;
    }

    /** The same run as a portal's dashboard sees it: simestate-micrometer's meters and the health check. */
    private void printMetrics() {
      out.println("  -- as metrics (simestate-micrometer on a SimpleMeterRegistry) and SimEstate.health()");
      Sum routedMetric = sum(SimEstateMetrics.ALERTS_ROUTED, metrics.total(SimEstateMetrics.ALERTS_ROUTED),
          "counter, by outcome");
      metrics.byTag(SimEstateMetrics.ALERTS_ROUTED, "outcome").forEach((outcome, n) -> routedMetric.part(outcome, n, ""));
      routedMetric.print();
      Sum sends = sum(SimEstateMetrics.SENDS, metrics.total(SimEstateMetrics.SENDS), "counter, by result and failure class");
      for (String result : List.of("sent", "transient_failure", "permanent_failure")) {
        for (String failure : List.of("none", "reported", "no_result", "sender_threw")) {
          long n = metrics.count(SimEstateMetrics.SENDS, "result", result, "failure", failure);
          if (n > 0) {
            sends.part(result + ", " + failure, n, "");
          }
        }
      }
      sends.print();
      Timer runs = metrics.completedRuns();
      line(SimEstateMetrics.DISPATCH_RUNS, runs.count() + metrics.failedRuns(), String.format(Locale.ENGLISH,
          "timer: %s failed; completed ones took %,.1f ms on average, %,.1f ms at most", Figures.count(metrics.failedRuns()),
          runs.mean(TimeUnit.MILLISECONDS), runs.max(TimeUnit.MILLISECONDS)));
      Map<String, Long> gauged = new java.util.LinkedHashMap<>();
      for (DeliveryStatus status : DeliveryStatus.values()) {
        String tag = status.name().toLowerCase(Locale.ROOT);
        gauged.put(tag, metrics.gauge(SimEstateMetrics.DELIVERIES, "status", tag));
      }
      Sum outbox = sum(SimEstateMetrics.DELIVERIES, gauged.values().stream().mapToLong(Long::longValue).sum(),
          "gauge, by status");
      gauged.forEach((status, n) -> outbox.shown(status, n, ""));
      outbox.print();
      out.println(String.format(Locale.ENGLISH, "  %-38s %12s  %s", "oldest pending delivery's age",
          Figures.seconds(metrics.oldestPendingSeconds()), "time gauge; 0 when nothing waits"));
      EstateHealth health = estate.health().check();
      Instant now = clock.instant();
      out.println(String.format(Locale.ENGLISH, "  %-38s %12s  %s", "Health (SimEstate.health())", health.status(),
          "last dispatch run " + health.lastDispatch().map(at -> Figures.seconds(secondsBetween(at, now)) + " ago")
              .orElse("none") + ", last message accepted " + health.lastSent()
              .map(at -> Figures.seconds(secondsBetween(at, now)) + " ago").orElse("none")
              + (health.up() ? "" : "; " + String.join("; ", health.problems()))));
      if (metrics.total(SimEstateMetrics.ALERTS_ROUTED) != replay.routed
          || metrics.count(SimEstateMetrics.ALERTS_ROUTED, "outcome", "duplicate_alert_id") != replay.duplicateIds) {
        failedChecks.add("the metrics counted " + Figures.count(metrics.total(SimEstateMetrics.ALERTS_ROUTED))
            + " routed alerts, routing returned " + Figures.count(replay.routed));
      }
      if (!health.up()) {
        failedChecks.add("the health check answers DOWN after the catch-up: " + health.problems());
      }
    }

    private static double secondsBetween(Instant from, Instant to) {
      return Duration.between(from, to).toMillis() / 1000.0;
    }

    private Sum sum(String label, long total, String note) {
      return new Sum(label, total, note);
    }

    /** A summary figure and the parts it is made of, printed as "total = a + b + ...", and checked. */
    private final class Sum {
      private final String label;
      private final long total;
      private final String note;
      private final List<Part> parts = new ArrayList<>();
      private long added;

      Sum(String label, long total, String note) {
        this.label = label;
        this.total = total;
        this.note = note;
      }

      /** A part, left out of the printout when it is zero (the sum holds all the same). */
      Sum part(String partLabel, long value, String partNote) {
        parts.add(new Part(partLabel, value, partNote, false));
        added += value;
        return this;
      }

      /** A part that is printed even when it is zero, because zero is the news. */
      Sum shown(String partLabel, long value, String partNote) {
        parts.add(new Part(partLabel, value, partNote, true));
        added += value;
        return this;
      }

      void print() {
        line(label, total, note);
        boolean first = true;
        for (Part p : parts) {
          if (p.value() == 0 && !first && !p.always()) {
            continue;
          }
          line((first ? "  = " : "  + ") + p.label(), p.value(), p.note());
          first = false;
        }
        if (added != total) {
          failedChecks.add("the summary does not add up: " + label + " " + Figures.count(total) + ", its parts "
              + Figures.count(added));
        }
      }
    }

    private record Part(String label, long value, String note, boolean always) {}

    private void line(String label, long value, String note) {
      out.println(String.format(Locale.ENGLISH, "  %-38s %s  %s", label, Figures.count(value, 12), note)
          .stripTrailing());
    }

    private long deleteOneCustomer() {
      DemoEstate.CustomerPlan victim = model.customersOf(model.tenantA).get(4);
      TenantId tenant = victim.tenant().id();
      out.println("== 5. Deleting customer " + victim.name() + " through preview and confirmation");
      DeletionPreview stalePreview = estate.customers().previewDeletion(tenant, victim.id());
      estate.customers().addContact(tenant, ADMIN, victim.id(), ContactDetails.silent("Late Addition", null));
      try {
        estate.customers().delete(tenant, ADMIN, stalePreview.confirmation());
        failedChecks.add("a stale deletion confirmation was accepted");
      } catch (ConflictException e) {
        out.println("  a confirmation older than a change is refused (" + e.reason() + "): " + e.getMessage());
      }
      DeletionPreview preview = estate.customers().previewDeletion(tenant, victim.id());
      out.println("  preview: " + preview.message());
      DeletionResult result = estate.customers().delete(tenant, ADMIN, preview.confirmation());
      out.println("  confirmed: " + result.customerName() + " deleted; " + Figures.count(result.simsUnassigned())
          + " SIMs lost their customer designation, " + Figures.count(result.contactsRemoved()) + " contacts removed");
      if (result.simsUnassigned() != preview.simCount()) {
        failedChecks.add("deletion unassigned " + Figures.count(result.simsUnassigned()) + " SIMs, the preview said "
            + Figures.count(preview.simCount()));
      }
      if (estate.sims().customerOf(tenant, victim.sim(0).digits()).isPresent()) {
        failedChecks.add("a SIM of the deleted customer still has a customer");
      }
      return result.simsUnassigned();
    }

    private long writeOutputs() {
      out.println("== 6. Writing the output folder");
      long eml = 0;
      if (mail.inProcess()) {
        eml = mail.writeEml(folder.resolve("mail"), out);
      }
      List<DemoEstate.CustomerPlan> reported = List.of(model.specialCustomer, model.stormCustomer);
      int n = 1;
      for (DemoEstate.CustomerPlan c : reported) {
        Path file = folder.resolve("run-report-" + n++ + "-" + c.tenant().id() + ".html");
        RunReport.write(estate, c.tenant().id(), c.id(), file);
        out.println("  run report of " + c.name() + ": " + folder.relativize(file));
      }
      if (eml > 0) {
        out.println("  emails: mail/*.eml (" + Figures.count(eml) + " files)");
        for (String[] preview : new String[][] {{"Warning:", "warning"}, {"Cut-off (service stopped): SIM", "cut-off"},
            {"Cut-off (service stopped): ", "digest"}, {"Usage alerts", "notice"}}) {
          Path file = folder.resolve("mail-preview").resolve(preview[1] + ".html");
          if (mail.writeFirstHtml(preview[0], file)) {
            out.println("  email as a reader sees it: " + folder.relativize(file));
          }
        }
        oneClickUnsubscribe();
      }
      audit.close();
      out.println("  audit trail: " + folder.relativize(audit.file()) + " (" + Figures.count(audit.rows()) + " events)");
      return eml;
    }

    /**
     * What a contact's mail program does with the unsubscribe button: POSTs to the address of one received
     * alert; the host's endpoint hands the token to the library, which switches that kind off, audited.
     */
    private void oneClickUnsubscribe() {
      List<String> addresses = mail.unsubscribeAddresses();
      out.println("  one-click unsubscribe headers (RFC 8058): " + Figures.count(addresses.size()) + " of "
          + Figures.count(mail.received()) + " emails (alerts and digests to customers' contacts)");
      for (String address : addresses) {
        java.net.URI uri = java.net.URI.create(address);
        TenantId tenant = uri.getHost().contains("northwind") ? model.tenantA.id() : model.tenantB.id();
        try {
          var result = estate.oneClickUnsubscribe().confirm(tenant, uri.getRawQuery().substring("token=".length()));
          out.println("  one-click unsubscribe of " + uri.getScheme() + "://" + uri.getHost() + uri.getPath()
              + ": contact " + result.contact() + " no longer gets " + result.kind().label().toLowerCase(Locale.ROOT)
              + " alerts" + (result.alertsStillOn() ? "" : " (its alerts are now off)") + "; recorded in the audit trail");
          return;
        } catch (io.simestate.core.NotFoundException e) {
          // The contact's customer was deleted in step 5; try the next message.
        }
      }
      failedChecks.add("no received email carried a one-click unsubscribe address that worked");
    }

    private DemoResult finish(long unassignedByDelete, long emlFiles) {
      Map<DeliveryStatus, Long> counts = estate.alerts().deliveryCounts();
      long sent = counts.getOrDefault(DeliveryStatus.SENT, 0L);
      long failed = counts.getOrDefault(DeliveryStatus.FAILED, 0L);
      long pending = counts.getOrDefault(DeliveryStatus.PENDING, 0L) + counts.getOrDefault(DeliveryStatus.IN_FLIGHT, 0L);
      long recorded = ledger.chosen() + noticesRecorded;
      if (pending > 0) {
        failedChecks.add(Figures.count(pending) + " deliveries still pending after the final catch-up");
      }
      if (failed > EXPECTED_FAILURES) {
        failedChecks.add(Figures.count(failed) + " deliveries failed; the scenario expects " + EXPECTED_FAILURES);
      }
      if (sent + failed + pending != recorded) {
        failedChecks.add("sent " + Figures.count(sent) + " + failed " + Figures.count(failed) + " + pending "
            + Figures.count(pending) + " != recorded " + Figures.count(recorded));
      }
      if (dispatched.get().sent() != sent) {
        failedChecks.add("the dispatcher reported " + Figures.count(dispatched.get().sent()) + " sent, the outbox holds "
            + Figures.count(sent));
      }
      long received = mail.received();
      if (mail.inProcess() && received < sender.accepted()) {
        failedChecks.add("the server accepted " + Figures.count(sender.accepted()) + " emails but holds only "
            + Figures.count(received));
      }
      if (model.csvRejected != model.csvBadLinesPlanned) {
        failedChecks.add("the CSV import rejected " + Figures.count(model.csvRejected) + " lines, " + model.csvBadLinesPlanned
            + " were bad");
      }
      if (audit.lateRows() > 0) {
        failedChecks.add(Figures.count(audit.lateRows()) + " audit events arrived more than " + AuditCsv.REORDER_WINDOW.toSeconds()
            + " s late and stand out of time order in the CSV");
      }
      if (replay.routed != options.alerts()) {
        failedChecks.add("routed " + Figures.count(replay.routed) + " of " + Figures.count(options.alerts()) + " alerts");
      }
      double total = (System.nanoTime() - started) / 1e9;
      out.println("== Done in " + Figures.seconds(total));
      out.println("Output folder: " + folder);
      if (failedChecks.isEmpty()) {
        out.println("Checks: every delivery accounted for (sent + failed + pending = recorded), nothing lost.");
      } else {
        failedChecks.forEach(f -> out.println("CHECK FAILED: " + f));
      }
      return new DemoResult(replay.routed, ledger.outcome(RoutingOutcome.ROUTED),
          ledger.outcome(RoutingOutcome.CATCH_ALL), ledger.outcome(RoutingOutcome.NO_ELIGIBLE_CONTACT),
          ledger.outcome(RoutingOutcome.UNASSIGNED), ledger.outcome(RoutingOutcome.REPEAT_SUPPRESSED),
          replay.routed - ledger.decisions() - ledger.missing(), ledger.chosen(), noticesRecorded, sent, failed,
          pending, ledger.skipped(), dispatched.get().retried(), sender.accepted(), sender.acceptedDigests(),
          received, emlFiles, model.simsAssigned(), model.csvRejected, unassignedByDelete, audit.rows(), folder,
          failedChecks);
    }

    private static void sleep(long millis) {
      try {
        Thread.sleep(millis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      }
    }
  }
}
