package io.simestate.core.alert;

import io.simestate.core.InvalidInputException;
import io.simestate.core.Limits;
import io.simestate.core.customer.EmailAddress;
import io.simestate.core.internal.Require;

/**
 * The address alerts come from (F10, F14): per tenant, with a library-wide default.
 *
 * @param address the {@code From} address
 * @param displayName the name shown with it, or null; no control characters
 * @param replyTo the {@code Reply-To} address, or null
 */
public record SenderIdentity(EmailAddress address, String displayName, EmailAddress replyTo) {

  /**
   * Checks presence and the display name.
   *
   * @param address the {@code From} address
   * @param displayName the name shown with it, or null; no control characters
   * @param replyTo the {@code Reply-To} address, or null
   */
  public SenderIdentity {
    Require.present(address, "sender.address");
    if (displayName != null && (displayName.length() > Limits.RECIPIENT_NAME_LENGTH
        || displayName.codePoints().anyMatch(Character::isISOControl))) {
      throw InvalidInputException.of("sender.displayName",
          "must have at most 200 characters and no control characters (no line breaks)");
    }
  }

  /**
   * A sender without display name or reply-to.
   *
   * @param address the address, e.g. "alerts@portal.example"
   * @return the sender
   */
  public static SenderIdentity of(String address) {
    return new SenderIdentity(EmailAddress.parse(address), null, null);
  }

  /**
   * A sender with a display name.
   *
   * @param address the address
   * @param displayName the name shown with it
   * @return the sender
   */
  public static SenderIdentity of(String address, String displayName) {
    return new SenderIdentity(EmailAddress.parse(address), displayName, null);
  }
}
