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
 * @param context the tenant's name, time zone and portal
 */
public record SubscriptionNotice(
    TenantId tenantId, SenderIdentity sender, Recipient recipient, String customerName, String messageKey,
    NotificationContext context) implements Notification {

  /**
   * Checks presence.
   *
   * @param tenantId the tenant
   * @param sender the address alerts will come from
   * @param recipient the contact
   * @param customerName the customer
   * @param messageKey the retry-stable key
   * @param context the tenant's name, time zone and portal; null for none
   */
  public SubscriptionNotice {
    context = context == null ? NotificationContext.NONE : context;
    io.simestate.core.internal.Require.present(tenantId, "tenantId");
    io.simestate.core.internal.Require.present(sender, "sender");
    io.simestate.core.internal.Require.present(recipient, "recipient");
    io.simestate.core.internal.Require.present(messageKey, "messageKey");
  }

  /**
   * A notice without tenant context ({@link NotificationContext#NONE}).
   *
   * @param tenantId the tenant
   * @param sender the address alerts will come from
   * @param recipient the contact
   * @param customerName the customer
   * @param messageKey the retry-stable key
   */
  public SubscriptionNotice(TenantId tenantId, SenderIdentity sender, Recipient recipient, String customerName,
      String messageKey) {
    this(tenantId, sender, recipient, customerName, messageKey, NotificationContext.NONE);
  }
}
