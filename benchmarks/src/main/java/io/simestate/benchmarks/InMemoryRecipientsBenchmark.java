package io.simestate.benchmarks;

import io.simestate.core.AlertKind;
import io.simestate.core.alert.Recipient;
import io.simestate.core.customer.Contact;
import io.simestate.core.customer.CustomerId;
import io.simestate.core.sim.Iccid;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Benchmark 1: who receives the alert for one SIM, in memory. Ours is
 * {@code alerts().recipientsFor(tenant, iccid, WARNING)} (holder look-up plus every routing rule);
 * the baseline is the bare {@code HashMap} chain ICCID → customer → contacts. Target: ours ≥ 0.5× the
 * baseline's throughput.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 4, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms3g", "-Xmx3g", "-Dorg.jboss.logging.provider=slf4j"})
@State(Scope.Thread)
public class InMemoryRecipientsBenchmark {

  private int next;

  /** Ours: the library's recipient resolution. */
  @Benchmark
  public List<Recipient> ours(InMemoryEstate e) {
    Iccid sim = e.sample[next++ & (e.sample.length - 1)];
    return e.estate.alerts().recipientsFor(Estates.TENANT, sim, AlertKind.WARNING);
  }

  /** Baseline: two hash-map look-ups. */
  @Benchmark
  public List<Contact> baseline(InMemoryEstate e) {
    Iccid sim = e.sample[next++ & (e.sample.length - 1)];
    CustomerId customer = e.customerOfSim.get(sim);
    return customer == null ? List.of() : e.contactsOfCustomer.get(customer);
  }
}
