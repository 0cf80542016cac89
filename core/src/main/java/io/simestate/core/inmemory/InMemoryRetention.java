package io.simestate.core.inmemory;

import io.simestate.core.InvalidInputException;
import io.simestate.core.alert.DeliveryStatus;
import io.simestate.core.internal.Require;
import io.simestate.core.persistence.RetentionStore;
import java.time.Instant;

/** Retention (F19) over the in-memory stores. */
final class InMemoryRetention implements RetentionStore {

  private final InMemoryDeliveryOutbox outbox;
  private final InMemoryAlertDecisionLog decisions;
  private final InMemoryAlertRepeatGuard repeatGuard;
  private final InMemoryAuditTrail auditTrail;

  InMemoryRetention(InMemoryDeliveryOutbox outbox, InMemoryAlertDecisionLog decisions,
      InMemoryAlertRepeatGuard repeatGuard, InMemoryAuditTrail auditTrail) {
    this.outbox = outbox;
    this.decisions = decisions;
    this.repeatGuard = repeatGuard;
    this.auditTrail = auditTrail;
  }

  @Override
  public int purgeDeliveries(DeliveryStatus status, Instant before, int max) {
    return outbox.purge(finished(status), Require.present(before, "before"),
        atLeastOne(max));
  }

  @Override
  public int purgeDecisions(Instant before, int max) {
    return decisions.purge(Require.present(before, "before"), atLeastOne(max));
  }

  @Override
  public int purgeRepeatGuard(Instant before, int max) {
    return repeatGuard.purge(Require.present(before, "before"), atLeastOne(max));
  }

  @Override
  public int purgeAuditEvents(Instant before, int max) {
    return auditTrail.purge(Require.present(before, "before"), atLeastOne(max));
  }

  /** A status whose deliveries may be purged: never pending or in flight. */
  static DeliveryStatus finished(DeliveryStatus status) {
    Require.present(status, "status");
    if (status == DeliveryStatus.PENDING || status == DeliveryStatus.IN_FLIGHT) {
      throw InvalidInputException.of("status", "is " + status + "; only SENT, FAILED and DISCARDED deliveries are purged");
    }
    return status;
  }

  private static int atLeastOne(int max) {
    if (max < 1) {
      throw InvalidInputException.of("max", "must be at least 1");
    }
    return max;
  }
}
