package io.simestate.core.alert;

import io.simestate.core.Page;
import io.simestate.core.PageRequest;
import io.simestate.core.TenantId;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * Port: what an operator does with failed and stuck deliveries (F18), next to the dispatcher's
 * {@link DeliveryOutbox}. Every method is scoped to one tenant: another tenant's delivery is never
 * listed or changed. Resubmitting and discarding change a delivery only while its state allows it
 * ({@link Delivery#resubmittableAt}, {@link Delivery#discardableAt}), checked and changed atomically
 * against dispatchers claiming at the same time; a delivery keeps its id.
 */
public interface DeliveryOperations {

  /**
   * The tenant's deliveries that meet a filter, oldest first (by creation, then recording order).
   *
   * @param tenant the tenant
   * @param filter which deliveries
   * @param now the time the filter is evaluated at
   * @param page which page
   * @return the page, with the total that meet the filter
   */
  Page<Delivery> list(TenantId tenant, DeliveryFilter filter, Instant now, PageRequest page);

  /**
   * Makes deliveries of the tenant pending and due at {@code now} with a full set of attempts,
   * where {@link Delivery#resubmittableAt} allows it; the others (sent, held by a dispatcher, another
   * tenant's, unknown) are left as they are.
   *
   * @param tenant the tenant
   * @param ids the deliveries
   * @param now the time
   * @return the deliveries resubmitted, as they are now
   */
  List<Delivery> resubmit(TenantId tenant, Collection<DeliveryId> ids, Instant now);

  /**
   * Marks deliveries of the tenant {@link DeliveryStatus#DISCARDED} where {@link
   * Delivery#discardableAt} allows it; the others are left as they are.
   *
   * @param tenant the tenant
   * @param ids the deliveries
   * @param now the time
   * @return the deliveries discarded, as they are now
   */
  List<Delivery> discard(TenantId tenant, Collection<DeliveryId> ids, Instant now);
}
