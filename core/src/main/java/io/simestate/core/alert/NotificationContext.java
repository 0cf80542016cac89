package io.simestate.core.alert;

import io.simestate.core.InvalidInputException;
import java.net.URI;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;

/**
 * What a message needs to know about its tenant beyond the sender (F17): the tenant's display name,
 * the time zone to show times in, the portal to link to, and the one-click unsubscribe address for
 * this recipient and alert kind (RFC 8058). The dispatcher fills it from the tenant's settings; a
 * message of a tenant without settings has {@link #NONE}.
 *
 * @param tenantName the tenant's display name, or null
 * @param timeZone the zone to show times in beside UTC, or null for the templates' own
 * @param portalUrl the tenant's portal, or null
 * @param unsubscribeUrl the HTTPS address that switches this recipient's alerts of this kind off with
 *     one POST, or null when there is none (no portal address, no unsubscribe key, a catch-all
 *     recipient or a subscription notice)
 */
public record NotificationContext(String tenantName, ZoneId timeZone, URI portalUrl, URI unsubscribeUrl) {

  /** No tenant name, zone, portal or unsubscribe address. */
  public static final NotificationContext NONE = new NotificationContext(null, null, null, null);

  /**
   * Checks that an unsubscribe address is HTTPS, as RFC 8058 requires.
   *
   * @param tenantName the tenant's display name, or null
   * @param timeZone the zone to show times in beside UTC, or null
   * @param portalUrl the tenant's portal, or null
   * @param unsubscribeUrl the one-click unsubscribe address, or null
   */
  public NotificationContext {
    if (unsubscribeUrl != null && (unsubscribeUrl.getScheme() == null
        || !unsubscribeUrl.getScheme().toLowerCase(Locale.ROOT).equals("https"))) {
      throw InvalidInputException.of("unsubscribeUrl", "must be an https:// address (RFC 8058)");
    }
  }

  /**
   * The tenant's display name.
   *
   * @return the name, or empty
   */
  public Optional<String> tenant() {
    return Optional.ofNullable(tenantName);
  }

  /**
   * The tenant's portal.
   *
   * @return the address, or empty
   */
  public Optional<URI> portal() {
    return Optional.ofNullable(portalUrl);
  }

  /**
   * The one-click unsubscribe address.
   *
   * @return the address, or empty
   */
  public Optional<URI> unsubscribe() {
    return Optional.ofNullable(unsubscribeUrl);
  }
}
