package io.simestate.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * When a recipient was last told about one repeat key (SIM, kind, period); written with conditional
 * SQL only, by {@link JpaAlertRepeatGuard}.
 */
@Entity(name = "SimEstateAlertTold")
@Table(name = "simestate_alert_told")
@IdClass(AlertToldKey.class)
class AlertToldEntity {

  @Id
  @Column(name = "tenant_id", length = 64)
  String tenantId;

  @Id
  @Column(name = "repeat_key", length = 300)
  String repeatKey;

  @Id
  @Column(name = "recipient_key", length = 300)
  String recipientKey;

  @Column(name = "last_at", nullable = false)
  Instant lastAt;

  /** The routing call that last wrote the entry. */
  @Column(name = "told_by", nullable = false, length = 36)
  String toldBy;

  AlertToldEntity() {}
}
