package io.simestate.core.alert;

import io.simestate.core.AlertKind;
import io.simestate.core.customer.Contact;
import java.util.List;
import java.util.Optional;

/**
 * One rule that can exclude a contact of the SIM's customer from an alert (F9), and say why.
 * The rules a router applies are {@link #standard()}; a contact receives the alert only if no rule
 * excludes it, and a contact left out is reported with the reason of every rule that excludes it.
 *
 * <p>A rule must be a pure function of the contact and the kind: the same contact and kind always
 * get the same answer. A router keeps what its rules chose for a customer's contacts until the
 * customer changes, so a rule that consulted anything else (a clock, a setting) would not be asked
 * again.
 */
@FunctionalInterface
public interface RoutingRule {

  /**
   * Checks one contact.
   *
   * @param contact a contact of the customer that holds the SIM
   * @param kind the alert's kind
   * @return the reason to exclude the contact, or empty if this rule lets it through
   */
  Optional<SkipReason> excludes(Contact contact, AlertKind kind);

  /** The contact's alerts switch must be on. */
  RoutingRule ALERTS_SWITCHED_ON =
      (contact, kind) -> contact.alertsEnabled() ? Optional.empty() : Optional.of(SkipReason.ALERTS_OFF);

  /** The contact must have a valid email address. */
  RoutingRule HAS_VALID_EMAIL =
      (contact, kind) -> contact.email() != null ? Optional.empty() : Optional.of(SkipReason.NO_VALID_EMAIL);

  /** The contact must want this kind of alert. */
  RoutingRule WANTS_KIND =
      (contact, kind) -> contact.wants(kind) ? Optional.empty() : Optional.of(SkipReason.KIND_NOT_WANTED);

  /**
   * Every rule, in the order they are checked; every rule that excludes a contact gives its reason,
   * in this order.
   *
   * @return the rules
   */
  static List<RoutingRule> standard() {
    return List.of(ALERTS_SWITCHED_ON, HAS_VALID_EMAIL, WANTS_KIND);
  }
}
