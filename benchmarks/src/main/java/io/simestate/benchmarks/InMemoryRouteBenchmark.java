package io.simestate.benchmarks;

import io.simestate.core.AlertKind;
import io.simestate.core.alert.AlertId;
import io.simestate.core.alert.RoutingResult;
import io.simestate.core.alert.UsageAlert;
import io.simestate.core.customer.Contact;
import io.simestate.core.customer.ContactId;
import io.simestate.core.customer.CustomerId;
import io.simestate.core.customer.EmailAddress;
import io.simestate.core.estate.SimEstate;
import io.simestate.core.sim.Iccid;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
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
import org.openjdk.jmh.annotations.TearDown;
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
 *
 * <p>{@link #rawRecord} is a diagnostic: the look-up of the baseline plus the same rows as ours keeps,
 * written by hand into plain collections of one thread (no lock, no undo, no validation, no secondary
 * indexes): how fast any in-memory record of these rows can be on this JVM, since the record stays
 * in the heap and the collector copies it like ours.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 4, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms8g", "-Xmx8g", "-Dorg.jboss.logging.provider=slf4j"})
@State(Scope.Thread)
public class InMemoryRouteBenchmark {

  /** An hour ago: route refuses alerts raised outside the window around the clock (30 days before by default). */
  private static final Instant RAISED = Instant.now().minus(java.time.Duration.ofHours(1));

  private SimEstate routing;
  private RawRecord raw;
  private RoutingResult last;
  private long seq;
  private int next;

  /** A fresh alert record for the iteration, on the shared estate. */
  @Setup(Level.Iteration)
  public void freshRecord(InMemoryEstate e) {
    routing = null;
    raw = null;
    SideResults.usedHeapAfterGc();
    routing = SimEstate.builder().persistence(new SharedDataPersistence(e.data)).build();
    raw = new RawRecord();
  }

  /** Ours: route and record a new alert. */
  @Benchmark
  public RoutingResult ours(InMemoryEstate e) {
    Iccid sim = e.sample[next++ & (e.sample.length - 1)];
    long n = seq++;
    UsageAlert alert = UsageAlert.of(AlertId.of("a-" + n), sim, AlertKind.WARNING, RAISED).withPeriod("p" + n);
    return last = routing.alerts().route(Estates.TENANT, alert);
  }

  /**
   * Checks that the iteration's side did the whole job: ours' last alert went to every contact; the
   * raw record holds a delivery, a due entry and a repeat-guard entry per contact for every alert.
   */
  @TearDown(Level.Iteration)
  public void checkRecorded(InMemoryEstate e) {
    if (last != null && last.deliveries().size() != e.contacts) {
      throw new IllegalStateException("ours recorded " + last.deliveries().size() + " deliveries for " + e.contacts
          + " contacts: " + last.decision().outcome());
    }
    int decided = raw.decisions.size();
    if (decided > 0 && (raw.deliveries.size() != decided * e.contacts || raw.due.size() != raw.deliveries.size()
        || raw.told.size() != raw.deliveries.size() || raw.events.size() != decided)) {
      throw new IllegalStateException("the raw record holds " + decided + " decisions, " + raw.deliveries.size()
          + " deliveries, " + raw.due.size() + " due, " + raw.told.size() + " repeat entries, " + raw.events.size()
          + " events for " + e.contacts + " contacts each");
    }
    last = null;
  }

  /** Baseline: two hash-map look-ups. */
  @Benchmark
  public List<Contact> baseline(InMemoryEstate e) {
    Iccid sim = e.sample[next++ & (e.sample.length - 1)];
    CustomerId customer = e.customerOfSim.get(sim);
    return customer == null ? List.of() : e.contactsOfCustomer.get(customer);
  }

  /** Diagnostic: the baseline's look-up plus the same rows as ours records, by hand in plain collections. */
  @Benchmark
  public int rawRecord(InMemoryEstate e) {
    Iccid sim = e.sample[next++ & (e.sample.length - 1)];
    long n = seq++;
    return raw.route("a-" + n, sim, "p" + n, e);
  }

  /**
   * The rows of a routed alert in plain collections: the decision with its chosen contacts by alert
   * id, one delivery per contact by id and in a due queue, the repeat guard's entry per contact, and
   * the audit event with its summary text.
   */
  static final class RawRecord {
    record Decision(String alertId, Iccid sim, AlertKind kind, CustomerId customer, List<ContactId> chosen,
        Instant at) {}

    record Delivery(UUID id, String alertId, Iccid sim, CustomerId customer, ContactId contact,
        EmailAddress email, Instant createdAt, Instant dueAt) {}

    record Due(Instant at, UUID id) {}

    record Told(Iccid sim, AlertKind kind, String period, ContactId contact) {}

    record Event(UUID id, Instant at, CustomerId customer, Iccid sim, String summary) {}

    private final Map<String, Decision> decisions = new HashMap<>();
    private final Map<UUID, Delivery> deliveries = new HashMap<>();
    private final TreeSet<Due> due = new TreeSet<>(Comparator.comparing(Due::at).thenComparing(Due::id));
    private final Map<Told, Instant> told = new HashMap<>();
    private final List<Event> events = new ArrayList<>();
    private long ids;

    int route(String alertId, Iccid sim, String period, InMemoryEstate e) {
      if (decisions.containsKey(alertId)) {
        return 0;
      }
      CustomerId customer = e.customerOfSim.get(sim);
      List<Contact> contacts = customer == null ? List.of() : e.contactsOfCustomer.get(customer);
      Instant now = Instant.now();
      List<ContactId> chosen = new ArrayList<>(contacts.size());
      for (Contact c : contacts) {
        if (c.alertsEnabled() && c.wants(AlertKind.WARNING)
            && told.putIfAbsent(new Told(sim, AlertKind.WARNING, period, c.id()), RAISED) == null) {
          chosen.add(c.id());
          UUID id = new UUID(ids++, 42L);
          deliveries.put(id, new Delivery(id, alertId, sim, customer, c.id(), c.email(), now, now));
          due.add(new Due(now, id));
        }
      }
      decisions.put(alertId, new Decision(alertId, sim, AlertKind.WARNING, customer, chosen, now));
      events.add(new Event(new UUID(ids++, 43L), now, customer, sim,
          "Warning alert " + alertId + " for SIM " + sim + " routed to " + chosen.size() + " contact(s)"));
      return chosen.size();
    }
  }
}
