package io.simestate.core.alert;

import static io.simestate.core.alert.AlertFixture.ACME;
import static io.simestate.core.alert.AlertFixture.GLOBEX;
import static io.simestate.core.alert.AlertFixture.sim;
import static org.assertj.core.api.Assertions.assertThat;

import io.simestate.core.AlertKind;
import io.simestate.core.customer.Contact;
import io.simestate.core.customer.Customer;
import io.simestate.core.customer.EmailAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

/** F15: a tenant's catch-all recipients get alerts for SIMs with no customer, and only those. */
class CatchAllTest {

  private static final Recipient NOC = Recipient.catchAll("NOC", EmailAddress.parse("noc@acme.example"));
  private static final Recipient OPS = Recipient.catchAll("Ops", EmailAddress.parse("ops@acme.example"));

  private final AlertFixture f = new AlertFixture(b -> b.tenant(ACME, TenantAlertSettings.DEFAULTS
      .withCatchAll(List.of(NOC, OPS))));

  @Test
  void alertForSimWithNoCustomerGoesToTheTenantsCatchAllRecipients() {
    RoutingResult result = f.route(sim(5), AlertKind.CUT_OFF);

    assertThat(result.decision().outcome()).isEqualTo(RoutingOutcome.CATCH_ALL);
    assertThat(result.decision().chosen()).containsExactly(NOC, OPS);
    assertThat(result.deliveries()).extracting(Delivery::recipient).containsExactly(NOC, OPS);
    assertThat(result.deliveries()).allSatisfy(d -> assertThat(d.customerId()).isNull());
  }

  @Test
  void catchAllAlertIsDeliveredToEachCatchAllAddressOnce() {
    f.route(sim(5), AlertKind.WARNING);

    f.estate.dispatcher().dispatchDue();
    f.estate.dispatcher().dispatchDue();

    assertThat(f.sender.accepted()).extracting(n -> n.recipient().email().toString())
        .containsExactlyInAnyOrder("noc@acme.example", "ops@acme.example");
    assertThat(f.sender.accepted()).allSatisfy(n -> assertThat(n.customerName()).isNull());
  }

  @Test
  void assignedSimDoesNotReachCatchAllRecipients() {
    Customer northwind = f.customer("Northwind");
    Contact ana = f.alerted(northwind, "Ana");
    f.assign(northwind, sim(1));

    AlertDecision d = f.route(sim(1), AlertKind.WARNING).decision();

    assertThat(d.outcome()).isEqualTo(RoutingOutcome.ROUTED);
    assertThat(d.chosen()).extracting(Recipient::contactId).containsExactly(ana.id());
  }

  @Test
  void customerWithoutEligibleContactDoesNotFallBackToCatchAll() {
    Customer northwind = f.customer("Northwind");
    f.assign(northwind, sim(1));

    RoutingResult result = f.route(sim(1), AlertKind.WARNING);

    assertThat(result.decision().outcome()).isEqualTo(RoutingOutcome.NO_ELIGIBLE_CONTACT);
    assertThat(result.deliveries()).isEmpty();
  }

  @Test
  void tenantWithoutCatchAllLeavesUnassignedSimsUnrouted() {
    RoutingResult result = f.estate.alerts().route(GLOBEX, f.alert(sim(5), AlertKind.WARNING));

    assertThat(result.decision().outcome()).isEqualTo(RoutingOutcome.UNASSIGNED);
    assertThat(result.deliveries()).isEmpty();
  }

  @Test
  void recipientsForAnUnassignedSimNamesTheCatchAllRecipients() {
    assertThat(f.estate.alerts().recipientsFor(ACME, sim(5), AlertKind.WARNING)).containsExactly(NOC, OPS);
    assertThat(f.estate.alerts().recipientsFor(GLOBEX, sim(5), AlertKind.WARNING)).isEmpty();
  }
}
