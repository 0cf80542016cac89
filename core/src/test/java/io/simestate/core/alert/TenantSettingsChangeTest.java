package io.simestate.core.alert;

import static io.simestate.core.alert.AlertFixture.sim;
import static org.assertj.core.api.Assertions.assertThat;

import io.simestate.core.AlertKind;
import io.simestate.core.customer.Customer;
import io.simestate.core.customer.EmailAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Issue 11: nothing assumes a tenant's alert settings are fixed. With a {@link TenantSettingsSource}
 * a host can change them at run time, and the next alert, dispatch or notice follows the change.
 */
class TenantSettingsChangeTest {

  private final AtomicReference<TenantAlertSettings> current = new AtomicReference<>(TenantAlertSettings.DEFAULTS);
  private final AlertFixture f = new AlertFixture(b -> b.tenantSettings(t -> current.get()));

  @Test
  void theNextAlertFollowsChangedCatchAllDigestWindowAndSender() {
    Customer northwind = f.customer("Northwind");
    f.alerted(northwind, "Ana");
    f.assign(northwind, sim(1), sim(2));
    assertThat(f.route(sim(9), AlertKind.WARNING).decision().outcome()).isEqualTo(RoutingOutcome.UNASSIGNED);
    assertThat(f.route(sim(1), AlertKind.WARNING).deliveries().get(0).nextAttemptAt()).isEqualTo(f.clock.instant());

    Recipient noc = Recipient.catchAll("NOC", EmailAddress.parse("noc@acme.example"));
    SenderIdentity acmeSender = SenderIdentity.of("noc@acme.example", "ACME NOC");
    current.set(TenantAlertSettings.DEFAULTS.withCatchAll(List.of(noc)).withDigestWindow(Duration.ofMinutes(5))
        .withSender(acmeSender));

    assertThat(f.route(sim(8), AlertKind.WARNING).decision().chosen()).containsExactly(noc);
    assertThat(f.route(sim(2), AlertKind.CUT_OFF).deliveries().get(0).nextAttemptAt())
        .isEqualTo(f.clock.instant().plus(Duration.ofMinutes(5)));
    f.clock.advance(Duration.ofMinutes(5));
    f.estate.dispatcher().dispatchDue();
    assertThat(f.sender.accepted()).isNotEmpty().allSatisfy(n -> assertThat(n.sender()).isEqualTo(acmeSender));
  }
}
