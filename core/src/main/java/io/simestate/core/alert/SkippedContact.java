package io.simestate.core.alert;

import io.simestate.core.customer.ContactId;

/**
 * A contact that routing left out, and why.
 *
 * @param contactId the contact
 * @param contactName the contact's name at routing time
 * @param reason the first rule that excluded it
 */
public record SkippedContact(ContactId contactId, String contactName, SkipReason reason) {}
