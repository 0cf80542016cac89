package io.simestate.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The header of one routing decision; its recipients and skipped contacts are {@link DecisionEntryEntity} rows. */
@Entity(name = "SimEstateAlertDecision")
@Table(name = "simestate_alert_decision")
class AlertDecisionEntity {

  static final String COLUMNS = "id, tenant_id, alert_id, iccid, alert_kind, raised_at, usage_period, usage_used, "
      + "usage_limit, usage_unit, usage_percent, usage_plan, outcome, customer_id, customer_name, decided_at";

  @Id
  @Column(name = "id", length = 36)
  String id;

  @Column(name = "seq", insertable = false, updatable = false)
  Long seq;

  @Column(name = "tenant_id", nullable = false, length = 64)
  String tenantId;

  @Column(name = "alert_id", nullable = false, length = 200)
  String alertId;

  @Column(name = "iccid", nullable = false, length = 22)
  String iccid;

  @Column(name = "alert_kind", nullable = false, length = 20)
  String alertKind;

  @Column(name = "raised_at", nullable = false)
  Instant raisedAt;

  @Column(name = "usage_period", length = 400)
  String period;

  @Column(name = "usage_used", length = 100)
  String used;

  @Column(name = "usage_limit", length = 100)
  String limit;

  @Column(name = "usage_unit", length = 100)
  String unit;

  @Column(name = "usage_percent", length = 100)
  String percent;

  @Column(name = "usage_plan", length = 400)
  String plan;

  @Column(name = "outcome", nullable = false, length = 30)
  String outcome;

  @Column(name = "customer_id", length = 36)
  String customerId;

  @Column(name = "customer_name", length = 400)
  String customerName;

  @Column(name = "decided_at", nullable = false)
  Instant decidedAt;

  AlertDecisionEntity() {}
}
