package io.simestate.reliability;

import io.simestate.core.estate.SimEstate;
import io.simestate.jpa.DatabaseVendor;
import io.simestate.jpa.JpaPersistence;
import jakarta.persistence.EntityManagerFactory;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.mariadb.jdbc.MariaDbDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A portal instance in a JVM of its own that only dispatches the outbox, for the process-kill and
 * two-JVM scenarios. It prints {@code READY} once its EntityManagerFactory is up, then dispatches
 * until nothing is pending or in flight ({@code DRAINED}, exit 0) or its time is up (exit 3).
 *
 * <p>Arguments: vendor url user password smtpPort leaseMillis batchSize maxSeconds.
 */
public final class DispatcherProcess {

  private DispatcherProcess() {}

  public static void main(String[] args) throws Exception {
    DatabaseVendor vendor = DatabaseVendor.valueOf(args[0]);
    String url = args[1];
    String user = args[2];
    String password = args[3].equals("-") ? "" : args[3];
    int smtpPort = Integer.parseInt(args[4]);
    Duration lease = Duration.ofMillis(Long.parseLong(args[5]));
    int batchSize = Integer.parseInt(args[6]);
    Duration max = Duration.ofSeconds(Long.parseLong(args[7]));

    DataSource source;
    if (vendor == DatabaseVendor.POSTGRESQL) {
      PGSimpleDataSource ds = new PGSimpleDataSource();
      ds.setURL(url);
      ds.setUser(user);
      ds.setPassword(password);
      source = ds;
    } else {
      MariaDbDataSource ds = new MariaDbDataSource(url);
      ds.setUser(user);
      ds.setPassword(password);
      source = ds;
    }
    try (var pool = Database.pooled(source, 4, null)) {
      EntityManagerFactory factory = Database.factory(pool, vendor);
      SimEstate estate = Estates.estate(JpaPersistence.standalone(factory), Estates.mail(smtpPort).build())
          .dispatchLease(lease).dispatchBatchSize(batchSize).build();
      estate.alerts().deliveryCounts();
      System.out.println("READY");
      System.out.flush();
      Drain.run(estate, max, new AtomicBoolean());
      boolean drained = Drain.drained(estate);
      System.out.println(drained ? "DRAINED" : "NOT DRAINED");
      System.out.flush();
      factory.close();
      System.exit(drained ? 0 : 3);
    }
  }

  /** Starts this class in a child JVM on the test class path. */
  static Process start(Database db, int smtpPort, Duration lease, int batchSize, Duration max,
      java.nio.file.Path log) throws java.io.IOException {
    String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    String javaBin = java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder pb = new ProcessBuilder(List.of(javaBin, "-Xmx384m", "-XX:TieredStopAtLevel=1", "-cp", classPath,
        DispatcherProcess.class.getName(), db.vendor.name(), db.schemaUrl(), db.user,
        db.password.isEmpty() ? "-" : db.password, Integer.toString(smtpPort), Long.toString(lease.toMillis()),
        Integer.toString(batchSize), Long.toString(max.toSeconds())));
    pb.redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()));
    return pb.start();
  }

  /** Waits for the child's READY line, bounded; false if it ended or did not get ready in time. */
  static boolean awaitReady(Process p, Duration max) throws Exception {
    java.io.BufferedReader out = new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream()));
    java.util.concurrent.CompletableFuture<Boolean> ready = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
      try {
        for (String line; (line = out.readLine()) != null; ) {
          if (line.equals("READY")) {
            return true;
          }
        }
        return false;
      } catch (java.io.IOException e) {
        return false;
      }
    });
    try {
      return ready.get(max.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.TimeoutException e) {
      return false;
    }
  }

  static {
    // Loads the JDBC drivers for DriverManager in the child.
    DriverManager.getDrivers();
  }
}
