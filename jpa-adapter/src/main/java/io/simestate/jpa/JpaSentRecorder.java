package io.simestate.jpa;

import io.simestate.core.InvalidInputException;
import io.simestate.core.alert.DeliveryId;
import io.simestate.core.alert.SentRecorder;
import io.simestate.core.audit.AuditEvent;
import io.simestate.core.sim.IccidRange;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;

/**
 * Records a sent message in one statement on PostgreSQL: the delivery's update, its audit event and
 * the event's SIM rows as data-modifying common table expressions, the event written only from the
 * row the update returns (so nothing is written unless the claim still held the delivery). The same
 * statement turns {@code synchronous_commit} off for its transaction, as
 * {@link JpaDeliveryOutbox#RELAXED} explains. So recording a sent message costs one round trip
 * besides the commit, where the stores in turn cost three (the update, the event, its SIM row). On
 * H2 and MariaDB, and for an event with very many SIMs that form no range, the stores are called in
 * turn.
 */
final class JpaSentRecorder implements SentRecorder {

  /** Most SIM rows (SIMs that form no range) the one statement writes; beyond, the stores in turn. */
  static final int MAX_SIM_ROWS = 500;

  private final JpaTransactions tx;
  private final VendorDetector vendors;
  private final SentRecorder stores;

  JpaSentRecorder(JpaTransactions tx, VendorDetector vendors, SentRecorder stores) {
    this.tx = tx;
    this.vendors = vendors;
    this.stores = stores;
  }

  @Override
  public boolean recordSent(DeliveryId id, String claim, Instant at, AuditEvent event) {
    InvalidInputException.requirePresent(id, "id");
    InvalidInputException.requirePresent(claim, "claim");
    InvalidInputException.requirePresent(at, "at");
    InvalidInputException.requirePresent(event, "event");
    IccidRange range = Ranges.asRange(event.sims()).orElse(null);
    int simRows = range == null ? event.sims().size() : 0;
    if (simRows > MAX_SIM_ROWS) {
      return stores.recordSent(id, claim, at, event);
    }
    return tx.call(em -> {
      DatabaseVendor vendor = vendors.vendor(em);
      if (vendor != DatabaseVendor.POSTGRESQL) {
        return stores.recordSent(id, claim, at, event);
      }
      String sql = "with " + JpaDeliveryOutbox.RELAXED + ", "
          + "sent as (update simestate_delivery set status = 'SENT', sent_at = ?, claim_token = null "
          + "where id = ? and claim_token = ? and status = 'IN_FLIGHT' returning id), "
          + "a as (insert into simestate_audit_event (" + JpaAuditTrail.EVENT_COLUMNS + ") select "
          + JpaAuditTrail.EVENT_VALUES_CAST_FOR_POSTGRESQL + " from sent)"
          + (simRows == 0 ? "" : ", s as (insert into simestate_audit_sim (event_id, ordinal, iccid) "
              + "select v.e, v.o, v.i from sent cross join (values "
              + Jdbc.rows(simRows, "(cast(? as varchar), cast(? as integer), cast(? as varchar))")
              + ") as v(e, o, i))")
          + " select count(*) from sent cross join relaxed";
      long recorded = Jdbc.on(em, c -> {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
          Jdbc.setInstant(ps, 1, at, vendor);
          ps.setString(2, id.toString());
          ps.setString(3, claim);
          int next = JpaAuditTrail.bindEvent(ps, 4, event, range, vendor);
          if (simRows > 0) {
            JpaAuditTrail.bindSimRows(ps, next, event);
          }
          try (ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
          }
        }
      });
      return JpaDeliveryOutbox.held(em, id, recorded);
    });
  }
}
