package io.simestate.core.persistence;

import io.simestate.core.alert.DeliveryStatus;
import java.time.Instant;

/**
 * Port: removes what the retention policy no longer keeps (F19), one page per call, each call its
 * own short transaction (or the caller's, if one is open). Pending and in-flight deliveries are never
 * removed, whatever the arguments; a row's condition is checked again when it is deleted, so a
 * delivery a dispatcher or an operator changed in between stays. Works across all tenants.
 */
public interface RetentionStore {

  /**
   * Removes up to {@code max} deliveries of a finished status: {@code SENT} ones sent before
   * {@code before}; {@code FAILED} and {@code DISCARDED} ones whose last attempt or due time (their
   * next-attempt time) is before {@code before}.
   *
   * @param status {@code SENT}, {@code FAILED} or {@code DISCARDED}
   * @param before the cut-off, exclusive
   * @param max how many at most
   * @return how many were removed
   * @throws io.simestate.core.InvalidInputException naming {@code status} if it is {@code PENDING} or
   *     {@code IN_FLIGHT}
   */
  int purgeDeliveries(DeliveryStatus status, Instant before, int max);

  /**
   * Removes up to {@code max} routing decisions (with their entries) decided before {@code before}.
   *
   * @param before the cut-off, exclusive
   * @param max how many at most
   * @return how many decisions were removed
   */
  int purgeDecisions(Instant before, int max);

  /**
   * Removes up to {@code max} de-duplication entries (who was told about which SIM, kind and period)
   * last told before {@code before}.
   *
   * @param before the cut-off, exclusive
   * @param max how many at most
   * @return how many entries were removed
   */
  int purgeRepeatGuard(Instant before, int max);

  /**
   * Removes up to {@code max} audit events (with their SIM lists) that happened before {@code before}.
   *
   * @param before the cut-off, exclusive
   * @param max how many at most
   * @return how many events were removed
   */
  int purgeAuditEvents(Instant before, int max);
}
