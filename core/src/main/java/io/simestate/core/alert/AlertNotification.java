package io.simestate.core.alert;

import io.simestate.core.TenantId;

/**
 * One alert for one recipient.
 *
 * @param tenantId the tenant
 * @param sender whom it comes from
 * @param recipient whom it goes to
 * @param customerName the SIM's customer, or null for a catch-all recipient
 * @param alert the alert
 * @param messageKey the retry-stable key (alert id and recipient key)
 * @param context the tenant's name, time zone, portal and the unsubscribe address
 */
public record AlertNotification(
    TenantId tenantId, SenderIdentity sender, Recipient recipient, String customerName, UsageAlert alert,
    String messageKey, NotificationContext context) implements Notification {

  /**
   * Checks presence.
   *
   * @param tenantId the tenant
   * @param sender whom it comes from
   * @param recipient whom it goes to
   * @param customerName the SIM's customer, or null for a catch-all recipient
   * @param alert the alert
   * @param messageKey the retry-stable key (alert id and recipient key)
   * @param context the tenant's name, time zone, portal and the unsubscribe address; null for none
   */
  public AlertNotification {
    context = context == null ? NotificationContext.NONE : context;
    io.simestate.core.internal.Require.present(tenantId, "tenantId");
    io.simestate.core.internal.Require.present(sender, "sender");
    io.simestate.core.internal.Require.present(recipient, "recipient");
    io.simestate.core.internal.Require.present(alert, "alert");
    io.simestate.core.internal.Require.present(messageKey, "messageKey");
  }

  /**
   * An alert message without tenant context ({@link NotificationContext#NONE}).
   *
   * @param tenantId the tenant
   * @param sender whom it comes from
   * @param recipient whom it goes to
   * @param customerName the SIM's customer, or null for a catch-all recipient
   * @param alert the alert
   * @param messageKey the retry-stable key (alert id and recipient key)
   */
  public AlertNotification(TenantId tenantId, SenderIdentity sender, Recipient recipient, String customerName,
      UsageAlert alert, String messageKey) {
    this(tenantId, sender, recipient, customerName, alert, messageKey, NotificationContext.NONE);
  }
}
