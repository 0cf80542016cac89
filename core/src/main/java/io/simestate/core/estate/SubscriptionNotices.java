package io.simestate.core.estate;

import io.simestate.core.TenantId;
import io.simestate.core.alert.AlertId;
import io.simestate.core.alert.Delivery;
import io.simestate.core.alert.DeliveryId;
import io.simestate.core.alert.DeliveryKind;
import io.simestate.core.alert.DeliveryOutbox;
import io.simestate.core.alert.DeliveryStatus;
import io.simestate.core.alert.Recipient;
import io.simestate.core.alert.TenantSettingsSource;
import io.simestate.core.customer.Contact;
import io.simestate.core.customer.Customer;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Queues the subscription notice of F10 when a contact's alerts are switched on, if the tenant
 * wants notices. The notice goes through the outbox like an alert, so it is retried and recorded.
 * Called by {@link Customers} inside the change's transaction.
 */
final class SubscriptionNotices {

  private final DeliveryOutbox outbox;
  private final TenantSettingsSource settings;
  private final Clock clock;

  /**
   * Creates the notices; called by {@code SimEstate}.
   *
   * @param outbox the delivery outbox
   * @param settings the tenants' settings
   * @param clock the clock
   */
  SubscriptionNotices(DeliveryOutbox outbox, TenantSettingsSource settings, Clock clock) {
    this.outbox = outbox;
    this.settings = settings;
    this.clock = clock;
  }

  /**
   * A contact's alerts were switched on (on creation or edit): queues its notice if the tenant
   * wants notices.
   *
   * @param tenant the tenant
   * @param customer the customer as stored after the change
   * @param contact the contact
   */
  void alertsSwitchedOn(TenantId tenant, Customer customer, Contact contact) {
    if (!settings.settingsFor(tenant).subscriptionNotices() || contact.email() == null) {
      return;
    }
    Instant now = clock.instant();
    AlertId noticeId = AlertId.of("notice-" + contact.id() + "-" + now.toEpochMilli());
    Recipient recipient = new Recipient(contact.id(), contact.name(), contact.email());
    outbox.enqueue(List.of(new Delivery(DeliveryId.random(), tenant, DeliveryKind.SUBSCRIPTION_NOTICE, noticeId, null,
        customer.id(), customer.name().value(), recipient, null, DeliveryStatus.PENDING, 0, now, now, null, null)));
  }
}
