package io.simestate.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import io.simestate.core.AlertKind;
import io.simestate.core.TenantId;
import io.simestate.core.alert.AlertDecision;
import io.simestate.core.alert.AlertId;
import io.simestate.core.alert.Recipient;
import io.simestate.core.alert.RepeatKey;
import io.simestate.core.alert.RoutingOutcome;
import io.simestate.core.alert.SkipReason;
import io.simestate.core.alert.SkippedContact;
import io.simestate.core.alert.UsageAlert;
import io.simestate.core.customer.ContactId;
import io.simestate.core.customer.EmailAddress;
import io.simestate.core.sim.Iccid;
import jakarta.persistence.EntityManagerFactory;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Schema V2 upgrades an estate in place (issue 11): who was told before the upgrade is taken from
 * the alert deliveries already recorded, so that a repeat after the upgrade tells nobody twice; the
 * old table goes; a decision's skipped contacts keep every reason. The scripts before V2 are applied,
 * rows are written as those versions wrote them, then V2 and what follows.
 */
class SchemaUpgradeV2Test {

  private static final String V2 = "V2__per_recipient_repeats.sql";

  abstract static class Scenarios {

    final DatabaseVendor vendor = Db.Of.vendor(this);
    final TestDatabase db = TestDatabase.empty(vendor);
    final TenantId tenant = Fixtures.tenant();
    final Iccid sim = Fixtures.iccid();
    final ContactId ana = ContactId.random();
    final Recipient noc = Recipient.catchAll("NOC", EmailAddress.parse("noc@example.com"));
    final Instant t0 = Fixtures.T0;

    @Test
    void whoWasToldBeforeTheUpgradeIsNotToldAgainAndEveryReasonIsKept() throws Exception {
      int v2 = JpaSchema.SCRIPTS.indexOf(V2);
      try (Connection c = db.connection()) {
        EarlierSchema.runWithoutHistory(c, vendor, JpaSchema.SCRIPTS.subList(0, v2));
        delivery(c, "a-1", "ALERT", sim, "WARNING", t0, "2026-11", ana.toString());
        delivery(c, "a-2", "ALERT", sim, "WARNING", t0.plusSeconds(3600), "2026-11", ana.toString());
        delivery(c, "a-3", "ALERT", sim, "CUT_OFF", t0, null, noc.key());
        delivery(c, "n-1", "SUBSCRIPTION_NOTICE", null, null, null, null, ContactId.random().toString());

        EarlierSchema.runWithoutHistory(c, vendor, JpaSchema.SCRIPTS.subList(v2, JpaSchema.SCRIPTS.size()));

        assertThat(told(c)).containsExactlyInAnyOrder(
            sim.digits() + "|WARNING|p:2026-11 " + ana + " " + t0.plusSeconds(3600),
            sim.digits() + "|CUT_OFF|- " + noc.key() + " " + t0);
        assertThat(tableExists(c, "simestate_alert_repeat")).isFalse();
      }
      EntityManagerFactory factory = db.entityManagerFactory(db.dataSource, Map.of()); // validates the mapping
      try {
        JpaPersistence upgraded = JpaPersistence.standalone(factory);
        Recipient anaRecipient = new Recipient(ana, "Ana", EmailAddress.parse("ana@example.com"));
        Recipient bo = new Recipient(ContactId.random(), "Bo", EmailAddress.parse("bo@example.com"));

        assertThat(upgraded.repeatGuard().firstWithin(tenant, new RepeatKey(sim, AlertKind.WARNING, "2026-11"),
            List.of(anaRecipient, bo), t0.plus(Duration.ofDays(3)), Duration.ofDays(400))).containsExactly(bo);
        assertThat(upgraded.repeatGuard().firstWithin(tenant, new RepeatKey(sim, AlertKind.CUT_OFF, null),
            List.of(noc), t0.plus(Duration.ofHours(23)), Duration.ofHours(24))).isEmpty();

        AlertDecision decision = new AlertDecision(tenant, UsageAlert.of(AlertId.of("d-1"), sim, AlertKind.WARNING, t0),
            RoutingOutcome.NO_ELIGIBLE_CONTACT, null, null, List.of(), List.of(new SkippedContact(ContactId.random(),
                "Nemo", List.of(SkipReason.ALERTS_OFF, SkipReason.NO_VALID_EMAIL, SkipReason.KIND_NOT_WANTED,
                    SkipReason.ALREADY_TOLD))), t0);
        upgraded.decisions().record(decision);
        assertThat(upgraded.decisions().find(tenant, AlertId.of("d-1"))).contains(decision);
      } finally {
        factory.close();
      }
    }

    private void delivery(Connection c, String alertId, String kind, Iccid iccid, String alertKind, Instant raisedAt,
        String period, String recipientKey) throws SQLException {
      try (PreparedStatement ps = c.prepareStatement("insert into simestate_delivery (id, tenant_id, kind, alert_id, "
          + "iccid, alert_kind, raised_at, usage_period, recipient_name, recipient_email, recipient_key, status, "
          + "attempts, created_at, next_attempt_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'SENT', 1, ?, ?)")) {
        ps.setString(1, UUID.randomUUID().toString());
        ps.setString(2, tenant.value());
        ps.setString(3, kind);
        ps.setString(4, alertId);
        Jdbc.setString(ps, 5, iccid == null ? null : iccid.digits());
        Jdbc.setString(ps, 6, alertKind);
        Jdbc.setInstant(ps, 7, raisedAt, vendor);
        Jdbc.setString(ps, 8, period);
        ps.setString(9, "Someone");
        ps.setString(10, "someone@example.com");
        ps.setString(11, recipientKey);
        Jdbc.setInstant(ps, 12, t0, vendor);
        Jdbc.setInstant(ps, 13, t0, vendor);
        ps.executeUpdate();
      }
    }

    /** The told rows of the tenant as "repeat key, recipient key, last time", read back through the mapping. */
    private List<String> told(Connection c) throws SQLException {
      List<String> rows = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement(
          "select repeat_key, recipient_key, last_at from simestate_alert_told where tenant_id = ?")) {
        ps.setString(1, tenant.value());
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            rows.add(rs.getString(1) + " " + rs.getString(2) + " " + instant(rs));
          }
        }
      }
      return rows;
    }

    private Instant instant(ResultSet rs) throws SQLException {
      if (vendor == DatabaseVendor.MARIADB) {
        return rs.getTimestamp(3, java.util.Calendar.getInstance(java.util.TimeZone.getTimeZone("UTC"))).toInstant();
      }
      return rs.getObject(3, java.time.OffsetDateTime.class).toInstant();
    }

    private static boolean tableExists(Connection c, String table) throws SQLException {
      try (Statement s = c.createStatement()) {
        s.executeQuery("select count(*) from " + table).close();
        return true;
      } catch (SQLException e) {
        if (!c.getAutoCommit()) {
          c.rollback();
        }
        return false;
      }
    }
  }

  @Nested
  @Db(DatabaseVendor.H2)
  class OnH2 extends Scenarios {}

  @Nested
  @Db(DatabaseVendor.POSTGRESQL)
  class OnPostgreSql extends Scenarios {}

  @Nested
  @Db(DatabaseVendor.MARIADB)
  class OnMariaDb extends Scenarios {}
}
