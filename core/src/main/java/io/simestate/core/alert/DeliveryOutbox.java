package io.simestate.core.alert;

import io.simestate.core.TenantId;
import io.simestate.core.customer.ContactId;
import io.simestate.core.sim.Iccid;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Port: the outbox of deliveries and their record (F10, F16).
 *
 * <p>Implementations must be safe for concurrent use, also by several processes on one store: a due
 * delivery is handed to exactly one claimer (in a database, with row locks that skip locked rows).
 * They never hold two deliveries for one (tenant, alert id, recipient key), and never return null.
 * The contract is {@code DeliveryOutboxContract} in core's test-jar.
 */
public interface DeliveryOutbox {

  /**
   * Records new pending deliveries. A delivery whose (tenant, alert id, recipient key) is already
   * recorded is left out, silently.
   *
   * @param deliveries the new deliveries, status {@link DeliveryStatus#PENDING}
   * @return the deliveries that were recorded, in the given order
   */
  List<Delivery> enqueue(List<Delivery> deliveries);

  /**
   * Claims due deliveries: those {@link DeliveryStatus#PENDING} whose next attempt time is at or
   * before {@code now}, and those {@link DeliveryStatus#IN_FLIGHT} whose lease ran out (their
   * dispatcher died). Each claimed delivery becomes in flight with one more attempt and a lease
   * until {@code now + lease}. Concurrent callers never receive the same delivery.
   *
   * @param now the current time
   * @param max the most deliveries to claim, at least 1
   * @param lease how long the claim holds
   * @return the claimed deliveries, earliest due first, as they are now stored
   */
  List<Delivery> claimDue(Instant now, int max, Duration lease);

  /**
   * Marks a delivery sent.
   *
   * @param id the delivery
   * @param at when the server accepted it
   */
  void markSent(DeliveryId id, Instant at);

  /**
   * Puts a delivery back to pending for another attempt.
   *
   * @param id the delivery
   * @param nextAttemptAt when to try again
   * @param error what went wrong, for the record
   */
  void markRetry(DeliveryId id, Instant nextAttemptAt, String error);

  /**
   * Marks a delivery failed for good.
   *
   * @param id the delivery
   * @param error what went wrong, for the record
   */
  void markFailed(DeliveryId id, String error);

  /**
   * Finds one delivery.
   *
   * @param id the delivery
   * @return the delivery, or empty
   */
  Optional<Delivery> find(DeliveryId id);

  /**
   * The deliveries of one alert.
   *
   * @param tenant the tenant
   * @param alertId the alert
   * @return the deliveries, oldest first
   */
  List<Delivery> byAlert(TenantId tenant, AlertId alertId);

  /**
   * The most recent deliveries to one contact.
   *
   * @param tenant the tenant
   * @param contactId the contact
   * @param limit the most to return
   * @return the deliveries, newest first
   */
  List<Delivery> byContact(TenantId tenant, ContactId contactId, int limit);

  /**
   * The most recent deliveries of alerts for one SIM.
   *
   * @param tenant the tenant
   * @param sim the SIM
   * @param limit the most to return
   * @return the deliveries, newest first
   */
  List<Delivery> bySim(TenantId tenant, Iccid sim, int limit);

  /**
   * How many deliveries are in each status, over all tenants (for monitoring).
   *
   * @return a count for every status, zero included
   */
  Map<DeliveryStatus, Long> countByStatus();

  /**
   * When the oldest delivery still to be sent was recorded: the earliest {@link Delivery#createdAt()}
   * among deliveries {@link DeliveryStatus#PENDING} (waiting for their first attempt, a retry or a
   * digest window) or {@link DeliveryStatus#IN_FLIGHT}, over all tenants (for monitoring: the age of
   * the oldest pending delivery).
   *
   * @return that time, or empty if every delivery was sent or failed; never null
   */
  Optional<Instant> oldestPendingCreatedAt();
}
