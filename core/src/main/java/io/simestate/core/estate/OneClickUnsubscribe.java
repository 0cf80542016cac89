package io.simestate.core.estate;

import io.simestate.core.Actor;
import io.simestate.core.AlertKind;
import io.simestate.core.InvalidInputException;
import io.simestate.core.TenantId;
import io.simestate.core.customer.Contact;
import io.simestate.core.customer.ContactDetails;
import io.simestate.core.customer.ContactId;
import io.simestate.core.customer.CustomerId;
import io.simestate.core.internal.Require;
import java.util.EnumSet;
import java.util.Set;

/**
 * One-click unsubscribe (RFC 8058) for alert emails: when a tenant has an HTTPS portal address and the
 * estate an unsubscribe key ({@code SimEstate.Builder.oneClickUnsubscribe}), every alert and digest to a
 * customer's contact carries {@code List-Unsubscribe: <portal/unsubscribe?token=…>} and
 * {@code List-Unsubscribe-Post: List-Unsubscribe=One-Click}. The token is signed (HMAC-SHA256 with the
 * host's key), expires, and names the tenant, the contact and the alert kind.
 *
 * <p>The host exposes that address: on a {@code POST} it calls {@link #confirm} with the tenant the
 * request came for and the {@code token} parameter, and answers 200 whatever the outcome of a valid
 * token. A {@code GET} (a person following the link, or a mail scanner checking it) should show a page
 * with a button that posts, and must not unsubscribe by itself. Thread-safe.
 */
public final class OneClickUnsubscribe {

  private final UnsubscribeTokens tokens;
  private final Customers customers;

  OneClickUnsubscribe(UnsubscribeTokens tokens, Customers customers) {
    this.tokens = tokens;
    this.customers = customers;
  }

  /**
   * What {@link #confirm} did.
   *
   * @param customer the contact's customer
   * @param contact the contact
   * @param kind the alert kind switched off
   * @param changed false if the contact did not get that kind already (a second click)
   * @param alertsStillOn whether the contact still gets the other kind
   */
  public record Result(CustomerId customer, ContactId contact, AlertKind kind, boolean changed,
      boolean alertsStillOn) {}

  /**
   * Verifies a token and switches the contact's alerts of its kind off: the kind is removed from those
   * the contact wants, and when it was the only one, the contact's alerts switch goes off. Audited as
   * a contact change by the actor "one-click unsubscribe" with the contact's id.
   *
   * @param tenant the tenant the request came for
   * @param token the {@code token} parameter of the address
   * @return what was done
   * @throws InvalidInputException naming {@code token} if the token is malformed, altered, signed with
   *     another key or expired, or if this estate has no unsubscribe key
   * @throws io.simestate.core.NotFoundException if the token belongs to another tenant, or its contact
   *     or customer no longer exists
   */
  public Result confirm(TenantId tenant, String token) {
    Require.present(tenant, "tenantId");
    if (tokens == null) {
      throw InvalidInputException.of("token", "one-click unsubscribe is not set up for this portal "
          + "(SimEstate.Builder.oneClickUnsubscribe); change the alerts setting in the portal");
    }
    UnsubscribeTokens.Subject subject = tokens.verify(tenant, token);
    Contact contact = customers.get(tenant, subject.customer()).requireContact(subject.contact());
    boolean wanted = contact.alertsEnabled() && contact.alertKinds().contains(subject.kind());
    if (!wanted) {
      return new Result(subject.customer(), subject.contact(), subject.kind(), false, contact.alertsEnabled());
    }
    Set<AlertKind> rest = EnumSet.copyOf(contact.alertKinds());
    rest.remove(subject.kind());
    ContactDetails details = rest.isEmpty()
        ? ContactDetails.from(contact).withAlerts(false)
        : ContactDetails.from(contact).withAlertKinds(rest);
    Contact stored = customers.updateContact(tenant, Actor.of("one-click unsubscribe (contact " + contact.id() + ")"),
        subject.customer(), subject.contact(), details);
    return new Result(subject.customer(), subject.contact(), subject.kind(), true, stored.alertsEnabled());
  }
}
