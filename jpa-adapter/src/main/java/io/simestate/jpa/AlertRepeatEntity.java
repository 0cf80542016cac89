package io.simestate.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.time.Instant;

/** When an alert with one repeat key last got through; written with conditional SQL only. */
@Entity(name = "SimEstateAlertRepeat")
@Table(name = "simestate_alert_repeat")
@IdClass(AlertRepeatKey.class)
class AlertRepeatEntity {

  @Id
  @Column(name = "tenant_id", length = 64)
  String tenantId;

  @Id
  @Column(name = "repeat_key", length = 300)
  String repeatKey;

  @Column(name = "last_at", nullable = false)
  Instant lastAt;

  AlertRepeatEntity() {}

}
