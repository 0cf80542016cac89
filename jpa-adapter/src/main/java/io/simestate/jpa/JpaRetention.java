package io.simestate.jpa;

import io.simestate.core.InvalidInputException;
import io.simestate.core.alert.DeliveryStatus;
import io.simestate.core.persistence.RetentionStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Retention (F19) in SQL. Each call reads one page of keys that meet the condition (oldest first),
 * deletes their child rows, and deletes the rows themselves with the condition checked again, in
 * one short transaction: a delivery resubmitted or re-sent in between (no longer in the status, or
 * newer) stays. Pending and in-flight deliveries are never selected.
 */
final class JpaRetention implements RetentionStore {

  private final JpaTransactions tx;
  private final VendorDetector vendors;

  JpaRetention(JpaTransactions tx, VendorDetector vendors) {
    this.tx = tx;
    this.vendors = vendors;
  }

  @Override
  public int purgeDeliveries(DeliveryStatus status, Instant before, int max) {
    if (status == null || status == DeliveryStatus.PENDING || status == DeliveryStatus.IN_FLIGHT) {
      throw InvalidInputException.of("status", "is " + status + "; only SENT, FAILED and DISCARDED deliveries are purged");
    }
    String time = status == DeliveryStatus.SENT ? "sent_at" : "next_attempt_at";
    String condition = "status = ? and " + time + " < ?";
    return page(before, max, "simestate_delivery", "id", condition, time, List.of(), status.name());
  }

  @Override
  public int purgeDecisions(Instant before, int max) {
    return page(before, max, "simestate_alert_decision", "id", "decided_at < ?", "decided_at",
        List.of("delete from simestate_decision_entry where decision_id in "), null);
  }

  @Override
  public int purgeAuditEvents(Instant before, int max) {
    return page(before, max, "simestate_audit_event", "id", "occurred_at < ?", "occurred_at",
        List.of("delete from simestate_audit_sim where event_id in "), null);
  }

  @Override
  public int purgeRepeatGuard(Instant before, int max) {
    check(before, max);
    return tx.call(em -> {
      DatabaseVendor vendor = vendors.vendor(em);
      return Jdbc.on(em, c -> {
        List<String[]> keys = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("select tenant_id, repeat_key, recipient_key from "
            + "simestate_alert_told where last_at < ? order by last_at" + limit(vendor))) {
          Jdbc.setInstant(ps, 1, before, vendor);
          ps.setInt(2, max);
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              keys.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3)});
            }
          }
        }
        if (keys.isEmpty()) {
          return 0;
        }
        StringBuilder sql = new StringBuilder("delete from simestate_alert_told where last_at < ? and "
            + "(tenant_id, repeat_key, recipient_key) in (");
        for (int i = 0; i < keys.size(); i++) {
          sql.append(i == 0 ? "(?, ?, ?)" : ", (?, ?, ?)");
        }
        try (PreparedStatement ps = c.prepareStatement(sql.append(')').toString())) {
          Jdbc.setInstant(ps, 1, before, vendor);
          int i = 2;
          for (String[] key : keys) {
            ps.setString(i++, key[0]);
            ps.setString(i++, key[1]);
            ps.setString(i++, key[2]);
          }
          return ps.executeUpdate();
        }
      });
    });
  }

  /**
   * One page: the ids of up to {@code max} rows meeting the condition, oldest first; the child rows
   * of those ids; then the rows, condition checked again. {@code status}, if given, is the first
   * parameter of the condition and the time the second; otherwise the time is its only one.
   */
  private int page(Instant before, int max, String table, String id, String condition, String order,
      List<String> children, String status) {
    check(before, max);
    return tx.call(em -> {
      DatabaseVendor vendor = vendors.vendor(em);
      return Jdbc.on(em, c -> {
        List<String> ids = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("select " + id + " from " + table + " where " + condition
            + " order by " + order + limit(vendor))) {
          int next = bindCondition(ps, status, before, vendor);
          ps.setInt(next, max);
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              ids.add(rs.getString(1));
            }
          }
        }
        if (ids.isEmpty()) {
          return 0;
        }
        String in = "(" + Jdbc.marks(ids.size()) + ")";
        for (String child : children) {
          delete(c, child + in, ids, 1);
        }
        try (PreparedStatement ps = c.prepareStatement("delete from " + table + " where " + condition + " and "
            + id + " in " + in)) {
          int next = bindCondition(ps, status, before, vendor);
          Jdbc.setStrings(ps, next, ids);
          return ps.executeUpdate();
        }
      });
    });
  }

  private static int bindCondition(PreparedStatement ps, String status, Instant before, DatabaseVendor vendor)
      throws SQLException {
    int i = 1;
    if (status != null) {
      ps.setString(i++, status);
    }
    Jdbc.setInstant(ps, i++, before, vendor);
    return i;
  }

  private static void delete(Connection c, String sql, List<String> ids, int from) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      Jdbc.setStrings(ps, from, ids);
      ps.executeUpdate();
    }
  }

  private static String limit(DatabaseVendor vendor) {
    return vendor == DatabaseVendor.H2 ? " fetch first ? rows only" : " limit ?";
  }

  private static void check(Instant before, int max) {
    InvalidInputException.requirePresent(before, "before");
    if (max < 1) {
      throw InvalidInputException.of("max", "must be at least 1");
    }
  }
}
