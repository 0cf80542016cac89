package io.simestate.core.estate;

import io.simestate.core.Actor;
import io.simestate.core.ConflictException;
import io.simestate.core.InvalidInputException;
import io.simestate.core.NotFoundException;
import io.simestate.core.Page;
import io.simestate.core.PageRequest;
import io.simestate.core.TenantId;
import io.simestate.core.Transactions;
import io.simestate.core.Violation;
import io.simestate.core.audit.AuditEventType;
import io.simestate.core.customer.Contact;
import io.simestate.core.customer.ContactDetails;
import io.simestate.core.customer.ContactId;
import io.simestate.core.customer.Customer;
import io.simestate.core.customer.CustomerDetails;
import io.simestate.core.customer.CustomerId;
import io.simestate.core.customer.CustomerName;
import io.simestate.core.customer.CustomerStore;
import io.simestate.core.customer.CustomerSummary;
import io.simestate.core.customer.DeletionConfirmation;
import io.simestate.core.customer.DeletionResult;
import io.simestate.core.customer.EmailAddress;
import io.simestate.core.customer.PostalAddress;
import io.simestate.core.internal.Require;
import io.simestate.core.sim.Iccid;
import io.simestate.core.sim.SimAssignmentStore;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The customer use cases: create, list, report, edit and delete customers (F1–F5) and manage their
 * contacts and alert preferences (F6, F7). Every method is scoped to one tenant; another tenant's
 * customer answers {@link NotFoundException}. Every change names the acting portal user and is
 * published to the administrative record (F11).
 *
 * <p>Obtain it from {@code SimEstate.customers()}. Thread-safe.
 */
public final class Customers {

  /** How many SIMs {@link #previewDeletion(TenantId, CustomerId)} lists. */
  public static final int PREVIEW_SIMS = 100;

  private final CustomerStore store;
  private final SimAssignmentStore sims;
  private final Transactions tx;
  private final EventRecorder events;
  private final InputValidator validator;
  private final SubscriptionNotices notices;
  private final Clock clock;

  /**
   * Wires the use cases; called by {@code SimEstate}.
   *
   * @param store the customer store
   * @param sims the SIM assignment store
   * @param tx the transaction runner
   * @param events the event recorder
   * @param validator the input validator
   * @param notices told when a contact's alerts are switched on
   * @param clock the clock
   */
  Customers(CustomerStore store, SimAssignmentStore sims, Transactions tx, EventRecorder events,
      InputValidator validator, SubscriptionNotices notices, Clock clock) {
    this.store = store;
    this.sims = sims;
    this.tx = tx;
    this.events = events;
    this.validator = validator;
    this.notices = notices;
    this.clock = clock;
  }

  /**
   * Creates a customer (F1).
   *
   * @param tenant the tenant
   * @param actor the portal user
   * @param details the customer's fields; only the name is required
   * @return the stored customer, version 1
   * @throws io.simestate.core.InvalidInputException listing every broken field rule
   * @throws ConflictException with {@code DUPLICATE_NAME} if the tenant has a customer of that name
   */
  public Customer create(TenantId tenant, Actor actor, CustomerDetails details) {
    return create(tenant, actor, details, List.of());
  }

  /**
   * Creates a customer together with its first contacts (F1, F6, F7), as a portal's "new customer"
   * form submits them: one change, recorded as one {@code CUSTOMER_CREATED} event that names the
   * contacts. Either all of it is stored or nothing. Each contact whose alerts are on gets the
   * subscription notice, as with {@link #addContact}.
   *
   * @param tenant the tenant
   * @param actor the portal user
   * @param details the customer's fields; only the name is required
   * @param contacts the contacts' fields, in the order to keep; empty for none
   * @return the stored customer with its contacts, version 1
   * @throws io.simestate.core.InvalidInputException listing every broken field rule of the customer
   *     and of each contact (fields of the third contact as {@code contacts[2].email})
   * @throws ConflictException with {@code DUPLICATE_NAME} if the tenant has a customer of that name
   */
  public Customer create(TenantId tenant, Actor actor, CustomerDetails details, List<ContactDetails> contacts) {
    Require.present(tenant, "tenantId");
    Require.present(actor, "actor");
    Require.present(contacts, "contacts");
    Instant now = clock.instant();
    List<Violation> violations = new ArrayList<>();
    Customer customer = null;
    try {
      customer = toCustomer(CustomerId.random(), tenant, details, List.of(), 0, now, now);
    } catch (InvalidInputException e) {
      violations.addAll(e.violations());
    }
    List<Contact> newContacts = new ArrayList<>(contacts.size());
    for (int i = 0; i < contacts.size(); i++) {
      try {
        newContacts.add(toContact(ContactId.random(), contacts.get(i)));
      } catch (InvalidInputException e) {
        violations.addAll(e.under("contacts[" + i + "]").violations());
      }
    }
    if (!violations.isEmpty()) {
      throw new InvalidInputException(violations);
    }
    Customer draft = customer.withContacts(newContacts, now);
    return tx.inTransaction(() -> {
      Customer stored = store.insert(draft);
      StringBuilder summary = new StringBuilder("Created customer ").append(stored.name());
      for (int i = 0; i < newContacts.size(); i++) {
        Contact contact = newContacts.get(i);
        summary.append(i == 0 ? " with contact " : ", ").append(contact.name()).append(alertsText(contact));
      }
      events.record(tenant, AuditEventType.CUSTOMER_CREATED, actor, stored.id(), List.of(), summary.toString());
      for (Contact contact : newContacts) {
        if (contact.alertsEnabled()) {
          notices.alertsSwitchedOn(tenant, stored, contact);
        }
      }
      return stored;
    });
  }

  /**
   * Replaces a customer's details (F4), keeping its contacts and SIMs.
   *
   * @param tenant the tenant
   * @param actor the portal user
   * @param id the customer
   * @param expectedVersion the version the user's form was based on
   * @param details the new fields
   * @return the stored customer with its new version
   * @throws NotFoundException if the tenant has no such customer
   * @throws ConflictException with {@code STALE_VERSION} if someone changed it meanwhile, or
   *     {@code DUPLICATE_NAME}
   */
  public Customer update(TenantId tenant, Actor actor, CustomerId id, long expectedVersion, CustomerDetails details) {
    Require.present(tenant, "tenantId");
    Require.present(actor, "actor");
    Require.present(id, "customerId");
    Customer shape = toCustomer(id, tenant, details, List.of(), expectedVersion, Instant.EPOCH, clock.instant());
    return tx.inTransaction(() -> {
      Customer current = get(tenant, id);
      if (current.version() != expectedVersion) {
        throw stale(current);
      }
      Customer changed = new Customer(id, tenant, shape.name(), shape.address(), shape.phone(), shape.email(),
          shape.website(), shape.reference(), shape.notes(), current.contacts(), expectedVersion,
          current.createdAt(), clock.instant());
      Customer stored = store.update(current, changed);
      String summary = current.name().equals(stored.name())
          ? "Edited customer " + stored.name()
          : "Renamed customer " + current.name() + " to " + stored.name();
      events.record(tenant, AuditEventType.CUSTOMER_UPDATED, actor, id, List.of(), summary);
      return stored;
    });
  }

  /**
   * Finds a customer.
   *
   * @param tenant the tenant
   * @param id the customer
   * @return the customer with its contacts, or empty if the tenant has none with that id
   */
  public Optional<Customer> find(TenantId tenant, CustomerId id) {
    Require.present(tenant, "tenantId");
    Require.present(id, "customerId");
    return store.find(tenant, id);
  }

  /**
   * Gets a customer.
   *
   * @param tenant the tenant
   * @param id the customer
   * @return the customer with its contacts
   * @throws NotFoundException if the tenant has no such customer
   */
  public Customer get(TenantId tenant, CustomerId id) {
    return find(tenant, id).orElseThrow(() -> notFound(id));
  }

  /**
   * Lists customers for a drop-down (F2): id and name, sorted by name ignoring case.
   *
   * @param tenant the tenant
   * @param nameContains a search text matched anywhere in the name, folded like {@link
   *     io.simestate.core.customer.CustomerName#key()} (case, invisible characters and compatibility
   *     forms do not matter); null or blank for all
   * @param page which slice
   * @return the page
   */
  public Page<CustomerSummary> list(TenantId tenant, String nameContains, PageRequest page) {
    Require.present(tenant, "tenantId");
    Require.present(page, "page");
    Optional<String> search = nameContains == null || nameContains.isBlank()
        ? Optional.empty() : Optional.of(CustomerName.normalise(nameContains));
    // White space (tabs, line breaks) became single spaces; any other control character (NUL, which
    // PostgreSQL refuses in text) cannot be part of a name, so nothing matches: don't ask the store.
    if (search.isPresent() && search.get().codePoints().anyMatch(Character::isISOControl)) {
      return new Page<>(List.of(), 0, page);
    }
    return store.list(tenant, search, page);
  }

  /**
   * The customer report (F3): details, every contact, SIM count and one page of ICCIDs.
   *
   * @param tenant the tenant
   * @param id the customer
   * @param simPage which ICCIDs to include
   * @return the report
   * @throws NotFoundException if the tenant has no such customer
   */
  public CustomerReport report(TenantId tenant, CustomerId id, PageRequest simPage) {
    Require.present(simPage, "page");
    return tx.inTransaction(() -> {
      Customer customer = get(tenant, id);
      Page<Iccid> page = sims.simsOf(tenant, id, simPage);
      return new CustomerReport(customer, page.total(), page);
    });
  }

  /**
   * Previews deleting a customer (F5, step 1): how many SIMs lose their designation, the first
   * {@value #PREVIEW_SIMS} of them, and how many contacts are removed, with the confirmation for
   * step 2.
   *
   * @param tenant the tenant
   * @param id the customer
   * @return the preview
   * @throws NotFoundException if the tenant has no such customer
   */
  public DeletionPreview previewDeletion(TenantId tenant, CustomerId id) {
    return previewDeletion(tenant, id, PageRequest.first(PREVIEW_SIMS));
  }

  /**
   * Previews deleting a customer (F5, step 1) with the given page of the SIMs that lose their
   * designation, for a confirmation dialog that pages through them. Every page of one preview
   * yields the same confirmation while nothing changes.
   *
   * @param tenant the tenant
   * @param id the customer
   * @param simPage which of the customer's SIMs to list, sorted like {@link Sims#simsOf}
   * @return the preview
   * @throws NotFoundException if the tenant has no such customer
   */
  public DeletionPreview previewDeletion(TenantId tenant, CustomerId id, PageRequest simPage) {
    Require.present(tenant, "tenantId");
    Require.present(id, "customerId");
    Require.present(simPage, "page");
    return tx.inTransaction(() -> {
      Customer customer = get(tenant, id);
      Page<Iccid> page = sims.simsOf(tenant, id, simPage);
      int contactCount = customer.contacts().size();
      return new DeletionPreview(customer.name().value(), page.total(), page, contactCount,
          new DeletionConfirmation(tenant, id, customer.version(), page.total(), contactCount));
    });
  }

  /**
   * Deletes a customer with a confirmation from {@link #previewDeletion} (F5, step 2). Its contacts
   * are removed and its SIMs unassigned (never deleted), atomically with the customer.
   *
   * @param tenant the tenant
   * @param actor the portal user
   * @param confirmation the confirmation from the preview
   * @return what was done
   * @throws NotFoundException if the customer no longer exists
   * @throws ConflictException with {@code STALE_CONFIRMATION} if the customer, its contacts or its
   *     SIMs changed since the preview
   */
  public DeletionResult delete(TenantId tenant, Actor actor, DeletionConfirmation confirmation) {
    Require.present(tenant, "tenantId");
    Require.present(actor, "actor");
    Require.present(confirmation, "confirmation");
    if (!tenant.equals(confirmation.tenantId())) {
      throw notFound(confirmation.customerId());
    }
    CustomerId id = confirmation.customerId();
    return tx.inTransaction(() -> {
      Customer customer = get(tenant, id);
      if (customer.version() != confirmation.version()
          || customer.contacts().size() != confirmation.contactCount()) {
        throw staleConfirmation(customer);
      }
      long unassigned = sims.unassignAll(tenant, id);
      if (unassigned != confirmation.simCount()) {
        // SIMs were assigned or released since the preview; throwing rolls the release back.
        throw staleConfirmation(customer);
      }
      try {
        store.delete(tenant, id, confirmation.version());
      } catch (ConflictException e) {
        throw staleConfirmation(customer);
      }
      events.record(tenant, AuditEventType.CUSTOMER_DELETED, actor, id, List.of(),
          "Deleted customer " + customer.name() + "; " + unassigned + " SIMs lost their designation, "
              + customer.contacts().size() + " contacts removed");
      return new DeletionResult(customer.name().value(), unassigned, customer.contacts().size());
    });
  }

  /**
   * Adds a contact to a customer (F6, F7).
   *
   * @param tenant the tenant
   * @param actor the portal user
   * @param customerId the customer
   * @param details the contact's fields
   * @return the stored contact
   * @throws NotFoundException if the tenant has no such customer
   * @throws io.simestate.core.InvalidInputException listing every broken field rule, e.g. alerts on
   *     without a valid email
   */
  public Contact addContact(TenantId tenant, Actor actor, CustomerId customerId, ContactDetails details) {
    Require.present(tenant, "tenantId");
    Require.present(actor, "actor");
    Require.present(customerId, "customerId");
    Contact contact = toContact(ContactId.random(), details);
    return tx.inTransaction(() -> {
      Customer current = get(tenant, customerId);
      List<Contact> contacts = new ArrayList<>(current.contacts());
      contacts.add(contact);
      Customer stored = store.update(current, current.withContacts(contacts, clock.instant()));
      events.record(tenant, AuditEventType.CONTACT_ADDED, actor, customerId, List.of(),
          "Added contact " + contact.name() + alertsText(contact) + " to " + stored.name());
      if (contact.alertsEnabled()) {
        notices.alertsSwitchedOn(tenant, stored, contact);
      }
      return contact;
    });
  }

  /**
   * Replaces a contact's fields, including its alert switch and preferences (F6, F7).
   *
   * @param tenant the tenant
   * @param actor the portal user
   * @param customerId the customer
   * @param contactId the contact
   * @param details the new fields
   * @return the stored contact
   * @throws NotFoundException if the tenant has no such customer or contact
   */
  public Contact updateContact(TenantId tenant, Actor actor, CustomerId customerId, ContactId contactId,
      ContactDetails details) {
    Require.present(tenant, "tenantId");
    Require.present(actor, "actor");
    Require.present(customerId, "customerId");
    Require.present(contactId, "contactId");
    Contact contact = toContact(contactId, details);
    return tx.inTransaction(() -> {
      Customer current = get(tenant, customerId);
      Contact before = current.requireContact(contactId);
      List<Contact> contacts = current.contacts().stream().map(c -> c.id().equals(contactId) ? contact : c).toList();
      Customer stored = store.update(current, current.withContacts(contacts, clock.instant()));
      events.record(tenant, AuditEventType.CONTACT_UPDATED, actor, customerId, List.of(),
          "Edited contact " + contact.name() + alertsText(contact) + " of " + stored.name());
      if (contact.alertsEnabled() && !before.alertsEnabled()) {
        notices.alertsSwitchedOn(tenant, stored, contact);
      }
      return contact;
    });
  }

  /**
   * Removes a contact (F6).
   *
   * @param tenant the tenant
   * @param actor the portal user
   * @param customerId the customer
   * @param contactId the contact
   * @throws NotFoundException if the tenant has no such customer or contact
   */
  public void removeContact(TenantId tenant, Actor actor, CustomerId customerId, ContactId contactId) {
    Require.present(tenant, "tenantId");
    Require.present(actor, "actor");
    Require.present(contactId, "contactId");
    tx.run(() -> {
      Customer current = get(tenant, customerId);
      Contact removed = current.requireContact(contactId);
      List<Contact> contacts = current.contacts().stream().filter(c -> !c.id().equals(contactId)).toList();
      Customer stored = store.update(current, current.withContacts(contacts, clock.instant()));
      events.record(tenant, AuditEventType.CONTACT_REMOVED, actor, customerId, List.of(),
          "Removed contact " + removed.name() + " from " + stored.name());
    });
  }

  private Customer toCustomer(CustomerId id, TenantId tenant, CustomerDetails details, List<Contact> contacts,
      long version, Instant createdAt, Instant updatedAt) {
    InputValidator.Collector check = validator.check(details);
    if (details == null) {
      check.throwIfInvalid();
    }
    CustomerName name = details.name() == null ? null : check.parse("name", () -> CustomerName.parse(details.name()));
    EmailAddress email = blank(details.email()) ? null : check.parse("email", () -> EmailAddress.parse(details.email()));
    check.throwIfInvalid();
    PostalAddress address = new PostalAddress(trim(details.street()), trim(details.postalCode()),
        trim(details.city()), trim(details.region()), trim(details.country()));
    return new Customer(id, tenant, name, address, trim(details.phone()), email, trim(details.website()),
        trim(details.reference()), trim(details.notes()), contacts, version, createdAt, updatedAt);
  }

  private Contact toContact(ContactId id, ContactDetails details) {
    InputValidator.Collector check = validator.check(details);
    if (details == null) {
      check.throwIfInvalid();
    }
    String name = details.name() == null ? null : check.parse("name", () -> Contact.normaliseName(details.name()));
    EmailAddress email = blank(details.email()) ? null : check.parse("email", () -> EmailAddress.parse(details.email()));
    if (details.alertsEnabled() && blank(details.email())) {
      check.add(new io.simestate.core.Violation("email", "a valid email address is required to switch alerts on"));
    }
    check.throwIfInvalid();
    return new Contact(id, name, email, trim(details.phone()), trim(details.role()), details.alertsEnabled(),
        details.alertKinds());
  }

  private static String alertsText(Contact contact) {
    if (!contact.alertsEnabled()) {
      return " (alerts off)";
    }
    return contact.alertKinds().size() == 2 ? " (alerts on: warning and cut-off)"
        : " (alerts on: " + contact.alertKinds().iterator().next().label().toLowerCase(java.util.Locale.ROOT) + " only)";
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  private static String trim(String s) {
    return blank(s) ? null : s.strip();
  }

  private static NotFoundException notFound(CustomerId id) {
    return new NotFoundException("Customer " + id + " not found; it may have been deleted");
  }

  private static ConflictException stale(Customer current) {
    return new ConflictException(ConflictException.Reason.STALE_VERSION,
        "Customer " + current.name() + " was changed by someone else (now version " + current.version()
            + "); reload it and apply your change again");
  }

  private static ConflictException staleConfirmation(Customer current) {
    return new ConflictException(ConflictException.Reason.STALE_CONFIRMATION,
        "Customer " + current.name() + " changed after the deletion preview; preview the deletion again");
  }
}
