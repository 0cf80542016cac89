package io.simestate.examples;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The demo's command-line options.
 *
 * @param sims how many SIMs to assign (by list, range and CSV); a further 1% stays unassigned
 * @param alerts how many usage alerts to replay
 * @param jdbcUrl a real database instead of the embedded H2, or null
 * @param jdbcUser the database user, or null
 * @param jdbcPassword the database password, or null
 * @param smtp {@code host:port} of a real SMTP relay instead of the in-process server, or null
 * @param smtpUser the relay's user name, or null
 * @param smtpPassword the relay's password, or null
 * @param inMemory use the in-memory adapter instead of a database
 * @param outageSeconds how long the in-process SMTP server is down part-way through; 0 for no outage
 * @param threads how many threads build the estate and route alerts, as concurrent portal users and
 *     alert consumers would
 * @param dispatchers how many dispatchers send mail concurrently (the outbox lets several claim safely);
 *     0 for the default: 2 on the embedded database, 1 on a real one
 * @param dispatchBatch how many deliveries one dispatcher round claims (digests gather within one round)
 * @param outputRoot the folder under which the run's output folder is created
 */
public record DemoOptions(
    int sims,
    int alerts,
    String jdbcUrl,
    String jdbcUser,
    String jdbcPassword,
    String smtp,
    String smtpUser,
    String smtpPassword,
    boolean inMemory,
    int outageSeconds,
    int threads,
    int dispatchers,
    int dispatchBatch,
    Path outputRoot) {

  /** The usage text. */
  public static final String USAGE = """
      Usage: Demo [options]
        --sims N              SIMs to assign by list, range and CSV (default 200,000; at least 1,000)
        --alerts N            usage alerts to replay (default 20,000; at least 500)
        --jdbc-url URL        a real PostgreSQL or MariaDB instead of the embedded H2; the demo works in
                              a schema (database) of its own and drops it at the end
        --jdbc-user USER      database user
        --jdbc-password PW    database password
        --in-memory           the in-memory adapter instead of a database
        --smtp HOST:PORT      a real SMTP relay instead of the in-process GreenMail server (port 465:
                              SMTPS, 587: STARTTLS, else plain); no .eml capture and no staged outage
        --smtp-user USER      relay user name
        --smtp-password PW    relay password
        --outage-seconds N    how long the in-process SMTP server is stopped part-way (default 3; 0: none)
        --threads N           threads that build the estate and route alerts (default 2)
        --dispatchers N       dispatchers sending concurrently (default 2 on H2, 1 with --jdbc-url)
        --dispatch-batch N    deliveries one dispatcher round claims (default 200)
        --out DIR             where to create the run's output folder (default examples/target)
        --help                this text
      """;

  /**
   * Parses the command line.
   *
   * @param args the arguments
   * @return the options
   * @throws IllegalArgumentException naming the option that is wrong
   */
  public static DemoOptions parse(String... args) {
    int sims = 200_000;
    int alerts = 20_000;
    String jdbcUrl = null;
    String jdbcUser = null;
    String jdbcPassword = null;
    String smtp = null;
    String smtpUser = null;
    String smtpPassword = null;
    boolean inMemory = false;
    int outage = 3;
    int threads = 2;
    int dispatchers = 0;
    int dispatchBatch = 200;
    Path out = defaultOutputRoot();
    List<String> rest = new ArrayList<>(List.of(args));
    while (!rest.isEmpty()) {
      String option = rest.remove(0);
      switch (option) {
        case "--sims" -> sims = number(option, value(option, rest), 1_000, 5_000_000);
        case "--alerts" -> alerts = number(option, value(option, rest), 500, 5_000_000);
        case "--jdbc-url" -> jdbcUrl = value(option, rest);
        case "--jdbc-user" -> jdbcUser = value(option, rest);
        case "--jdbc-password" -> jdbcPassword = value(option, rest);
        case "--smtp" -> smtp = value(option, rest);
        case "--smtp-user" -> smtpUser = value(option, rest);
        case "--smtp-password" -> smtpPassword = value(option, rest);
        case "--in-memory" -> inMemory = true;
        case "--outage-seconds" -> outage = number(option, value(option, rest), 0, 60);
        case "--threads" -> threads = number(option, value(option, rest), 1, 32);
        case "--dispatchers" -> dispatchers = number(option, value(option, rest), 1, 8);
        case "--dispatch-batch" -> dispatchBatch = number(option, value(option, rest), 1, 10_000);
        case "--out" -> out = Path.of(value(option, rest));
        default -> throw new IllegalArgumentException("unknown option " + option);
      }
    }
    if (inMemory && jdbcUrl != null) {
      throw new IllegalArgumentException("--in-memory and --jdbc-url exclude each other");
    }
    if (smtp != null && !smtp.matches("[^:\\s]+:\\d{1,5}")) {
      throw new IllegalArgumentException("--smtp must be host:port, not " + smtp);
    }
    if (dispatchers == 0) {
      dispatchers = jdbcUrl == null ? 2 : 1;
    }
    return new DemoOptions(sims, alerts, jdbcUrl, jdbcUser, jdbcPassword, smtp, smtpUser, smtpPassword, inMemory,
        outage, threads, dispatchers, dispatchBatch, out);
  }

  /** Whether the run uses the in-process SMTP server (and so captures mail and stages the outage). */
  boolean inProcessSmtp() {
    return smtp == null;
  }

  private static Path defaultOutputRoot() {
    String configured = System.getProperty("simestate.demo.output");
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured);
    }
    Path fromRoot = Path.of("examples");
    return fromRoot.resolve("pom.xml").toFile().isFile() ? fromRoot.resolve("target") : Path.of("target");
  }

  private static String value(String option, List<String> rest) {
    if (rest.isEmpty() || rest.get(0).startsWith("--")) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    return rest.remove(0);
  }

  private static int number(String option, String text, int min, int max) {
    try {
      int n = Integer.parseInt(text.replace("_", "").replace(",", "").trim());
      if (n < min || n > max) {
        throw new IllegalArgumentException(option + " must be between " + min + " and " + max);
      }
      return n;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + " needs a whole number, not " + text.toLowerCase(Locale.ROOT));
    }
  }
}
