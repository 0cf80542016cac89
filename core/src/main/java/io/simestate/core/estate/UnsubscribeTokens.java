package io.simestate.core.estate;

import io.simestate.core.AlertKind;
import io.simestate.core.InvalidInputException;
import io.simestate.core.NotFoundException;
import io.simestate.core.TenantId;
import io.simestate.core.customer.ContactId;
import io.simestate.core.customer.CustomerId;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signed, expiring one-click unsubscribe tokens (RFC 8058) per tenant, contact and alert kind:
 * {@code 1~tenant~customer~contact~KIND~expiry~mac}, where mac is the HMAC-SHA256 of everything before
 * it under the host's key, base64url. Every part is URL-safe, so the token goes into a query as it is.
 * A token carries ids, no name or address.
 */
final class UnsubscribeTokens {

  /** The shortest key the builder accepts: 256 bits, the size of the HMAC-SHA256 output. */
  static final int MIN_KEY_BYTES = 32;
  private static final String VERSION = "1";
  private static final String ALGORITHM = "HmacSHA256";
  private static final int MAX_TOKEN_LENGTH = 400;

  /** What a valid token names. */
  record Subject(TenantId tenant, CustomerId customer, ContactId contact, AlertKind kind) {}

  private final SecretKeySpec key;
  private final Duration validity;
  private final Clock clock;

  UnsubscribeTokens(byte[] key, Duration validity, Clock clock) {
    this.key = new SecretKeySpec(Arrays.copyOf(key, key.length), ALGORITHM);
    this.validity = validity;
    this.clock = clock;
  }

  /**
   * A token for the subject that expires {@code validity} after {@code issuedAt}. The dispatcher passes
   * a time of the message (when its alert was raised), so that every retry of one message carries the
   * same token and the message reads the same each time it is sent.
   */
  String issue(Subject s, Instant issuedAt) {
    String payload = String.join("~", VERSION, s.tenant().value(), s.customer().toString(), s.contact().toString(),
        s.kind().name(), Long.toString(issuedAt.plus(validity).getEpochSecond()));
    return payload + "~" + encode(mac(payload));
  }

  /**
   * The subject of a token that this key signed, that has not expired and that belongs to the tenant.
   *
   * @throws InvalidInputException naming {@code token} if it is malformed, altered or expired
   * @throws NotFoundException if it belongs to another tenant
   */
  Subject verify(TenantId tenant, String token) {
    if (token == null || token.isBlank() || token.length() > MAX_TOKEN_LENGTH) {
      throw invalid();
    }
    int cut = token.lastIndexOf('~');
    if (cut < 0) {
      throw invalid();
    }
    String payload = token.substring(0, cut);
    // Compared as text, so that only the one canonical encoding of the MAC is accepted (a decoder would
    // also take other final characters that differ only in unused bits).
    byte[] expected = encode(mac(payload)).getBytes(StandardCharsets.US_ASCII);
    if (!MessageDigest.isEqual(expected, token.substring(cut + 1).getBytes(StandardCharsets.UTF_8))) {
      throw invalid();
    }
    String[] parts = payload.split("~", -1);
    if (parts.length != 6 || !parts[0].equals(VERSION)) {
      throw invalid();
    }
    Subject subject;
    Instant expires;
    try {
      subject = new Subject(TenantId.of(parts[1]), CustomerId.parse(parts[2]), ContactId.parse(parts[3]),
          AlertKind.valueOf(parts[4]));
      expires = Instant.ofEpochSecond(Long.parseLong(parts[5]));
    } catch (RuntimeException e) {
      throw invalid();
    }
    if (!subject.tenant().equals(tenant)) {
      throw new NotFoundException("This unsubscribe link belongs to another account of the portal");
    }
    if (!clock.instant().isBefore(expires)) {
      throw InvalidInputException.of("token", "this unsubscribe link has expired; change the alerts setting in "
          + "the portal, or ask the account's administrator to");
    }
    return subject;
  }

  private static InvalidInputException invalid() {
    return InvalidInputException.of("token", "is not a valid unsubscribe link; use the link from the latest "
        + "alert email, or change the alerts setting in the portal");
  }

  private static String encode(byte[] mac) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(mac);
  }

  private byte[] mac(String payload) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      return mac.doFinal(payload.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every Java platform has HmacSHA256", e);
    }
  }
}
