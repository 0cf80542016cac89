package io.simestate.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.simestate.core.SimEstateException;
import io.simestate.core.alert.NotificationSender;
import io.simestate.core.alert.SendResult;
import io.simestate.core.customer.ContactDetails;
import io.simestate.core.customer.Customer;
import io.simestate.core.customer.CustomerDetails;
import io.simestate.core.estate.DeletionPreview;
import io.simestate.core.estate.SimEstate;
import io.simestate.jpa.JpaPersistence;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Scenario 5: the database connection is cut in the middle of a customer deletion and of a bulk
 * assignment. A TCP proxy between the adapter and PostgreSQL drops the connection right after it
 * forwards the n-th chunk the client sends (the reply never arrives), for every n from 1 until the
 * use case gets through uncut. Each cut use case must fail with the library's exception, and the
 * estate must afterwards be exactly as before or exactly as after, never in between.
 */
class S5ConnectionCutTest {

  static final int MAX_CUT_POINTS = 80;
  static final String APP = "simestate-cut";

  static Database db;
  static TcpProxy proxy;
  static SimEstate direct;
  static SimEstate cut;

  @BeforeAll
  static void start() {
    db = Database.postgres();
    proxy = new TcpProxy(db.port());
    NotificationSender none = n -> SendResult.sent();
    direct = Estates.estate(db.persistence(), none).build();
    // No pool through the proxy: every use case opens its own connection, so each cut hits one use case.
    cut = Estates.estate(JpaPersistence.standalone(db.factory(db.dataSource("127.0.0.1", proxy.port, APP))), none)
        .build();
  }

  @AfterAll
  static void stop() {
    proxy.close();
    db.close();
  }

  @Test
  void customerDeletionIsAllOrNothing() {
    Result result = new Result("5-connection-cut-delete");
    Sweep sweep = sweep(round -> {
      Customer c = customer("Delete " + round, 3, 200, 500 + round);
      DeletionPreview preview = direct.customers().previewDeletion(Estates.TENANT, c.id());
      List<String> sims = sims(500 + round, 200);
      Supplier<Map<String, List<String>>> state = () -> snapshot(c.id().toString(), sims);
      Map<String, List<String>> before = state.get();
      return new Round(before, state, () -> cut.customers().delete(Estates.TENANT, Estates.ACTOR, preview.confirmation()),
          after -> after.get("customer").isEmpty() && after.get("contacts").isEmpty()
              && after.get("sims").isEmpty() && after.get("audit").size() > before.get("audit").size());
    });
    sweep.emit(result);
    sweep.check();
  }

  @Test
  void bulkAssignmentIsAllOrNothing() {
    Result result = new Result("5-connection-cut-assign");
    Sweep sweep = sweep(round -> {
      Customer from = customer("From " + round, 1, 100, 700 + round);
      Customer to = customer("To " + round, 1, 0, 700 + round);
      List<String> sims = sims(700 + round, 300);
      Supplier<Map<String, List<String>>> state = () -> snapshot(to.id().toString(), sims);
      Map<String, List<String>> before = state.get();
      return new Round(before, state, () -> cut.sims().assign(Estates.TENANT, Estates.ACTOR, to.id(), sims),
          after -> after.get("sims").size() == 300
              && after.get("sims").stream().allMatch(r -> r.endsWith("|" + to.id()))
              && after.get("audit").size() > before.get("audit").size());
    });
    sweep.emit(result);
    sweep.check();
  }

  /** One cut point: the state before, how to read it, the use case, and what "after" looks like. */
  record Round(Map<String, List<String>> before, Supplier<Map<String, List<String>>> state, Runnable useCase,
      java.util.function.Predicate<Map<String, List<String>>> isAfter) {}

  /** The outcome of a sweep over every cut point. */
  static final class Sweep {
    int rounds;
    int cuts;
    int failedWithLibraryError;
    int endedBefore;
    int endedAfter;
    int half;
    int wrongError;
    int cutButSucceeded;
    boolean completedUncut;
    final List<String> problems = new ArrayList<>();

    void emit(Result result) {
      result.put("cut_points", rounds).put("cuts", cuts).put("library_errors", failedWithLibraryError)
          .put("ended_before", endedBefore).put("ended_after", endedAfter).put("half_done", half)
          .put("other_errors", wrongError).put("cut_but_reported_success", cutButSucceeded)
          .put("expected", 0).put("received", 0).put("lost", 0).put("doubled", 0)
          .put("violations", half + wrongError + cutButSucceeded).emit();
    }

    void check() {
      assertThat(completedUncut).as("the sweep reached the end of the use case").isTrue();
      assertThat(cuts).as("connections cut").isPositive();
      assertThat(half).as("half-done states: %s", problems).isZero();
      assertThat(wrongError).as("errors other than the library's: %s", problems).isZero();
      assertThat(cutButSucceeded).as("cut use cases reported as done: %s", problems).isZero();
    }
  }

  private Sweep sweep(java.util.function.IntFunction<Round> rounds) {
    Sweep sweep = new Sweep();
    for (int n = 1; n <= MAX_CUT_POINTS && !sweep.completedUncut; n++) {
      Round round = rounds.apply(n);
      sweep.rounds++;
      long cutsBefore = proxy.cuts();
      proxy.cutAfterClientChunks(n);
      Throwable error = null;
      try {
        round.useCase().run();
      } catch (Throwable e) {
        error = e;
      }
      proxy.disarm();
      boolean wasCut = proxy.cuts() > cutsBefore;
      awaitServerDone();
      Map<String, List<String>> after = round.state().get();
      boolean isBefore = after.equals(round.before());
      boolean isAfter = round.isAfter().test(after);
      if (wasCut) {
        sweep.cuts++;
      }
      if (error == null) {
        if (wasCut) {
          // The commit's reply may have been lost after the server committed; reporting success is
          // still wrong only if the estate is not "after".
          if (!isAfter) {
            sweep.cutButSucceeded++;
            sweep.problems.add("n=" + n + " succeeded but state is not after");
          }
        } else {
          sweep.completedUncut = true;
        }
      } else if (error instanceof SimEstateException) {
        sweep.failedWithLibraryError++;
      } else {
        sweep.wrongError++;
        sweep.problems.add("n=" + n + " " + error);
      }
      if (isBefore) {
        sweep.endedBefore++;
      } else if (isAfter) {
        sweep.endedAfter++;
      } else {
        sweep.half++;
        sweep.problems.add("n=" + n + " half: before=" + round.before() + " after=" + after);
      }
    }
    return sweep;
  }

  /** Waits until PostgreSQL has finished with the cut connection (committed or rolled back). */
  private static void awaitServerDone() {
    for (int i = 0; i < 200; i++) {
      if (db.count("select count(*) from pg_stat_activity where application_name = ?", APP) == 0) {
        return;
      }
      Drain.sleep(50);
    }
    throw new IllegalStateException("PostgreSQL still runs the cut connection after 10 s");
  }

  private static Customer customer(String name, int contacts, int simCount, int series) {
    Customer c = direct.customers().create(Estates.TENANT, Estates.ACTOR, CustomerDetails.named(name));
    for (int k = 0; k < contacts; k++) {
      direct.customers().addContact(Estates.TENANT, Estates.ACTOR, c.id(),
          ContactDetails.alerted("Contact " + k, "k" + k + "@" + series + ".example"));
    }
    if (simCount > 0) {
      direct.sims().assign(Estates.TENANT, Estates.ACTOR, c.id(), sims(series, simCount));
    }
    return c;
  }

  private static List<String> sims(int series, int count) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      out.add(Estates.iccid(series % 100, series * 1000 + i));
    }
    return out;
  }

  /** The rows a use case may touch: the customer, its contacts, the SIMs' assignments, its audit events. */
  private static Map<String, List<String>> snapshot(String customerId, List<String> sims) {
    Map<String, List<String>> s = new LinkedHashMap<>();
    s.put("customer", db.rows("select id, name, version from simestate_customer where id = ?", customerId));
    s.put("contacts", db.rows("select id, name, email from simestate_contact where customer_id = ? order by id",
        customerId));
    String in = String.join(",", sims.stream().map(x -> "'" + x + "'").toList());
    s.put("sims", db.rows("select iccid, customer_id from simestate_sim_assignment where iccid in (" + in
        + ") order by iccid"));
    s.put("audit", db.rows("select id from simestate_audit_event where customer_id = ? order by id", customerId));
    return new TreeMap<>(s);
  }
}
