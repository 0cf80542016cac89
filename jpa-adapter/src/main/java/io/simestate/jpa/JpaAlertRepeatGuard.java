package io.simestate.jpa;

import io.simestate.core.TenantId;
import io.simestate.core.alert.AlertRepeatGuard;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;

/**
 * Alert de-duplication with two conditional statements: move the key's time forward if the window
 * has passed, else insert the key if it is new. Row locks let one of concurrent callers through.
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
        try (PreparedStatement ps = c.prepareStatement("update simestate_alert_repeat set last_at = ? "
            + "where tenant_id = ? and repeat_key = ? and last_at <= ?")) {
          Jdbc.setInstant(ps, 1, at, vendor);
          ps.setString(2, tenant.value());
          ps.setString(3, repeatKey);
          Jdbc.setInstant(ps, 4, at.minus(window), vendor);
          if (ps.executeUpdate() == 1) {
            return true;
          }
        }
        try (PreparedStatement ps = c.prepareStatement(
            vendor.insertIfAbsent("simestate_alert_repeat", "tenant_id, repeat_key, last_at", 3))) {
          ps.setString(1, tenant.value());
          ps.setString(2, repeatKey);
          Jdbc.setInstant(ps, 3, at, vendor);
          return Jdbc.insertIfAbsent(ps, vendor);
        }
      });
    });
  }
}
