package io.simestate.jpa;

import io.simestate.core.Actor;
import io.simestate.core.InvalidInputException;
import io.simestate.core.TenantId;
import io.simestate.core.audit.AuditEvent;
import io.simestate.core.audit.AuditEventType;
import io.simestate.core.audit.AuditTrail;
import io.simestate.core.customer.CustomerId;
import io.simestate.core.sim.Iccid;
import io.simestate.core.sim.IccidRange;
import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The administrative record. An event's SIMs are kept as the two ends of an {@link IccidRange} (a
 * million SIMs cost two columns) when they form one (see {@link Ranges}), otherwise as rows written in
 * JDBC batches.
 */
final class JpaAuditTrail implements AuditTrail {

  private static final int MAX_SUMMARY = 4000;
  static final String EVENT_COLUMNS =
      "id, tenant_id, event_type, actor, occurred_at, customer_id, summary, sim_count, range_first, range_last, "
          + "range_length";
  /**
   * The values of {@link #EVENT_COLUMNS} as a PostgreSQL select list, each parameter cast to its
   * column's type (parameters in a select list have no type of their own).
   */
  static final String EVENT_VALUES_CAST_FOR_POSTGRESQL = "cast(? as varchar), cast(? as varchar), "
      + "cast(? as varchar), cast(? as varchar), cast(? as timestamptz), cast(? as varchar), cast(? as varchar), "
      + "cast(? as bigint), cast(? as varchar), cast(? as varchar), cast(? as integer)";

  private final JpaTransactions tx;
  private final VendorDetector vendors;

  JpaAuditTrail(JpaTransactions tx, VendorDetector vendors) {
    this.tx = tx;
    this.vendors = vendors;
  }

  /**
   * Binds an event's row ({@link #EVENT_COLUMNS}) from {@code from}, its SIMs as {@code range} where
   * they form one; returns the next index.
   */
  static int bindEvent(PreparedStatement ps, int from, AuditEvent event, IccidRange range, DatabaseVendor vendor)
      throws java.sql.SQLException {
    ps.setString(from, event.id().toString());
    ps.setString(from + 1, event.tenantId().value());
    ps.setString(from + 2, event.type().name());
    ps.setString(from + 3, event.actor().name());
    Jdbc.setInstant(ps, from + 4, event.at(), vendor);
    Jdbc.setString(ps, from + 5, event.customerId() == null ? null : event.customerId().toString());
    ps.setString(from + 6, Limits.cut(event.summary(), MAX_SUMMARY));
    ps.setLong(from + 7, event.sims().size());
    Jdbc.setString(ps, from + 8, range == null ? null : range.first().digits());
    Jdbc.setString(ps, from + 9, range == null ? null : range.last().digits());
    if (range == null) {
      ps.setNull(from + 10, java.sql.Types.INTEGER);
    } else {
      ps.setInt(from + 10, range.first().length());
    }
    return from + 11;
  }

  /**
   * Binds one {@code (event_id, ordinal, iccid)} row per SIM of an event from {@code from}, for a
   * multi-row insert into {@code simestate_audit_sim}; returns the next index.
   */
  static int bindSimRows(PreparedStatement ps, int from, AuditEvent event) throws java.sql.SQLException {
    int i = from;
    int ordinal = 0;
    for (Iccid sim : event.sims()) {
      ps.setString(i++, event.id().toString());
      ps.setInt(i++, ordinal++);
      ps.setString(i++, sim.digits());
    }
    return i;
  }

  @Override
  public void publish(AuditEvent event) {
    InvalidInputException.requirePresent(event, "event");
    tx.execute(em -> {
      DatabaseVendor vendor = vendors.vendor(em);
      Collection<Iccid> sims = event.sims();
      IccidRange range = Ranges.asRange(sims).orElse(null);
      Jdbc.on(em, c -> {
        try (PreparedStatement ps = c.prepareStatement("insert into simestate_audit_event (" + EVENT_COLUMNS
            + ") values (" + Jdbc.marks(11) + ")")) {
          bindEvent(ps, 1, event, range, vendor);
          ps.executeUpdate();
        }
        if (range == null && !sims.isEmpty()) {
          try (PreparedStatement ps = c.prepareStatement(
              "insert into simestate_audit_sim (event_id, ordinal, iccid) values (?, ?, ?)")) {
            int ordinal = 0;
            for (Iccid sim : sims) {
              ps.setString(1, event.id().toString());
              ps.setInt(2, ordinal++);
              ps.setString(3, sim.digits());
              ps.addBatch();
              if (ordinal % Jdbc.CHUNK == 0) {
                ps.executeBatch();
              }
            }
            if (ordinal % Jdbc.CHUNK != 0) {
              ps.executeBatch();
            }
          }
        }
        return null;
      });
    });
  }

  @Override
  public List<AuditEvent> forCustomer(TenantId tenant, CustomerId customer, int limit) {
    InvalidInputException.requirePresent(tenant, "tenantId");
    InvalidInputException.requirePresent(customer, "customerId");
    io.simestate.core.Limits.historySize(limit);
    return tx.call(em -> toDomain(em, em.createQuery("""
            select e from SimEstateAuditEvent e where e.tenantId = :tenant and e.customerId = :customer
            order by e.seq desc""", AuditEventEntity.class)
        .setParameter("tenant", tenant.value())
        .setParameter("customer", customer.toString())
        .setMaxResults(limit)
        .getResultList()));
  }

  @Override
  public List<AuditEvent> forSim(TenantId tenant, Iccid sim, int limit) {
    InvalidInputException.requirePresent(tenant, "tenantId");
    InvalidInputException.requirePresent(sim, "iccid");
    io.simestate.core.Limits.historySize(limit);
    return tx.call(em -> {
      // Candidates: events that list the SIM, and ranges whose ends enclose it. A range that walks
      // the check digits holds only members with a valid one, so candidates are checked in Java.
      List<AuditEventEntity> found = new ArrayList<>();
      int offset = 0;
      int pageSize = Math.max(limit, 50);
      while (found.size() < limit) {
        List<AuditEventEntity> page = em.createQuery("""
                select e from SimEstateAuditEvent e
                where e.tenantId = :tenant
                  and (e.id in (select s.eventId from SimEstateAuditSim s where s.iccid = :iccid)
                       or (e.rangeLength = :length and e.rangeFirst <= :iccid and e.rangeLast >= :iccid))
                order by e.seq desc""", AuditEventEntity.class)
            .setParameter("tenant", tenant.value())
            .setParameter("iccid", sim.digits())
            .setParameter("length", sim.length())
            .setFirstResult(offset)
            .setMaxResults(pageSize)
            .getResultList();
        for (AuditEventEntity e : page) {
          if (e.rangeFirst == null || range(e).contains(sim)) {
            found.add(e);
            if (found.size() == limit) {
              break;
            }
          }
        }
        if (page.size() < pageSize) {
          break;
        }
        offset += pageSize;
      }
      return toDomain(em, found);
    });
  }

  @Override
  public List<AuditEvent> recent(TenantId tenant, int limit) {
    InvalidInputException.requirePresent(tenant, "tenantId");
    io.simestate.core.Limits.historySize(limit);
    return tx.call(em -> toDomain(em, em.createQuery(
            "select e from SimEstateAuditEvent e where e.tenantId = :tenant order by e.seq desc",
            AuditEventEntity.class)
        .setParameter("tenant", tenant.value())
        .setMaxResults(limit)
        .getResultList()));
  }

  private static IccidRange range(AuditEventEntity e) {
    return IccidRange.of(Iccid.parse(e.rangeFirst), Iccid.parse(e.rangeLast));
  }

  /** Maps events, reading the SIM lists of all of them in one query. */
  private static List<AuditEvent> toDomain(EntityManager em, List<AuditEventEntity> events) {
    if (events.isEmpty()) {
      return List.of();
    }
    List<String> listed = events.stream().filter(e -> e.rangeFirst == null && e.simCount > 0).map(e -> e.id).toList();
    Map<String, List<Iccid>> sims = new HashMap<>();
    if (!listed.isEmpty()) {
      List<Object[]> rows = em.createQuery("""
              select s.eventId, s.iccid from SimEstateAuditSim s where s.eventId in :ids
              order by s.eventId, s.ordinal""", Object[].class)
          .setParameter("ids", listed)
          .getResultList();
      for (Object[] row : rows) {
        sims.computeIfAbsent((String) row[0], k -> new ArrayList<>()).add(Iccid.parse((String) row[1]));
      }
    }
    List<AuditEvent> out = new ArrayList<>(events.size());
    for (AuditEventEntity e : events) {
      Collection<Iccid> eventSims = e.rangeFirst != null ? range(e) : sims.getOrDefault(e.id, List.of());
      out.add(new AuditEvent(UUID.fromString(e.id), TenantId.of(e.tenantId), AuditEventType.valueOf(e.type),
          Actor.of(e.actor), e.at, e.customerId == null ? null : new CustomerId(UUID.fromString(e.customerId)),
          eventSims, e.summary));
    }
    return out;
  }
}
