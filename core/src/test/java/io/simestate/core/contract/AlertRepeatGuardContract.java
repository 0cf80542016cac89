package io.simestate.core.contract;

import static io.simestate.core.contract.ContractFixtures.at;
import static io.simestate.core.contract.ContractFixtures.newTenant;
import static org.assertj.core.api.Assertions.assertThat;

import io.simestate.core.TenantId;
import io.simestate.core.alert.AlertRepeatGuard;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The contract of {@link AlertRepeatGuard}: the first alert per key and window gets through. */
public abstract class AlertRepeatGuardContract {

  private static final Duration HOUR = Duration.ofHours(1);

  /**
   * The guard under test.
   *
   * @return the guard
   */
  protected abstract AlertRepeatGuard alertRepeatGuard();

  @Test
  void theFirstAlertGetsThrough() {
    assertThat(alertRepeatGuard().firstWithin(newTenant(), "8944|WARNING|-", at(0), HOUR)).isTrue();
  }

  @Test
  void aRepeatInsideTheWindowIsHeldBack() {
    TenantId tenant = newTenant();
    alertRepeatGuard().firstWithin(tenant, "k", at(0), HOUR);
    assertThat(alertRepeatGuard().firstWithin(tenant, "k", at(3599), HOUR)).isFalse();
  }

  @Test
  void aRepeatAfterTheWindowGetsThroughAndStartsANewWindow() {
    TenantId tenant = newTenant();
    alertRepeatGuard().firstWithin(tenant, "k", at(0), HOUR);
    assertThat(alertRepeatGuard().firstWithin(tenant, "k", at(3600), HOUR)).isTrue();
    assertThat(alertRepeatGuard().firstWithin(tenant, "k", at(3700), HOUR)).isFalse();
  }

  @Test
  void aHeldBackRepeatDoesNotExtendTheWindow() {
    TenantId tenant = newTenant();
    alertRepeatGuard().firstWithin(tenant, "k", at(0), HOUR);
    alertRepeatGuard().firstWithin(tenant, "k", at(3000), HOUR);
    assertThat(alertRepeatGuard().firstWithin(tenant, "k", at(3600), HOUR)).isTrue();
  }

  @Test
  void otherKeysAndTenantsAreIndependent() {
    TenantId tenant = newTenant();
    alertRepeatGuard().firstWithin(tenant, "k", at(0), HOUR);
    assertThat(alertRepeatGuard().firstWithin(tenant, "k2", at(1), HOUR)).isTrue();
    assertThat(alertRepeatGuard().firstWithin(newTenant(), "k", at(1), HOUR)).isTrue();
  }

  @Test
  void aLongKeyIsAccepted() {
    String key = "8".repeat(22) + "|CUT_OFF|p:" + "P".repeat(250);
    TenantId tenant = newTenant();
    assertThat(alertRepeatGuard().firstWithin(tenant, key, at(0), HOUR)).isTrue();
    assertThat(alertRepeatGuard().firstWithin(tenant, key, at(1), HOUR)).isFalse();
  }

  @Test
  void ofConcurrentFirstAlertsExactlyOneGetsThrough() throws Exception {
    TenantId tenant = newTenant();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Callable<Boolean>> calls = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        calls.add(() -> alertRepeatGuard().firstWithin(tenant, "storm", at(0), HOUR));
      }
      long through = 0;
      // A hang guard only: eight calls take milliseconds, whichever order the threads run them in.
      for (Future<Boolean> f : pool.invokeAll(calls, 2, TimeUnit.MINUTES)) {
        if (f.get()) {
          through++;
        }
      }
      assertThat(through).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
  }
}
