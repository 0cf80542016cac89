package io.simestate.core.alert;

import io.simestate.core.TenantId;

/**
 * Tells a contact whose alerts were switched on that automated alerts for the customer's SIMs will
 * come from the sender address (F10).
 *
 * @param tenantId the tenant
 * @param sender the address alerts will come from
 * @param recipient the contact
 * @param customerName the customer
 * @param messageKey the retry-stable key
 */
public record SubscriptionNotice(
    TenantId tenantId, SenderIdentity sender, Recipient recipient, String customerName, String messageKey)
    implements Notification {

  /**
   * Checks presence.
   *
   * @param tenantId the tenant
   * @param sender the address alerts will come from
   * @param recipient the contact
   * @param customerName the customer
   * @param messageKey the retry-stable key
   */
  public SubscriptionNotice {
    io.simestate.core.internal.Require.present(tenantId, "tenantId");
    io.simestate.core.internal.Require.present(sender, "sender");
    io.simestate.core.internal.Require.present(recipient, "recipient");
    io.simestate.core.internal.Require.present(messageKey, "messageKey");
  }
}
