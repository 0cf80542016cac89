package io.simestate.jpa;

import static io.simestate.jpa.Fixtures.contact;
import static io.simestate.jpa.Fixtures.customer;
import static io.simestate.jpa.Fixtures.tenant;
import static org.assertj.core.api.Assertions.assertThat;

import io.simestate.core.AlertKind;
import io.simestate.core.TenantId;
import io.simestate.core.alert.AlertId;
import io.simestate.core.alert.RoutingResult;
import io.simestate.core.alert.UsageAlert;
import io.simestate.core.customer.Contact;
import io.simestate.core.customer.Customer;
import io.simestate.core.estate.SimEstate;
import io.simestate.core.sim.Iccid;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The routing recorder: how many statements one routed alert costs, and what a half-purged alert id records. */
class JpaRoutingRecorderTest {

  abstract static class Scenarios {

    final TestDatabase db = Db.Of.database(this);
    final TenantId tenant = tenant();
    final SimEstate estate = SimEstate.builder().persistence(db.persistence).build();

    Iccid heldSim() {
      Customer c = db.persistence.customers().insert(customer(tenant, "Router " + UUID.randomUUID(),
          contact("Ann", "ann@example.com", true),
          contact("Bob", "bob@example.com", true),
          contact("Cid", null, false)));
      Iccid sim = Fixtures.iccid();
      db.persistence.simAssignments().assign(tenant, c.id(), List.of(sim));
      return sim;
    }

    UsageAlert alert(String id, Iccid sim) {
      return UsageAlert.of(AlertId.of(id), sim, AlertKind.WARNING, Fixtures.now()).withPeriod(id);
    }

    /**
     * Deletes an alert's decision and the tenant's repeat-guard rows, as a retention policy that keeps
     * deliveries longer than decisions would.
     */
    void purgeDecisionKeepingDeliveries(String alertId) throws SQLException {
      try (Connection c = db.connection()) {
        c.setAutoCommit(false);
        try (PreparedStatement entries = c.prepareStatement("delete from simestate_decision_entry where decision_id in "
                + "(select id from simestate_alert_decision where tenant_id = ? and alert_id = ?)");
            PreparedStatement header = c.prepareStatement(
                "delete from simestate_alert_decision where tenant_id = ? and alert_id = ?");
            PreparedStatement told = c.prepareStatement("delete from simestate_alert_told where tenant_id = ?")) {
          for (PreparedStatement ps : List.of(entries, header)) {
            ps.setString(1, tenant.value());
            ps.setString(2, alertId);
            ps.executeUpdate();
          }
          told.setString(1, tenant.value());
          told.executeUpdate();
        }
        c.commit();
      }
    }

    @Test
    void anAlertIdWhoseDecisionWasPurgedButWhoseDeliveriesRemainGetsItsDecisionAndNoSecondDelivery()
        throws SQLException {
      Iccid sim = heldSim();
      String id = "half-purged-" + UUID.randomUUID();
      assertThat(estate.alerts().route(tenant, alert(id, sim)).deliveries()).hasSize(2);
      purgeDecisionKeepingDeliveries(id);

      RoutingResult again = estate.alerts().route(tenant, alert(id, sim));

      assertThat(again.duplicateAlertId()).isFalse();
      assertThat(again.decision().chosen()).hasSize(2);
      assertThat(again.deliveries()).isEmpty();
      assertThat(estate.alerts().deliveriesOf(tenant, AlertId.of(id))).hasSize(2);
      assertThat(estate.alerts().decision(tenant, AlertId.of(id))).isPresent();
    }
    /**
     * Beyond {@link JpaRoutingRecorder#MAX_ENTRIES} entries (chosen and skipped) the recorder hands the
     * routing to the stores one by one: every contact is still told, once.
     */
    @Test
    void aCustomerWithMoreContactsThanOneRoutingStatementTakesIsToldInFull() {
      int many = JpaRoutingRecorder.MAX_ENTRIES + 1;
      Contact[] contacts = new Contact[many];
      for (int i = 0; i < many; i++) {
        contacts[i] = contact("Contact " + i, "c" + i + "@example.com", true);
      }
      Customer c = db.persistence.customers().insert(customer(tenant, "Large " + UUID.randomUUID(), contacts));
      Iccid sim = Fixtures.iccid();
      db.persistence.simAssignments().assign(tenant, c.id(), List.of(sim));
      String id = "large-" + UUID.randomUUID();

      RoutingResult result = estate.alerts().route(tenant, alert(id, sim));

      assertThat(result.duplicateAlertId()).isFalse();
      assertThat(result.deliveries()).hasSize(many);
      assertThat(estate.alerts().deliveriesOf(tenant, AlertId.of(id))).hasSize(many);
    }

    @Test
    void anAlertIdWhoseDecisionAndOneOfItsDeliveriesWerePurgedGetsOnlyThatDeliveryAgain() throws SQLException {
      Iccid sim = heldSim();
      String id = "half-purged-" + UUID.randomUUID();
      estate.alerts().route(tenant, alert(id, sim));
      purgeDecisionKeepingDeliveries(id);
      try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(
          "delete from simestate_delivery where tenant_id = ? and alert_id = ? and recipient_email = ?")) {
        ps.setString(1, tenant.value());
        ps.setString(2, id);
        ps.setString(3, "bob@example.com");
        assertThat(ps.executeUpdate()).isEqualTo(1);
      }

      RoutingResult again = estate.alerts().route(tenant, alert(id, sim));

      assertThat(again.deliveries()).extracting(d -> d.recipient().name()).containsExactly("Bob");
      assertThat(estate.alerts().deliveriesOf(tenant, AlertId.of(id))).hasSize(2);
    }

  }

  abstract static class Batched extends Scenarios {

    abstract int statementsPerAlert();

    @Test
    void aRoutedAlertCostsTheHolderLookUpAndTheRecordersStatementsWhateverItsRecipients() {
      Iccid sim = heldSim();
      estate.alerts().route(tenant, alert("warm-" + UUID.randomUUID(), sim)); // reads the tenant's settings once
      long before = db.statements();

      RoutingResult result = estate.alerts().route(tenant, alert("counted-" + UUID.randomUUID(), sim));

      long statements = db.statements() - before;
      System.out.printf("[%s] route and record: %d statement(s)%n", db.vendor, statements);
      assertThat(result.deliveries()).hasSize(2);
      assertThat(result.decision().skipped()).hasSize(1);
      assertThat(statements).isEqualTo(statementsPerAlert());
    }
  }

  @Nested
  @Db(DatabaseVendor.H2)
  class OnH2 extends Batched {
    @Override
    int statementsPerAlert() {
      return 4; // holder, decision header, repeat guard's merge, the rest as one command list
    }
  }

  @Nested
  @Db(DatabaseVendor.POSTGRESQL)
  class OnPostgreSql extends Batched {
    @Override
    int statementsPerAlert() {
      return 3; // holder, header with the repeat guard, the rest
    }
  }

  @Nested
  @Db(DatabaseVendor.MARIADB)
  class OnMariaDb extends Scenarios {}
}
