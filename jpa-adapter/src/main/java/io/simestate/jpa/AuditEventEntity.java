package io.simestate.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One event of the administrative record. A range of SIMs is kept as its two ends; a list of SIMs as
 * {@link AuditSimEntity} rows.
 */
@Entity(name = "SimEstateAuditEvent")
@Table(name = "simestate_audit_event")
class AuditEventEntity {

  @Id
  @Column(name = "id", length = 36)
  String id;

  @Column(name = "seq", insertable = false, updatable = false)
  Long seq;

  @Column(name = "tenant_id", nullable = false, length = 64)
  String tenantId;

  @Column(name = "event_type", nullable = false, length = 40)
  String type;

  @Column(name = "actor", nullable = false, length = 800)
  String actor;

  @Column(name = "occurred_at", nullable = false)
  Instant at;

  @Column(name = "customer_id", length = 36)
  String customerId;

  @Column(name = "summary", nullable = false, length = 4000)
  String summary;

  /** How many SIMs the event concerns (range or list). */
  @Column(name = "sim_count", nullable = false)
  long simCount;

  @Column(name = "range_first", length = 22)
  String rangeFirst;

  @Column(name = "range_last", length = 22)
  String rangeLast;

  @Column(name = "range_length")
  Integer rangeLength;

  AuditEventEntity() {}
}
