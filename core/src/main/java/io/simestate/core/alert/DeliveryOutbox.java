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
 * Claims are fenced: every update of a claimed delivery names the claim's token and changes nothing
 * once another claim took the delivery over, so a dispatcher that outlived its lease cannot overwrite
 * the result of the one that took over.
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
   * dispatcher died or stopped reporting). Each claimed delivery becomes in flight under
   * {@code claim}, with a lease until {@code now + lease}; a delivery taken over from another claim
   * no longer belongs to that one, whose later updates then change nothing. Claiming does not count
   * an attempt ({@link #beginAttempt} does). Concurrent callers never receive the same delivery.
   *
   * @param now the current time
   * @param max the most deliveries to claim, at least 1
   * @param lease how long the claim holds unless renewed
   * @param claim the claim's token, unique per call, at most 36 characters
   * @return the claimed deliveries, earliest due first, as they are now stored
   */
  List<Delivery> claimDue(Instant now, int max, Duration lease, String claim);

  /**
   * Counts one more attempt on a delivery that is about to be handed to the sender, if
   * {@code claim} still holds it.
   *
   * @param id the delivery
   * @param claim the token it was claimed with
   * @return true if counted; false if the delivery is no longer in flight under this claim (then
   *     nothing changed and it must not be sent)
   */
  boolean beginAttempt(DeliveryId id, String claim);

  /**
   * Extends the lease of those of {@code ids} still in flight under {@code claim} (by id, so that a
   * database locks only those rows).
   *
   * @param ids the deliveries of the claim not recorded yet
   * @param claim the claim's token
   * @param leaseUntil the new end of the lease
   * @return how many of them the claim still holds
   */
  int renewLease(List<DeliveryId> ids, String claim, Instant leaseUntil);

  /**
   * Gives back those of {@code ids} still in flight under {@code claim}: each becomes pending again,
   * due at {@code dueAt}, for any dispatcher to claim at once, with its attempts unchanged.
   *
   * @param ids the deliveries of the claim not recorded yet
   * @param claim the claim's token
   * @param dueAt when they are due, usually now
   * @return how many deliveries were released
   */
  int release(List<DeliveryId> ids, String claim, Instant dueAt);

  /**
   * Marks a delivery sent, if {@code claim} still holds it.
   *
   * @param id the delivery
   * @param claim the token it was claimed with
   * @param at when the server accepted it
   * @return true if recorded; false if another claim took it over (then nothing changed)
   */
  boolean markSent(DeliveryId id, String claim, Instant at);

  /**
   * Puts a delivery back to pending for another attempt, if {@code claim} still holds it.
   *
   * @param id the delivery
   * @param claim the token it was claimed with
   * @param nextAttemptAt when to try again
   * @param error what went wrong, for the record
   * @return true if recorded; false if another claim took it over (then nothing changed)
   */
  boolean markRetry(DeliveryId id, String claim, Instant nextAttemptAt, String error);

  /**
   * Marks a delivery failed for good, if {@code claim} still holds it.
   *
   * @param id the delivery
   * @param claim the token it was claimed with
   * @param error what went wrong, for the record
   * @return true if recorded; false if another claim took it over (then nothing changed)
   */
  boolean markFailed(DeliveryId id, String claim, String error);

  /**
   * The subscription notice to a contact that is not sent yet (pending or in flight), if any, so that
   * the dispatcher sends no alert to that contact before the notice.
   *
   * @param tenant the tenant
   * @param contact the contact
   * @return the earliest due such notice, or empty
   */
  Optional<Delivery> unsentNotice(TenantId tenant, ContactId contact);

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
