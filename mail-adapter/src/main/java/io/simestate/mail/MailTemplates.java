package io.simestate.mail;

import io.simestate.core.alert.AlertNotification;
import io.simestate.core.alert.DigestNotification;
import io.simestate.core.alert.SubscriptionNotice;
import java.time.ZoneId;

/**
 * The texts of the messages the adapter sends (F14): one template per kind of message, each turning
 * a notification into a subject, a plain-text body and an HTML body.
 *
 * <p>Every method has a default that uses {@link #defaults()}, so a host replaces just the templates it
 * wants:
 *
 * <pre>{@code
 * MailTemplates mine = new MailTemplates() {
 *   @Override
 *   public MailContent alert(AlertNotification n) {
 *     String iccid = n.alert().iccid().toString();
 *     return new MailContent(
 *         n.alert().kind().label() + " for SIM " + iccid,
 *         "SIM " + iccid + " of " + n.customerName() + " ...",
 *         SafeHtml.format("<p>SIM <b>{0}</b> of {1} ...</p>", iccid, n.customerName()));
 *   }
 * };
 * }</pre>
 *
 * <p>Values in a notification (customer and contact names above all) are untrusted: put them into
 * HTML only through {@link SafeHtml#escape(String)} or {@link SafeHtml#format(String, Object...)}.
 * Whatever a template returns, the sender strips line breaks and control characters from the
 * subject and sends only to the notification's recipient. A template must not return null; if it
 * throws, the message is reported as a transient failure and logged. Implementations must be
 * thread-safe.
 */
public interface MailTemplates {

  /**
   * The built-in English templates, with times in UTC. They need no template engine.
   *
   * @return the default templates
   */
  static MailTemplates defaults() {
    return DefaultMailTemplates.UTC;
  }

  /**
   * The built-in English templates, with times in the given zone.
   *
   * @param zone the time zone in which to show when an alert was raised
   * @return the default templates
   */
  static MailTemplates defaults(ZoneId zone) {
    return new DefaultMailTemplates(zone);
  }

  /**
   * The message for one warning or cut-off alert.
   *
   * @param notification the alert and its recipient
   * @return the message's content, never null
   */
  default MailContent alert(AlertNotification notification) {
    return defaults().alert(notification);
  }

  /**
   * The message listing several alerts of one kind for SIMs of one customer (F13).
   *
   * @param notification the alerts and their recipient
   * @return the message's content, never null
   */
  default MailContent digest(DigestNotification notification) {
    return defaults().digest(notification);
  }

  /**
   * The message telling a contact that automated alerts for the customer's SIMs will come from the
   * sender address (F10).
   *
   * @param notification the notice
   * @return the message's content, never null
   */
  default MailContent subscriptionNotice(SubscriptionNotice notification) {
    return defaults().subscriptionNotice(notification);
  }
}
