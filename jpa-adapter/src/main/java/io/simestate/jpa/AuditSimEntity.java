package io.simestate.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** One SIM of an audit event that lists its SIMs (written in JDBC batches). */
@Entity(name = "SimEstateAuditSim")
@Table(name = "simestate_audit_sim")
@IdClass(AuditSimKey.class)
class AuditSimEntity {

  @Id
  @Column(name = "event_id", length = 36)
  String eventId;

  @Id
  @Column(name = "ordinal")
  int ordinal;

  @Column(name = "iccid", nullable = false, length = 22)
  String iccid;

  AuditSimEntity() {}

}
