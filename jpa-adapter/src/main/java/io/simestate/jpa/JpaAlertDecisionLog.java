package io.simestate.jpa;

import io.simestate.core.TenantId;
import io.simestate.core.alert.AlertDecision;
import io.simestate.core.alert.AlertDecisionLog;
import io.simestate.core.alert.AlertId;
import io.simestate.core.alert.Recipient;
import io.simestate.core.alert.RoutingOutcome;
import io.simestate.core.alert.SkipReason;
import io.simestate.core.alert.SkippedContact;
import io.simestate.core.customer.ContactId;
import io.simestate.core.customer.CustomerId;
import io.simestate.core.sim.Iccid;
import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Routing decisions. The header row is inserted only if its (tenant, alert id) is new, in one
 * statement, so that of concurrent callers exactly one records; its entries follow in one batch. A
 * skipped contact's reasons share one column, separated by commas, in the order of the rules.
 */
final class JpaAlertDecisionLog implements AlertDecisionLog {

  /** The insert of decision entries, without its values. */
  static final String ENTRY_INSERT = "insert into simestate_decision_entry "
      + "(decision_id, ordinal, chosen, contact_id, name, email, skip_reason) values ";
  /** One entry row's values. */
  static final String ENTRY_VALUES = "(?, ?, ?, ?, ?, ?, ?)";

  private final JpaTransactions tx;
  private final VendorDetector vendors;

  JpaAlertDecisionLog(JpaTransactions tx, VendorDetector vendors) {
    this.tx = tx;
    this.vendors = vendors;
  }

  @Override
  public boolean record(AlertDecision decision) {
    return tx.call(em -> {
      DatabaseVendor vendor = vendors.vendor(em);
      String id = UUID.randomUUID().toString();
      String sql = vendor.insertIfAbsent("simestate_alert_decision", AlertDecisionEntity.COLUMNS, 16);
      return Jdbc.on(em, c -> {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
          bindHeader(ps, 1, id, decision, vendor);
          if (!Jdbc.insertIfAbsent(ps, vendor)) {
            return false;
          }
        }
        if (decision.chosen().isEmpty() && decision.skipped().isEmpty()) {
          return true;
        }
        try (PreparedStatement ps = c.prepareStatement(ENTRY_INSERT + ENTRY_VALUES)) {
          int ordinal = 0;
          for (Recipient r : decision.chosen()) {
            entry(ps, 1, id, ordinal++, true, r.contactId(), r.name(), r.email().toString(), null);
            ps.addBatch();
          }
          for (SkippedContact s : decision.skipped()) {
            entry(ps, 1, id, ordinal++, false, s.contactId(), s.contactName(), null, reasons(s.reasons()));
            ps.addBatch();
          }
          ps.executeBatch();
        }
        return true;
      });
    });
  }

  /** Binds a decision's header row ({@link AlertDecisionEntity#COLUMNS}) from {@code from}; returns the next index. */
  static int bindHeader(PreparedStatement ps, int from, String id, AlertDecision decision, DatabaseVendor vendor)
      throws java.sql.SQLException {
    int i = from;
    ps.setString(i++, id);
    ps.setString(i++, decision.tenantId().value());
    ps.setString(i++, decision.alert().id().value());
    i = AlertMapping.bindAlert(ps, i, decision.alert(), vendor);
    ps.setString(i++, decision.outcome().name());
    Jdbc.setString(ps, i++, decision.customerId() == null ? null : decision.customerId().toString());
    Jdbc.setString(ps, i++, Limits.fit(decision.customerName(), 400, "customerName"));
    Jdbc.setInstant(ps, i++, decision.decidedAt(), vendor);
    return i;
  }

  /**
   * Binds every entry of a decision, chosen recipients first, as consecutive rows of
   * {@link #ENTRY_VALUES} from {@code from}; returns the next index.
   */
  static int bindEntries(PreparedStatement ps, int from, String decisionId, AlertDecision decision)
      throws java.sql.SQLException {
    int i = from;
    int ordinal = 0;
    for (Recipient r : decision.chosen()) {
      i = entry(ps, i, decisionId, ordinal++, true, r.contactId(), r.name(), r.email().toString(), null);
    }
    for (SkippedContact s : decision.skipped()) {
      i = entry(ps, i, decisionId, ordinal++, false, s.contactId(), s.contactName(), null, reasons(s.reasons()));
    }
    return i;
  }

  private static int entry(PreparedStatement ps, int from, String decisionId, int ordinal, boolean chosen,
      ContactId contact, String name, String email, String reason) throws java.sql.SQLException {
    ps.setString(from, decisionId);
    ps.setInt(from + 1, ordinal);
    ps.setBoolean(from + 2, chosen);
    Jdbc.setString(ps, from + 3, contact == null ? null : contact.toString());
    Jdbc.setString(ps, from + 4, Limits.fit(name, 400, "name"));
    Jdbc.setString(ps, from + 5, email);
    Jdbc.setString(ps, from + 6, reason);
    return from + 7;
  }

  /** Every reason of a skipped contact in one column, in order: {@code ALERTS_OFF,NO_VALID_EMAIL}. */
  static String reasons(List<SkipReason> reasons) {
    return String.join(",", reasons.stream().map(SkipReason::name).toList());
  }

  static List<SkipReason> reasons(String column) {
    return java.util.Arrays.stream(column.split(",")).map(SkipReason::valueOf).toList();
  }

  @Override
  public Optional<AlertDecision> find(TenantId tenant, AlertId alertId) {
    return tx.call(em -> toDomain(em, em.createQuery(
            "select d from SimEstateAlertDecision d where d.tenantId = :tenant and d.alertId = :alert",
            AlertDecisionEntity.class)
        .setParameter("tenant", tenant.value())
        .setParameter("alert", alertId.value())
        .getResultList()).stream().findFirst());
  }

  @Override
  public List<AlertDecision> bySim(TenantId tenant, Iccid sim, int limit) {
    return tx.call(em -> toDomain(em, em.createQuery("""
            select d from SimEstateAlertDecision d where d.tenantId = :tenant and d.iccid = :iccid
            order by d.seq desc""", AlertDecisionEntity.class)
        .setParameter("tenant", tenant.value())
        .setParameter("iccid", sim.digits())
        .setMaxResults(Math.max(limit, 0))
        .getResultList()));
  }

  /** Maps headers with their entries, read in one query for all of them. */
  private static List<AlertDecision> toDomain(EntityManager em, List<AlertDecisionEntity> headers) {
    if (headers.isEmpty()) {
      return List.of();
    }
    Map<String, List<DecisionEntryEntity>> entries = new HashMap<>();
    for (DecisionEntryEntity e : em.createQuery(
            "select e from SimEstateDecisionEntry e where e.decisionId in :ids order by e.decisionId, e.ordinal",
            DecisionEntryEntity.class)
        .setParameter("ids", headers.stream().map(h -> h.id).toList())
        .getResultList()) {
      entries.computeIfAbsent(e.decisionId, k -> new ArrayList<>()).add(e);
    }
    List<AlertDecision> out = new ArrayList<>(headers.size());
    for (AlertDecisionEntity h : headers) {
      List<Recipient> chosen = new ArrayList<>();
      List<SkippedContact> skipped = new ArrayList<>();
      for (DecisionEntryEntity e : entries.getOrDefault(h.id, List.of())) {
        ContactId contact = e.contactId == null ? null : new ContactId(UUID.fromString(e.contactId));
        if (e.chosen) {
          chosen.add(new Recipient(contact, e.name, CustomerMapping.email(e.email)));
        } else {
          skipped.add(new SkippedContact(contact, e.name, reasons(e.skipReason)));
        }
      }
      out.add(new AlertDecision(TenantId.of(h.tenantId),
          AlertMapping.alert(h.alertId, h.iccid, h.alertKind, h.raisedAt, h.period, h.used, h.limit, h.unit,
              h.percent, h.plan),
          RoutingOutcome.valueOf(h.outcome),
          h.customerId == null ? null : new CustomerId(UUID.fromString(h.customerId)), h.customerName, chosen,
          skipped, h.decidedAt));
    }
    return out;
  }
}
