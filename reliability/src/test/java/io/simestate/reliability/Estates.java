package io.simestate.reliability;

import io.simestate.core.Actor;
import io.simestate.core.AlertKind;
import io.simestate.core.TenantId;
import io.simestate.core.alert.AlertId;
import io.simestate.core.alert.Delivery;
import io.simestate.core.alert.NotificationSender;
import io.simestate.core.alert.RetryPolicy;
import io.simestate.core.alert.RoutingResult;
import io.simestate.core.alert.SenderIdentity;
import io.simestate.core.alert.UsageAlert;
import io.simestate.core.customer.ContactDetails;
import io.simestate.core.customer.Customer;
import io.simestate.core.customer.CustomerDetails;
import io.simestate.core.estate.SimEstate;
import io.simestate.core.persistence.Persistence;
import io.simestate.core.sim.Iccid;
import io.simestate.mail.SmtpNotificationSender;
import io.simestate.mail.SmtpSecurity;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/** Wiring and data for the scenarios: the library as a portal would build it, and a populated estate. */
final class Estates {

  static final TenantId TENANT = TenantId.of("reliability");
  static final Actor ACTOR = Actor.of("reliability-test");
  /** Short back-off so that outages are retried within the scenario; enough attempts for a long outage. */
  static final RetryPolicy FAST_RETRY = new RetryPolicy(Duration.ofMillis(300), Duration.ofSeconds(2), 60, 0.2);

  private Estates() {}

  static SmtpNotificationSender.Builder mail(int port) {
    return SmtpNotificationSender.builder()
        .host("127.0.0.1")
        .port(port)
        .security(SmtpSecurity.NONE)
        .heloName("reliability.test")
        .connectTimeout(Duration.ofSeconds(2))
        .readTimeout(Duration.ofSeconds(2))
        .writeTimeout(Duration.ofSeconds(2));
  }

  static SimEstate.Builder estate(Persistence persistence, NotificationSender sender) {
    return SimEstate.builder()
        .persistence(persistence)
        .notificationSender(sender)
        .defaultSender(SenderIdentity.of("alerts@portal.example", "Portal Alerts"))
        .retryPolicy(FAST_RETRY);
  }

  /** A valid ICCID (with check digit) numbered n in a series. */
  static String iccid(int series, int n) {
    return Iccid.withCheckDigit(String.format("8944%02d%012d", series, n)).digits();
  }

  static String email(int customer, int contact) {
    return "c" + customer + ".k" + contact + "@customer" + customer + ".example";
  }

  /**
   * Creates customers, each with alerted contacts and SIMs, using up to four threads.
   *
   * @return the SIMs of each customer, by customer index
   */
  static List<Customer> populate(SimEstate estate, int customers, int contactsEach, int simsEach, int series) {
    List<Customer> created = Collections.synchronizedList(new ArrayList<>());
    parallel(customers, i -> {
      Customer c = estate.customers().create(TENANT, ACTOR, CustomerDetails.named(String.format("Customer %04d", i)));
      for (int k = 0; k < contactsEach; k++) {
        estate.customers().addContact(TENANT, ACTOR, c.id(), ContactDetails.alerted("Contact " + k, email(i, k)));
      }
      List<String> sims = new ArrayList<>();
      for (int s = 0; s < simsEach; s++) {
        sims.add(iccid(series, i * simsEach + s));
      }
      estate.sims().assign(TENANT, ACTOR, c.id(), sims);
      created.add(c);
      return null;
    });
    return created;
  }

  /**
   * Routes one warning alert for each SIM of the population, using up to four threads.
   *
   * @return the expected deliveries as recipient|ICCID keys
   */
  static Set<String> routeAll(SimEstate estate, int customers, int simsEach, int series) {
    Set<String> expected = ConcurrentHashMap.newKeySet();
    Instant raised = Instant.now();
    parallel(customers * simsEach, n -> {
      String iccid = iccid(series, n);
      RoutingResult r = estate.alerts().route(TENANT,
          UsageAlert.of(AlertId.of("alert-" + series + "-" + n), Iccid.parse(iccid), AlertKind.WARNING, raised));
      for (Delivery d : r.deliveries()) {
        expected.add(d.recipient().email() + "|" + iccid);
      }
      return null;
    });
    return expected;
  }

  /** Runs tasks 0..count-1 on four threads and waits, rethrowing the first failure. */
  static void parallel(int count, IntFunction<Void> task) {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        int n = i;
        futures.add(pool.submit(() -> task.apply(n)));
      }
      for (Future<?> f : futures) {
        f.get(10, TimeUnit.MINUTES);
      }
    } catch (Exception e) {
      throw new IllegalStateException("setting up the estate failed", e);
    } finally {
      pool.shutdownNow();
    }
  }
}
