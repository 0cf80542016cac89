package io.simestate.benchmarks;

import io.simestate.core.AlertKind;
import io.simestate.core.alert.AlertId;
import io.simestate.core.alert.RoutingResult;
import io.simestate.core.alert.UsageAlert;
import io.simestate.core.customer.Contact;
import io.simestate.core.customer.CustomerId;
import io.simestate.core.estate.SimEstate;
import io.simestate.core.sim.Iccid;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Benchmark 2: route and record one alert in memory. Ours is {@code alerts().route(tenant, alert)}
 * with a new alert id and usage period each time, so every call does the whole job: de-duplication
 * by id and by repeat key, the routing rules, the decision record, one outbox entry per recipient and
 * the audit event. The baseline is the same bare {@code HashMap} chain as benchmark 1. Target: ours
 * ≥ 0.2× the baseline's throughput.
 *
 * <p>The record grows with every alert, so each iteration routes into a fresh record that shares the
 * prebuilt customers and SIMs ({@link SharedDataPersistence}).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 4, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms8g", "-Xmx8g", "-Dorg.jboss.logging.provider=slf4j"})
@State(Scope.Thread)
public class InMemoryRouteBenchmark {

  // The estate refuses alerts raised more than 30 days before its clock (the system clock here).
  private static final Instant RAISED = Instant.now();

  private SimEstate routing;
  private long seq;
  private int next;

  /** A fresh alert record for the iteration, on the shared estate. */
  @Setup(Level.Iteration)
  public void freshRecord(InMemoryEstate e) {
    routing = null;
    SideResults.usedHeapAfterGc();
    routing = SimEstate.builder().persistence(new SharedDataPersistence(e.data)).build();
  }

  /** Ours: route and record a new alert. */
  @Benchmark
  public RoutingResult ours(InMemoryEstate e) {
    Iccid sim = e.sample[next++ & (e.sample.length - 1)];
    long n = seq++;
    UsageAlert alert = UsageAlert.of(AlertId.of("a-" + n), sim, AlertKind.WARNING, RAISED).withPeriod("p" + n);
    return routing.alerts().route(Estates.TENANT, alert);
  }

  /** Baseline: two hash-map look-ups. */
  @Benchmark
  public List<Contact> baseline(InMemoryEstate e) {
    Iccid sim = e.sample[next++ & (e.sample.length - 1)];
    CustomerId customer = e.customerOfSim.get(sim);
    return customer == null ? List.of() : e.contactsOfCustomer.get(customer);
  }
}
