package io.simestate.jpa;

import io.simestate.core.TenantId;
import io.simestate.core.alert.AlertRepeatGuard;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;

/**
 * Alert de-duplication: a key seen before moves its time forward in one conditional update (the row
 * lock lets one of concurrent callers through); a new key is inserted unless a concurrent caller
 * inserted it first. The key is looked up without a lock first, so that no statement takes a gap
 * lock on a missing key (which deadlocks concurrent first alerts on MariaDB).
 */
final class JpaAlertRepeatGuard implements AlertRepeatGuard {

  private final JpaTransactions tx;
  private final VendorDetector vendors;

  JpaAlertRepeatGuard(JpaTransactions tx, VendorDetector vendors) {
    this.tx = tx;
    this.vendors = vendors;
  }

  @Override
  public boolean firstWithin(TenantId tenant, String key, Instant at, Duration window) {
    String repeatKey = Limits.fit(key, 300, "repeatKey");
    return tx.call(em -> {
      DatabaseVendor vendor = vendors.vendor(em);
      return Jdbc.on(em, c -> {
        boolean exists;
        try (PreparedStatement ps = c.prepareStatement(
            "select count(*) from simestate_alert_repeat where tenant_id = ? and repeat_key = ?")) {
          ps.setString(1, tenant.value());
          ps.setString(2, repeatKey);
          try (ResultSet rs = ps.executeQuery()) {
            rs.next();
            exists = rs.getLong(1) > 0;
          }
        }
        if (!exists) {
          try (PreparedStatement ps = c.prepareStatement(
              vendor.insertIfAbsent("simestate_alert_repeat", "tenant_id, repeat_key, last_at", 3))) {
            ps.setString(1, tenant.value());
            ps.setString(2, repeatKey);
            Jdbc.setInstant(ps, 3, at, vendor);
            // Not inserted: a concurrent caller just let the first alert for this key through.
            return Jdbc.insertIfAbsent(ps, vendor);
          }
        }
        try (PreparedStatement ps = c.prepareStatement("update simestate_alert_repeat set last_at = ? "
            + "where tenant_id = ? and repeat_key = ? and last_at <= ?")) {
          Jdbc.setInstant(ps, 1, at, vendor);
          ps.setString(2, tenant.value());
          ps.setString(3, repeatKey);
          Jdbc.setInstant(ps, 4, at.minus(window), vendor);
          return ps.executeUpdate() == 1;
        }
      });
    });
  }
}
