package io.simestate.examples;

import io.simestate.core.AlertKind;
import io.simestate.core.TenantId;
import io.simestate.core.alert.AlertId;
import io.simestate.core.alert.RoutingOutcome;
import io.simestate.core.alert.RoutingResult;
import io.simestate.core.alert.SkipReason;
import io.simestate.core.alert.SkippedContact;
import io.simestate.core.alert.Usage;
import io.simestate.core.alert.UsageAlert;
import io.simestate.core.estate.SimEstate;
import io.simestate.core.sim.Iccid;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Plans and replays the usage alerts of the demo: ordinary warnings and cut-offs, a storm of one
 * customer's SIMs crossing a threshold together, alerts re-sent with the same id, repeats of an
 * alert within its usage period, and alerts for SIMs that have no customer (also SIMs of the other
 * tenant). Counts what routing decided.
 */
final class AlertReplay {

  /** Why an alert is in the replay. */
  enum Category {
    ORDINARY, STORM, SAME_ID_AGAIN, REPEAT_IN_PERIOD, STOCK_SIM, OTHER_TENANTS_SIM
  }

  /**
   * One alert to replay.
   *
   * @param tenant the tenant whose SIM platform raised it
   * @param alert the alert
   * @param category why it is in the replay
   */
  record Planned(TenantId tenant, UsageAlert alert, Category category) {}

  /** The usage period all alerts of the demo concern. */
  static final String PERIOD = "2026-11";

  final Map<RoutingOutcome, Long> outcomes = new EnumMap<>(RoutingOutcome.class);
  final Map<SkipReason, Long> skipped = new EnumMap<>(SkipReason.class);
  final Map<Category, Long> planned = new EnumMap<>(Category.class);
  /** Each alert id once, as routing first recorded it; the decision log is read back for these. */
  final List<Planned> recorded = new ArrayList<>();
  /** Each alert as first raised, by tenant and id, so that a re-sent id is the same alert. */
  private final Map<String, UsageAlert> raised = new java.util.concurrent.ConcurrentHashMap<>();
  long routed;
  long duplicateIds;
  long deliveriesRecorded;
  long stormSize;

  /**
   * Plans the alerts: deterministic for a given estate and count.
   *
   * @param model the estate
   * @param count how many alerts
   * @param clock for the raised-at times
   * @return the alerts in replay order
   */
  List<Planned> plan(DemoEstate model, int count, Clock clock) {
    Random random = new Random(20261125L);
    DemoEstate.CustomerPlan storm = model.stormCustomer;
    stormSize = Math.min(Math.min(500, storm.sims()), count / 4);
    int stormAt = (int) (count * 0.3);
    List<Planned> alerts = new ArrayList<>(count);
    List<Planned> ordinary = new ArrayList<>();
    // Three in five ordinary alerts come from the tenant with a digest window, which sends fewer emails.
    List<DemoEstate.CustomerPlan> customersA = model.customersOf(model.tenantA).stream().filter(c -> c.sims() > 0)
        .toList();
    List<DemoEstate.CustomerPlan> customersB = model.customersOf(model.tenantB).stream().filter(c -> c.sims() > 0)
        .toList();
    int seq = 0;
    while (alerts.size() < count) {
      if (alerts.size() == stormAt) {
        for (int k = 0; k < stormSize && alerts.size() < count; k++) {
          UsageAlert a = UsageAlert.of(AlertId.of("storm-" + storm.tenant().id() + "-" + k), storm.sim(k),
              AlertKind.WARNING, clock.instant()).withPeriod(PERIOD).withUsage(usage(80, 1000));
          alerts.add(new Planned(storm.tenant().id(), a, Category.STORM));
        }
        continue;
      }
      int dice = random.nextInt(100);
      Planned p;
      if (dice < 3 && !ordinary.isEmpty()) {
        Planned earlier = ordinary.get(random.nextInt(ordinary.size()));
        p = new Planned(earlier.tenant(), earlier.alert(), Category.SAME_ID_AGAIN);
      } else if (dice < 8 && !ordinary.isEmpty()) {
        Planned earlier = ordinary.get(random.nextInt(ordinary.size()));
        UsageAlert again = new UsageAlert(AlertId.of("a-" + (++seq)), earlier.alert().iccid(), earlier.alert().kind(),
            clock.instant(), PERIOD, earlier.alert().usage());
        p = new Planned(earlier.tenant(), again, Category.REPEAT_IN_PERIOD);
      } else if (dice < 10) {
        DemoEstate.Tenant tenant = random.nextBoolean() ? model.tenantA : model.tenantB;
        boolean otherTenants = random.nextInt(10) == 0;
        Iccid sim;
        if (otherTenants) {
          // A SIM that belongs to a customer of the other tenant: in this tenant it has no customer.
          DemoEstate.Tenant other = tenant == model.tenantA ? model.tenantB : model.tenantA;
          DemoEstate.CustomerPlan c = model.customersOf(other).get(5);
          sim = c.sim(random.nextInt(c.sims()));
        } else {
          sim = tenant.stockSim(random.nextInt(model.stockPerTenant));
        }
        p = new Planned(tenant.id(), UsageAlert.of(AlertId.of("a-" + (++seq)), sim, AlertKind.WARNING,
            clock.instant()).withPeriod(PERIOD).withUsage(usage(85, 500)),
            otherTenants ? Category.OTHER_TENANTS_SIM : Category.STOCK_SIM);
      } else {
        List<DemoEstate.CustomerPlan> customers = random.nextInt(5) < 3 ? customersB : customersA;
        DemoEstate.CustomerPlan c = customers.get(random.nextInt(customers.size()));
        boolean cutOff = random.nextInt(4) == 0;
        UsageAlert a = UsageAlert.of(AlertId.of("a-" + (++seq)), c.sim(random.nextInt(c.sims())),
            cutOff ? AlertKind.CUT_OFF : AlertKind.WARNING, clock.instant())
            .withPeriod(PERIOD).withUsage(cutOff ? usage(100, 1000) : usage(80 + random.nextInt(20), 1000));
        p = new Planned(c.tenant().id(), a, Category.ORDINARY);
        ordinary.add(p);
      }
      alerts.add(p);
    }
    for (Planned p : alerts) {
      planned.merge(p.category(), 1L, Long::sum);
    }
    return alerts;
  }

  /**
   * Routes one alert, raised now (as a SIM platform would send it at this moment; an alert re-sent
   * with the same id is the same alert, raised when it was first sent), and counts the result.
   *
   * @param estate the library
   * @param p the alert
   * @param clock the time it is raised at
   */
  void route(SimEstate estate, Planned p, Clock clock) {
    UsageAlert a = p.alert();
    UsageAlert sent = raised.computeIfAbsent(p.tenant() + "|" + a.id(),
        k -> new UsageAlert(a.id(), a.iccid(), a.kind(), clock.instant(), a.period(), a.usage()));
    RoutingResult result = estate.alerts().route(p.tenant(), sent);
    synchronized (this) {
      routed++;
      if (result.duplicateAlertId()) {
        duplicateIds++;
        return;
      }
      recorded.add(p);
      outcomes.merge(result.decision().outcome(), 1L, Long::sum);
      for (SkippedContact s : result.decision().skipped()) {
        skipped.merge(s.reason(), 1L, Long::sum);
      }
      deliveriesRecorded += result.deliveries().size();
    }
  }

  synchronized long outcome(RoutingOutcome outcome) {
    return outcomes.getOrDefault(outcome, 0L);
  }

  synchronized long skippedFor(SkipReason reason) {
    return skipped.getOrDefault(reason, 0L);
  }

  synchronized List<Planned> recorded() {
    return List.copyOf(recorded);
  }

  synchronized long plannedOf(Category category) {
    return planned.getOrDefault(category, 0L);
  }

  /** Usage of a plan of {@code limitMb} MB at {@code percent} %; a 1,000 MB plan is told in GB, as plans are sold. */
  private static Usage usage(int percent, int limitMb) {
    boolean gb = limitMb % 1000 == 0;
    BigDecimal limit = gb ? BigDecimal.valueOf(limitMb / 1000) : BigDecimal.valueOf(limitMb);
    BigDecimal used = limit.multiply(BigDecimal.valueOf(percent)).divide(BigDecimal.valueOf(100)).stripTrailingZeros();
    String unit = gb ? "GB" : "MB";
    return new Usage(used.scale() < 0 ? used.setScale(0) : used, limit, unit, BigDecimal.valueOf(percent),
        "IoT " + limit.toPlainString() + " " + unit);
  }
}
