package io.simestate.core.contract;

import static io.simestate.core.contract.ContractFixtures.alerted;
import static io.simestate.core.contract.ContractFixtures.customer;
import static io.simestate.core.contract.ContractFixtures.fullCustomer;
import static io.simestate.core.contract.ContractFixtures.newTenant;
import static io.simestate.core.contract.ContractFixtures.silent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.simestate.core.AlertKind;
import io.simestate.core.ConflictException;
import io.simestate.core.NotFoundException;
import io.simestate.core.Page;
import io.simestate.core.PageRequest;
import io.simestate.core.TenantId;
import io.simestate.core.customer.Contact;
import io.simestate.core.customer.ContactId;
import io.simestate.core.customer.Customer;
import io.simestate.core.customer.CustomerName;
import io.simestate.core.customer.CustomerStore;
import io.simestate.core.customer.CustomerSummary;
import io.simestate.core.customer.EmailAddress;
import io.simestate.core.customer.PostalAddress;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The contract of {@link CustomerStore}: every adapter's test extends this class and supplies its
 * store. Tests use random tenants, so a shared database needs no cleanup.
 */
public abstract class CustomerStoreContract {

  /**
   * The store under test.
   *
   * @return the store
   */
  protected abstract CustomerStore customerStore();

  /** The two ways to replace a customer: from the new state alone, or from the state read and the new one. */
  enum Update {
    NEW_STATE_ONLY, FROM_STATE_READ;

    Customer apply(CustomerStore store, Customer read, Customer next) {
      return this == NEW_STATE_ONLY ? store.update(next) : store.update(read, next);
    }
  }

  @Test
  void insertStoresTheCustomerWithVersionOne() {
    Customer stored = customerStore().insert(customer(newTenant(), "Northwind"));
    assertThat(stored.version()).isEqualTo(1);
    assertThat(customerStore().find(stored.tenantId(), stored.id())).contains(stored);
  }

  @Test
  void everyFieldRoundTripsIncludingUnicodeAndContacts() {
    TenantId tenant = newTenant();
    Contact ana = new Contact(ContactId.random(), "Ana 👩‍💻 Ōkubo", EmailAddress.parse("Ana.O+alerts@example.com"),
        "+81 3 1234", "Fleet manager", true, EnumSet.of(AlertKind.CUT_OFF));
    Customer stored = customerStore().insert(fullCustomer(tenant, "Grüne Wiese GmbH 📡", List.of(ana, silent("Bo"))));
    Customer found = customerStore().find(tenant, stored.id()).orElseThrow();
    assertThat(found).isEqualTo(stored);
    assertThat(found.contacts()).extracting(Contact::name).containsExactly("Ana 👩‍💻 Ōkubo", "Bo");
    assertThat(found.contacts().get(0).alertKinds()).containsExactly(AlertKind.CUT_OFF);
  }

  @Test
  void optionalFieldsRoundTripAsAbsent() {
    TenantId tenant = newTenant();
    Customer stored = customerStore().insert(customer(tenant, "Bare"));
    Customer found = customerStore().find(tenant, stored.id()).orElseThrow();
    assertThat(found.address()).isEqualTo(PostalAddress.EMPTY);
    assertThat(found.phone()).isNull();
    assertThat(found.email()).isNull();
    assertThat(found.notes()).isNull();
    assertThat(found.contacts()).isEmpty();
  }

  @Test
  void maximumLengthNameRoundTrips() {
    TenantId tenant = newTenant();
    String name = "N" + "😀".repeat(98) + "Z";
    Customer stored = customerStore().insert(customer(tenant, name));
    assertThat(customerStore().find(tenant, stored.id()).orElseThrow().name().value()).isEqualTo(name);
  }

  @Test
  void insertRefusesANameTakenIgnoringCase() {
    TenantId tenant = newTenant();
    customerStore().insert(customer(tenant, "Northwind"));
    assertThatThrownBy(() -> customerStore().insert(customer(tenant, "NORTHWIND")))
        .isInstanceOfSatisfying(ConflictException.class,
            e -> assertThat(e.reason()).isEqualTo(ConflictException.Reason.DUPLICATE_NAME));
  }

  @Test
  void theSameNameInAnotherTenantIsAllowed() {
    customerStore().insert(customer(newTenant(), "Northwind"));
    Customer other = customerStore().insert(customer(newTenant(), "Northwind"));
    assertThat(other.version()).isEqualTo(1);
  }

  @Test
  void anotherTenantDoesNotFindTheCustomer() {
    Customer stored = customerStore().insert(customer(newTenant(), "Northwind"));
    assertThat(customerStore().find(newTenant(), stored.id())).isEmpty();
  }

  @Test
  void findByNameIgnoresCaseWithinTheTenant() {
    TenantId tenant = newTenant();
    Customer stored = customerStore().insert(customer(tenant, "Contoso Metering"));
    assertThat(customerStore().findByName(tenant, CustomerName.parse("contoso METERING"))).map(Customer::id)
        .contains(stored.id());
    assertThat(customerStore().findByName(newTenant(), CustomerName.parse("Contoso Metering"))).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(Update.class)
  void updateAdvancesTheVersionAndStoresContacts(Update update) {
    TenantId tenant = newTenant();
    Customer stored = customerStore().insert(customer(tenant, "Northwind"));
    Customer changed = stored.withContacts(List.of(alerted("Ana", "ana@example.com")), ContractFixtures.at(60));
    Customer updated = update.apply(customerStore(), stored, changed);
    assertThat(updated.version()).isEqualTo(2);
    Customer found = customerStore().find(tenant, stored.id()).orElseThrow();
    assertThat(found.contacts()).extracting(Contact::name).containsExactly("Ana");
    assertThat(found.updatedAt()).isEqualTo(ContractFixtures.at(60));
  }

  @ParameterizedTest
  @EnumSource(Update.class)
  void updateRemovesAndEditsContacts(Update update) {
    TenantId tenant = newTenant();
    Contact ana = alerted("Ana", "ana@example.com");
    Contact bo = alerted("Bo", "bo@example.com");
    Customer stored = customerStore().insert(customer(tenant, "Northwind").withContacts(List.of(ana, bo), ContractFixtures.T0));
    Contact anaOff = new Contact(ana.id(), "Ana B.", ana.email(), "+1", "CTO", false, EnumSet.of(AlertKind.WARNING));
    update.apply(customerStore(), stored, stored.withContacts(List.of(anaOff), ContractFixtures.T0));
    assertThat(customerStore().find(tenant, stored.id()).orElseThrow().contacts()).containsExactly(anaOff);
  }

  /** Each column of a contact, changed on its own, is written: none is mistaken for unchanged. */
  @ParameterizedTest
  @EnumSource(Update.class)
  void eachFieldOfAContactChangedOnItsOwnIsStored(Update update) {
    TenantId tenant = newTenant();
    Contact ana = new Contact(ContactId.random(), "Ana", EmailAddress.parse("ana@example.com"), "+1", "CTO", true,
        EnumSet.allOf(AlertKind.class));
    Contact bo = alerted("Bo", "bo@example.com");
    Customer stored = customerStore().insert(customer(tenant, "Northwind").withContacts(List.of(ana, bo),
        ContractFixtures.T0));
    Contact renamed = new Contact(ana.id(), "Ana B.", ana.email(), "+1", "CTO", true, EnumSet.allOf(AlertKind.class));
    Contact readdressed = new Contact(ana.id(), "Ana B.", EmailAddress.parse("ana.b@example.com"), "+1", "CTO", true,
        EnumSet.allOf(AlertKind.class));
    Contact rephoned = new Contact(ana.id(), "Ana B.", readdressed.email(), "+2", "CTO", true,
        EnumSet.allOf(AlertKind.class));
    Contact reroled = new Contact(ana.id(), "Ana B.", readdressed.email(), "+2", "CFO", true,
        EnumSet.allOf(AlertKind.class));
    Contact switchedOff = new Contact(ana.id(), "Ana B.", readdressed.email(), "+2", "CFO", false,
        EnumSet.allOf(AlertKind.class));
    Contact cutOffOnly = new Contact(ana.id(), "Ana B.", readdressed.email(), "+2", "CFO", false,
        EnumSet.of(AlertKind.CUT_OFF));
    Contact both = new Contact(ana.id(), "Ana B.", readdressed.email(), "+2", "CFO", false,
        EnumSet.allOf(AlertKind.class));
    Contact warningOnly = new Contact(ana.id(), "Ana B.", readdressed.email(), "+2", "CFO", false,
        EnumSet.of(AlertKind.WARNING));

    for (List<Contact> contacts : List.of(List.of(bo, ana), List.of(bo, renamed), List.of(bo, readdressed),
        List.of(bo, rephoned), List.of(bo, reroled), List.of(bo, switchedOff), List.of(bo, cutOffOnly),
        List.of(bo, both), List.of(bo, warningOnly))) {
      Customer current = customerStore().find(tenant, stored.id()).orElseThrow();
      update.apply(customerStore(), current, current.withContacts(contacts, ContractFixtures.T0));

      assertThat(customerStore().find(tenant, stored.id()).orElseThrow().contacts()).containsExactlyElementsOf(contacts);
    }
  }

  /** The state read before someone else's change writes nothing: their contacts stay as they left them. */
  @ParameterizedTest
  @EnumSource(Update.class)
  void updateWithAStaleVersionIsAConflict(Update update) {
    TenantId tenant = newTenant();
    Contact ana = alerted("Ana", "ana@example.com");
    Customer stored = customerStore().insert(customer(tenant, "Northwind").withContacts(List.of(ana), ContractFixtures.T0));
    Contact bo = alerted("Bo", "bo@example.com");
    customerStore().update(stored.withContacts(List.of(bo), ContractFixtures.T0));
    Customer mine = stored.withContacts(List.of(ana, alerted("Cy", "cy@example.com")), ContractFixtures.T0);
    assertThatThrownBy(() -> update.apply(customerStore(), stored, mine))
        .isInstanceOfSatisfying(ConflictException.class,
            e -> assertThat(e.reason()).isEqualTo(ConflictException.Reason.STALE_VERSION));
    assertThat(customerStore().find(tenant, stored.id()).orElseThrow().contacts()).containsExactly(bo);
  }

  @Test
  void aNewStateOfAnotherVersionThanTheStateReadIsAConflict() {
    TenantId tenant = newTenant();
    Customer stored = customerStore().insert(customer(tenant, "Northwind"));
    Customer older = new Customer(stored.id(), tenant, stored.name(), stored.address(), null, null, null, null, null,
        List.of(), stored.version() - 1, stored.createdAt(), stored.updatedAt());
    assertThatThrownBy(() -> customerStore().update(stored, older))
        .isInstanceOfSatisfying(ConflictException.class,
            e -> assertThat(e.reason()).isEqualTo(ConflictException.Reason.STALE_VERSION));
    assertThat(customerStore().find(tenant, stored.id())).contains(stored);
  }

  @ParameterizedTest
  @EnumSource(Update.class)
  void renamingToATakenNameIsAConflict(Update update) {
    TenantId tenant = newTenant();
    customerStore().insert(customer(tenant, "Alpha"));
    Customer beta = customerStore().insert(customer(tenant, "Beta"));
    Customer renamed = new Customer(beta.id(), tenant, CustomerName.parse("ALPHA"), beta.address(), null, null, null,
        null, null, List.of(), beta.version(), beta.createdAt(), beta.updatedAt());
    assertThatThrownBy(() -> update.apply(customerStore(), beta, renamed))
        .isInstanceOfSatisfying(ConflictException.class,
            e -> assertThat(e.reason()).isEqualTo(ConflictException.Reason.DUPLICATE_NAME));
  }

  @Test
  void renamingFreesTheOldName() {
    TenantId tenant = newTenant();
    Customer alpha = customerStore().insert(customer(tenant, "Alpha"));
    customerStore().update(new Customer(alpha.id(), tenant, CustomerName.parse("Gamma"), alpha.address(), null, null,
        null, null, null, List.of(), alpha.version(), alpha.createdAt(), alpha.updatedAt()));
    Customer newAlpha = customerStore().insert(customer(tenant, "alpha"));
    assertThat(customerStore().findByName(tenant, CustomerName.parse("Alpha"))).map(Customer::id).contains(newAlpha.id());
  }

  @ParameterizedTest
  @EnumSource(Update.class)
  void updatingAMissingCustomerIsNotFound(Update update) {
    Customer never = customer(newTenant(), "Ghost");
    assertThatThrownBy(() -> update.apply(customerStore(), never, never)).isInstanceOf(NotFoundException.class);
  }

  /** A customer deleted after it was read is not found, not stale: reloading it cannot help. */
  @ParameterizedTest
  @EnumSource(Update.class)
  void updatingACustomerDeletedSinceItWasReadIsNotFound(Update update) {
    TenantId tenant = newTenant();
    Customer stored = customerStore().insert(customer(tenant, "Northwind"));
    customerStore().delete(tenant, stored.id(), stored.version());
    assertThatThrownBy(() -> update.apply(customerStore(), stored, stored.withContacts(List.of(), ContractFixtures.T0)))
        .isInstanceOf(NotFoundException.class);
    assertThat(customerStore().find(tenant, stored.id())).isEmpty();
  }

  @Test
  void deleteRemovesTheCustomerAndFreesItsName() {
    TenantId tenant = newTenant();
    Customer stored = customerStore().insert(customer(tenant, "Northwind")
        .withContacts(List.of(alerted("Ana", "ana@example.com")), ContractFixtures.T0));
    customerStore().delete(tenant, stored.id(), stored.version());
    assertThat(customerStore().find(tenant, stored.id())).isEmpty();
    assertThat(customerStore().insert(customer(tenant, "Northwind")).version()).isEqualTo(1);
  }

  @Test
  void deleteWithAStaleVersionIsAConflictAndKeepsTheCustomer() {
    TenantId tenant = newTenant();
    Customer stored = customerStore().insert(customer(tenant, "Northwind"));
    customerStore().update(stored);
    assertThatThrownBy(() -> customerStore().delete(tenant, stored.id(), stored.version()))
        .isInstanceOf(ConflictException.class);
    assertThat(customerStore().find(tenant, stored.id())).isPresent();
  }

  @Test
  void deleteFromAnotherTenantIsNotFoundAndKeepsTheCustomer() {
    TenantId tenant = newTenant();
    Customer stored = customerStore().insert(customer(tenant, "Northwind"));
    assertThatThrownBy(() -> customerStore().delete(newTenant(), stored.id(), stored.version()))
        .isInstanceOf(NotFoundException.class);
    assertThat(customerStore().find(tenant, stored.id())).isPresent();
  }

  @Test
  void listSortsByNameIgnoringCase() {
    TenantId tenant = newTenant();
    for (String name : List.of("delta", "Alpha", "charlie", "Bravo")) {
      customerStore().insert(customer(tenant, name));
    }
    Page<CustomerSummary> page = customerStore().list(tenant, Optional.empty(), PageRequest.first(10));
    assertThat(page.items()).extracting(CustomerSummary::name).containsExactly("Alpha", "Bravo", "charlie", "delta");
    assertThat(page.total()).isEqualTo(4);
  }

  @Test
  void listPagesThroughTheTenantsCustomersOnly() {
    TenantId tenant = newTenant();
    customerStore().insert(customer(newTenant(), "Other tenant's"));
    for (int i = 0; i < 7; i++) {
      customerStore().insert(customer(tenant, "Customer " + i));
    }
    Page<CustomerSummary> second = customerStore().list(tenant, Optional.empty(), new PageRequest(3, 3));
    assertThat(second.items()).extracting(CustomerSummary::name).containsExactly("Customer 3", "Customer 4", "Customer 5");
    assertThat(second.total()).isEqualTo(7);
    assertThat(second.hasNext()).isTrue();
  }

  @Test
  void listFiltersByNameContainingTheSearchIgnoringCase() {
    TenantId tenant = newTenant();
    for (String name : List.of("Northwind Logistics", "Contoso", "Southwind Metering", "Windmill Co")) {
      customerStore().insert(customer(tenant, name));
    }
    Page<CustomerSummary> page = customerStore().list(tenant, Optional.of("WIND"), PageRequest.first(10));
    assertThat(page.items()).extracting(CustomerSummary::name)
        .containsExactly("Northwind Logistics", "Southwind Metering", "Windmill Co");
    assertThat(page.total()).isEqualTo(3);
  }
}
