package io.simestate.jpa;

import static io.simestate.jpa.Fixtures.contact;
import static io.simestate.jpa.Fixtures.customer;
import static io.simestate.jpa.Fixtures.tenant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.simestate.core.AlertKind;
import io.simestate.core.ConflictException;
import io.simestate.core.InvalidInputException;
import io.simestate.core.NotFoundException;
import io.simestate.core.PageRequest;
import io.simestate.core.TenantId;
import io.simestate.core.Violation;
import io.simestate.core.customer.Contact;
import io.simestate.core.customer.ContactId;
import io.simestate.core.customer.Customer;
import io.simestate.core.customer.CustomerId;
import io.simestate.core.customer.CustomerName;
import io.simestate.core.customer.CustomerStore;
import io.simestate.core.customer.CustomerSummary;
import io.simestate.core.customer.EmailAddress;
import io.simestate.core.customer.PostalAddress;
import io.simestate.core.sim.SimAssignmentStore;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The JPA customer store: every field mapped, versions, names, deletion. */
class CustomerStoreTest {

  abstract static class Scenarios {

    final TestDatabase db = Db.Of.database(this);
    final CustomerStore store = db.persistence.customers();
    final SimAssignmentStore sims = db.persistence.simAssignments();
    final TenantId tenant = tenant();

    @Test
    void anUpdateWhoseNewStateIsAnotherCustomersThanTheStateReadIsRefused() {
      Customer alpha = store.insert(customer(tenant, "Alpha"));
      Customer beta = store.insert(customer(tenant, "Beta"));

      assertThatThrownBy(() -> store.update(alpha, beta.withContacts(List.of(), Fixtures.T0.plusSeconds(1))))
          .isInstanceOfSatisfying(InvalidInputException.class,
              e -> assertThat(e.violations()).extracting(Violation::field).containsExactly("customerId"));
      assertThat(store.find(tenant, alpha.id())).contains(alpha);
      assertThat(store.find(tenant, beta.id())).contains(beta);
    }

    @Test
    void everyFieldSurvivesTheRoundTripIncludingEmojiAndMaximumLengths() {
      String name = "Ünïcødé 🚀 " + "😀".repeat(90);
      assertThat(name.codePointCount(0, name.length())).isEqualTo(100);
      Contact full = new Contact(ContactId.random(), "Zoë 👩‍🔧 " + "ß".repeat(90), EmailAddress.parse("Fleet.Ops+x@bücher.example"),
          "+49 30 1234567", "Fuhrparkleiterin 🚚", true, EnumSet.of(AlertKind.CUT_OFF));
      Contact minimal = new Contact(ContactId.random(), "Bob", null, null, null, false, EnumSet.of(AlertKind.WARNING));
      Customer c = new Customer(CustomerId.random(), tenant, CustomerName.parse(name),
          new PostalAddress("Hauptstraße 1\nHinterhaus " + "🏠".repeat(137) + "x", "10115", "Berlin 🐻", "Berlin", "DE"),
          "+49 30 999", EmailAddress.parse("info@example.com"), "https://example.com/" + "p".repeat(235),
          "ACC-🚀-" + "r".repeat(93), "Notes with emoji 🎉 and\nnew lines " + "🎉".repeat(1983),
          List.of(full, minimal), 0, Fixtures.T0, Fixtures.T0.plusSeconds(5));

      Customer stored = store.insert(c);
      Customer found = store.find(tenant, c.id()).orElseThrow();

      assertThat(stored.version()).isEqualTo(1);
      assertThat(found).isEqualTo(new Customer(c.id(), c.tenantId(), c.name(), c.address(), c.phone(), c.email(),
          c.website(), c.reference(), c.notes(), c.contacts(), 1, c.createdAt(), c.updatedAt()));
    }

    @Test
    void aNewCustomerWithThreeContactsTakesThreeStatementsAndAContactEditFour() {
      io.simestate.core.estate.SimEstate estate =
          io.simestate.core.estate.SimEstate.builder().persistence(db.persistence).build();
      io.simestate.core.Actor actor = io.simestate.core.Actor.of("alice@portal");
      List<io.simestate.core.customer.ContactDetails> form = List.of(
          io.simestate.core.customer.ContactDetails.alerted("Ana", "ana@acme.example"),
          io.simestate.core.customer.ContactDetails.alerted("Bo", "bo@acme.example"),
          io.simestate.core.customer.ContactDetails.silent("Cy", "cy@acme.example"));
      // The first use case of a tenant reads its settings once (the subscription-notice switch).
      estate.customers().create(tenant, actor, io.simestate.core.customer.CustomerDetails.named("Warm-up"), form);
      long before = db.statements();

      Customer acme = estate.customers().create(tenant, actor,
          io.simestate.core.customer.CustomerDetails.named("Acme"), form);

      long creating = db.statements() - before;
      Contact bo = acme.contacts().get(1);
      before = db.statements();
      estate.customers().updateContact(tenant, actor, acme.id(), bo.id(),
          io.simestate.core.customer.ContactDetails.from(bo).withPhone("+43 1 234"));
      long editing = db.statements() - before;
      System.out.printf("[%s] create customer with 3 contacts: %d statements; edit a contact: %d%n", db.vendor,
          creating, editing);
      // The customer row (its unique key is the name check), one batch of contacts, the audit event.
      assertThat(creating).isEqualTo(3);
      // Read the customer with its contacts, the version-checked customer update, the contact, the event.
      assertThat(editing).isEqualTo(4);
      assertThat(store.find(tenant, acme.id()).orElseThrow().contacts().get(1).phone()).isEqualTo("+43 1 234");
    }

    @Test
    void optionalFieldsStayAbsent() {
      Customer c = customer(tenant, "Bare");
      store.insert(c);

      Customer found = store.find(tenant, c.id()).orElseThrow();

      assertThat(found.address()).isEqualTo(PostalAddress.EMPTY);
      assertThat(found.phone()).isNull();
      assertThat(found.email()).isNull();
      assertThat(found.website()).isNull();
      assertThat(found.reference()).isNull();
      assertThat(found.notes()).isNull();
      assertThat(found.contacts()).isEmpty();
    }

    @Test
    void aValueLongerThanCoresLimitCannotReachTheStore() {
      Customer c = customer(tenant, "Too long");

      assertThatThrownBy(() -> new Customer(c.id(), tenant, c.name(), c.address(), null, null, null, null,
          "n".repeat(io.simestate.core.Limits.NOTES_LENGTH + 1), List.of(), 0, c.createdAt(), c.updatedAt()))
          .isInstanceOf(InvalidInputException.class).hasMessageContaining("notes");
    }

    @Test
    void aNameThatDiffersOnlyInCaseIsADuplicate() {
      store.insert(customer(tenant, "Acme Logistics"));

      assertThatThrownBy(() -> store.insert(customer(tenant, "ACME logistics")))
          .isInstanceOfSatisfying(ConflictException.class,
              e -> assertThat(e.reason()).isEqualTo(ConflictException.Reason.DUPLICATE_NAME));
    }

    @Test
    void theSameNameInAnotherTenantIsAllowed() {
      store.insert(customer(tenant, "Acme"));

      Customer other = store.insert(customer(tenant(), "Acme"));

      assertThat(other.version()).isEqualTo(1);
    }

    @Test
    void updatingAdvancesTheVersionByOne() {
      Customer stored = store.insert(customer(tenant, "Before"));
      Customer renamed = new Customer(stored.id(), tenant, CustomerName.parse("After"), stored.address(), "1", null,
          null, null, null, stored.contacts(), stored.version(), stored.createdAt(), stored.updatedAt());

      Customer updated = store.update(renamed);

      assertThat(updated.version()).isEqualTo(2);
      assertThat(store.find(tenant, stored.id()).orElseThrow().name().value()).isEqualTo("After");
    }

    @Test
    void changingOnlyTheContactsAdvancesTheVersion() {
      Customer stored = store.insert(customer(tenant, "Contacts only", contact("Ann", "ann@example.com", true)));
      Contact bob = contact("Bob", null, false);

      Customer updated = store.update(stored.withContacts(List.of(stored.contacts().get(0), bob), stored.updatedAt()));

      assertThat(updated.version()).isEqualTo(2);
      assertThat(store.find(tenant, stored.id()).orElseThrow().contacts()).extracting(Contact::name)
          .containsExactly("Ann", "Bob");
    }

    @Test
    void contactsKeepTheirOrderWhenOneIsRemoved() {
      Contact a = contact("A", null, false);
      Contact b = contact("B", null, false);
      Contact c = contact("C", null, false);
      Customer stored = store.insert(customer(tenant, "Order", a, b, c));

      store.update(stored.withContacts(List.of(c, a), stored.updatedAt()));

      assertThat(store.find(tenant, stored.id()).orElseThrow().contacts()).containsExactly(c, a);
    }

    @Test
    void anUpdateBasedOnAStaleVersionIsAConflict() {
      Customer stored = store.insert(customer(tenant, "Stale"));
      store.update(stored);

      assertThatThrownBy(() -> store.update(stored))
          .isInstanceOfSatisfying(ConflictException.class,
              e -> assertThat(e.reason()).isEqualTo(ConflictException.Reason.STALE_VERSION));
    }

    @Test
    void aDeletionBasedOnAStaleVersionIsAConflictAndDeletesNothing() {
      Customer stored = store.insert(customer(tenant, "Stale delete"));
      store.update(stored);

      assertThatThrownBy(() -> store.delete(tenant, stored.id(), stored.version()))
          .isInstanceOf(ConflictException.class);
      assertThat(store.find(tenant, stored.id())).isPresent();
    }

    @Test
    void aCustomerWhoseSimsWereReleasedIsDeletedWithItsContacts() throws Exception {
      Customer stored = store.insert(customer(tenant, "Doomed", contact("A", "a@example.com", true)));
      sims.assign(tenant, stored.id(), Fixtures.range(20));

      sims.unassignAll(tenant, stored.id());
      store.delete(tenant, stored.id(), stored.version());

      assertThat(store.find(tenant, stored.id())).isEmpty();
      assertThat(sims.countOf(tenant, stored.id())).isZero();
      try (var c = db.connection(); var ps = c.prepareStatement(
          "select count(*) from simestate_contact where customer_id = ?")) {
        ps.setString(1, stored.id().toString());
        try (var rs = ps.executeQuery()) {
          rs.next();
          assertThat(rs.getLong(1)).isZero();
        }
      }
    }

    @Test
    void aCustomerThatStillHoldsSimsIsAConflictAndKeepsEverything() {
      Customer stored = store.insert(customer(tenant, "Holder", contact("A", "a@example.com", true)));
      sims.assign(tenant, stored.id(), Fixtures.range(20));

      assertThatThrownBy(() -> store.delete(tenant, stored.id(), stored.version()))
          .isInstanceOf(ConflictException.class);

      assertThat(store.find(tenant, stored.id())).hasValueSatisfying(c -> assertThat(c.contacts()).hasSize(1));
      assertThat(sims.countOf(tenant, stored.id())).isEqualTo(20);
    }

    @Test
    void anotherTenantsCustomerIsNotFound() {
      Customer stored = store.insert(customer(tenant, "Mine"));
      TenantId other = tenant();

      assertThat(store.find(other, stored.id())).isEmpty();
      assertThatThrownBy(() -> store.delete(other, stored.id(), 1)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void findByNameIgnoresCase() {
      Customer stored = store.insert(customer(tenant, "Ärztehaus Nord"));

      Optional<Customer> found = store.findByName(tenant, CustomerName.parse("ÄRZTEHAUS nord"));

      assertThat(found.map(Customer::id)).contains(stored.id());
    }

    @Test
    void searchingWithASharpSFindsTheNameWhoseKeyFoldsIt() {
      store.insert(customer(tenant, "Große Firma"));

      var page = store.list(tenant, Optional.of("ß"), PageRequest.first(10));

      assertThat(page.items()).extracting(CustomerSummary::name).containsExactly("Große Firma");
    }

    @Test
    void theListIsSortedByNameIgnoringCaseAndFiltersBySearchText() {
      store.insert(customer(tenant, "beta"));
      store.insert(customer(tenant, "Alpha"));
      store.insert(customer(tenant, "Gamma 100%"));
      store.insert(customer(tenant, "alphabet"));

      List<String> all = store.list(tenant, Optional.empty(), PageRequest.first(10)).items().stream()
          .map(CustomerSummary::name).toList();
      var alpha = store.list(tenant, Optional.of("ALPH"), PageRequest.first(1));
      var percent = store.list(tenant, Optional.of("0%"), PageRequest.first(10));

      assertThat(all).containsExactly("Alpha", "alphabet", "beta", "Gamma 100%");
      assertThat(alpha.items()).extracting(CustomerSummary::name).containsExactly("Alpha");
      assertThat(alpha.total()).isEqualTo(2);
      assertThat(percent.items()).extracting(CustomerSummary::name).containsExactly("Gamma 100%");
    }
  }

  @Nested
  @Db(DatabaseVendor.H2)
  class OnH2 extends Scenarios {}

  @Nested
  @Db(DatabaseVendor.POSTGRESQL)
  class OnPostgreSql extends Scenarios {}

  @Nested
  @Db(DatabaseVendor.MARIADB)
  class OnMariaDb extends Scenarios {}
}
