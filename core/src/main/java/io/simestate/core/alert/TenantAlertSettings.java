package io.simestate.core.alert;

import io.simestate.core.InvalidInputException;
import io.simestate.core.Limits;
import io.simestate.core.customer.EmailAddress;
import java.net.URI;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A tenant's alert settings (F13–F15, F17): its sender identity and Reply-To, catch-all recipients,
 * digest and repeat windows, time zone, portal address, display name and whether contacts get a
 * subscription notice. They come from {@code SimEstate.tenants()} (stored, changeable at run time),
 * from the builder ({@code SimEstate.Builder.tenant}) or from a host's {@link TenantSettingsSource}.
 *
 * <p>Every optional value is null when the tenant has none; then the library-wide value applies (the
 * builder's default sender, its repeat window, the mail templates' time zone). An invalid value is
 * refused with an {@link InvalidInputException} naming the field, so settings that exist are valid.
 *
 * @param sender the tenant's sender, or null to use the library-wide default
 * @param catchAll who gets alerts for SIMs with no customer; at most {@value Limits#CATCH_ALL_RECIPIENTS},
 *     may be empty
 * @param digestWindow how long alerts for one customer's contact wait to be gathered into one
 *     digest; {@link Duration#ZERO} sends one message per alert
 * @param subscriptionNotices whether a contact gets a notice when its alerts are switched on
 * @param replyTo where replies go, or null for the sender's own Reply-To (if any)
 * @param repeatWindow how long a repeat without usage period is held back, one second to 31 days, or
 *     null for the builder's {@code repeatWindow}
 * @param timeZone the zone in which messages show times (beside UTC), or null for the templates' zone
 * @param portalUrl the tenant's portal, an absolute {@code https} (or {@code http}) address that
 *     messages link to, or null; also what makes one-click unsubscribe possible
 * @param displayName the tenant's name as its contacts know it (1–100 characters, one line), or null
 */
public record TenantAlertSettings(
    SenderIdentity sender, List<Recipient> catchAll, Duration digestWindow, boolean subscriptionNotices,
    EmailAddress replyTo, Duration repeatWindow, ZoneId timeZone, URI portalUrl, String displayName) {

  /** No tenant sender, no catch-all, no digest, no notices, and the library-wide values for the rest. */
  public static final TenantAlertSettings DEFAULTS =
      new TenantAlertSettings(null, List.of(), Duration.ZERO, false);

  /** The longest {@link #repeatWindow}. */
  public static final Duration MAX_REPEAT_WINDOW = Duration.ofDays(31);

  /**
   * Checks the values and copies the list.
   *
   * @param sender the tenant's sender, or null to use the library-wide default
   * @param catchAll who gets alerts for SIMs with no customer; may be empty
   * @param digestWindow how long alerts wait to be gathered into one digest; zero for off
   * @param subscriptionNotices whether a contact gets a notice when its alerts are switched on
   * @param replyTo where replies go, or null
   * @param repeatWindow how long a repeat without usage period is held back, or null for the default
   * @param timeZone the zone messages show times in, or null
   * @param portalUrl the tenant's portal address, or null
   * @param displayName the tenant's display name, or null
   * @throws InvalidInputException naming the field of a value out of its range
   */
  public TenantAlertSettings {
    catchAll = catchAll == null ? List.of() : catchAll;
    if (catchAll.stream().anyMatch(java.util.Objects::isNull)) {
      throw InvalidInputException.of("catchAll", "must not contain empty entries");
    }
    catchAll = List.copyOf(catchAll);
    if (catchAll.size() > Limits.CATCH_ALL_RECIPIENTS) {
      throw InvalidInputException.of("catchAll", "must name at most " + Limits.CATCH_ALL_RECIPIENTS + " recipients");
    }
    digestWindow = digestWindow == null ? Duration.ZERO : digestWindow;
    if (digestWindow.isNegative() || digestWindow.compareTo(Duration.ofDays(1)) > 0) {
      throw InvalidInputException.of("digestWindow", "must be between 0 (off) and one day");
    }
    if (repeatWindow != null
        && (repeatWindow.compareTo(Duration.ofSeconds(1)) < 0 || repeatWindow.compareTo(MAX_REPEAT_WINDOW) > 0)) {
      throw InvalidInputException.of("repeatWindow", "must be between one second and 31 days");
    }
    portalUrl = portalUrl == null ? null : checkedPortalUrl(portalUrl);
    if (displayName != null) {
      displayName = displayName.strip();
      if (displayName.isEmpty() || displayName.codePointCount(0, displayName.length()) > Limits.TENANT_NAME_LENGTH
          || displayName.codePoints().anyMatch(c -> Character.isISOControl(c)
              || Character.getType(c) == Character.FORMAT)) {
        throw InvalidInputException.of("displayName",
            "must be 1 to " + Limits.TENANT_NAME_LENGTH + " characters on one line, without control characters");
      }
      displayName = displayName.replaceAll("\\p{Zs}+", " ");
    }
  }

  /**
   * Settings of the shape before issue 12: the other values are left to the library-wide defaults.
   *
   * @param sender the tenant's sender, or null to use the library-wide default
   * @param catchAll who gets alerts for SIMs with no customer; may be empty
   * @param digestWindow how long alerts wait to be gathered into one digest; zero for off
   * @param subscriptionNotices whether a contact gets a notice when its alerts are switched on
   */
  public TenantAlertSettings(
      SenderIdentity sender, List<Recipient> catchAll, Duration digestWindow, boolean subscriptionNotices) {
    this(sender, catchAll, digestWindow, subscriptionNotices, null, null, null, null, null);
  }

  /**
   * Parses a portal address as a form submits it.
   *
   * @param text an absolute {@code https} or {@code http} address, e.g. "https://portal.acme.example/"
   * @return the address
   * @throws InvalidInputException naming {@code portalUrl} if it is not such an address
   */
  public static URI parsePortalUrl(String text) {
    if (text == null || text.isBlank()) {
      throw InvalidInputException.of("portalUrl", "is required");
    }
    try {
      return checkedPortalUrl(new URI(text.strip()));
    } catch (java.net.URISyntaxException e) {
      throw InvalidInputException.of("portalUrl", "is not a valid address: " + e.getReason());
    }
  }

  private static URI checkedPortalUrl(URI url) {
    String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    String text = url.toASCIIString();
    if (!url.isAbsolute() || url.isOpaque() || !(scheme.equals("https") || scheme.equals("http"))
        || url.getHost() == null) {
      throw InvalidInputException.of("portalUrl",
          "must be an absolute https:// (or http://) address with a host, e.g. https://portal.example/");
    }
    if (url.getRawUserInfo() != null || url.getRawFragment() != null || url.getRawQuery() != null) {
      throw InvalidInputException.of("portalUrl", "must not contain a user name, a query (?) or a fragment (#)");
    }
    if (text.length() > Limits.PORTAL_URL_LENGTH) {
      throw InvalidInputException.of("portalUrl", "must have at most " + Limits.PORTAL_URL_LENGTH + " characters");
    }
    return URI.create(text);
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
   * The sender messages of this tenant come from: its own or the given default, with this tenant's
   * {@link #replyTo} where it has one.
   *
   * @param defaultSender the library-wide sender
   * @return the sender, never null
   */
  public SenderIdentity effectiveSender(SenderIdentity defaultSender) {
    SenderIdentity from = sender != null ? sender : defaultSender;
    return replyTo == null ? from : new SenderIdentity(from.address(), from.displayName(), replyTo);
  }

  /**
   * These settings with another sender.
   *
   * @param newSender the sender, or null for the library-wide default
   * @return the changed settings
   */
  public TenantAlertSettings withSender(SenderIdentity newSender) {
    return new TenantAlertSettings(newSender, catchAll, digestWindow, subscriptionNotices, replyTo, repeatWindow,
        timeZone, portalUrl, displayName);
  }

  /**
   * These settings with other catch-all recipients.
   *
   * @param recipients the recipients
   * @return the changed settings
   */
  public TenantAlertSettings withCatchAll(List<Recipient> recipients) {
    return new TenantAlertSettings(sender, recipients, digestWindow, subscriptionNotices, replyTo, repeatWindow,
        timeZone, portalUrl, displayName);
  }

  /**
   * These settings with another digest window.
   *
   * @param window the window; zero for off
   * @return the changed settings
   */
  public TenantAlertSettings withDigestWindow(Duration window) {
    return new TenantAlertSettings(sender, catchAll, window, subscriptionNotices, replyTo, repeatWindow,
        timeZone, portalUrl, displayName);
  }

  /**
   * These settings with subscription notices on or off.
   *
   * @param on whether to send notices
   * @return the changed settings
   */
  public TenantAlertSettings withSubscriptionNotices(boolean on) {
    return new TenantAlertSettings(sender, catchAll, digestWindow, on, replyTo, repeatWindow,
        timeZone, portalUrl, displayName);
  }

  /**
   * These settings with another Reply-To.
   *
   * @param address where replies go, or null for none of the tenant's own
   * @return the changed settings
   */
  public TenantAlertSettings withReplyTo(EmailAddress address) {
    return new TenantAlertSettings(sender, catchAll, digestWindow, subscriptionNotices, address, repeatWindow,
        timeZone, portalUrl, displayName);
  }

  /**
   * These settings with another repeat window.
   *
   * @param window one second to 31 days, or null for the builder's
   * @return the changed settings
   */
  public TenantAlertSettings withRepeatWindow(Duration window) {
    return new TenantAlertSettings(sender, catchAll, digestWindow, subscriptionNotices, replyTo, window,
        timeZone, portalUrl, displayName);
  }

  /**
   * These settings with another time zone.
   *
   * @param zone the zone, or null for the templates' own
   * @return the changed settings
   */
  public TenantAlertSettings withTimeZone(ZoneId zone) {
    return new TenantAlertSettings(sender, catchAll, digestWindow, subscriptionNotices, replyTo, repeatWindow,
        zone, portalUrl, displayName);
  }

  /**
   * These settings with another portal address.
   *
   * @param url an absolute https (or http) address, or null for none
   * @return the changed settings
   */
  public TenantAlertSettings withPortalUrl(URI url) {
    return new TenantAlertSettings(sender, catchAll, digestWindow, subscriptionNotices, replyTo, repeatWindow,
        timeZone, url, displayName);
  }

  /**
   * These settings with another display name.
   *
   * @param name the tenant's name as its contacts know it, or null
   * @return the changed settings
   */
  public TenantAlertSettings withDisplayName(String name) {
    return new TenantAlertSettings(sender, catchAll, digestWindow, subscriptionNotices, replyTo, repeatWindow,
        timeZone, portalUrl, name);
  }
}
