package io.simestate.jpa;

import io.simestate.core.AlertKind;
import io.simestate.core.alert.AlertId;
import io.simestate.core.alert.Usage;
import io.simestate.core.alert.UsageAlert;
import io.simestate.core.sim.Iccid;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;

/**
 * Maps a usage alert to its columns ({@code alert_id, iccid, alert_kind, raised_at, usage_period,
 * usage_used, usage_limit, usage_unit, usage_percent, usage_plan}) and back. Figures are kept as
 * text, so that {@code 950.0} stays {@code 950.0}.
 */
final class AlertMapping {

  private AlertMapping() {}

  /** Binds the alert's columns after the alert id, from {@code index}; all null for no alert. */
  static int bindAlert(PreparedStatement ps, int index, UsageAlert alert, DatabaseVendor vendor) throws SQLException {
    Usage u = alert == null ? Usage.NONE : alert.usage();
    Jdbc.setString(ps, index++, alert == null ? null : alert.iccid().digits());
    Jdbc.setString(ps, index++, alert == null ? null : alert.kind().name());
    Jdbc.setInstant(ps, index++, alert == null ? null : alert.raisedAt(), vendor);
    Jdbc.setString(ps, index++, alert == null ? null : alert.period());
    Jdbc.setString(ps, index++, text(u.used()));
    Jdbc.setString(ps, index++, text(u.limit()));
    Jdbc.setString(ps, index++, Limits.fit(u.unit(), 100, "usage.unit"));
    Jdbc.setString(ps, index++, text(u.percent()));
    Jdbc.setString(ps, index++, Limits.fit(u.plan(), 400, "usage.plan"));
    return index;
  }

  static UsageAlert alert(String alertId, String iccid, String kind, Instant raisedAt, String period, String used,
      String limit, String unit, String percent, String plan) {
    Usage usage = new Usage(number(used), number(limit), unit, number(percent), plan);
    return new UsageAlert(AlertId.of(alertId), Iccid.parse(iccid), AlertKind.valueOf(kind), raisedAt, period,
        usage.isEmpty() ? Usage.NONE : usage);
  }

  private static String text(BigDecimal value) {
    return value == null ? null : Limits.fit(value.toString(), 100, "usage");
  }

  private static BigDecimal number(String text) {
    return text == null ? null : new BigDecimal(text);
  }
}
