package io.simestate.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.simestate.core.Actor;
import io.simestate.core.AlertKind;
import io.simestate.core.ConflictException;
import io.simestate.core.Limits;
import io.simestate.core.NotFoundException;
import io.simestate.core.TenantId;
import io.simestate.core.alert.AlertDecision;
import io.simestate.core.alert.AlertId;
import io.simestate.core.alert.Delivery;
import io.simestate.core.alert.DeliveryStatus;
import io.simestate.core.alert.Recipient;
import io.simestate.core.alert.RoutingResult;
import io.simestate.core.alert.ScriptedSender;
import io.simestate.core.alert.SenderIdentity;
import io.simestate.core.alert.TestClock;
import io.simestate.core.alert.UsageAlert;
import io.simestate.core.audit.AuditEvent;
import io.simestate.core.audit.AuditEventType;
import io.simestate.core.customer.Contact;
import io.simestate.core.customer.ContactDetails;
import io.simestate.core.customer.ContactId;
import io.simestate.core.customer.Customer;
import io.simestate.core.customer.CustomerDetails;
import io.simestate.core.customer.CustomerId;
import io.simestate.core.estate.DeletionPreview;
import io.simestate.core.estate.SimEstate;
import io.simestate.core.sim.Iccid;
import io.simestate.core.sim.IccidRange;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * F5, F8, F9, F10 under concurrency: threads assign, unassign, delete customers and route alerts at
 * once while a dispatcher sends; afterwards no SIM points to a deleted customer, every alert went
 * only to contacts of the customer that held the SIM when it was routed, and nothing was sent twice.
 */
class ConcurrentEstateTest {

  private static final TenantId TENANT = TenantId.of("busy");
  private static final Actor ACTOR = Actor.of("worker");
  private static final int THREADS = 4;
  private static final int OPS_PER_THREAD = 250;
  private static final int SIMS = 40;
  private static final int HANG_GUARD_MINUTES = 5;

  private final TestClock clock = new TestClock();
  private final ScriptedSender sender = new ScriptedSender();
  private final SimEstate estate = SimEstate.builder().clock(clock).random(new SplittableRandom(11))
      .notificationSender(sender).defaultSender(SenderIdentity.of("alerts@portal.example", "Portal alerts")).build();

  private final List<CustomerId> live = new CopyOnWriteArrayList<>();
  private final Set<CustomerId> deleted = ConcurrentHashMap.newKeySet();
  private final Map<ContactId, CustomerId> ownerOf = new ConcurrentHashMap<>();
  private final List<RoutingResult> routed = Collections.synchronizedList(new ArrayList<>());
  private final AtomicInteger names = new AtomicInteger();
  private final AtomicInteger alertIds = new AtomicInteger();
  private final AtomicInteger conflicts = new AtomicInteger();

  private static Iccid sim(int n) {
    return Iccid.withCheckDigit(String.format("894490000000%06d", n));
  }

  private void newCustomer(SplittableRandom random) {
    Customer c = estate.customers().create(TENANT, ACTOR, CustomerDetails.named("Customer " + names.incrementAndGet()));
    for (int k = 0; k < 1 + random.nextInt(3); k++) {
      addContact(c.id(), random);
    }
    live.add(c.id());
  }

  private void addContact(CustomerId customer, SplittableRandom random) {
    int n = names.incrementAndGet();
    boolean on = random.nextInt(4) > 0;
    Contact contact = estate.customers().addContact(TENANT, ACTOR, customer,
        new ContactDetails("Contact " + n, "c" + n + "@x.example", null, null, on,
            random.nextBoolean() ? Set.of(AlertKind.values()) : Set.of(AlertKind.values()[random.nextInt(2)])));
    ownerOf.put(contact.id(), customer);
  }

  private void step(SplittableRandom random) {
    // One snapshot of the live customers: another thread may delete one between a size() and a get().
    List<CustomerId> candidates = List.copyOf(live);
    CustomerId target = candidates.isEmpty() ? null : candidates.get(random.nextInt(candidates.size()));
    int op = random.nextInt(100);
    try {
      if (target == null || op < 8) {
        newCustomer(random);
      } else if (op < 30) {
        List<String> list = IntStream.range(0, 1 + random.nextInt(3)).mapToObj(i -> sim(random.nextInt(SIMS)).digits())
            .toList();
        estate.sims().assign(TENANT, ACTOR, target, list);
      } else if (op < 38) {
        int first = random.nextInt(SIMS - 4);
        estate.sims().assign(TENANT, ACTOR, target, IccidRange.of(sim(first), sim(first + random.nextInt(4))));
      } else if (op < 50) {
        estate.sims().unassign(TENANT, ACTOR, List.of(sim(random.nextInt(SIMS)).digits()));
      } else if (op < 58) {
        DeletionPreview preview = estate.customers().previewDeletion(TENANT, target);
        estate.customers().delete(TENANT, ACTOR, preview.confirmation());
        deleted.add(target);
        live.remove(target);
      } else if (op < 63) {
        addContact(target, random);
      } else {
        UsageAlert alert = UsageAlert.of(AlertId.of("a-" + alertIds.incrementAndGet()), sim(random.nextInt(SIMS)),
            AlertKind.values()[random.nextInt(2)], clock.instant()).withPeriod("p" + alertIds.get());
        routed.add(estate.alerts().route(TENANT, alert));
      }
    } catch (ConflictException | NotFoundException raced) {
      conflicts.incrementAndGet();
    }
  }

  @Test
  void concurrentChangesNeverLeaveDanglingSimsOrMisroutedAlerts() throws Exception {
    SplittableRandom setup = new SplittableRandom(99);
    for (int i = 0; i < 6; i++) {
      newCustomer(setup);
    }
    ExecutorService pool = Executors.newFixedThreadPool(THREADS + 1);
    CountDownLatch start = new CountDownLatch(1);
    AtomicBoolean working = new AtomicBoolean(true);
    try {
      List<Future<?>> workers = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        long seed = 1000 + t;
        workers.add(pool.submit(() -> {
          SplittableRandom random = new SplittableRandom(seed);
          start.await();
          for (int i = 0; i < OPS_PER_THREAD; i++) {
            step(random);
          }
          return null;
        }));
      }
      Future<?> dispatcher = pool.submit(() -> {
        start.await();
        while (working.get()) {
          estate.dispatcher().dispatchDue();
          Thread.yield();
        }
        return null;
      });
      start.countDown();
      // The limits only stop a hang: the whole run takes about a second, and the outcome never
      // depends on how the threads are scheduled.
      for (Future<?> w : workers) {
        w.get(HANG_GUARD_MINUTES, TimeUnit.MINUTES);
      }
      working.set(false);
      dispatcher.get(HANG_GUARD_MINUTES, TimeUnit.MINUTES);
    } finally {
      pool.shutdownNow();
      assertThat(pool.awaitTermination(HANG_GUARD_MINUTES, TimeUnit.MINUTES)).isTrue();
    }
    estate.dispatcher().dispatchDue();

    noSimPointsToADeletedCustomer();
    everyAlertReachedOnlyContactsOfTheCustomerHoldingTheSimWhenRouted();
    everyDeliveryWasSentExactlyOnce();
    assertThat(routed).as("the run routed alerts").hasSizeGreaterThan(100);
    assertThat(deleted).as("the run deleted customers").isNotEmpty();
  }

  private void noSimPointsToADeletedCustomer() {
    for (int n = 0; n < SIMS; n++) {
      Optional<CustomerId> holder = estate.sims().customerOf(TENANT, sim(n).digits());
      holder.ifPresent(id -> {
        assertThat(deleted).doesNotContain(id);
        assertThat(estate.customers().find(TENANT, id)).isPresent();
      });
    }
    for (CustomerId gone : deleted) {
      assertThat(estate.customers().find(TENANT, gone)).isEmpty();
      assertThat(estate.persistence().simAssignments().countOf(TENANT, gone)).isZero();
    }
    long held = IntStream.range(0, SIMS).filter(n -> estate.sims().customerOf(TENANT, sim(n).digits()).isPresent())
        .count();
    long counted = live.stream().mapToLong(id -> estate.persistence().simAssignments().countOf(TENANT, id)).sum();
    assertThat(counted).as("per-customer counts add up to the assigned SIMs").isEqualTo(held);
  }

  private void everyAlertReachedOnlyContactsOfTheCustomerHoldingTheSimWhenRouted() {
    for (RoutingResult r : routed) {
      AlertDecision d = r.decision();
      for (Recipient chosen : d.chosen()) {
        assertThat(ownerOf.get(chosen.contactId())).as("owner of a chosen contact").isEqualTo(d.customerId());
      }
      for (Delivery delivery : r.deliveries()) {
        assertThat(ownerOf.get(delivery.recipient().contactId())).isEqualTo(d.customerId());
        assertThat(delivery.customerId()).isEqualTo(d.customerId());
      }
    }
    // replay the administrative record, which is written in commit order: at every ALERT_ROUTED
    // event, the routed customer must be the SIM's holder at that point
    List<AuditEvent> events = new ArrayList<>(estate.auditTrail().recent(TENANT, Limits.HISTORY_SIZE));
    assertThat(events).as("the whole record, not its latest part").hasSizeLessThan(Limits.HISTORY_SIZE);
    Collections.reverse(events);
    Map<Iccid, CustomerId> holder = new HashMap<>();
    Map<String, Long> routedEvents = new HashMap<>();
    for (AuditEvent e : events) {
      switch (e.type()) {
        case SIMS_ASSIGNED -> e.sims().forEach(s -> holder.put(s, e.customerId()));
        case SIMS_UNASSIGNED -> e.sims().forEach(holder::remove);
        case CUSTOMER_DELETED -> holder.values().removeIf(e.customerId()::equals);
        case ALERT_ROUTED -> {
          Iccid s = e.sims().iterator().next();
          assertThat(Optional.ofNullable(e.customerId())).as("holder of %s when routed", s)
              .isEqualTo(Optional.ofNullable(holder.get(s)));
          routedEvents.merge(s + "|" + e.customerId(), 1L, Long::sum);
        }
        default -> { }
      }
    }
    Map<String, Long> routedDecisions = routed.stream()
        .collect(Collectors.groupingBy(r -> r.decision().alert().iccid() + "|" + r.decision().customerId(),
            Collectors.counting()));
    assertThat(routedEvents).isEqualTo(routedDecisions);
  }

  private void everyDeliveryWasSentExactlyOnce() {
    Map<String, Long> sends = sender.accepted().stream()
        .collect(Collectors.groupingBy(n -> n.messageKey(), Collectors.counting()));
    assertThat(sends.values()).allMatch(c -> c == 1L);
    // the tenant has no subscription notices, so every delivery is an alert delivery
    long deliveries = routed.stream().mapToLong(r -> r.deliveries().size()).sum();
    assertThat(estate.alerts().deliveryCounts()).containsEntry(DeliveryStatus.SENT, deliveries);
    assertThat(sends).hasSize((int) (deliveries));
    Function<RoutingResult, List<Delivery>> stored = r -> estate.alerts().deliveriesOf(TENANT, r.decision().alert().id());
    assertThat(routed).allSatisfy(r -> assertThat(stored.apply(r)).hasSameSizeAs(r.deliveries()));
  }
}
