package io.simestate.core.customer;

import io.simestate.core.Limits;
import io.simestate.core.NotFoundException;
import io.simestate.core.TenantId;
import io.simestate.core.internal.Require;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * A customer of one tenant, with its contacts: the aggregate that the customer store keeps.
 *
 * <p>Optional fields are null when not given. {@link #version()} changes with every change to the
 * customer or its contacts; edits and deletion confirmations carry the version they were based on.
 *
 * @param id the customer's id
 * @param tenantId the tenant the customer belongs to
 * @param name the customer's name
 * @param address the postal address; {@link PostalAddress#EMPTY} when none
 * @param phone phone number, or null
 * @param email the customer's general email address, or null
 * @param website website, or null
 * @param reference the portal's own reference (account number, contract id), or null
 * @param notes free text, or null
 * @param contacts the contacts, in the order they were added; never null
 * @param version the optimistic version, 0 for a customer never stored
 * @param createdAt when the customer was created; kept to the microsecond
 * @param updatedAt when the customer or its contacts last changed; kept to the microsecond
 */
public record Customer(
    CustomerId id,
    TenantId tenantId,
    CustomerName name,
    PostalAddress address,
    String phone,
    EmailAddress email,
    String website,
    String reference,
    String notes,
    List<Contact> contacts,
    long version,
    Instant createdAt,
    Instant updatedAt) {

  /**
   * Checks presence and the {@link Limits} of the texts, and copies the contacts.
   *
   * @param id the customer's id
   * @param tenantId the tenant the customer belongs to
   * @param name the customer's name
   * @param address the postal address; {@link PostalAddress#EMPTY} when none
   * @param phone phone number, or null
   * @param email the customer's general email address, or null
   * @param website website, or null
   * @param reference the portal's own reference (account number, contract id), or null
   * @param notes free text, or null
   * @param contacts the contacts, in the order they were added; never null
   * @param version the optimistic version, 0 for a customer never stored
   * @param createdAt when the customer was created
   * @param updatedAt when the customer or its contacts last changed
   */
  public Customer {
    Require.present(id, "id");
    Require.present(tenantId, "tenantId");
    Require.present(name, "name");
    Require.present(createdAt, "createdAt");
    Require.present(updatedAt, "updatedAt");
    // kept to the microsecond, as every store keeps them: what create returns equals what is read back
    createdAt = createdAt.truncatedTo(ChronoUnit.MICROS);
    updatedAt = updatedAt.truncatedTo(ChronoUnit.MICROS);
    address = address == null ? PostalAddress.EMPTY : address;
    Limits.length(phone, Limits.PHONE_LENGTH, "phone");
    Limits.length(website, Limits.WEBSITE_LENGTH, "website");
    Limits.length(reference, Limits.REFERENCE_LENGTH, "reference");
    Limits.length(notes, Limits.NOTES_LENGTH, "notes");
    contacts = List.copyOf(Require.present(contacts, "contacts"));
  }

  /**
   * Finds one of this customer's contacts.
   *
   * @param contactId the contact's id
   * @return the contact, if it belongs to this customer
   */
  public Optional<Contact> contact(ContactId contactId) {
    return contacts.stream().filter(c -> c.id().equals(contactId)).findFirst();
  }

  /**
   * Finds one of this customer's contacts or fails.
   *
   * @param contactId the contact's id
   * @return the contact
   * @throws NotFoundException if this customer has no such contact
   */
  public Contact requireContact(ContactId contactId) {
    return contact(contactId).orElseThrow(
        () -> new NotFoundException("Contact " + contactId + " not found for customer " + id));
  }

  /**
   * This customer with other contacts.
   *
   * @param newContacts the contacts
   * @param at when the change happened
   * @return the changed customer (same version; the store advances it)
   */
  public Customer withContacts(List<Contact> newContacts, Instant at) {
    return new Customer(id, tenantId, name, address, phone, email, website, reference, notes,
        newContacts, version, createdAt, at);
  }
}
