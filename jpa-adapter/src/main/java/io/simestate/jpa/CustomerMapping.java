package io.simestate.jpa;

import io.simestate.core.AlertKind;
import io.simestate.core.TenantId;
import io.simestate.core.customer.Contact;
import io.simestate.core.customer.ContactId;
import io.simestate.core.customer.Customer;
import io.simestate.core.customer.CustomerId;
import io.simestate.core.customer.CustomerName;
import io.simestate.core.customer.EmailAddress;
import io.simestate.core.customer.PostalAddress;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/** Maps customers and contacts between the domain records and the entities. */
final class CustomerMapping {

  private CustomerMapping() {}

  static Customer toDomain(CustomerEntity e) {
    List<Contact> contacts = new ArrayList<>(e.contacts.size());
    for (ContactEntity c : e.contacts) {
      contacts.add(toDomain(c));
    }
    return toDomain(e, contacts);
  }

  /** The customer's own fields from the entity, with contacts already mapped (read row by row). */
  static Customer toDomain(CustomerEntity e, List<Contact> contacts) {
    return new Customer(new CustomerId(UUID.fromString(e.id)), TenantId.of(e.tenantId), new CustomerName(e.name),
        new PostalAddress(e.street, e.postalCode, e.city, e.region, e.country), e.phone, email(e.email), e.website,
        e.reference, e.notes, contacts, e.version, e.createdAt, e.updatedAt);
  }

  static Contact toDomain(ContactEntity c) {
    return contact(c.id, c.name, c.email, c.phone, c.role, c.alertsEnabled, c.wantsWarning, c.wantsCutOff);
  }

  static Contact contact(String id, String name, String email, String phone, String role, boolean alertsEnabled,
      boolean warning, boolean cutOff) {
    Set<AlertKind> kinds = EnumSet.noneOf(AlertKind.class);
    if (warning) {
      kinds.add(AlertKind.WARNING);
    }
    if (cutOff) {
      kinds.add(AlertKind.CUT_OFF);
    }
    return new Contact(new ContactId(UUID.fromString(id)), name, email(email), phone, role, alertsEnabled, kinds);
  }

  static EmailAddress email(String stored) {
    if (stored == null) {
      return null;
    }
    // Stored addresses are canonical (ASCII domain in lower case): the record's own checks suffice,
    // without parse()'s white-space, IDNA and invisible-character passes on every read.
    int at = stored.lastIndexOf('@');
    if (at > 0) {
      try {
        return new EmailAddress(stored.substring(0, at), stored.substring(at + 1));
      } catch (io.simestate.core.InvalidInputException notCanonical) {
        // fall through: written by other means; parse it as typed
      }
    }
    return EmailAddress.parse(stored);
  }

  static String email(EmailAddress email) {
    return email == null ? null : email.toString();
  }

  /** Copies the customer's own fields onto the entity; true if any column changed. */
  static boolean apply(Customer c, CustomerEntity e) {
    PostalAddress a = c.address();
    String[] before = parentState(e);
    e.tenantId = c.tenantId().value();
    e.name = Limits.fit(c.name().value(), 400, "name");
    e.nameKey = c.name().key();
    e.street = Limits.fit(a.street(), 1000, "address.street");
    e.postalCode = Limits.fit(a.postalCode(), 100, "address.postalCode");
    e.city = Limits.fit(a.city(), 400, "address.city");
    e.region = Limits.fit(a.region(), 400, "address.region");
    e.country = Limits.fit(a.country(), 400, "address.country");
    e.phone = Limits.fit(c.phone(), 100, "phone");
    e.email = email(c.email());
    e.website = Limits.fit(c.website(), 2000, "website");
    e.reference = Limits.fit(c.reference(), 400, "reference");
    e.notes = Limits.fit(c.notes(), 4000, "notes");
    if (e.createdAt == null) {
      e.createdAt = c.createdAt();
    }
    e.updatedAt = c.updatedAt();
    return !java.util.Arrays.equals(before, parentState(e));
  }

  private static String[] parentState(CustomerEntity e) {
    return new String[] {e.tenantId, e.name, e.nameKey, e.street, e.postalCode, e.city, e.region, e.country,
        e.phone, e.email, e.website, e.reference, e.notes, Objects.toString(e.updatedAt, null)};
  }

  /** Makes the entity's contacts match the customer's: updates kept ones, adds new, removes missing. */
  static void applyContacts(Customer c, CustomerEntity e) {
    Map<String, ContactEntity> existing = new HashMap<>();
    for (ContactEntity ce : e.contacts) {
      existing.put(ce.id, ce);
    }
    List<ContactEntity> next = new ArrayList<>(c.contacts().size());
    int ordinal = 0;
    for (Contact contact : c.contacts()) {
      ContactEntity ce = existing.remove(contact.id().toString());
      if (ce == null) {
        ce = new ContactEntity();
        ce.id = contact.id().toString();
        ce.customer = e;
      }
      ce.ordinal = ordinal++;
      ce.name = Limits.fit(contact.name(), 400, "contacts.name");
      ce.email = email(contact.email());
      ce.phone = Limits.fit(contact.phone(), 100, "contacts.phone");
      ce.role = Limits.fit(contact.role(), 400, "contacts.role");
      ce.alertsEnabled = contact.alertsEnabled();
      ce.wantsWarning = contact.wants(AlertKind.WARNING);
      ce.wantsCutOff = contact.wants(AlertKind.CUT_OFF);
      next.add(ce);
    }
    e.contacts.retainAll(next);
    for (ContactEntity ce : next) {
      if (!e.contacts.contains(ce)) {
        e.contacts.add(ce);
      }
    }
    e.contacts.sort(java.util.Comparator.comparingInt(x -> x.ordinal));
  }
}
