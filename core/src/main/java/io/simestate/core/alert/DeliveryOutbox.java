package io.simestate.core.alert;

import io.simestate.core.TenantId;
import io.simestate.core.customer.ContactId;
import io.simestate.core.sim.Iccid;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
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
   * an attempt ({@link #beginAttempt} and {@link #beginAttempts} do). Concurrent callers never receive the same delivery.
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
   * Counts one more attempt on each of {@code ids} still in flight under {@code claim}, in one go:
   * the dispatcher counts the attempts of several messages it is about to send in one transaction.
   * The default calls {@link #beginAttempt} for each; a database implements it with one statement.
   *
   * @param ids the deliveries, in flight under {@code claim}
   * @param claim the token they were claimed with
   * @return how many were counted; fewer than {@code ids} if the claim no longer holds some (those are
   *     unchanged and must not be sent)
   */
  default int beginAttempts(List<DeliveryId> ids, String claim) {
    int counted = 0;
    for (DeliveryId id : ids) {
      if (beginAttempt(id, claim)) {
        counted++;
      }
    }
    return counted;
  }

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
   * Gives back, as {@link #release} does, deliveries whose attempt was counted ({@link #beginAttempt},
   * {@link #beginAttempts}) but whose message was never handed to the sender: each also takes that
   * attempt back (one attempt fewer, not below zero), so that a dispatcher that stops or loses its
   * store in the middle of a batch costs them nothing. The default calls {@link #release} and keeps
   * the attempt counted: correct (never a send beyond the retry bound), but each such delivery then
   * has one attempt fewer left; implementations should override it.
   *
   * @param ids the deliveries of the claim whose attempt was counted and whose message was not sent
   * @param claim the claim's token
   * @param dueAt when they are due, usually now
   * @return how many deliveries were released
   */
  default int releaseNotSent(List<DeliveryId> ids, String claim, Instant dueAt) {
    return release(ids, claim, dueAt);
  }

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
   * The unsent subscription notices of several contacts of one tenant, in one look-up: for each
   * contact that has one, as {@link #unsentNotice} finds it. The default calls {@link #unsentNotice}
   * for each contact.
   *
   * @param tenant the tenant
   * @param contacts the contacts
   * @return the earliest due unsent notice per contact that has one; contacts without one are absent
   */
  default Map<ContactId, Delivery> unsentNotices(TenantId tenant, Collection<ContactId> contacts) {
    Map<ContactId, Delivery> notices = new HashMap<>();
    for (ContactId contact : contacts) {
      unsentNotice(tenant, contact).ifPresent(n -> notices.put(contact, n));
    }
    return notices;
  }

  /**
   * Tells the store that the commit of the current transaction, which records results of messages
   * (sent, retry, failed) and nothing else, need not wait until it is durable on disk: if the
   * database server itself crashes right after, such a record may be lost, and its delivery, whose
   * attempt was committed durably before the send, is sent again (within the retry bound) or given up
   * when another dispatcher takes it over. A crash of the dispatcher's process loses nothing that
   * committed. The default does nothing. The JPA adapter does nothing here either: on PostgreSQL the
   * statements that record a result ({@link #markSent}, {@link #markRetry}, {@link #markFailed},
   * {@link SentRecorder#recordSent}) set {@code synchronous_commit = off} for their transaction
   * themselves, which saves the round trip of a statement of its own.
   */
  default void relaxDurabilityOfResults() {
    // every commit stays durable
  }

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
