package io.simestate.core.alert;

import io.simestate.core.TenantId;
import io.simestate.core.customer.CustomerId;
import io.simestate.core.internal.Require;
import java.time.Instant;

/**
 * One message to one recipient for one alert (or one subscription notice): the outbox entry and
 * the delivery record of F16. There is never more than one per (tenant, alert id, recipient key).
 *
 * @param id the delivery's id
 * @param tenantId the tenant
 * @param kind alert or subscription notice
 * @param alertId the alert's id (for a notice, a generated id)
 * @param alert the alert; null for a subscription notice
 * @param customerId the customer, or null for a catch-all delivery
 * @param customerName the customer's name at routing time, or null
 * @param recipient who receives it
 * @param digestKey deliveries to the same recipient with the same non-null key that are due together
 *     are sent as one digest message (F13); null to always send alone
 * @param status where it stands
 * @param attempts how many times it has been handed to the sender (counted just before each
 *     hand-over, so an attempt whose result was never recorded still counts)
 * @param createdAt when it was recorded
 * @param nextAttemptAt when it is due (pending) or when its claim expires (in flight)
 * @param sentAt when the server accepted it, or null
 * @param lastError the last failure, or null
 */
public record Delivery(
    DeliveryId id,
    TenantId tenantId,
    DeliveryKind kind,
    AlertId alertId,
    UsageAlert alert,
    CustomerId customerId,
    String customerName,
    Recipient recipient,
    String digestKey,
    DeliveryStatus status,
    int attempts,
    Instant createdAt,
    Instant nextAttemptAt,
    Instant sentAt,
    String lastError) {

  /**
   * Checks presence.
   *
   * @param id the delivery's id
   * @param tenantId the tenant
   * @param kind alert or subscription notice
   * @param alertId the alert's id (for a notice, a generated id)
   * @param alert the alert; null for a subscription notice
   * @param customerId the customer, or null for a catch-all delivery
   * @param customerName the customer's name at routing time, or null
   * @param recipient who receives it
   * @param digestKey deliveries to the same recipient with the same non-null key that are due together
   *     are sent as one digest message (F13); null to always send alone
   * @param status where it stands
   * @param attempts how many times it has been handed to the sender (counted just before each
 *     hand-over, so an attempt whose result was never recorded still counts)
   * @param createdAt when it was recorded
   * @param nextAttemptAt when it is due (pending) or when its claim expires (in flight)
   * @param sentAt when the server accepted it, or null
   * @param lastError the last failure, or null
   */
  public Delivery {
    Require.present(id, "id");
    Require.present(tenantId, "tenantId");
    Require.present(kind, "kind");
    Require.present(alertId, "alertId");
    Require.present(recipient, "recipient");
    Require.present(status, "status");
    Require.present(createdAt, "createdAt");
    Require.present(nextAttemptAt, "nextAttemptAt");
    if (kind == DeliveryKind.ALERT) {
      Require.present(alert, "alert");
    }
  }

  /**
   * The key that makes this delivery unique: recipient key within (tenant, alert id).
   *
   * @return the recipient's key
   */
  public String recipientKey() {
    return recipient.key();
  }

  /**
   * This delivery claimed by a dispatcher.
   *
   * @param leaseUntil when the claim expires if the dispatcher never reports back
   * @return the claimed delivery, in flight; its attempts unchanged
   */
  public Delivery claimed(Instant leaseUntil) {
    return with(DeliveryStatus.IN_FLIGHT, attempts, leaseUntil, sentAt, lastError);
  }

  /**
   * This delivery about to be handed to the sender once more.
   *
   * @return the delivery with one more attempt
   */
  public Delivery attempted() {
    return with(status, attempts + 1, nextAttemptAt, sentAt, lastError);
  }

  /**
   * This in-flight delivery with its lease extended.
   *
   * @param leaseUntil the new end of the lease
   * @return the delivery
   */
  public Delivery leasedUntil(Instant leaseUntil) {
    return with(status, attempts, leaseUntil, sentAt, lastError);
  }

  /**
   * This delivery accepted by the server.
   *
   * @param at when
   * @return the sent delivery
   */
  public Delivery sent(Instant at) {
    return with(DeliveryStatus.SENT, attempts, nextAttemptAt, at, lastError);
  }

  /**
   * This delivery scheduled for another attempt.
   *
   * @param at when to try again
   * @param error what went wrong
   * @return the pending delivery
   */
  public Delivery retryAt(Instant at, String error) {
    return with(DeliveryStatus.PENDING, attempts, at, sentAt, error);
  }

  /**
   * This delivery given up.
   *
   * @param error what went wrong
   * @return the failed delivery
   */
  public Delivery failed(String error) {
    return with(DeliveryStatus.FAILED, attempts, nextAttemptAt, sentAt, error);
  }

  /**
   * This delivery resubmitted by an operator (F18): pending, due at once, with a full set of attempts;
   * its identity, and so the Message-ID of the email, stays the same, and the last error is kept.
   *
   * @param now when it becomes due
   * @return the pending delivery
   */
  public Delivery resubmitted(Instant now) {
    return with(DeliveryStatus.PENDING, 0, now, sentAt, lastError);
  }

  /**
   * This delivery discarded by an operator (F18).
   *
   * @return the discarded delivery
   */
  public Delivery discarded() {
    return with(DeliveryStatus.DISCARDED, attempts, nextAttemptAt, sentAt, lastError);
  }

  /**
   * Whether an operator may resubmit this delivery at a time: failed, discarded, pending, or in flight
   * past its lease. A sent delivery, or one a dispatcher holds, is not resubmitted.
   *
   * @param now the time
   * @return true if it may be resubmitted
   */
  public boolean resubmittableAt(Instant now) {
    return switch (status) {
      case FAILED, DISCARDED, PENDING -> true;
      case IN_FLIGHT -> !nextAttemptAt.isAfter(now);
      case SENT -> false;
    };
  }

  /**
   * Whether an operator may discard this delivery at a time: failed, pending, or in flight past its
   * lease.
   *
   * @param now the time
   * @return true if it may be discarded
   */
  public boolean discardableAt(Instant now) {
    return switch (status) {
      case FAILED, PENDING -> true;
      case IN_FLIGHT -> !nextAttemptAt.isAfter(now);
      case SENT, DISCARDED -> false;
    };
  }

  private Delivery with(DeliveryStatus newStatus, int newAttempts, Instant next, Instant sent, String error) {
    return new Delivery(id, tenantId, kind, alertId, alert, customerId, customerName, recipient, digestKey,
        newStatus, newAttempts, createdAt, next, sent, error);
  }
}
