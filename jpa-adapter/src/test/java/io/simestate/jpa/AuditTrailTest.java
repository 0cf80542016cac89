package io.simestate.jpa;

import static io.simestate.jpa.Fixtures.tenant;
import static org.assertj.core.api.Assertions.assertThat;

import io.simestate.core.Actor;
import io.simestate.core.TenantId;
import io.simestate.core.audit.AuditEvent;
import io.simestate.core.audit.AuditEventType;
import io.simestate.core.audit.AuditTrail;
import io.simestate.core.customer.CustomerId;
import io.simestate.core.sim.Iccid;
import io.simestate.core.sim.IccidRange;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The administrative record on a database: ranges as two ends, lists as rows, both found per SIM. */
class AuditTrailTest {

  abstract static class Scenarios {

    final TestDatabase db = Db.Of.database(this);
    final AuditTrail trail = db.persistence.auditTrail();
    final TenantId tenant = tenant();

    AuditEvent event(Collection<Iccid> sims) {
      return new AuditEvent(UUID.randomUUID(), tenant, AuditEventType.SIMS_ASSIGNED, Actor.of("ana@portal 👩‍💻"),
          Fixtures.T0, CustomerId.random(), sims, "Assigned " + sims.size() + " SIMs to Kunde 🚀");
    }

    long count(String sql, String id) throws SQLException {
      try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(sql)) {
        ps.setString(1, id);
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          return rs.getLong(1);
        }
      }
    }

    @Test
    void aMillionSimRangeIsStoredAsItsTwoEndsAndFoundByAnyMember() throws Exception {
      IccidRange million = Fixtures.range(IccidRange.MAX_SIZE);
      AuditEvent e = event(million);

      trail.publish(e);

      Iccid member = new ArrayList<>(Fixtures.range(1)).get(0);
      Iccid inside = IccidRange.of(million.first(), million.last()).iterator().next();
      assertThat(count("select count(*) from simestate_audit_sim where event_id = ?", e.id().toString())).isZero();
      assertThat(trail.forSim(tenant, inside, 10)).extracting(AuditEvent::id).containsExactly(e.id());
      assertThat(trail.forSim(tenant, million.last(), 10)).extracting(AuditEvent::id).containsExactly(e.id());
      assertThat(trail.forSim(tenant, member, 10)).isEmpty();
      AuditEvent back = trail.forCustomer(tenant, e.customerId(), 1).get(0);
      assertThat(back.sims()).hasSize(IccidRange.MAX_SIZE);
      assertThat(back.concerns(million.last())).isTrue();
    }

    @Test
    void aRangeThatWalksCheckDigitsDoesNotHoldANeighbourWithAWrongOne() {
      IccidRange range = Fixtures.range(10);
      trail.publish(event(range));
      String body = range.first().digits().substring(0, range.first().length() - 1);
      char check = range.first().digits().charAt(range.first().length() - 1);
      Iccid wrongCheck = Iccid.parse(body + (char) ('0' + (check - '0' + 1) % 10));

      assertThat(trail.forSim(tenant, wrongCheck, 10)).isEmpty();
    }

    /**
     * Candidates are read a page (at least 50) at a time: an event behind a full page of ranges that
     * only enclose the SIM's digits is still found.
     */
    @Test
    void anEventBehindAFullPageOfRangesThatOnlyEncloseTheSimIsFound() {
      IccidRange range = Fixtures.range(Ranges.MIN_SIZE);
      Iccid member = new ArrayList<>(range).get(10);
      String body = member.digits().substring(0, member.length() - 1);
      char check = member.digits().charAt(member.length() - 1);
      Iccid wrongCheck = Iccid.parse(body + (char) ('0' + (check - '0' + 1) % 10));
      AuditEvent listed = event(List.of(wrongCheck));
      trail.publish(listed);
      for (int i = 0; i < 50; i++) {
        trail.publish(event(range));
      }

      assertThat(trail.forSim(tenant, wrongCheck, 10)).extracting(AuditEvent::id).containsExactly(listed.id());
    }

    @Test
    void aSimWithMoreEventsThanAskedForGetsExactlyTheNewest() {
      Iccid sim = Fixtures.iccid();
      List<UUID> newestFirst = new ArrayList<>();
      for (int i = 0; i < 51; i++) {
        AuditEvent e = event(List.of(sim));
        trail.publish(e);
        newestFirst.add(0, e.id());
      }

      assertThat(trail.forSim(tenant, sim, 50)).extracting(AuditEvent::id)
          .containsExactlyElementsOf(newestFirst.subList(0, 50));
    }

    @Test
    void aListOfSimsIsStoredAsRowsAndComesBackInOrder() throws Exception {
      List<Iccid> sims = new ArrayList<>(List.of(Fixtures.iccid(), Fixtures.iccid(), Fixtures.iccid()));
      AuditEvent e = event(sims);

      trail.publish(e);

      assertThat(count("select count(*) from simestate_audit_sim where event_id = ?", e.id().toString())).isEqualTo(3);
      AuditEvent back = trail.forSim(tenant, sims.get(1), 10).get(0);
      assertThat(back.sims()).containsExactlyElementsOf(sims);
      assertThat(back.actor()).isEqualTo(e.actor());
      assertThat(back.summary()).isEqualTo(e.summary());
      assertThat(back.at()).isEqualTo(e.at());
      assertThat(back.type()).isEqualTo(e.type());
    }

    @Test
    void anEventWithoutSimsOrCustomerKeepsThemAbsent() {
      AuditEvent e = new AuditEvent(UUID.randomUUID(), tenant, AuditEventType.CUSTOMER_UPDATED, Actor.system(),
          Fixtures.T0, null, null, null);

      trail.publish(e);

      AuditEvent back = trail.recent(tenant, 1).get(0);
      assertThat(back.customerId()).isNull();
      assertThat(back.sims()).isEmpty();
      assertThat(back.summary()).isEmpty();
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
