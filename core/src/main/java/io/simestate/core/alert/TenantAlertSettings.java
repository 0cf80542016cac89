package io.simestate.core.alert;

import io.simestate.core.InvalidInputException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A tenant's alert settings: its sender identity (F14), catch-all recipients (F15), digest window
 * (F13) and whether contacts get a subscription notice (F10).
 *
 * @param sender the tenant's sender, or null to use the library-wide default
 * @param catchAll who gets alerts for SIMs with no customer; may be empty
 * @param digestWindow how long alerts for one customer's contact wait to be gathered into one
 *     digest; {@link Duration#ZERO} sends one message per alert
 * @param subscriptionNotices whether a contact gets a notice when its alerts are switched on
 */
public record TenantAlertSettings(
    SenderIdentity sender, List<Recipient> catchAll, Duration digestWindow, boolean subscriptionNotices) {

  /** No tenant sender, no catch-all, no digest, no notices. */
  public static final TenantAlertSettings DEFAULTS =
      new TenantAlertSettings(null, List.of(), Duration.ZERO, false);

  /**
   * Checks the values and copies the list.
   *
   * @param sender the tenant's sender, or null to use the library-wide default
   * @param catchAll who gets alerts for SIMs with no customer; may be empty
   * @param digestWindow how long alerts for one customer's contact wait to be gathered into one
   *     digest; {@link Duration#ZERO} sends one message per alert
   * @param subscriptionNotices whether a contact gets a notice when its alerts are switched on
   */
  public TenantAlertSettings {
    catchAll = List.copyOf(catchAll == null ? List.of() : catchAll);
    digestWindow = digestWindow == null ? Duration.ZERO : digestWindow;
    if (digestWindow.isNegative() || digestWindow.compareTo(Duration.ofDays(1)) > 0) {
      throw InvalidInputException.of("digestWindow", "must be between 0 (off) and one day");
    }
  }

  /**
   * The tenant's sender.
   *
   * @return the sender, or empty to use the library-wide default
   */
  public Optional<SenderIdentity> senderIdentity() {
    return Optional.ofNullable(sender);
  }

  /**
   * These settings with another sender.
   *
   * @param newSender the sender
   * @return the changed settings
   */
  public TenantAlertSettings withSender(SenderIdentity newSender) {
    return new TenantAlertSettings(newSender, catchAll, digestWindow, subscriptionNotices);
  }

  /**
   * These settings with other catch-all recipients.
   *
   * @param recipients the recipients
   * @return the changed settings
   */
  public TenantAlertSettings withCatchAll(List<Recipient> recipients) {
    return new TenantAlertSettings(sender, recipients, digestWindow, subscriptionNotices);
  }

  /**
   * These settings with another digest window.
   *
   * @param window the window; zero for off
   * @return the changed settings
   */
  public TenantAlertSettings withDigestWindow(Duration window) {
    return new TenantAlertSettings(sender, catchAll, window, subscriptionNotices);
  }

  /**
   * These settings with subscription notices on or off.
   *
   * @param on whether to send notices
   * @return the changed settings
   */
  public TenantAlertSettings withSubscriptionNotices(boolean on) {
    return new TenantAlertSettings(sender, catchAll, digestWindow, on);
  }
}
