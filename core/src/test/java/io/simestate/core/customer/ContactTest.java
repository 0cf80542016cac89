package io.simestate.core.customer;

import static io.simestate.core.Scenarios.ACME;
import static io.simestate.core.Scenarios.ALICE;
import static io.simestate.core.Scenarios.BOB;
import static io.simestate.core.Scenarios.customer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.simestate.core.AlertKind;
import io.simestate.core.InvalidInputException;
import io.simestate.core.NotFoundException;
import io.simestate.core.Scenarios;
import io.simestate.core.Violation;
import io.simestate.core.audit.AuditEvent;
import io.simestate.core.audit.AuditEventType;
import io.simestate.core.estate.Customers;
import io.simestate.core.estate.SimEstate;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** F6 contacts and F7 alert preferences. */
class ContactTest {

  private final SimEstate estate = Scenarios.estate();
  private final Customers customers = estate.customers();
  private final Customer northwind = customer(estate, ACME, "Northwind");

  private Customer reload() {
    return customers.get(ACME, northwind.id());
  }

  @Test
  void aCustomerHasManyContactsInTheOrderAdded() {
    Contact ana = customers.addContact(ACME, ALICE, northwind.id(), ContactDetails.alerted("Ana", "ana@northwind.example"));
    Contact ben = customers.addContact(ACME, ALICE, northwind.id(), ContactDetails.silent("Ben", null));
    Contact cleo = customers.addContact(ACME, ALICE, northwind.id(), ContactDetails.silent("Cleo", "cleo@northwind.example"));
    assertThat(reload().contacts()).containsExactly(ana, ben, cleo);
    assertThat(Set.of(ana.id(), ben.id(), cleo.id())).hasSize(3);
  }

  @Test
  void aContactNeedsOnlyAName() {
    Contact ben = customers.addContact(ACME, ALICE, northwind.id(), ContactDetails.silent("  Ben   Miller ", null));
    assertThat(ben.name()).isEqualTo("Ben Miller");
    assertThat(ben.email()).isNull();
    assertThat(ben.phone()).isNull();
    assertThat(ben.role()).isNull();
    assertThat(ben.alertsEnabled()).isFalse();
  }

  @Test
  void phoneRoleAndEmailAreStored() {
    Contact ana = customers.addContact(ACME, ALICE, northwind.id(),
        ContactDetails.silent("Ana", " Ana@Northwind.EXAMPLE ").withPhoneAndRole(" +43 660 1234 ", " Fleet manager "));
    assertThat(ana.email()).isEqualTo(EmailAddress.parse("Ana@northwind.example"));
    assertThat(ana.phone()).isEqualTo("+43 660 1234");
    assertThat(ana.role()).isEqualTo("Fleet manager");
  }

  @Test
  void aContactWithoutANameIsRefused() {
    assertThatThrownBy(() -> customers.addContact(ACME, ALICE, northwind.id(), ContactDetails.silent("  ", null)))
        .isInstanceOfSatisfying(InvalidInputException.class,
            e -> assertThat(e.violations()).extracting(Violation::field).containsExactly("name"));
    assertThat(reload().contacts()).isEmpty();
  }

  @Test
  void anInvalidEmailIsRefusedEvenWithAlertsOff() {
    assertThatThrownBy(() -> customers.addContact(ACME, ALICE, northwind.id(), ContactDetails.silent("Ana", "ana@")))
        .isInstanceOfSatisfying(InvalidInputException.class,
            e -> assertThat(e.violations()).extracting(Violation::field).containsExactly("email"));
    assertThat(reload().contacts()).isEmpty();
  }

  @Test
  void switchingAlertsOnRequiresAnEmail() {
    assertThatThrownBy(() -> customers.addContact(ACME, ALICE, northwind.id(), ContactDetails.alerted("Ana", null)))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> {
          assertThat(e.violations()).extracting(Violation::field).containsExactly("email");
          assertThat(e.getMessage()).contains("alerts");
        });
    assertThat(reload().contacts()).isEmpty();
  }

  @Test
  void switchingAlertsOnRequiresAValidEmail() {
    assertThatThrownBy(() -> customers.addContact(ACME, ALICE, northwind.id(),
        ContactDetails.alerted("Ana", "ana@northwind.example\r\nBcc: eve@evil.example")))
        .isInstanceOfSatisfying(InvalidInputException.class,
            e -> assertThat(e.violations()).extracting(Violation::field).contains("email"));
    assertThat(reload().contacts()).isEmpty();
  }

  @Test
  void nameAndEmailWrongAtOnceAreBothReported() {
    assertThatThrownBy(() -> customers.addContact(ACME, ALICE, northwind.id(),
        new ContactDetails("", "x@y", "phone?", "r\u0000", true, null)))
        .isInstanceOfSatisfying(InvalidInputException.class,
            e -> assertThat(e.violations()).extracting(Violation::field).contains("name", "email", "phone", "role"));
    assertThat(reload().contacts()).isEmpty();
  }

  @Test
  void aMissingNameAndAMissingEmailWithAlertsOnAreReportedTogether() {
    assertThatThrownBy(() -> customers.addContact(ACME, ALICE, northwind.id(), ContactDetails.alerted("  ", null)))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
            .extracting(Violation::field).containsExactlyInAnyOrder("name", "email"));
    assertThat(reload().contacts()).isEmpty();
  }

  @Test
  void aContactWantsBothKindsByDefault() {
    Contact ana = customers.addContact(ACME, ALICE, northwind.id(), ContactDetails.alerted("Ana", "ana@northwind.example"));
    assertThat(ana.alertKinds()).containsExactlyInAnyOrder(AlertKind.WARNING, AlertKind.CUT_OFF);
    assertThat(ana.wants(AlertKind.WARNING)).isTrue();
    assertThat(ana.wants(AlertKind.CUT_OFF)).isTrue();
    Contact ben = customers.addContact(ACME, ALICE, northwind.id(),
        new ContactDetails("Ben", "ben@northwind.example", null, null, true, Set.of()));
    assertThat(ben.alertKinds()).containsExactlyInAnyOrder(AlertKind.WARNING, AlertKind.CUT_OFF);
  }

  @Test
  void aContactCanWantOnlyCutOffAlerts() {
    Contact ana = customers.addContact(ACME, ALICE, northwind.id(),
        ContactDetails.alerted("Ana", "ana@northwind.example").wanting(AlertKind.CUT_OFF));
    assertThat(ana.alertKinds()).containsExactly(AlertKind.CUT_OFF);
    assertThat(ana.wants(AlertKind.WARNING)).isFalse();
    assertThat(reload().contacts().get(0).alertKinds()).containsExactly(AlertKind.CUT_OFF);
  }

  @Test
  void theKindsAreCopiedNotShared() {
    Set<AlertKind> kinds = new HashSet<>(EnumSet.of(AlertKind.WARNING));
    Contact ana = customers.addContact(ACME, ALICE, northwind.id(),
        new ContactDetails("Ana", "ana@northwind.example", null, null, true, kinds));
    kinds.add(AlertKind.CUT_OFF);
    assertThat(ana.alertKinds()).containsExactly(AlertKind.WARNING);
    assertThat(reload().contacts().get(0).alertKinds()).containsExactly(AlertKind.WARNING);
  }

  @Test
  void editingAContactReplacesItsFieldsAndKeepsItsId() {
    Contact ana = customers.addContact(ACME, ALICE, northwind.id(), ContactDetails.silent("Ana", null));
    Contact edited = customers.updateContact(ACME, BOB, northwind.id(), ana.id(),
        ContactDetails.alerted("Ana Lopez", "ana@northwind.example").wanting(AlertKind.WARNING));
    assertThat(edited.id()).isEqualTo(ana.id());
    assertThat(edited.alertsEnabled()).isTrue();
    assertThat(edited.alertKinds()).containsExactly(AlertKind.WARNING);
    assertThat(reload().contacts()).containsExactly(edited);
  }

  @Test
  void switchingAlertsOnByEditRequiresAValidEmail() {
    Contact ana = customers.addContact(ACME, ALICE, northwind.id(), ContactDetails.silent("Ana", null));
    assertThatThrownBy(() -> customers.updateContact(ACME, BOB, northwind.id(), ana.id(), ContactDetails.silent("Ana", null).withAlerts(true)))
        .isInstanceOf(InvalidInputException.class);
    assertThat(reload().contacts()).containsExactly(ana);
  }

  @Test
  void switchingAlertsOffKeepsTheEmail() {
    Contact ana = customers.addContact(ACME, ALICE, northwind.id(), ContactDetails.alerted("Ana", "ana@northwind.example"));
    Contact off = customers.updateContact(ACME, ALICE, northwind.id(), ana.id(), ContactDetails.alerted("Ana", "ana@northwind.example").withAlerts(false));
    assertThat(off.alertsEnabled()).isFalse();
    assertThat(off.email()).isEqualTo(ana.email());
  }

  @Test
  void editingOneContactLeavesTheOthersAlone() {
    Contact ana = customers.addContact(ACME, ALICE, northwind.id(), ContactDetails.silent("Ana", null));
    Contact ben = customers.addContact(ACME, ALICE, northwind.id(), ContactDetails.silent("Ben", null));
    Contact anaEdited = customers.updateContact(ACME, ALICE, northwind.id(), ana.id(), ContactDetails.silent("Ana B", null));
    assertThat(reload().contacts()).containsExactly(anaEdited, ben);
  }

  @Test
  void removingAContactKeepsTheOthers() {
    Contact ana = customers.addContact(ACME, ALICE, northwind.id(), ContactDetails.silent("Ana", null));
    Contact ben = customers.addContact(ACME, ALICE, northwind.id(), ContactDetails.silent("Ben", null));
    customers.removeContact(ACME, ALICE, northwind.id(), ana.id());
    assertThat(reload().contacts()).containsExactly(ben);
  }

  @Test
  void anUnknownContactIsNotFound() {
    ContactId unknown = ContactId.random();
    assertThatThrownBy(() -> customers.updateContact(ACME, ALICE, northwind.id(), unknown, ContactDetails.silent("X", null)))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> customers.removeContact(ACME, ALICE, northwind.id(), unknown))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void anotherCustomersContactIsNotFoundThroughThisCustomer() {
    Customer contoso = customer(estate, ACME, "Contoso");
    Contact theirs = customers.addContact(ACME, ALICE, contoso.id(), ContactDetails.silent("Zoe", null));
    assertThatThrownBy(() -> customers.removeContact(ACME, ALICE, northwind.id(), theirs.id()))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> customers.updateContact(ACME, ALICE, northwind.id(), theirs.id(), ContactDetails.silent("Y", null)))
        .isInstanceOf(NotFoundException.class);
    assertThat(customers.get(ACME, contoso.id()).contacts()).containsExactly(theirs);
  }

  @Test
  void addingAContactToAnUnknownCustomerIsNotFound() {
    assertThatThrownBy(() -> customers.addContact(ACME, ALICE, CustomerId.random(), ContactDetails.silent("Ana", null)))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void everyContactChangeIsRecordedWithTheActor() {
    Contact ana = customers.addContact(ACME, ALICE, northwind.id(), ContactDetails.silent("Ana", null));
    customers.updateContact(ACME, BOB, northwind.id(), ana.id(), ContactDetails.alerted("Ana", "ana@northwind.example"));
    customers.removeContact(ACME, ALICE, northwind.id(), ana.id());
    assertThat(estate.auditTrail().forCustomer(ACME, northwind.id(), 3))
        .extracting(AuditEvent::type, AuditEvent::actor)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(AuditEventType.CONTACT_REMOVED, ALICE),
            org.assertj.core.groups.Tuple.tuple(AuditEventType.CONTACT_UPDATED, BOB),
            org.assertj.core.groups.Tuple.tuple(AuditEventType.CONTACT_ADDED, ALICE));
  }
}
