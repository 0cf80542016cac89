package io.simestate.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import io.simestate.core.TenantId;
import io.simestate.core.alert.AlertDecision;
import io.simestate.core.alert.AlertId;
import io.simestate.core.alert.Delivery;
import io.simestate.core.alert.DeliveryStatus;
import io.simestate.core.alert.RoutingOutcome;
import io.simestate.core.audit.AuditEvent;
import io.simestate.core.audit.AuditEventType;
import io.simestate.core.customer.ContactId;
import io.simestate.core.customer.Customer;
import io.simestate.core.customer.CustomerId;
import io.simestate.core.customer.CustomerName;
import io.simestate.core.customer.EmailAddress;
import io.simestate.core.persistence.Persistence;
import io.simestate.core.sim.Iccid;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Databases as earlier versions left them: the schema scripts up to a version run as the code before
 * the schema history did (no {@value JpaSchema#HISTORY}), and an estate written in version 1's table
 * shapes with plain SQL, as that version's adapter wrote it; {@link V1Estate#assertIntact} reads it
 * back through the current adapter.
 */
final class EarlierSchema {

  private EarlierSchema() {}

  /** Runs scripts as the code before the schema history did: every statement, nothing recorded. */
  static void runWithoutHistory(Connection c, DatabaseVendor vendor, List<String> scripts) throws SQLException {
    try (Statement s = c.createStatement()) {
      for (String script : scripts) {
        for (String sql : JpaSchema.statements(read(vendor.scriptFolder() + "/" + script))) {
          s.execute(sql);
        }
      }
    }
  }

  /** The scripts up to and including a version. */
  static List<String> upTo(int version) {
    return JpaSchema.SCRIPTS.stream().filter(s -> JpaSchema.versionOf(s) <= version).toList();
  }

  static String read(String location) {
    try (InputStream in = EarlierSchema.class.getClassLoader().getResourceAsStream(location)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * One tenant's estate in version 1's tables: a customer with a contact, two SIMs, a routed alert
   * with its decision (one contact chosen, one skipped) and de-duplication row, one delivery sent and
   * one pending, and an audit event naming a SIM.
   */
  static final class V1Estate {
    final TenantId tenant = Fixtures.tenant();
    final CustomerId customer = CustomerId.random();
    final ContactId ana = ContactId.random();
    final Iccid sim = Fixtures.iccid();
    final Iccid other = Fixtures.iccid();
    final AlertId alert = AlertId.of("v1-" + UUID.randomUUID());
    final String decisionId = UUID.randomUUID().toString();
    final String eventId = UUID.randomUUID().toString();
    final Instant t0 = Fixtures.T0;

    /** A missing time, bound with a time type (PostgreSQL refuses a text-typed null there). */
    private static final Object NO_TIME = new Object();

    /** Writes the estate with plain SQL into version 1's tables. */
    static V1Estate load(Connection c, DatabaseVendor vendor) throws SQLException {
      V1Estate e = new V1Estate();
      e.write(c, vendor);
      if (!c.getAutoCommit()) {
        c.commit();
      }
      return e;
    }

    private void write(Connection c, DatabaseVendor vendor) throws SQLException {
      update(c, vendor, "insert into simestate_customer (id, tenant_id, name, name_key, city, version, created_at, "
          + "updated_at) values (?, ?, ?, ?, ?, 3, ?, ?)", customer.toString(), tenant.value(), "Acme Ltd",
          CustomerName.parse("Acme Ltd").key(), "Berlin", t0, t0);
      update(c, vendor, "insert into simestate_contact (id, customer_id, ordinal, name, email, alerts_enabled, "
          + "wants_warning, wants_cut_off) values (?, ?, 0, ?, ?, true, true, false)", ana.toString(),
          customer.toString(), "Ana", "ana@example.com");
      for (Iccid i : List.of(sim, other)) {
        update(c, vendor, "insert into simestate_sim_assignment (iccid, iccid_length, tenant_id, customer_id) "
            + "values (?, " + i.digits().length() + ", ?, ?)", i.digits(), tenant.value(), customer.toString());
      }
      update(c, vendor, "insert into simestate_alert_decision (id, tenant_id, alert_id, iccid, alert_kind, raised_at, "
          + "outcome, customer_id, customer_name, decided_at) values (?, ?, ?, ?, 'WARNING', ?, 'ROUTED', ?, ?, ?)",
          decisionId, tenant.value(), alert.value(), sim.digits(), t0, customer.toString(), "Acme Ltd", t0);
      update(c, vendor, "insert into simestate_decision_entry (decision_id, ordinal, chosen, contact_id, name, email) "
          + "values (?, 0, true, ?, ?, ?)", decisionId, ana.toString(), "Ana", "ana@example.com");
      update(c, vendor, "insert into simestate_decision_entry (decision_id, ordinal, chosen, contact_id, name, "
          + "skip_reason) values (?, 1, false, ?, ?, 'ALERTS_OFF')", decisionId, UUID.randomUUID().toString(), "Bo");
      update(c, vendor, "insert into simestate_alert_repeat (tenant_id, repeat_key, last_at) values (?, ?, ?)",
          tenant.value(), sim.digits() + "|WARNING|-", t0);
      delivery(c, vendor, "SENT", ana.toString(), "ana@example.com", t0);
      delivery(c, vendor, "PENDING", "catch-all:noc@example.com", "noc@example.com", null);
      update(c, vendor, "insert into simestate_audit_event (id, tenant_id, event_type, actor, occurred_at, customer_id, "
          + "summary, sim_count) values (?, ?, 'SIMS_ASSIGNED', ?, ?, ?, ?, 2)", eventId, tenant.value(), "ops@portal",
          t0, customer.toString(), "2 SIMs assigned");
      update(c, vendor, "insert into simestate_audit_sim (event_id, ordinal, iccid) values (?, 0, ?)", eventId,
          sim.digits());
    }

    private void delivery(Connection c, DatabaseVendor vendor, String status, String recipientKey, String email,
        Instant sentAt) throws SQLException {
      update(c, vendor, "insert into simestate_delivery (id, tenant_id, kind, alert_id, iccid, alert_kind, raised_at, "
          + "customer_id, customer_name, recipient_contact_id, recipient_name, recipient_email, recipient_key, status, "
          + "attempts, created_at, next_attempt_at, sent_at) values (?, ?, 'ALERT', ?, ?, 'WARNING', ?, ?, ?, ?, ?, ?, "
          + "?, ?, 1, ?, ?, ?)", UUID.randomUUID().toString(), tenant.value(), alert.value(), sim.digits(), t0,
          customer.toString(), "Acme Ltd", sentAt == null ? null : ana.toString(), sentAt == null ? "NOC" : "Ana",
          email, recipientKey, status, t0, t0, sentAt == null ? NO_TIME : sentAt);
    }

    private static void update(Connection c, DatabaseVendor vendor, String sql, Object... values) throws SQLException {
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        for (int i = 0; i < values.length; i++) {
          if (values[i] instanceof Instant instant) {
            Jdbc.setInstant(ps, i + 1, instant, vendor);
          } else if (values[i] == NO_TIME) {
            Jdbc.setInstant(ps, i + 1, null, vendor);
          } else {
            Jdbc.setString(ps, i + 1, (String) values[i]);
          }
        }
        assertThat(ps.executeUpdate()).isEqualTo(1);
      }
    }

    /** Reads the estate back through the adapter: every row is there, with the values version 1 wrote. */
    void assertIntact(Persistence p) {
      Customer c = p.customers().find(tenant, customer).orElseThrow();
      assertThat(c.name().value()).isEqualTo("Acme Ltd");
      assertThat(c.version()).isEqualTo(3);
      assertThat(c.contacts()).singleElement().satisfies(contact -> {
        assertThat(contact.id()).isEqualTo(ana);
        assertThat(contact.email()).isEqualTo(EmailAddress.parse("ana@example.com"));
      });
      assertThat(p.simAssignments().customerOf(tenant, sim)).contains(customer);
      assertThat(p.simAssignments().countOf(tenant, customer)).isEqualTo(2);

      AlertDecision decision = p.decisions().find(tenant, alert).orElseThrow();
      assertThat(decision.outcome()).isEqualTo(RoutingOutcome.ROUTED);
      assertThat(decision.skipped()).singleElement().satisfies(s -> assertThat(s.contactName()).isEqualTo("Bo"));

      assertThat(p.outbox().byAlert(tenant, alert)).extracting(Delivery::status)
          .containsExactlyInAnyOrder(DeliveryStatus.SENT, DeliveryStatus.PENDING);

      List<AuditEvent> events = p.auditTrail().forSim(tenant, sim, 10);
      assertThat(events).singleElement().satisfies(e -> {
        assertThat(e.type()).isEqualTo(AuditEventType.SIMS_ASSIGNED);
        assertThat(e.summary()).isEqualTo("2 SIMs assigned");
      });
    }
  }
}
