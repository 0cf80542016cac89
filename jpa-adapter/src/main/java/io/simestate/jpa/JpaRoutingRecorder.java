package io.simestate.jpa;

import io.simestate.core.alert.AlertDecision;
import io.simestate.core.alert.Delivery;
import io.simestate.core.alert.RecordedRouting;
import io.simestate.core.alert.Recipient;
import io.simestate.core.alert.RoutingPlan;
import io.simestate.core.alert.RoutingRecorder;
import io.simestate.core.audit.AuditEvent;
import io.simestate.core.sim.IccidRange;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Records a routing in two statements on PostgreSQL, whatever the number of recipients: the first
 * inserts the decision's header unless its (tenant, alert id) exists (the idempotency check: of
 * concurrent callers exactly one inserts) and, only if it did, the repeat guard's entries with an
 * upsert that moves an entry's time only where its window has passed and returns the recipients let
 * through (the row lock makes one of concurrent callers win); the second writes the entries, the
 * deliveries, the audit event and, where every recipient was told already, the header's outcome, as
 * data-modifying common table expressions. Rows are written in key order, so that concurrent calls
 * wait instead of deadlocking. On H2, three statements: the header, the repeat guard as one
 * {@code merge}, and the rest as one command list (see {@link #onH2}). On MariaDB, and for a decision
 * with very many entries (the statement's bind parameters are limited), the stores are called in turn.
 */
final class JpaRoutingRecorder implements RoutingRecorder {

  /** Most entries (chosen and skipped) one routing writes in the two statements; beyond, the stores in turn. */
  static final int MAX_ENTRIES = 500;

  private static final String TOLD = """
      , t as (
        insert into simestate_alert_told (tenant_id, repeat_key, recipient_key, last_at, told_by)
        select cast(? as varchar), cast(? as varchar), v.k, cast(? as timestamptz), cast(? as varchar)
        from d cross join (values %s) as v(k)
        order by v.k
        on conflict (tenant_id, repeat_key, recipient_key)
        do update set last_at = excluded.last_at, told_by = excluded.told_by
        where simestate_alert_told.last_at <= cast(? as timestamptz)
        returning recipient_key)
      select 'd', d.id from d union all select 't', t.recipient_key from t""";

  /**
   * The repeat guard on H2: inserts the missing entries and moves those whose window has passed;
   * its final table is what it wrote, the recipients let through. A row another transaction
   * inserted first raises 23505.
   */
  private static final String H2_TOLD_HEAD =
      "select recipient_key from final table (merge into simestate_alert_told o using (values ";
  private static final String H2_TOLD_TAIL = """
      ) as v(k)
        on o.tenant_id = ? and o.repeat_key = ? and o.recipient_key = v.k
        when matched and o.last_at <= ? then update set last_at = ?, told_by = ?
        when not matched then insert (tenant_id, repeat_key, recipient_key, last_at, told_by)
          values (?, ?, v.k, ?, ?))""";

  private final JpaTransactions tx;
  private final VendorDetector vendors;
  private final RoutingRecorder stores;

  JpaRoutingRecorder(JpaTransactions tx, VendorDetector vendors, RoutingRecorder stores) {
    this.tx = tx;
    this.vendors = vendors;
    this.stores = stores;
  }

  @Override
  public Optional<RecordedRouting> record(RoutingPlan plan) {
    AlertDecision eligible = plan.eligible();
    if (eligible.chosen().size() + eligible.skipped().size() > MAX_ENTRIES) {
      return stores.record(plan);
    }
    return tx.call(em -> {
      DatabaseVendor vendor = vendors.vendor(em);
      if (vendor == DatabaseVendor.H2) {
        return Jdbc.on(em, c -> onH2(c, plan)).orElseGet(() -> stores.record(plan));
      }
      if (vendor != DatabaseVendor.POSTGRESQL) {
        return stores.record(plan);
      }
      return Jdbc.on(em, c -> {
        String decisionId = UUID.randomUUID().toString();
        Set<String> through = headerAndRepeatGuard(c, vendor, decisionId, plan);
        if (through == null) {
          return Optional.<RecordedRouting>empty();
        }
        RecordedRouting routing = plan.recorded(through);
        return Optional.of(routing.withDeliveries(rest(c, vendor, decisionId, routing, eligible)));
      });
    });
  }

  /**
   * The routing on H2, in three statements behind a savepoint: the header (a duplicate alert id
   * raises 23505: recorded before, nothing written), the repeat guard as one {@code merge} whose
   * {@code final table} is the recipients let through, and the rest (entries, deliveries, the
   * header's outcome if it changed, the audit event and its SIM rows) as one command list.
   * Answers empty to mean "use the stores in turn": where a concurrent call wrote a repeat-guard
   * row or a delivery of this alert first (23505), everything since the savepoint is undone and the
   * stores, which skip such rows one by one, take over.
   */
  private static Optional<Optional<RecordedRouting>> onH2(Connection c, RoutingPlan plan) throws SQLException {
    DatabaseVendor vendor = DatabaseVendor.H2;
    AlertDecision eligible = plan.eligible();
    String decisionId = UUID.randomUUID().toString();
    Savepoint before = c.setSavepoint();
    try {
      try (PreparedStatement ps = c.prepareStatement(
          vendor.insertIfAbsent("simestate_alert_decision", AlertDecisionEntity.COLUMNS, 16))) {
        JpaAlertDecisionLog.bindHeader(ps, 1, decisionId, eligible, vendor);
        if (!Jdbc.insertIfAbsent(ps, vendor)) {
          c.releaseSavepoint(before);
          return Optional.of(Optional.empty());
        }
      }
      RecordedRouting routing = plan.recorded(toldOnH2(c, plan));
      restOnH2(c, decisionId, routing, eligible);
      c.releaseSavepoint(before);
      return Optional.of(Optional.of(routing));
    } catch (SQLException e) {
      if (!"23505".equals(e.getSQLState())) {
        throw e;
      }
      c.rollback(before);
      return Optional.empty();
    }
  }

  /** The repeat guard on H2: one merge; its final table holds the rows it inserted or moved. */
  private static Set<String> toldOnH2(Connection c, RoutingPlan plan) throws SQLException {
    AlertDecision eligible = plan.eligible();
    if (eligible.chosen().isEmpty()) {
      return Set.of();
    }
    TreeSet<String> keys = new TreeSet<>();
    for (Recipient r : eligible.chosen()) {
      keys.add(Limits.fit(r.key(), 300, "recipient"));
    }
    String sql = H2_TOLD_HEAD + Jdbc.rows(keys.size(), "(cast(? as varchar))") + H2_TOLD_TAIL;
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      int i = 1;
      for (String key : keys) {
        ps.setString(i++, key);
      }
      String tenant = eligible.tenantId().value();
      String repeatKey = Limits.fit(plan.repeatKey().text(), 300, "repeatKey");
      String token = UUID.randomUUID().toString();
      ps.setString(i++, tenant);
      ps.setString(i++, repeatKey);
      Jdbc.setInstant(ps, i++, plan.raisedAt().minus(plan.repeatWindow()), DatabaseVendor.H2);
      Jdbc.setInstant(ps, i++, plan.raisedAt(), DatabaseVendor.H2);
      ps.setString(i++, token);
      ps.setString(i++, tenant);
      ps.setString(i++, repeatKey);
      Jdbc.setInstant(ps, i++, plan.raisedAt(), DatabaseVendor.H2);
      ps.setString(i, token);
      Set<String> through = new HashSet<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          through.add(rs.getString(1));
        }
      }
      return through;
    }
  }

  /**
   * The rest on H2 as one command list (H2 runs statements separated by {@code ;} in one call, with
   * the parameters numbered across them): entries, deliveries, the outcome if it changed, the audit
   * event and, where its SIMs form no range, their rows.
   */
  private static void restOnH2(Connection c, String decisionId, RecordedRouting routing, AlertDecision eligible)
      throws SQLException {
    DatabaseVendor vendor = DatabaseVendor.H2;
    AlertDecision decision = routing.decision();
    AuditEvent event = routing.event();
    int entries = decision.chosen().size() + decision.skipped().size();
    List<Delivery> deliveries = routing.deliveries();
    boolean outcomeChanged = decision.outcome() != eligible.outcome();
    IccidRange range = Ranges.asRange(event.sims()).orElse(null);
    boolean simRows = range == null && !event.sims().isEmpty();
    List<String> sql = new ArrayList<>(5);
    if (entries > 0) {
      sql.add(JpaAlertDecisionLog.ENTRY_INSERT + Jdbc.rows(entries, JpaAlertDecisionLog.ENTRY_VALUES));
    }
    if (!deliveries.isEmpty()) {
      sql.add("insert into simestate_delivery (" + DeliveryEntity.COLUMNS + ") values "
          + Jdbc.rows(deliveries.size(), "(" + Jdbc.marks(26) + ")"));
    }
    if (outcomeChanged) {
      sql.add("update simestate_alert_decision set outcome = ? where id = ?");
    }
    sql.add("insert into simestate_audit_event (" + JpaAuditTrail.EVENT_COLUMNS + ") values (" + Jdbc.marks(11) + ")");
    if (simRows) {
      sql.add("insert into simestate_audit_sim (event_id, ordinal, iccid) values "
          + Jdbc.rows(event.sims().size(), "(?, ?, ?)"));
    }
    try (PreparedStatement ps = c.prepareStatement(String.join(";\n", sql))) {
      bindRest(ps, vendor, decisionId, routing, outcomeChanged, range, simRows);
      ps.executeUpdate();
    }
  }

  /**
   * Binds the rest of a routing in the order both databases' statements list it: every entry, every
   * delivery, the outcome if it changed, the audit event (its SIMs as {@code range} where they form
   * one) and, if {@code simRows}, one row per SIM.
   */
  private static void bindRest(PreparedStatement ps, DatabaseVendor vendor, String decisionId, RecordedRouting routing,
      boolean outcomeChanged, IccidRange range, boolean simRows) throws SQLException {
    AlertDecision decision = routing.decision();
    AuditEvent event = routing.event();
    int i = 1;
    if (decision.chosen().size() + decision.skipped().size() > 0) {
      i = JpaAlertDecisionLog.bindEntries(ps, i, decisionId, decision);
    }
    for (Delivery d : routing.deliveries()) {
      i = JpaDeliveryOutbox.bind(ps, i, d, vendor);
    }
    if (outcomeChanged) {
      ps.setString(i++, decision.outcome().name());
      ps.setString(i++, decisionId);
    }
    i = JpaAuditTrail.bindEvent(ps, i, event, range, vendor);
    if (simRows) {
      JpaAuditTrail.bindSimRows(ps, i, event);
    }
  }

  /**
   * The first statement: the header and the repeat guard. Answers the keys of the recipients let
   * through, or null if the alert id was recorded before (then nothing was written).
   */
  private static Set<String> headerAndRepeatGuard(Connection c, DatabaseVendor vendor, String decisionId,
      RoutingPlan plan) throws SQLException {
    AlertDecision eligible = plan.eligible();
    TreeSet<String> keys = new TreeSet<>();
    for (Recipient r : eligible.chosen()) {
      keys.add(Limits.fit(r.key(), 300, "recipient"));
    }
    String header = "with d as (" + vendor.insertIfAbsent("simestate_alert_decision", AlertDecisionEntity.COLUMNS, 16)
        + " returning id)";
    String sql = keys.isEmpty() ? header + " select 'd', d.id from d"
        : header + TOLD.formatted(Jdbc.rows(keys.size(), "(cast(? as varchar))"));
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      int i = JpaAlertDecisionLog.bindHeader(ps, 1, decisionId, eligible, vendor);
      if (!keys.isEmpty()) {
        ps.setString(i++, eligible.tenantId().value());
        ps.setString(i++, Limits.fit(plan.repeatKey().text(), 300, "repeatKey"));
        Jdbc.setInstant(ps, i++, plan.raisedAt(), vendor);
        ps.setString(i++, UUID.randomUUID().toString());
        for (String key : keys) {
          ps.setString(i++, key);
        }
        Jdbc.setInstant(ps, i, plan.raisedAt().minus(plan.repeatWindow()), vendor);
      }
      boolean recorded = false;
      Set<String> through = new HashSet<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          if ("d".equals(rs.getString(1))) {
            recorded = true;
          } else {
            through.add(rs.getString(2));
          }
        }
      }
      return recorded ? through : null;
    }
  }

  /**
   * The second statement: entries, deliveries, audit event and, if it changed, the header's outcome.
   * Answers the deliveries inserted.
   */
  private static List<Delivery> rest(Connection c, DatabaseVendor vendor, String decisionId, RecordedRouting routing,
      AlertDecision eligible) throws SQLException {
    AlertDecision decision = routing.decision();
    AuditEvent event = routing.event();
    int entries = decision.chosen().size() + decision.skipped().size();
    List<Delivery> deliveries = routing.deliveries();
    boolean outcomeChanged = decision.outcome() != eligible.outcome();
    boolean simRows = Ranges.asRange(event.sims()).isEmpty() && !event.sims().isEmpty();
    List<String> parts = new ArrayList<>(5);
    if (entries > 0) {
      parts.add("e as (" + JpaAlertDecisionLog.ENTRY_INSERT
          + Jdbc.rows(entries, JpaAlertDecisionLog.ENTRY_VALUES) + ")");
    }
    if (!deliveries.isEmpty()) {
      String values = "(" + Jdbc.marks(26) + ")";
      parts.add("o as (insert into simestate_delivery (" + DeliveryEntity.COLUMNS + ") values "
          + Jdbc.rows(deliveries.size(), values)
          + " on conflict do nothing returning id)");
    }
    if (outcomeChanged) {
      parts.add("u as (update simestate_alert_decision set outcome = ? where id = ?)");
    }
    parts.add("a as (insert into simestate_audit_event (" + JpaAuditTrail.EVENT_COLUMNS + ") values ("
        + Jdbc.marks(11) + "))");
    if (simRows) {
      parts.add("s as (insert into simestate_audit_sim (event_id, ordinal, iccid) values "
          + Jdbc.rows(event.sims().size(), "(?, ?, ?)") + ")");
    }
    String sql = "with " + String.join(", ", parts) + (deliveries.isEmpty() ? " select null" : " select id from o");
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      bindRest(ps, vendor, decisionId, routing, outcomeChanged, Ranges.asRange(event.sims()).orElse(null), simRows);
      Set<String> inserted = new HashSet<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          if (rs.getString(1) != null) {
            inserted.add(rs.getString(1));
          }
        }
      }
      return inserted.size() == deliveries.size() ? deliveries
          : deliveries.stream().filter(d -> inserted.contains(d.id().toString())).toList();
    }
  }
}
