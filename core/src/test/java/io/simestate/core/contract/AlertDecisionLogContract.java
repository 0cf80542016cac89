package io.simestate.core.contract;

import static io.simestate.core.contract.ContractFixtures.at;
import static io.simestate.core.contract.ContractFixtures.newIccid;
import static io.simestate.core.contract.ContractFixtures.newTenant;
import static org.assertj.core.api.Assertions.assertThat;

import io.simestate.core.AlertKind;
import io.simestate.core.TenantId;
import io.simestate.core.alert.AlertDecision;
import io.simestate.core.alert.AlertDecisionLog;
import io.simestate.core.alert.AlertId;
import io.simestate.core.alert.Recipient;
import io.simestate.core.alert.RoutingOutcome;
import io.simestate.core.alert.SkipReason;
import io.simestate.core.alert.SkippedContact;
import io.simestate.core.alert.Usage;
import io.simestate.core.alert.UsageAlert;
import io.simestate.core.customer.ContactId;
import io.simestate.core.customer.CustomerId;
import io.simestate.core.customer.EmailAddress;
import io.simestate.core.sim.Iccid;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The contract of {@link AlertDecisionLog}: one decision per (tenant, alert id), read back whole. */
public abstract class AlertDecisionLogContract {

  /**
   * The log under test.
   *
   * @return the log
   */
  protected abstract AlertDecisionLog alertDecisionLog();

  private static AlertDecision routed(TenantId tenant, String alertId, Iccid sim, long second) {
    UsageAlert alert = UsageAlert.of(AlertId.of(alertId), sim, AlertKind.CUT_OFF, at(second)).withPeriod("2026-11")
        .withUsage(new Usage(new BigDecimal("1024"), new BigDecimal("1000"), "MB", new BigDecimal("102.4"), "Plan ✓"));
    return new AlertDecision(tenant, alert, RoutingOutcome.ROUTED, CustomerId.random(), "Acme 📡",
        List.of(new Recipient(ContactId.random(), "Ana", EmailAddress.parse("ana@example.com")),
            Recipient.catchAll("NOC", EmailAddress.parse("noc@example.com"))),
        List.of(new SkippedContact(ContactId.random(), "Bo", SkipReason.ALERTS_OFF),
            new SkippedContact(ContactId.random(), "Cy", SkipReason.KIND_NOT_WANTED),
            new SkippedContact(ContactId.random(), "Nemo", List.of(SkipReason.ALERTS_OFF, SkipReason.NO_VALID_EMAIL,
                SkipReason.KIND_NOT_WANTED)),
            new SkippedContact(ContactId.random(), "Di", SkipReason.ALREADY_TOLD),
            new SkippedContact(null, "NOC", SkipReason.ALREADY_TOLD)),
        at(second + 1));
  }

  @Test
  void aDecisionIsRecordedOnceAndReadBackWhole() {
    TenantId tenant = newTenant();
    AlertDecision d = routed(tenant, "a-1", newIccid(), 0);
    assertThat(alertDecisionLog().record(d)).isTrue();
    assertThat(alertDecisionLog().find(tenant, AlertId.of("a-1"))).contains(d);
  }

  @Test
  void aSecondDecisionForTheSameAlertIdIsRefused() {
    TenantId tenant = newTenant();
    AlertDecision first = routed(tenant, "a-1", newIccid(), 0);
    alertDecisionLog().record(first);
    assertThat(alertDecisionLog().record(routed(tenant, "a-1", newIccid(), 5))).isFalse();
    assertThat(alertDecisionLog().find(tenant, AlertId.of("a-1"))).contains(first);
  }

  @Test
  void aDecisionWithoutCustomerOrRecipientsRoundTrips() {
    TenantId tenant = newTenant();
    UsageAlert alert = UsageAlert.of(AlertId.of("u-1"), newIccid(), AlertKind.WARNING, at(0));
    AlertDecision d = new AlertDecision(tenant, alert, RoutingOutcome.UNASSIGNED, null, null, List.of(), List.of(), at(1));
    assertThat(alertDecisionLog().record(d)).isTrue();
    assertThat(alertDecisionLog().find(tenant, AlertId.of("u-1"))).contains(d);
  }

  @Test
  void aDecisionWithOnlySkippedOrOnlyChosenContactsIsRecordedWhole() {
    TenantId tenant = newTenant();
    AlertDecision full = routed(tenant, "full-1", newIccid(), 0);
    AlertDecision skippedOnly = new AlertDecision(tenant, routed(tenant, "skipped-1", newIccid(), 0).alert(),
        RoutingOutcome.NO_ELIGIBLE_CONTACT, full.customerId(), full.customerName(), List.of(), full.skipped(), at(1));
    AlertDecision chosenOnly = new AlertDecision(tenant, routed(tenant, "chosen-1", newIccid(), 0).alert(),
        RoutingOutcome.ROUTED, full.customerId(), full.customerName(), full.chosen(), List.of(), at(1));

    assertThat(alertDecisionLog().record(skippedOnly)).isTrue();
    assertThat(alertDecisionLog().record(chosenOnly)).isTrue();
    assertThat(alertDecisionLog().find(tenant, AlertId.of("skipped-1"))).contains(skippedOnly);
    assertThat(alertDecisionLog().find(tenant, AlertId.of("chosen-1"))).contains(chosenOnly);
  }

  @Test
  void theSameAlertIdInAnotherTenantIsIndependent() {
    Iccid sim = newIccid();
    assertThat(alertDecisionLog().record(routed(newTenant(), "a-1", sim, 0))).isTrue();
    TenantId other = newTenant();
    assertThat(alertDecisionLog().record(routed(other, "a-1", sim, 0))).isTrue();
    assertThat(alertDecisionLog().find(newTenant(), AlertId.of("a-1"))).isEmpty();
  }

  @Test
  void decisionsForASimComeNewestFirst() {
    TenantId tenant = newTenant();
    Iccid sim = newIccid();
    AlertDecision first = routed(tenant, "a-1", sim, 0);
    AlertDecision second = routed(tenant, "a-2", sim, 10);
    AlertDecision third = routed(tenant, "a-3", sim, 20);
    alertDecisionLog().record(first);
    alertDecisionLog().record(second);
    alertDecisionLog().record(third);
    alertDecisionLog().record(routed(tenant, "a-4", newIccid(), 30));
    assertThat(alertDecisionLog().bySim(tenant, sim, 10)).containsExactly(third, second, first);
    assertThat(alertDecisionLog().bySim(tenant, sim, 2)).containsExactly(third, second);
    assertThat(alertDecisionLog().bySim(newTenant(), sim, 10)).isEmpty();
  }

  @Test
  void ofConcurrentRecordsOfOneAlertIdExactlyOneWins() throws Exception {
    TenantId tenant = newTenant();
    Iccid sim = newIccid();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Callable<Boolean>> calls = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        long second = i;
        calls.add(() -> alertDecisionLog().record(routed(tenant, "same", sim, second)));
      }
      long wins = 0;
      // A hang guard only: eight calls take milliseconds, whichever order the threads run them in.
      for (Future<Boolean> f : pool.invokeAll(calls, 2, TimeUnit.MINUTES)) {
        if (f.get()) {
          wins++;
        }
      }
      assertThat(wins).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
  }
}
