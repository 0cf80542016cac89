package io.simestate.jpa;

import io.simestate.core.InvalidInputException;
import io.simestate.core.NotFoundException;
import io.simestate.core.TenantId;
import io.simestate.core.alert.AlertId;
import io.simestate.core.alert.Delivery;
import io.simestate.core.alert.DeliveryId;
import io.simestate.core.alert.DeliveryKind;
import io.simestate.core.alert.DeliveryOutbox;
import io.simestate.core.alert.DeliveryStatus;
import io.simestate.core.alert.Recipient;
import io.simestate.core.customer.ContactId;
import io.simestate.core.customer.CustomerId;
import io.simestate.core.sim.Iccid;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The outbox. New deliveries are inserted unless their (tenant, alert id, recipient key) exists;
 * due deliveries are claimed with {@code SELECT … FOR UPDATE SKIP LOCKED} in the caller's
 * transaction (the dispatcher's claim transaction, which also counts the first attempts; one of its
 * own if none runs), so concurrent dispatchers never share a delivery. Updates of claimed deliveries
 * take many ids in one statement where the port allows it.
 */
final class JpaDeliveryOutbox implements DeliveryOutbox {

  private static final int MAX_ERROR = 2000;

  /**
   * A common table expression that sets {@code synchronous_commit} off for the current transaction on
   * PostgreSQL, what {@link DeliveryOutbox#relaxDurabilityOfResults()} asks for. The statements that
   * record a result (here and in {@link JpaSentRecorder}) carry it, joined to the row they change,
   * instead of a {@code set local} statement of its own, which would cost a round trip per message;
   * so every transaction that records a result commits without waiting for the disk.
   */
  static final String RELAXED = "relaxed as (select set_config('synchronous_commit', 'off', true))";

  private final JpaTransactions tx;
  private final VendorDetector vendors;

  JpaDeliveryOutbox(JpaTransactions tx, VendorDetector vendors) {
    this.tx = tx;
    this.vendors = vendors;
  }

  @Override
  public List<Delivery> enqueue(List<Delivery> deliveries) {
    if (deliveries.isEmpty()) {
      return List.of();
    }
    return tx.call(em -> {
      DatabaseVendor vendor = vendors.vendor(em);
      String sql = vendor.insertIfAbsent("simestate_delivery", DeliveryEntity.COLUMNS, 26);
      return Jdbc.on(em, c -> {
        List<Delivery> recorded = new ArrayList<>(deliveries.size());
        try (PreparedStatement ps = c.prepareStatement(sql)) {
          for (Delivery d : deliveries) {
            bind(ps, 1, d, vendor);
            if (Jdbc.insertIfAbsent(ps, vendor)) {
              recorded.add(d);
            }
          }
        }
        return recorded;
      });
    });
  }

  /** Binds a delivery's row ({@link DeliveryEntity#COLUMNS}) from {@code from}; returns the next index. */
  static int bind(PreparedStatement ps, int from, Delivery d, DatabaseVendor vendor) throws java.sql.SQLException {
    Recipient r = d.recipient();
    int i = from;
    ps.setString(i++, d.id().toString());
    ps.setString(i++, d.tenantId().value());
    ps.setString(i++, d.kind().name());
    ps.setString(i++, d.alertId().value());
    i = AlertMapping.bindAlert(ps, i, d.alert(), vendor);
    Jdbc.setString(ps, i++, d.customerId() == null ? null : d.customerId().toString());
    Jdbc.setString(ps, i++, Limits.fit(d.customerName(), 400, "customerName"));
    Jdbc.setString(ps, i++, r.contactId() == null ? null : r.contactId().toString());
    ps.setString(i++, Limits.fit(r.name(), 400, "recipient.name"));
    ps.setString(i++, r.email().toString());
    ps.setString(i++, Limits.fit(d.recipientKey(), 300, "recipient"));
    Jdbc.setString(ps, i++, Limits.fit(d.digestKey(), 400, "digestKey"));
    ps.setString(i++, d.status().name());
    ps.setInt(i++, d.attempts());
    Jdbc.setInstant(ps, i++, d.createdAt(), vendor);
    Jdbc.setInstant(ps, i++, d.nextAttemptAt(), vendor);
    Jdbc.setInstant(ps, i++, d.sentAt(), vendor);
    Jdbc.setString(ps, i++, Limits.cut(d.lastError(), MAX_ERROR));
    return i;
  }

  @Override
  public List<Delivery> claimDue(Instant now, int max, Duration lease, String claim) {
    if (max < 1) {
      throw InvalidInputException.of("max", "must be at least 1");
    }
    InvalidInputException.requirePresent(claim, "claim");
    return tx.call(em -> {
      DatabaseVendor vendor = vendors.vendor(em);
      // One locking query per status keeps each to an index range (status, next_attempt_at) read in
      // order, so it locks only the rows it returns. The rows stay locked by this transaction; they are
      // read with plain JDBC, so no entity is managed that the persistence context could write or
      // answer a later read with.
      List<DeliveryEntity> due = Jdbc.on(em, c -> {
        List<DeliveryEntity> rows = lockDue(c, vendor, DeliveryStatus.PENDING, now, max);
        rows.addAll(lockDue(c, vendor, DeliveryStatus.IN_FLIGHT, now, max));
        return rows;
      });
      due.sort(Comparator.comparing((DeliveryEntity e) -> e.nextAttemptAt).thenComparing(e -> e.seq));
      Instant leaseUntil = now.plus(lease);
      List<Delivery> claimed = new ArrayList<>(Math.min(max, due.size()));
      for (DeliveryEntity e : due.subList(0, Math.min(max, due.size()))) {
        claimed.add(toDomain(e).claimed(leaseUntil));
      }
      markClaimed(em, vendor, claimed, leaseUntil, claim);
      return claimed;
    });
  }

  /** Marks the locked deliveries in flight under the claim: one statement per {@link Jdbc#CHUNK}. */
  private static void markClaimed(EntityManager em, DatabaseVendor vendor, List<Delivery> claimed, Instant leaseUntil,
      String claim) {
    Jdbc.on(em, c -> {
      for (int from = 0; from < claimed.size(); from += Jdbc.CHUNK) {
        List<Delivery> chunk = claimed.subList(from, Math.min(claimed.size(), from + Jdbc.CHUNK));
        try (PreparedStatement ps = c.prepareStatement("update simestate_delivery set status = 'IN_FLIGHT', "
            + "next_attempt_at = ?, claim_token = ? where id in (" + Jdbc.marks(chunk.size()) + ")")) {
          Jdbc.setInstant(ps, 1, leaseUntil, vendor);
          ps.setString(2, claim);
          int i = 3;
          for (Delivery d : chunk) {
            ps.setString(i++, d.id().toString());
          }
          if (ps.executeUpdate() != chunk.size()) {
            throw new IllegalStateException("a locked delivery of the claim was not found by its id");
          }
        }
      }
      return null;
    });
  }

  private static List<DeliveryEntity> lockDue(Connection c, DatabaseVendor vendor, DeliveryStatus status,
      Instant now, int max) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("select " + READ_COLUMNS + " from simestate_delivery "
        + "where status = ? and next_attempt_at <= ? order by next_attempt_at, seq"
        + vendor.limitForUpdateSkipLocked())) {
      ps.setString(1, status.name());
      Jdbc.setInstant(ps, 2, now, vendor);
      ps.setInt(3, max);
      return rows(ps, vendor);
    }
  }

  /**
   * The columns a delivery is read with by {@link #rows}: {@link DeliveryEntity#COLUMNS}, then its
   * sequence number.
   */
  private static final String READ_COLUMNS = DeliveryEntity.COLUMNS + ", seq";

  /**
   * Runs a query that selects {@link #READ_COLUMNS} and reads each row into an entity that no
   * persistence context manages, mapped to the domain by {@link #toDomain} as a loaded one is.
   */
  private static List<DeliveryEntity> rows(PreparedStatement ps, DatabaseVendor vendor) throws SQLException {
    List<DeliveryEntity> rows = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        DeliveryEntity e = new DeliveryEntity();
        int i = 1;
        e.id = rs.getString(i++);
        e.tenantId = rs.getString(i++);
        e.kind = rs.getString(i++);
        e.alertId = rs.getString(i++);
        e.iccid = rs.getString(i++);
        e.alertKind = rs.getString(i++);
        e.raisedAt = Jdbc.getInstant(rs, i++, vendor);
        e.period = rs.getString(i++);
        e.used = rs.getString(i++);
        e.limit = rs.getString(i++);
        e.unit = rs.getString(i++);
        e.percent = rs.getString(i++);
        e.plan = rs.getString(i++);
        e.customerId = rs.getString(i++);
        e.customerName = rs.getString(i++);
        e.recipientContactId = rs.getString(i++);
        e.recipientName = rs.getString(i++);
        e.recipientEmail = rs.getString(i++);
        e.recipientKey = rs.getString(i++);
        e.digestKey = rs.getString(i++);
        e.status = rs.getString(i++);
        e.attempts = rs.getInt(i++);
        e.createdAt = Jdbc.getInstant(rs, i++, vendor);
        e.nextAttemptAt = Jdbc.getInstant(rs, i++, vendor);
        e.sentAt = Jdbc.getInstant(rs, i++, vendor);
        e.lastError = rs.getString(i++);
        e.seq = rs.getLong(i);
        rows.add(e);
      }
    }
    return rows;
  }

  @Override
  public boolean beginAttempt(DeliveryId id, String claim) {
    return updateHeld(id, claim, "attempts = attempts + 1", (ps, vendor) -> { });
  }

  @Override
  public int beginAttempts(List<DeliveryId> ids, String claim) {
    return updateHeld(ids, claim, "attempts = attempts + 1", null);
  }

  @Override
  public int renewLease(List<DeliveryId> ids, String claim, Instant leaseUntil) {
    return updateHeld(ids, claim, "next_attempt_at = ?", leaseUntil);
  }

  @Override
  public int release(List<DeliveryId> ids, String claim, Instant dueAt) {
    return updateHeld(ids, claim, "status = 'PENDING', next_attempt_at = ?, claim_token = null", dueAt);
  }

  @Override
  public int releaseNotSent(List<DeliveryId> ids, String claim, Instant dueAt) {
    return updateHeld(ids, claim, "status = 'PENDING', next_attempt_at = ?, claim_token = null, "
        + "attempts = case when attempts > 0 then attempts - 1 else 0 end", dueAt);
  }

  /**
   * Sets {@code set} (one instant parameter, or none if {@code value} is null) on those of {@code ids}
   * in flight under {@code claim}, one statement per {@link Jdbc#CHUNK} ids.
   */
  private int updateHeld(List<DeliveryId> ids, String claim, String set, Instant value) {
    InvalidInputException.requirePresent(claim, "claim");
    if (ids.isEmpty()) {
      return 0;
    }
    return tx.call(em -> {
      DatabaseVendor vendor = vendors.vendor(em);
      return Jdbc.on(em, c -> {
        int updated = 0;
        for (int from = 0; from < ids.size(); from += Jdbc.CHUNK) {
          List<DeliveryId> chunk = ids.subList(from, Math.min(ids.size(), from + Jdbc.CHUNK));
          try (PreparedStatement ps = c.prepareStatement("update simestate_delivery set " + set
              + " where id in (" + Jdbc.marks(chunk.size()) + ") and claim_token = ? and status = 'IN_FLIGHT'")) {
            int i = 1;
            if (value != null) {
              Jdbc.setInstant(ps, i++, value, vendor);
            }
            for (DeliveryId id : chunk) {
              ps.setString(i++, id.toString());
            }
            ps.setString(i, claim);
            updated += ps.executeUpdate();
          }
        }
        return updated;
      });
    });
  }

  @Override
  public boolean markSent(DeliveryId id, String claim, Instant at) {
    return updateHeld(id, claim, "status = 'SENT', sent_at = ?, claim_token = null",
        (ps, vendor) -> Jdbc.setInstant(ps, 1, at, vendor));
  }

  @Override
  public boolean markRetry(DeliveryId id, String claim, Instant nextAttemptAt, String error) {
    return updateHeld(id, claim, "status = 'PENDING', next_attempt_at = ?, last_error = ?, claim_token = null",
        (ps, vendor) -> {
          Jdbc.setInstant(ps, 1, nextAttemptAt, vendor);
          Jdbc.setString(ps, 2, Limits.cut(error, MAX_ERROR));
        });
  }

  @Override
  public boolean markFailed(DeliveryId id, String claim, String error) {
    return updateHeld(id, claim, "status = 'FAILED', last_error = ?, claim_token = null",
        (ps, vendor) -> Jdbc.setString(ps, 1, Limits.cut(error, MAX_ERROR)));
  }

  /** Binds the parameters of an update's set clause, numbered from 1. */
  @FunctionalInterface
  private interface SetClause {
    void bind(PreparedStatement ps, DatabaseVendor vendor) throws java.sql.SQLException;
  }

  /**
   * Updates one delivery if it is in flight under {@code claim}; an unknown id is not found. The
   * delivery is not loaded: one statement, so that recording a result costs one round trip.
   */
  private boolean updateHeld(DeliveryId id, String claim, String set, SetClause values) {
    InvalidInputException.requirePresent(claim, "claim");
    int parameters = (int) set.chars().filter(ch -> ch == '?').count();
    return tx.call(em -> {
      DatabaseVendor vendor = vendors.vendor(em);
      boolean relaxed = vendor == DatabaseVendor.POSTGRESQL;
      int updated = Jdbc.on(em, c -> {
        try (PreparedStatement ps = c.prepareStatement((relaxed ? "with " + RELAXED + " " : "")
            + "update simestate_delivery set " + set + (relaxed ? " from relaxed" : "")
            + " where id = ? and claim_token = ? and status = 'IN_FLIGHT'")) {
          values.bind(ps, vendor);
          ps.setString(parameters + 1, id.toString());
          ps.setString(parameters + 2, claim);
          return ps.executeUpdate();
        }
      });
      return held(em, id, updated);
    });
  }

  /**
   * Whether a statement that changes a held delivery changed it ({@code changed} is its row count);
   * an unknown id is not found.
   */
  static boolean held(EntityManager em, DeliveryId id, long changed) {
    if (changed == 0 && em.find(DeliveryEntity.class, id.toString()) == null) {
      throw new NotFoundException("Delivery " + id + " not found");
    }
    return changed == 1;
  }

  /** A tenant's unsent subscription notices to the contacts bound to the statement's IN list. */
  private static final String UNSENT_NOTICES = "select " + READ_COLUMNS + " from simestate_delivery "
      + "where tenant_id = ? and kind = 'SUBSCRIPTION_NOTICE' and status in ('PENDING', 'IN_FLIGHT') "
      + "and recipient_contact_id in (";

  @Override
  public Optional<Delivery> unsentNotice(TenantId tenant, ContactId contact) {
    InvalidInputException.requirePresent(contact, "contact");
    return Optional.ofNullable(unsentNotices(tenant, List.of(contact)).get(contact));
  }

  @Override
  public Map<ContactId, Delivery> unsentNotices(TenantId tenant, Collection<ContactId> contacts) {
    InvalidInputException.requirePresent(tenant, "tenant");
    if (contacts.isEmpty()) {
      return Map.of();
    }
    List<String> ids = contacts.stream().map(ContactId::toString).distinct().toList();
    return tx.read(c -> {
      DatabaseVendor vendor = Jdbc.vendor(c);
      Map<ContactId, Delivery> notices = new HashMap<>();
      for (int from = 0; from < ids.size(); from += Jdbc.CHUNK) {
        List<String> chunk = ids.subList(from, Math.min(ids.size(), from + Jdbc.CHUNK));
        // earliest due last, so that it stays in the map
        try (PreparedStatement ps = c.prepareStatement(UNSENT_NOTICES + Jdbc.marks(chunk.size())
            + ") order by next_attempt_at desc, seq desc")) {
          ps.setString(1, tenant.value());
          Jdbc.setStrings(ps, 2, chunk);
          for (DeliveryEntity e : rows(ps, vendor)) {
            Delivery notice = toDomain(e);
            notices.put(notice.recipient().contactId(), notice);
          }
        }
      }
      return notices;
    });
  }

  @Override
  public Optional<Delivery> find(DeliveryId id) {
    return tx.call(em -> Optional.ofNullable(em.find(DeliveryEntity.class, id.toString())).map(JpaDeliveryOutbox::toDomain));
  }

  @Override
  public List<Delivery> byAlert(TenantId tenant, AlertId alertId) {
    return tx.call(em -> em.createQuery(
            "select d from SimEstateDelivery d where d.tenantId = :tenant and d.alertId = :alert order by d.seq",
            DeliveryEntity.class)
        .setParameter("tenant", tenant.value())
        .setParameter("alert", alertId.value())
        .getResultList().stream().map(JpaDeliveryOutbox::toDomain).toList());
  }

  @Override
  public List<Delivery> byContact(TenantId tenant, ContactId contactId, int limit) {
    return tx.call(em -> em.createQuery("""
            select d from SimEstateDelivery d where d.tenantId = :tenant and d.recipientContactId = :contact
            order by d.seq desc""", DeliveryEntity.class)
        .setParameter("tenant", tenant.value())
        .setParameter("contact", contactId.toString())
        .setMaxResults(Math.max(limit, 0))
        .getResultList().stream().map(JpaDeliveryOutbox::toDomain).toList());
  }

  @Override
  public List<Delivery> bySim(TenantId tenant, Iccid sim, int limit) {
    return tx.call(em -> em.createQuery("""
            select d from SimEstateDelivery d where d.tenantId = :tenant and d.iccid = :iccid
            order by d.seq desc""", DeliveryEntity.class)
        .setParameter("tenant", tenant.value())
        .setParameter("iccid", sim.digits())
        .setMaxResults(Math.max(limit, 0))
        .getResultList().stream().map(JpaDeliveryOutbox::toDomain).toList());
  }

  @Override
  public Map<DeliveryStatus, Long> countByStatus() {
    return tx.call(em -> {
      Map<DeliveryStatus, Long> counts = new EnumMap<>(DeliveryStatus.class);
      for (DeliveryStatus s : DeliveryStatus.values()) {
        counts.put(s, 0L);
      }
      for (Object[] row : em.createQuery("select d.status, count(d) from SimEstateDelivery d group by d.status",
          Object[].class).getResultList()) {
        counts.put(DeliveryStatus.valueOf((String) row[0]), ((Number) row[1]).longValue());
      }
      return counts;
    });
  }

  @Override
  public Optional<Instant> oldestPendingCreatedAt() {
    return tx.call(em -> Optional.ofNullable(em.createQuery("""
            select min(d.createdAt) from SimEstateDelivery d where d.status in (:pending, :inFlight)""", Instant.class)
        .setParameter("pending", DeliveryStatus.PENDING.name())
        .setParameter("inFlight", DeliveryStatus.IN_FLIGHT.name())
        .getSingleResult()));
  }

  static Delivery toDomain(DeliveryEntity e) {
    DeliveryKind kind = DeliveryKind.valueOf(e.kind);
    return new Delivery(new DeliveryId(UUID.fromString(e.id)), TenantId.of(e.tenantId), kind, AlertId.of(e.alertId),
        e.iccid == null ? null : AlertMapping.alert(e.alertId, e.iccid, e.alertKind, e.raisedAt, e.period, e.used,
            e.limit, e.unit, e.percent, e.plan),
        e.customerId == null ? null : new CustomerId(UUID.fromString(e.customerId)), e.customerName,
        new Recipient(e.recipientContactId == null ? null : new ContactId(UUID.fromString(e.recipientContactId)),
            e.recipientName, CustomerMapping.email(e.recipientEmail)),
        e.digestKey, DeliveryStatus.valueOf(e.status), e.attempts, e.createdAt, e.nextAttemptAt, e.sentAt,
        e.lastError);
  }
}
