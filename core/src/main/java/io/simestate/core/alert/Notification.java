package io.simestate.core.alert;

import io.simestate.core.TenantId;

/**
 * One message the notification port must send: an alert, a digest of alerts, or a subscription
 * notice. Every value in it that a customer or contact supplied (names above all) is untrusted text
 * that the sender must escape.
 */
public sealed interface Notification permits AlertNotification, DigestNotification, SubscriptionNotice {

  /**
   * The tenant.
   *
   * @return never null
   */
  TenantId tenantId();

  /**
   * Whom the message comes from.
   *
   * @return never null
   */
  SenderIdentity sender();

  /**
   * Whom the message goes to; the only address the sender may use.
   *
   * @return never null
   */
  Recipient recipient();

  /**
   * The customer's name, or null for a catch-all recipient of an unassigned SIM.
   *
   * @return the name or null
   */
  String customerName();

  /**
   * A key that is the same each time this message is retried, for a deterministic
   * {@code Message-ID}.
   *
   * @return never null
   */
  String messageKey();

  /**
   * What the message shows of its tenant: display name, time zone, portal and unsubscribe address.
   *
   * @return never null; {@link NotificationContext#NONE} when the tenant has none of them
   */
  NotificationContext context();
}
