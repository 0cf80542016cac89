package io.simestate.jpa;

import io.simestate.core.TenantId;
import io.simestate.core.alert.AlertRepeatGuard;
import io.simestate.core.alert.Recipient;
import io.simestate.core.alert.RepeatKey;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Alert de-duplication per recipient, in a fixed number of statements for all recipients of an
 * alert: one look-up of the entries that exist, one batch that inserts the missing ones unless a
 * concurrent call inserted them first, one batch that moves the time of those whose window has
 * passed (the row lock lets one of concurrent callers through), and one read of the entries this
 * call wrote, marked with its own token. Existing keys are looked up without a lock first, so that
 * no statement takes a gap lock on a missing key (which deadlocks concurrent first alerts on
 * MariaDB), and rows are written in key order, so that concurrent calls wait instead of deadlocking.
 */
final class JpaAlertRepeatGuard implements AlertRepeatGuard {

  private static final String EXISTING = "select recipient_key from simestate_alert_told "
      + "where tenant_id = ? and repeat_key = ? and recipient_key in (";
  private static final String MOVE = "update simestate_alert_told set last_at = ?, told_by = ? "
      + "where tenant_id = ? and repeat_key = ? and recipient_key = ? and last_at <= ?";
  private static final String MINE = "select recipient_key from simestate_alert_told "
      + "where tenant_id = ? and repeat_key = ? and told_by = ?";

  private final JpaTransactions tx;
  private final VendorDetector vendors;

  JpaAlertRepeatGuard(JpaTransactions tx, VendorDetector vendors) {
    this.tx = tx;
    this.vendors = vendors;
  }

  @Override
  public List<Recipient> firstWithin(TenantId tenant, RepeatKey key, List<Recipient> recipients, Instant at,
      Duration window) {
    if (recipients.isEmpty()) {
      return List.of();
    }
    String repeatKey = Limits.fit(key.text(), 300, "repeatKey");
    TreeSet<String> keys = new TreeSet<>();
    for (Recipient r : recipients) {
      keys.add(Limits.fit(r.key(), 300, "recipient"));
    }
    String token = UUID.randomUUID().toString();
    Set<String> through = tx.call(em -> {
      DatabaseVendor vendor = vendors.vendor(em);
      return Jdbc.on(em, c -> {
        List<String> all = new ArrayList<>(keys);
        for (int from = 0; from < all.size(); from += Jdbc.CHUNK) {
          List<String> chunk = all.subList(from, Math.min(all.size(), from + Jdbc.CHUNK));
          Set<String> existing = existing(c, tenant, repeatKey, chunk);
          List<String> missing = chunk.stream().filter(k -> !existing.contains(k)).toList();
          insertMissing(c, vendor, tenant, repeatKey, missing, at, token);
          moveExpired(c, vendor, tenant, repeatKey, chunk.stream().filter(existing::contains).toList(), at,
              window, token);
        }
        return mine(c, tenant, repeatKey, token);
      });
    });
    return recipients.stream().filter(r -> through.contains(r.key())).toList();
  }

  private static Set<String> existing(Connection c, TenantId tenant, String repeatKey, List<String> keys)
      throws SQLException {
    Set<String> found = new HashSet<>();
    try (PreparedStatement ps = c.prepareStatement(EXISTING + Jdbc.marks(keys.size()) + ")")) {
      ps.setString(1, tenant.value());
      ps.setString(2, repeatKey);
      Jdbc.setStrings(ps, 3, keys);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          found.add(rs.getString(1));
        }
      }
    }
    return found;
  }

  /** Inserts the entries no call wrote yet; one that a concurrent call inserted first stays its. */
  private static void insertMissing(Connection c, DatabaseVendor vendor, TenantId tenant, String repeatKey,
      List<String> missing, Instant at, String token) throws SQLException {
    if (missing.isEmpty()) {
      return;
    }
    try (PreparedStatement ps = c.prepareStatement(vendor.insertIfAbsent("simestate_alert_told",
        "tenant_id, repeat_key, recipient_key, last_at, told_by", 5))) {
      for (String recipient : missing) {
        ps.setString(1, tenant.value());
        ps.setString(2, repeatKey);
        ps.setString(3, recipient);
        Jdbc.setInstant(ps, 4, at, vendor);
        ps.setString(5, token);
        if (vendor.duplicateRaises()) {
          Jdbc.insertIfAbsent(ps, vendor); // one by one: a duplicate is an exception on this database
        } else {
          ps.addBatch();
        }
      }
      if (!vendor.duplicateRaises()) {
        ps.executeBatch();
      }
    }
  }

  /** Moves the time of the entries whose window has passed; the condition lets one concurrent call do it. */
  private static void moveExpired(Connection c, DatabaseVendor vendor, TenantId tenant, String repeatKey,
      List<String> existing, Instant at, Duration window, String token) throws SQLException {
    if (existing.isEmpty()) {
      return;
    }
    try (PreparedStatement ps = c.prepareStatement(MOVE)) {
      for (String recipient : existing) {
        Jdbc.setInstant(ps, 1, at, vendor);
        ps.setString(2, token);
        ps.setString(3, tenant.value());
        ps.setString(4, repeatKey);
        ps.setString(5, recipient);
        Jdbc.setInstant(ps, 6, at.minus(window), vendor);
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  private static Set<String> mine(Connection c, TenantId tenant, String repeatKey, String token) throws SQLException {
    Set<String> found = new HashSet<>();
    try (PreparedStatement ps = c.prepareStatement(MINE)) {
      ps.setString(1, tenant.value());
      ps.setString(2, repeatKey);
      ps.setString(3, token);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          found.add(rs.getString(1));
        }
      }
    }
    return found;
  }
}
