package io.simestate.core.customer;

import static io.simestate.core.Scenarios.ACME;
import static io.simestate.core.Scenarios.ALICE;
import static io.simestate.core.Scenarios.GLOBEX;
import static io.simestate.core.Scenarios.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.simestate.core.ConflictException;
import io.simestate.core.InvalidInputException;
import io.simestate.core.PageRequest;
import io.simestate.core.Scenarios;
import io.simestate.core.Violation;
import io.simestate.core.estate.Customers;
import io.simestate.core.estate.SimEstate;
import org.junit.jupiter.api.Test;

/** F1: create a customer; only the name is required. */
class CustomerCreationTest {

  private final SimEstate estate = Scenarios.estate();
  private final Customers customers = estate.customers();

  private long count() {
    return customers.list(ACME, null, PageRequest.first(1000)).total();
  }

  @Test
  void aNameIsEnoughToCreateACustomer() {
    Customer created = customers.create(ACME, ALICE, CustomerDetails.named("Northwind Logistics"));
    assertThat(created.name().value()).isEqualTo("Northwind Logistics");
    assertThat(created.tenantId()).isEqualTo(ACME);
    assertThat(created.version()).isEqualTo(1);
    assertThat(created.contacts()).isEmpty();
    assertThat(created.address().isEmpty()).isTrue();
    assertThat(created.phone()).isNull();
    assertThat(created.email()).isNull();
    assertThat(created.createdAt()).isEqualTo(NOW);
    assertThat(customers.get(ACME, created.id())).isEqualTo(created);
  }

  @Test
  void everyOptionalFieldIsStoredTrimmed() {
    CustomerDetails details = CustomerDetails.named("  Northwind   Logistics ")
        .withAddress(" Main Street 1\nBuilding B ", " 1010 ", " Vienna ", " Austria ")
        .withPhoneAndEmail(" +43 1 234-56 ", " Info@Northwind.EXAMPLE ")
        .withExtras(" https://northwind.example ", " NW-001 ", " Pays late.\r\nCall first. ");
    Customer created = customers.create(ACME, ALICE, details);
    assertThat(created.name().value()).isEqualTo("Northwind Logistics");
    assertThat(created.address()).isEqualTo(new PostalAddress("Main Street 1\nBuilding B", "1010", "Vienna", null, "Austria"));
    assertThat(created.phone()).isEqualTo("+43 1 234-56");
    assertThat(created.email()).isEqualTo(EmailAddress.parse("Info@northwind.example"));
    assertThat(created.website()).isEqualTo("https://northwind.example");
    assertThat(created.reference()).isEqualTo("NW-001");
    assertThat(created.notes()).isEqualTo("Pays late.\r\nCall first.");
  }

  @Test
  void blankOptionalFieldsCountAsAbsent() {
    Customer created = customers.create(ACME, ALICE, CustomerDetails.named("Northwind")
        .withPhoneAndEmail("  ", "   ").withExtras("", " ", "\n"));
    assertThat(created.phone()).isNull();
    assertThat(created.email()).isNull();
    assertThat(created.website()).isNull();
    assertThat(created.reference()).isNull();
    assertThat(created.notes()).isNull();
  }

  @Test
  void aMissingNameIsRefused() {
    assertThatThrownBy(() -> customers.create(ACME, ALICE, CustomerDetails.named(null)))
        .isInstanceOfSatisfying(InvalidInputException.class,
            e -> assertThat(e.violations()).extracting(Violation::field).containsExactly("name"));
    assertThat(count()).isZero();
  }

  @Test
  void aBlankNameIsRefused() {
    assertThatThrownBy(() -> customers.create(ACME, ALICE, CustomerDetails.named(" \t ")))
        .isInstanceOfSatisfying(InvalidInputException.class,
            e -> assertThat(e.violations()).extracting(Violation::field).containsExactly("name"));
    assertThat(count()).isZero();
  }

  @Test
  void aNameOfMoreThanAHundredCharactersIsRefused() {
    assertThatThrownBy(() -> customers.create(ACME, ALICE, CustomerDetails.named("n".repeat(101))))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("100");
    assertThatThrownBy(() -> customers.create(ACME, ALICE, CustomerDetails.named("n".repeat(5000))))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("100");
    assertThat(count()).isZero();
  }

  @Test
  void aNameWithControlCharactersIsRefused() {
    assertThatThrownBy(() -> customers.create(ACME, ALICE, CustomerDetails.named("North\u0000wind")))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("control");
    assertThat(count()).isZero();
  }

  @Test
  void everyBrokenFieldIsReportedAtOnceWithItsPath() {
    CustomerDetails details = CustomerDetails.named("")
        .withPhoneAndEmail("call me!", "not an email")
        .withAddress("Main Street", "1010\n1011", "Vienna", "Austria")
        .withExtras("https://x.example", "r".repeat(101), "ok");
    assertThatThrownBy(() -> customers.create(ACME, ALICE, details))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> {
          assertThat(e.violations()).extracting(Violation::field)
              .contains("name", "email", "phone", "postalCode", "reference");
          assertThat(e.violations()).allSatisfy(v -> assertThat(v.message()).isNotBlank());
        });
    assertThat(count()).isZero();
    assertThat(estate.auditTrail().recent(ACME, 10)).isEmpty();
  }

  @Test
  void bothNameAndEmailWrongAreReportedTogether() {
    assertThatThrownBy(() -> customers.create(ACME, ALICE, CustomerDetails.named("x".repeat(150))
        .withPhoneAndEmail(null, "ana@@example.com")))
        .isInstanceOfSatisfying(InvalidInputException.class,
            e -> assertThat(e.violations()).extracting(Violation::field).containsExactlyInAnyOrder("name", "email"));
  }

  @Test
  void anInvalidCustomerEmailIsRefused() {
    assertThatThrownBy(() -> customers.create(ACME, ALICE, CustomerDetails.named("Northwind")
        .withPhoneAndEmail(null, "info@northwind")))
        .isInstanceOfSatisfying(InvalidInputException.class,
            e -> assertThat(e.violations()).extracting(Violation::field).containsExactly("email"));
    assertThat(count()).isZero();
  }

  @Test
  void aDuplicateNameIgnoringCaseAndSpacingIsAConflict() {
    customers.create(ACME, ALICE, CustomerDetails.named("Northwind Logistics"));
    assertThatThrownBy(() -> customers.create(ACME, ALICE, CustomerDetails.named("  NORTHWIND   logistics ")))
        .isInstanceOfSatisfying(ConflictException.class,
            e -> assertThat(e.reason()).isEqualTo(ConflictException.Reason.DUPLICATE_NAME));
    assertThat(count()).isEqualTo(1);
  }

  @Test
  void theSameNameIsFreeInAnotherTenant() {
    Customer acme = customers.create(ACME, ALICE, CustomerDetails.named("Northwind"));
    Customer globex = customers.create(GLOBEX, ALICE, CustomerDetails.named("Northwind"));
    assertThat(globex.id()).isNotEqualTo(acme.id());
  }

  @Test
  void creationIsRecordedWithTheActor() {
    Customer created = customers.create(ACME, ALICE, CustomerDetails.named("Northwind"));
    assertThat(estate.auditTrail().forCustomer(ACME, created.id(), 10))
        .singleElement()
        .satisfies(e -> {
          assertThat(e.type()).isEqualTo(io.simestate.core.audit.AuditEventType.CUSTOMER_CREATED);
          assertThat(e.actor()).isEqualTo(ALICE);
          assertThat(e.at()).isEqualTo(NOW);
        });
  }

  @Test
  void missingTenantActorOrDetailsAreInvalidInputNotNullPointers() {
    assertThatThrownBy(() -> customers.create(null, ALICE, CustomerDetails.named("A"))).isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> customers.create(ACME, null, CustomerDetails.named("A"))).isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> customers.create(ACME, ALICE, null)).isInstanceOf(InvalidInputException.class);
    assertThat(count()).isZero();
  }
}
