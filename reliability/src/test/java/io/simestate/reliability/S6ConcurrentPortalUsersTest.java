package io.simestate.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.simestate.core.AlertKind;
import io.simestate.core.ConflictException;
import io.simestate.core.NotFoundException;
import io.simestate.core.alert.AlertDecision;
import io.simestate.core.alert.AlertId;
import io.simestate.core.alert.Delivery;
import io.simestate.core.alert.Recipient;
import io.simestate.core.alert.RoutingResult;
import io.simestate.core.alert.UsageAlert;
import io.simestate.core.customer.Contact;
import io.simestate.core.customer.ContactDetails;
import io.simestate.core.customer.ContactId;
import io.simestate.core.customer.Customer;
import io.simestate.core.customer.CustomerDetails;
import io.simestate.core.customer.CustomerId;
import io.simestate.core.estate.DeletionPreview;
import io.simestate.core.estate.SimEstate;
import io.simestate.core.sim.Iccid;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Scenario 6: eight portal users (threads) create, edit and delete customers, add, edit and remove
 * contacts, assign and unassign SIMs and route alerts, all at random on a small shared estate, for a
 * fixed time on PostgreSQL. The test keeps its own log of every completed operation with its start
 * and end; afterwards every invariant is checked against the database and the log:
 * no SIM points to a missing customer, each ICCID is assigned once, every delivery goes to a contact
 * of the customer the decision names, and that customer could hold the SIM during the routing
 * (it was assigned to it before the routing ended and not certainly taken away before it began).
 * Conflicts must come out as {@link ConflictException}; nothing but conflicts and not-found may.
 */
class S6ConcurrentPortalUsersTest {

  static final Duration RUN = Duration.ofSeconds(Long.getLong("reliability.portal.seconds", 30));
  static final int USERS = 8;
  static final int NAMES = 30;
  static final int SIM_POOL = 150;

  /** A completed (or possibly completed) change of one SIM's holder; {@code customer} null for none. */
  record Write(long start, long end, String iccid, CustomerId customer, boolean definite) {}

  record Deletion(long start, long end, CustomerId customer) {}

  record ContactLife(CustomerId customer, long addedStart, long removedEnd) {}

  record Routed(long start, long end, String iccid, RoutingResult result) {}

  private final Queue<Write> writes = new ConcurrentLinkedQueue<>();
  private final Queue<Deletion> deletions = new ConcurrentLinkedQueue<>();
  private final Queue<Routed> routed = new ConcurrentLinkedQueue<>();
  private final Map<ContactId, ContactLife> contacts = new ConcurrentHashMap<>();
  private final Map<CustomerId, Boolean> customers = new ConcurrentHashMap<>();
  private final Map<String, AtomicLong> outcomes = new ConcurrentHashMap<>();
  private final Queue<String> unexpected = new ConcurrentLinkedQueue<>();
  private final AtomicLong alertSeq = new AtomicLong();

  @Test
  void invariantsHoldAfterEightUsersWorkAtRandom() throws Exception {
    Result result = new Result("6-concurrent-portal-users");
    try (Database db = Database.postgres(); MailServer smtp = new MailServer()) {
      SimEstate estate = Estates.estate(db.persistence(), Estates.mail(smtp.port).build()).build();
      long seed = Long.getLong("reliability.seed", System.nanoTime());
      long deadline = System.nanoTime() + RUN.toNanos();
      ExecutorService users = Executors.newFixedThreadPool(USERS);
      List<Future<Long>> done = new ArrayList<>();
      for (int u = 0; u < USERS; u++) {
        Random random = new Random(seed + u);
        int user = u;
        done.add(users.submit(() -> work(estate, random, user, deadline)));
      }
      long operations = 0;
      for (Future<Long> f : done) {
        operations += f.get(RUN.toSeconds() + 300, TimeUnit.SECONDS);
      }
      users.shutdown();

      List<String> violations = new ArrayList<>();
      violations.addAll(prefixed("orphan SIM", db.rows("select a.iccid from simestate_sim_assignment a left join "
          + "simestate_customer c on c.id = a.customer_id where c.id is null or c.tenant_id <> a.tenant_id")));
      violations.addAll(prefixed("ICCID twice", db.rows(
          "select iccid from simestate_sim_assignment group by iccid having count(*) > 1")));
      // The SIM count the adapter keeps per customer, which the deletion preview states, is its rows'.
      violations.addAll(prefixed("SIM count unlike the customer's rows", db.rows("select c.id from simestate_customer c "
          + "left join simestate_customer_sims n on n.customer_id = c.id where coalesce(n.sim_count, 0) <> "
          + "(select count(*) from simestate_sim_assignment a where a.customer_id = c.id)")));
      violations.addAll(prefixed("contact of a missing customer", db.rows("select k.id from simestate_contact k "
          + "left join simestate_customer c on c.id = k.customer_id where c.id is null")));
      for (Routed r : routed) {
        violations.addAll(checkRouting(estate, r));
      }

      // Send what was routed and count it on the server.
      Drain.run(estate, Duration.ofMinutes(3), new java.util.concurrent.atomic.AtomicBoolean());
      List<String> expected = db.rows("select recipient_email, iccid from simestate_delivery");
      Tally tally = Tally.of(expected, smtp.received());

      long conflicts = outcomes.entrySet().stream().filter(e -> e.getKey().startsWith("conflict"))
          .mapToLong(e -> e.getValue().get()).sum();
      result.put("users", USERS).put("run_s", RUN.toSeconds()).put("operations", operations)
          .put("routed", routed.size()).put("conflicts", conflicts).put("outcomes", new java.util.TreeMap<>(outcomes))
          .put("unexpected_errors", unexpected.size()).tally(tally)
          .put("violations", violations.size() + unexpected.size() + tally.unexpected()).emit();

      assertThat(unexpected).as("errors other than conflict or not-found").isEmpty();
      assertThat(violations).as("invariant violations").isEmpty();
      assertThat(routed).as("alerts routed").isNotEmpty();
      assertThat(conflicts).as("conflicts reported as ConflictException").isPositive();
      assertThat(tally.lost()).as("lost: %s", tally.sample()).isZero();
      assertThat(tally.doubled()).as("doubled: %s", tally.sample()).isZero();
      assertThat(tally.unexpected()).as("misrouted: %s", tally.sample()).isZero();
    }
  }

  private long work(SimEstate estate, Random random, int user, long deadline) {
    long count = 0;
    for (; count < 1_000_000 && System.nanoTime() < deadline; count++) {
      int dice = random.nextInt(100);
      String op = dice < 10 ? "create" : dice < 18 ? "update" : dice < 30 ? "add-contact" : dice < 36 ? "edit-contact"
          : dice < 56 ? "assign" : dice < 61 ? "unassign" : dice < 65 ? "delete" : "route";
      try {
        if (dice < 10) {
          Customer c = estate.customers().create(Estates.TENANT, Estates.ACTOR,
              CustomerDetails.named("Portal customer " + random.nextInt(NAMES)));
          customers.put(c.id(), true);
          count("ok-create");
        } else if (dice < 18) {
          CustomerId id = anyCustomer(random);
          if (id != null) {
            Customer c = estate.customers().get(Estates.TENANT, id);
            Thread.sleep(random.nextInt(5));
            estate.customers().update(Estates.TENANT, Estates.ACTOR, id, c.version(),
                CustomerDetails.named(random.nextBoolean() ? c.name().value() : "Portal customer " + random.nextInt(NAMES))
                    .withExtras(null, "ref-" + user, null));
            count("ok-update");
          }
        } else if (dice < 30) {
          CustomerId id = anyCustomer(random);
          if (id != null) {
            long start = System.nanoTime();
            ContactDetails details = ContactDetails.alerted("User " + user + " contact",
                "u" + user + "." + alertSeq.incrementAndGet() + "@portal" + user + ".example");
            if (random.nextInt(4) == 0) {
              details = details.wanting(AlertKind.CUT_OFF);
            }
            try {
              Contact k = estate.customers().addContact(Estates.TENANT, Estates.ACTOR, id, details);
              contacts.put(k.id(), new ContactLife(id, start, Long.MAX_VALUE));
              count("ok-add-contact");
            } catch (RuntimeException e) {
              throw e;
            }
          }
        } else if (dice < 36) {
          Map.Entry<ContactId, ContactLife> k = anyContact(random);
          if (k != null) {
            boolean remove = random.nextBoolean();
            if (remove) {
              estate.customers().removeContact(Estates.TENANT, Estates.ACTOR, k.getValue().customer(), k.getKey());
              long end = System.nanoTime();
              contacts.computeIfPresent(k.getKey(), (id, life) -> new ContactLife(life.customer(), life.addedStart(), end));
              count("ok-remove-contact");
            } else {
              estate.customers().updateContact(Estates.TENANT, Estates.ACTOR, k.getValue().customer(), k.getKey(),
                  ContactDetails.silent("User " + user + " edited", "e" + alertSeq.incrementAndGet() + "@portal.example")
                      .withAlerts(random.nextBoolean()));
              count("ok-update-contact");
            }
          }
        } else if (dice < 56) {
          CustomerId id = anyCustomer(random);
          if (id != null) {
            List<String> sims = new ArrayList<>();
            for (int i = 1 + random.nextInt(6); i > 0; i--) {
              sims.add(Estates.iccid(60, random.nextInt(SIM_POOL)));
            }
            long start = System.nanoTime();
            try {
              estate.sims().assign(Estates.TENANT, Estates.ACTOR, id, sims);
              long end = System.nanoTime();
              sims.forEach(s -> writes.add(new Write(start, end, s, id, true)));
              count("ok-assign");
            } catch (ConflictException | NotFoundException e) {
              throw e;
            } catch (RuntimeException e) {
              long end = System.nanoTime();
              sims.forEach(s -> writes.add(new Write(start, end, s, id, false)));
              throw e;
            }
          }
        } else if (dice < 61) {
          List<String> sims = List.of(Estates.iccid(60, random.nextInt(SIM_POOL)));
          long start = System.nanoTime();
          try {
            estate.sims().unassign(Estates.TENANT, Estates.ACTOR, sims);
            writes.add(new Write(start, System.nanoTime(), sims.get(0), null, true));
            count("ok-unassign");
          } catch (ConflictException | NotFoundException e) {
            throw e;
          } catch (RuntimeException e) {
            writes.add(new Write(start, System.nanoTime(), sims.get(0), null, false));
            throw e;
          }
        } else if (dice < 65) {
          CustomerId id = anyCustomer(random);
          if (id != null) {
            DeletionPreview preview = estate.customers().previewDeletion(Estates.TENANT, id);
            Thread.sleep(random.nextInt(5));
            long start = System.nanoTime();
            estate.customers().delete(Estates.TENANT, Estates.ACTOR, preview.confirmation());
            deletions.add(new Deletion(start, System.nanoTime(), id));
            customers.remove(id);
            count("ok-delete");
          }
        } else {
          String iccid = Estates.iccid(60, random.nextInt(SIM_POOL));
          long n = alertSeq.incrementAndGet();
          UsageAlert alert = UsageAlert.of(AlertId.of("portal-" + n), Iccid.parse(iccid),
              random.nextBoolean() ? AlertKind.WARNING : AlertKind.CUT_OFF, Instant.now()).withPeriod("period-" + n);
          long start = System.nanoTime();
          RoutingResult r = estate.alerts().route(Estates.TENANT, alert);
          routed.add(new Routed(start, System.nanoTime(), iccid, r));
          count("ok-route-" + r.decision().outcome());
        }
      } catch (ConflictException e) {
        count("conflict-" + e.reason());
      } catch (NotFoundException e) {
        count("not-found");
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      } catch (RuntimeException e) {
        count("error-" + op + "-" + e.getClass().getSimpleName());
        Throwable root = e;
        for (int i = 0; i < 20 && root.getCause() != null; i++) {
          root = root.getCause();
        }
        unexpected.add(op + ": " + e.getClass().getName() + ": " + e.getMessage() + " / root: " + root.getMessage());
      }
    }
    return count;
  }

  private List<String> checkRouting(SimEstate estate, Routed r) {
    List<String> problems = new ArrayList<>();
    AlertDecision d = r.result().decision();
    CustomerId holder = d.customerId();
    if (!couldHold(r, holder)) {
      problems.add("alert " + d.alert().id() + " for " + r.iccid() + " decided for customer " + holder
          + ", which could not hold the SIM while it was routed");
    }
    for (Recipient to : d.chosen()) {
      ContactLife life = to.contactId() == null ? null : contacts.get(to.contactId());
      if (life == null || !Objects.equals(life.customer(), holder)) {
        problems.add("alert " + d.alert().id() + " chose " + to.contactId() + " who is not a contact of " + holder);
      } else if (life.addedStart() > r.end() || life.removedEnd() < r.start()) {
        problems.add("alert " + d.alert().id() + " chose contact " + to.contactId() + " outside its lifetime");
      }
    }
    List<Delivery> stored = estate.alerts().deliveriesOf(Estates.TENANT, d.alert().id());
    if (stored.size() != d.chosen().size() || !stored.stream().map(Delivery::recipient).toList()
        .containsAll(d.chosen())) {
      problems.add("alert " + d.alert().id() + ": outbox holds " + stored.size() + " deliveries, the decision chose "
          + d.chosen().size());
    }
    AlertDecision recorded = estate.alerts().decision(Estates.TENANT, d.alert().id()).orElse(null);
    if (recorded == null || !Objects.equals(recorded.customerId(), holder)) {
      problems.add("alert " + d.alert().id() + ": the decision record names another customer");
    }
    return problems;
  }

  /**
   * Whether the SIM could have been held by {@code holder} (null: by nobody) at some moment while the
   * routing ran, given every logged change: some change to that value began before the routing ended
   * and was not certainly overwritten before the routing began.
   */
  private boolean couldHold(Routed r, CustomerId holder) {
    List<Write> onSim = writes.stream().filter(w -> w.iccid().equals(r.iccid())).toList();
    if (holder != null && deletions.stream().anyMatch(x -> x.customer().equals(holder) && x.end() < r.start())) {
      return false;
    }
    List<long[]> candidates = new ArrayList<>();
    if (holder == null) {
      candidates.add(new long[] {Long.MIN_VALUE, Long.MIN_VALUE});
      for (Write w : onSim) {
        if (w.customer() == null) {
          candidates.add(new long[] {w.start(), w.end()});
        }
      }
      for (Deletion x : deletions) {
        if (onSim.stream().anyMatch(w -> x.customer().equals(w.customer()))) {
          candidates.add(new long[] {x.start(), x.end()});
        }
      }
    } else {
      for (Write w : onSim) {
        if (holder.equals(w.customer())) {
          candidates.add(new long[] {w.start(), w.end()});
        }
      }
    }
    for (long[] c : candidates) {
      if (c[0] >= r.end()) {
        continue;
      }
      boolean overwritten = onSim.stream().anyMatch(o -> o.definite() && o.start() > c[1] && o.end() < r.start()
          && (holder == null ? o.customer() != null : !holder.equals(o.customer())));
      if (holder != null && !overwritten) {
        overwritten = deletions.stream().anyMatch(x -> x.customer().equals(holder) && x.start() > c[1]
            && x.end() < r.start());
      }
      if (!overwritten) {
        return true;
      }
    }
    return false;
  }

  private CustomerId anyCustomer(Random random) {
    List<CustomerId> ids = new ArrayList<>(customers.keySet());
    return ids.isEmpty() ? null : ids.get(random.nextInt(ids.size()));
  }

  private Map.Entry<ContactId, ContactLife> anyContact(Random random) {
    List<Map.Entry<ContactId, ContactLife>> all = contacts.entrySet().stream()
        .filter(e -> e.getValue().removedEnd() == Long.MAX_VALUE).toList();
    return all.isEmpty() ? null : all.get(random.nextInt(all.size()));
  }

  private void count(String outcome) {
    outcomes.computeIfAbsent(outcome, k -> new AtomicLong()).incrementAndGet();
  }

  private static List<String> prefixed(String what, List<String> rows) {
    return rows.stream().map(r -> what + ": " + r).toList();
  }
}
