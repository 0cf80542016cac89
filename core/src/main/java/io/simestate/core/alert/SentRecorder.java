package io.simestate.core.alert;

import io.simestate.core.audit.AuditEvent;
import io.simestate.core.audit.AuditTrail;
import io.simestate.core.internal.Require;
import java.time.Instant;

/**
 * Port: records that the server accepted a claimed delivery's message, in one step: the delivery
 * marked sent and its {@code DELIVERY_SENT} audit event written (F10, F11, F16). The dispatcher calls it
 * once per message sent, in the short transaction that records the result before the next message
 * goes out, so it is the hottest write of dispatching; an adapter may answer it in one statement
 * instead of one call per store. The contract is {@code SentRecorderContract} in core's test-jar.
 *
 * <p>Within a transaction, what it records is undone with the transaction.
 */
public interface SentRecorder {

  /**
   * Marks a delivery sent and writes its audit event, if {@code claim} still holds the delivery.
   *
   * @param id the delivery
   * @param claim the token it was claimed with
   * @param at when the server accepted it
   * @param event the delivery's {@code DELIVERY_SENT} event for the audit trail
   * @return true if recorded; false if another claim took the delivery over (then nothing was
   *     written: neither the delivery nor the event)
   * @throws io.simestate.core.NotFoundException if no delivery has that id
   */
  boolean recordSent(DeliveryId id, String claim, Instant at, AuditEvent event);

  /**
   * A recorder made of the separate stores, one call each ({@link DeliveryOutbox#markSent}, then
   * {@link AuditTrail#publish} if the claim held): what the in-memory adapter uses and the default
   * for a {@code Persistence} that offers nothing faster.
   *
   * @param outbox the outbox
   * @param trail the audit trail
   * @return the recorder
   */
  static SentRecorder composedOf(DeliveryOutbox outbox, AuditTrail trail) {
    Require.present(outbox, "outbox");
    Require.present(trail, "trail");
    return (id, claim, at, event) -> {
      if (!outbox.markSent(id, claim, at)) {
        return false;
      }
      trail.publish(event);
      return true;
    };
  }
}
