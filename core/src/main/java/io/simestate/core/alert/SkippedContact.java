package io.simestate.core.alert;

import io.simestate.core.InvalidInputException;
import io.simestate.core.customer.ContactId;
import java.util.List;

/**
 * A recipient that routing left out, with every reason that applies (F16), so that a portal can say
 * everything there is to fix ("switch alerts on" and "add an email address").
 *
 * @param contactId the contact; null for a tenant's catch-all recipient (F15) that was
 *     {@link SkipReason#ALREADY_TOLD already told}
 * @param contactName the contact's (or catch-all recipient's) name at routing time
 * @param reasons why it was left out: at least one, each once, in the order the rules were checked
 *     ({@link RoutingRule#standard()}), {@link SkipReason#ALREADY_TOLD} last
 */
public record SkippedContact(ContactId contactId, String contactName, List<SkipReason> reasons) {

  /**
   * Checks that there is a reason and keeps each reason once, in order.
   *
   * @param contactId the contact; null for a catch-all recipient that was already told
   * @param contactName the contact's name at routing time
   * @param reasons why it was left out: at least one, in the order the rules were checked
   */
  public SkippedContact {
    if (reasons == null || reasons.isEmpty() || reasons.stream().anyMatch(java.util.Objects::isNull)) {
      throw InvalidInputException.of("reasons", "a skipped contact needs at least one reason");
    }
    reasons = reasons.stream().distinct().toList();
  }

  /**
   * A contact left out for one reason.
   *
   * @param contactId the contact
   * @param contactName the contact's name at routing time
   * @param reason why it was left out
   */
  public SkippedContact(ContactId contactId, String contactName, SkipReason reason) {
    this(contactId, contactName, reason == null ? null : List.of(reason));
  }

  /**
   * The first reason, for callers that show one.
   *
   * @return the first of {@link #reasons()}
   */
  public SkipReason reason() {
    return reasons.get(0);
  }
}
