package io.simestate.core.alert;

import io.simestate.core.AlertKind;
import io.simestate.core.TenantId;
import java.util.List;

/**
 * Several alerts of one kind for SIMs of one customer, in one message to one recipient (F13).
 *
 * @param tenantId the tenant
 * @param sender whom it comes from
 * @param recipient whom it goes to
 * @param customerName the customer, or null for a catch-all recipient
 * @param kind the alerts' kind
 * @param alerts the alerts, at least two
 * @param messageKey the retry-stable key
 * @param context the tenant's name, time zone, portal and the unsubscribe address
 */
public record DigestNotification(
    TenantId tenantId, SenderIdentity sender, Recipient recipient, String customerName, AlertKind kind,
    List<UsageAlert> alerts, String messageKey, NotificationContext context) implements Notification {

  /**
   * Copies the list.
   *
   * @param tenantId the tenant
   * @param sender whom it comes from
   * @param recipient whom it goes to
   * @param customerName the customer, or null for a catch-all recipient
   * @param kind the alerts' kind
   * @param alerts the alerts, at least two
   * @param messageKey the retry-stable key
   * @param context the tenant's name, time zone, portal and the unsubscribe address; null for none
   */
  public DigestNotification {
    context = context == null ? NotificationContext.NONE : context;
    io.simestate.core.internal.Require.present(tenantId, "tenantId");
    io.simestate.core.internal.Require.present(sender, "sender");
    io.simestate.core.internal.Require.present(recipient, "recipient");
    io.simestate.core.internal.Require.present(kind, "kind");
    io.simestate.core.internal.Require.present(alerts, "alerts");
    io.simestate.core.internal.Require.present(messageKey, "messageKey");
    alerts = List.copyOf(alerts);
  }

  /**
   * A digest without tenant context ({@link NotificationContext#NONE}).
   *
   * @param tenantId the tenant
   * @param sender whom it comes from
   * @param recipient whom it goes to
   * @param customerName the customer, or null for a catch-all recipient
   * @param kind the alerts' kind
   * @param alerts the alerts, at least two
   * @param messageKey the retry-stable key
   */
  public DigestNotification(TenantId tenantId, SenderIdentity sender, Recipient recipient, String customerName,
      AlertKind kind, List<UsageAlert> alerts, String messageKey) {
    this(tenantId, sender, recipient, customerName, kind, alerts, messageKey, NotificationContext.NONE);
  }
}
