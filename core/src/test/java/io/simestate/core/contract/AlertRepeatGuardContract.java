package io.simestate.core.contract;

import static io.simestate.core.contract.ContractFixtures.at;
import static io.simestate.core.contract.ContractFixtures.newIccid;
import static io.simestate.core.contract.ContractFixtures.newTenant;
import static org.assertj.core.api.Assertions.assertThat;

import io.simestate.core.AlertKind;
import io.simestate.core.Limits;
import io.simestate.core.TenantId;
import io.simestate.core.alert.AlertRepeatGuard;
import io.simestate.core.alert.Recipient;
import io.simestate.core.alert.RepeatKey;
import io.simestate.core.customer.ContactId;
import io.simestate.core.customer.EmailAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link AlertRepeatGuard}: per repeat key and recipient, the first alert within the
 * window gets through; recipients not told yet get through beside those told already.
 */
public abstract class AlertRepeatGuardContract {

  private static final Duration HOUR = Duration.ofHours(1);
  private static final Recipient ANA = contact("Ana");
  private static final Recipient BO = contact("Bo");
  private static final Recipient NOC = Recipient.catchAll("NOC", EmailAddress.parse("noc@example.com"));

  /**
   * The guard under test.
   *
   * @return the guard
   */
  protected abstract AlertRepeatGuard alertRepeatGuard();

  private static Recipient contact(String name) {
    return new Recipient(ContactId.random(), name, EmailAddress.parse(name.toLowerCase() + "@example.com"));
  }

  private static RepeatKey key() {
    return new RepeatKey(newIccid(), AlertKind.WARNING, "2026-11");
  }

  @Test
  void everyRecipientOfTheFirstAlertGetsThrough() {
    assertThat(alertRepeatGuard().firstWithin(newTenant(), key(), List.of(ANA, BO, NOC), at(0), HOUR))
        .containsExactly(ANA, BO, NOC);
  }

  /** A thousand recipients: one round of the JPA adapter's look-up. */
  @Test
  void aThousandRecipientsOfTheFirstAlertAllGetThroughOnce() {
    TenantId tenant = newTenant();
    RepeatKey key = key();
    List<Recipient> many = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      many.add(contact("Contact" + i));
    }

    assertThat(alertRepeatGuard().firstWithin(tenant, key, many, at(0), HOUR)).containsExactlyElementsOf(many);
    assertThat(alertRepeatGuard().firstWithin(tenant, key, many, at(1), HOUR)).isEmpty();
  }

  @Test
  void aRepeatInsideTheWindowIsHeldBackForEveryoneToldAndLetThroughForTheOthers() {
    TenantId tenant = newTenant();
    RepeatKey key = key();
    alertRepeatGuard().firstWithin(tenant, key, List.of(ANA), at(0), HOUR);

    assertThat(alertRepeatGuard().firstWithin(tenant, key, List.of(BO, ANA, NOC), at(3599), HOUR))
        .containsExactly(BO, NOC);
    assertThat(alertRepeatGuard().firstWithin(tenant, key, List.of(ANA, BO, NOC), at(3599), HOUR)).isEmpty();
  }

  @Test
  void aRepeatAfterTheWindowGetsThroughAndStartsANewWindow() {
    TenantId tenant = newTenant();
    RepeatKey key = key();
    alertRepeatGuard().firstWithin(tenant, key, List.of(ANA), at(0), HOUR);
    assertThat(alertRepeatGuard().firstWithin(tenant, key, List.of(ANA), at(3600), HOUR)).containsExactly(ANA);
    assertThat(alertRepeatGuard().firstWithin(tenant, key, List.of(ANA), at(3700), HOUR)).isEmpty();
  }

  @Test
  void aHeldBackRepeatDoesNotExtendTheWindow() {
    TenantId tenant = newTenant();
    RepeatKey key = key();
    alertRepeatGuard().firstWithin(tenant, key, List.of(ANA), at(0), HOUR);
    alertRepeatGuard().firstWithin(tenant, key, List.of(ANA), at(3000), HOUR);
    assertThat(alertRepeatGuard().firstWithin(tenant, key, List.of(ANA), at(3600), HOUR)).containsExactly(ANA);
  }

  @Test
  void otherKeysAndTenantsAreIndependent() {
    TenantId tenant = newTenant();
    RepeatKey key = key();
    alertRepeatGuard().firstWithin(tenant, key, List.of(ANA), at(0), HOUR);
    RepeatKey otherKind = new RepeatKey(key.sim(), AlertKind.CUT_OFF, key.period());
    RepeatKey otherPeriod = new RepeatKey(key.sim(), key.kind(), "2026-12");
    RepeatKey noPeriod = new RepeatKey(key.sim(), key.kind(), null);
    for (RepeatKey other : List.of(key(), otherKind, otherPeriod, noPeriod)) {
      assertThat(alertRepeatGuard().firstWithin(tenant, other, List.of(ANA), at(1), HOUR)).containsExactly(ANA);
    }
    assertThat(alertRepeatGuard().firstWithin(newTenant(), key, List.of(ANA), at(1), HOUR)).containsExactly(ANA);
  }

  @Test
  void aKeyWithAPeriodAtItsLimitAndACatchAllAddressAtItsLimitAreAccepted() {
    RepeatKey key = new RepeatKey(newIccid(), AlertKind.CUT_OFF, "📡".repeat(Limits.PERIOD_LENGTH / 2));
    String local = "n".repeat(64);
    String domain = ("d".repeat(63) + ".").repeat(2) + "d".repeat(254 - 64 - 1 - 128 - 4) + ".com";
    Recipient longest = Recipient.catchAll("NOC", EmailAddress.parse(local + "@" + domain));
    TenantId tenant = newTenant();

    assertThat(longest.email().toString()).hasSize(Limits.EMAIL_LENGTH);
    assertThat(alertRepeatGuard().firstWithin(tenant, key, List.of(longest), at(0), HOUR)).containsExactly(longest);
    assertThat(alertRepeatGuard().firstWithin(tenant, key, List.of(longest), at(1), HOUR)).isEmpty();
  }

  @Test
  void manyRecipientsAreAnsweredInOneCall() {
    TenantId tenant = newTenant();
    RepeatKey key = key();
    List<Recipient> many = new ArrayList<>();
    for (int i = 0; i < 1500; i++) {
      many.add(contact("C" + i));
    }
    alertRepeatGuard().firstWithin(tenant, key, many.subList(0, 700), at(0), HOUR);

    assertThat(alertRepeatGuard().firstWithin(tenant, key, many, at(10), HOUR))
        .containsExactlyElementsOf(many.subList(700, 1500));
  }

  @Test
  void ofConcurrentFirstAlertsEachRecipientGetsThroughExactlyOnce() throws Exception {
    TenantId tenant = newTenant();
    RepeatKey key = key();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Callable<List<Recipient>>> calls = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        List<Recipient> order = i % 2 == 0 ? List.of(ANA, BO, NOC) : List.of(NOC, BO, ANA);
        calls.add(() -> alertRepeatGuard().firstWithin(tenant, key, order, at(0), HOUR));
      }
      List<Recipient> through = new ArrayList<>();
      // A hang guard only: eight calls take milliseconds, whichever order the threads run them in.
      for (Future<List<Recipient>> f : pool.invokeAll(calls, 2, TimeUnit.MINUTES)) {
        through.addAll(f.get());
      }
      assertThat(through).containsExactlyInAnyOrder(ANA, BO, NOC);
    } finally {
      pool.shutdownNow();
    }
  }
}
