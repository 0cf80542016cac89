package io.simestate.core.customer;

import static io.simestate.core.Scenarios.ACME;
import static io.simestate.core.Scenarios.ALICE;
import static io.simestate.core.Scenarios.BOB;
import static io.simestate.core.Scenarios.customer;
import static io.simestate.core.Scenarios.iccids;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.simestate.core.ConflictException;
import io.simestate.core.InvalidInputException;
import io.simestate.core.NotFoundException;
import io.simestate.core.PageRequest;
import io.simestate.core.Scenarios;
import io.simestate.core.Violation;
import io.simestate.core.audit.AuditEventType;
import io.simestate.core.estate.Customers;
import io.simestate.core.estate.SimEstate;
import org.junit.jupiter.api.Test;

/** F4: edit any field; renames keep the name rules; concurrent edits are detected. */
class CustomerEditTest {

  private final SimEstate estate = Scenarios.estate();
  private final Customers customers = estate.customers();

  @Test
  void editingReplacesEveryFieldAndAdvancesTheVersion() {
    Customer c = customer(estate, ACME, "Northwind");
    Customer edited = customers.update(ACME, ALICE, c.id(), c.version(), CustomerDetails.named("Northwind")
        .withAddress("Ring 2", "1010", "Vienna", "AT").withPhoneAndEmail("+43 1", "info@northwind.example")
        .withExtras("https://northwind.example", "NW-1", "notes"));
    assertThat(edited.version()).isEqualTo(c.version() + 1);
    assertThat(edited.address().street()).isEqualTo("Ring 2");
    assertThat(edited.email()).isEqualTo(EmailAddress.parse("info@northwind.example"));
    assertThat(edited.reference()).isEqualTo("NW-1");
    assertThat(edited.createdAt()).isEqualTo(c.createdAt());
    assertThat(customers.get(ACME, c.id())).isEqualTo(edited);
  }

  @Test
  void clearingAnOptionalFieldRemovesIt() {
    Customer c = customers.create(ACME, ALICE, CustomerDetails.named("Northwind").withPhoneAndEmail("+43", "a@b.example"));
    Customer edited = customers.update(ACME, ALICE, c.id(), c.version(), CustomerDetails.named("Northwind"));
    assertThat(edited.phone()).isNull();
    assertThat(edited.email()).isNull();
  }

  @Test
  void editingKeepsContactsAndSims() {
    Customer c = customer(estate, ACME, "Northwind");
    Contact ana = customers.addContact(ACME, ALICE, c.id(), ContactDetails.alerted("Ana", "ana@northwind.example"));
    estate.sims().assign(ACME, ALICE, c.id(), iccids(0, 2));
    Customer current = customers.get(ACME, c.id());
    Customer edited = customers.update(ACME, ALICE, c.id(), current.version(), CustomerDetails.named("Northwind AG"));
    assertThat(edited.contacts()).containsExactly(ana);
    assertThat(customers.report(ACME, c.id(), PageRequest.first(10)).simCount()).isEqualTo(2);
  }

  @Test
  void renamingKeepsTheNameRules() {
    Customer c = customer(estate, ACME, "Northwind");
    assertThatThrownBy(() -> customers.update(ACME, ALICE, c.id(), c.version(), CustomerDetails.named("   ")))
        .isInstanceOfSatisfying(InvalidInputException.class,
            e -> assertThat(e.violations()).extracting(Violation::field).containsExactly("name"));
    assertThatThrownBy(() -> customers.update(ACME, ALICE, c.id(), c.version(), CustomerDetails.named("x".repeat(101))))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> customers.update(ACME, ALICE, c.id(), c.version(), CustomerDetails.named("a\u0007b")))
        .isInstanceOf(InvalidInputException.class);
    assertThat(customers.get(ACME, c.id())).isEqualTo(c);
  }

  @Test
  void renamingIsNormalised() {
    Customer c = customer(estate, ACME, "Northwind");
    Customer edited = customers.update(ACME, ALICE, c.id(), c.version(), CustomerDetails.named("  Northwind \n AG "));
    assertThat(edited.name().value()).isEqualTo("Northwind AG");
  }

  @Test
  void renamingToAnotherCustomersNameIgnoringCaseIsAConflict() {
    customer(estate, ACME, "Contoso");
    Customer c = customer(estate, ACME, "Northwind");
    assertThatThrownBy(() -> customers.update(ACME, ALICE, c.id(), c.version(), CustomerDetails.named("CONTOSO")))
        .isInstanceOfSatisfying(ConflictException.class,
            e -> assertThat(e.reason()).isEqualTo(ConflictException.Reason.DUPLICATE_NAME));
    assertThat(customers.get(ACME, c.id())).isEqualTo(c);
  }

  @Test
  void changingOnlyTheCaseOfItsOwnNameIsAllowed() {
    Customer c = customer(estate, ACME, "northwind");
    assertThat(customers.update(ACME, ALICE, c.id(), c.version(), CustomerDetails.named("Northwind")).name().value())
        .isEqualTo("Northwind");
  }

  @Test
  void theOldNameIsFreeAfterARename() {
    Customer c = customer(estate, ACME, "Northwind");
    customers.update(ACME, ALICE, c.id(), c.version(), CustomerDetails.named("Southwind"));
    assertThat(customer(estate, ACME, "Northwind").name().value()).isEqualTo("Northwind");
  }

  @Test
  void aConcurrentEditIsDetectedByTheVersion() {
    Customer c = customer(estate, ACME, "Northwind");
    customers.update(ACME, ALICE, c.id(), c.version(), CustomerDetails.named("Northwind").withPhoneAndEmail("+1", null));
    assertThatThrownBy(() -> customers.update(ACME, BOB, c.id(), c.version(), CustomerDetails.named("Northwind Bob")))
        .isInstanceOfSatisfying(ConflictException.class,
            e -> assertThat(e.reason()).isEqualTo(ConflictException.Reason.STALE_VERSION));
    Customer now = customers.get(ACME, c.id());
    assertThat(now.name().value()).isEqualTo("Northwind");
    assertThat(now.phone()).isEqualTo("+1");
  }

  @Test
  void aContactChangeAlsoMakesAnOpenEditStale() {
    Customer c = customer(estate, ACME, "Northwind");
    customers.addContact(ACME, BOB, c.id(), ContactDetails.silent("Ben", null));
    assertThatThrownBy(() -> customers.update(ACME, ALICE, c.id(), c.version(), CustomerDetails.named("Renamed")))
        .isInstanceOfSatisfying(ConflictException.class,
            e -> assertThat(e.reason()).isEqualTo(ConflictException.Reason.STALE_VERSION));
  }

  @Test
  void aFutureVersionIsAlsoStale() {
    Customer c = customer(estate, ACME, "Northwind");
    assertThatThrownBy(() -> customers.update(ACME, ALICE, c.id(), c.version() + 5, CustomerDetails.named("X")))
        .isInstanceOf(ConflictException.class);
  }

  @Test
  void editingAnUnknownCustomerIsNotFound() {
    assertThatThrownBy(() -> customers.update(ACME, ALICE, CustomerId.random(), 1, CustomerDetails.named("X")))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void invalidFieldsAreAllReportedAndNothingChanges() {
    Customer c = customer(estate, ACME, "Northwind");
    assertThatThrownBy(() -> customers.update(ACME, ALICE, c.id(), c.version(), CustomerDetails.named("")
        .withPhoneAndEmail("abc", "x@y")))
        .isInstanceOfSatisfying(InvalidInputException.class,
            e -> assertThat(e.violations()).extracting(Violation::field).contains("name", "phone", "email"));
    assertThat(customers.get(ACME, c.id())).isEqualTo(c);
  }

  @Test
  void aRenameIsRecordedWithOldAndNewName() {
    Customer c = customer(estate, ACME, "Northwind");
    customers.update(ACME, BOB, c.id(), c.version(), CustomerDetails.named("Southwind"));
    assertThat(estate.auditTrail().forCustomer(ACME, c.id(), 1)).singleElement().satisfies(e -> {
      assertThat(e.type()).isEqualTo(AuditEventType.CUSTOMER_UPDATED);
      assertThat(e.actor()).isEqualTo(BOB);
      assertThat(e.summary()).contains("Northwind").contains("Southwind");
    });
  }
}
