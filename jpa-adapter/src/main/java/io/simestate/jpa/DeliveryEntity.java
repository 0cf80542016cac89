package io.simestate.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One outbox entry and delivery record. */
@Entity(name = "SimEstateDelivery")
@Table(name = "simestate_delivery")
class DeliveryEntity {

  static final String COLUMNS = "id, tenant_id, kind, alert_id, iccid, alert_kind, raised_at, usage_period, "
      + "usage_used, usage_limit, usage_unit, usage_percent, usage_plan, customer_id, customer_name, "
      + "recipient_contact_id, recipient_name, recipient_email, recipient_key, digest_key, status, attempts, "
      + "created_at, next_attempt_at, sent_at, last_error";

  @Id
  @Column(name = "id", length = 36)
  String id;

  /** Insertion order, assigned by the database. */
  @Column(name = "seq", insertable = false, updatable = false)
  Long seq;

  @Column(name = "tenant_id", nullable = false, length = 64)
  String tenantId;

  @Column(name = "kind", nullable = false, length = 30)
  String kind;

  @Column(name = "alert_id", nullable = false, length = 200)
  String alertId;

  @Column(name = "iccid", length = 22)
  String iccid;

  @Column(name = "alert_kind", length = 20)
  String alertKind;

  @Column(name = "raised_at")
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

  @Column(name = "customer_id", length = 36)
  String customerId;

  @Column(name = "customer_name", length = 400)
  String customerName;

  @Column(name = "recipient_contact_id", length = 36)
  String recipientContactId;

  @Column(name = "recipient_name", nullable = false, length = 400)
  String recipientName;

  @Column(name = "recipient_email", nullable = false, length = 254)
  String recipientEmail;

  @Column(name = "recipient_key", nullable = false, length = 300)
  String recipientKey;

  @Column(name = "digest_key", length = 400)
  String digestKey;

  @Column(name = "status", nullable = false, length = 20)
  String status;

  @Column(name = "attempts", nullable = false)
  int attempts;

  @Column(name = "created_at", nullable = false)
  Instant createdAt;

  @Column(name = "next_attempt_at", nullable = false)
  Instant nextAttemptAt;

  @Column(name = "sent_at")
  Instant sentAt;

  @Column(name = "last_error", length = 2000)
  String lastError;

  /** The token of the claim that holds this delivery in flight, or null. */
  @Column(name = "claim_token", length = 36)
  String claimToken;

  DeliveryEntity() {}
}
