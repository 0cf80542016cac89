package io.simestate.core.customer;

import io.simestate.core.TenantId;

/**
 * Told, inside the change's transaction, when a contact's alerts are switched on (on creation or
 * edit), so that a subscription notice can be queued (F10).
 */
@FunctionalInterface
public interface ContactAlertsListener {

  /**
   * A contact's alerts were switched on.
   *
   * @param tenant the tenant
   * @param customer the customer as stored after the change
   * @param contact the contact
   */
  void alertsSwitchedOn(TenantId tenant, Customer customer, Contact contact);
}
