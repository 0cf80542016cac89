package io.simestate.core.customer;

import static io.simestate.core.Scenarios.ACME;
import static io.simestate.core.Scenarios.ALICE;
import static io.simestate.core.Scenarios.BOB;
import static io.simestate.core.Scenarios.customer;
import static io.simestate.core.Scenarios.holder;
import static io.simestate.core.Scenarios.iccid;
import static io.simestate.core.Scenarios.iccids;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.simestate.core.ConflictException;
import io.simestate.core.InvalidInputException;
import io.simestate.core.NotFoundException;
import io.simestate.core.PageRequest;
import io.simestate.core.Scenarios;
import io.simestate.core.audit.AuditEvent;
import io.simestate.core.audit.AuditEventType;
import io.simestate.core.estate.Customers;
import io.simestate.core.estate.DeletionPreview;
import io.simestate.core.estate.SimEstate;
import io.simestate.core.sim.AssignmentChanges;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** F5: deletion is previewed, confirmed, refused when stale, and never deletes SIMs. */
class CustomerDeletionTest {

  private final SimEstate estate = Scenarios.estate();
  private final Customers customers = estate.customers();

  private Customer customerWithTwoContactsAndThreeSims() {
    Customer c = customer(estate, ACME, "Northwind");
    customers.addContact(ACME, ALICE, c.id(), ContactDetails.alerted("Ana", "ana@northwind.example"));
    customers.addContact(ACME, ALICE, c.id(), ContactDetails.silent("Ben", null));
    estate.sims().assign(ACME, ALICE, c.id(), iccids(0, 3));
    return customers.get(ACME, c.id());
  }

  private static void assertStale(Runnable delete) {
    assertThatThrownBy(delete::run).isInstanceOfSatisfying(ConflictException.class,
        e -> assertThat(e.reason()).isEqualTo(ConflictException.Reason.STALE_CONFIRMATION));
  }

  @Test
  void thePreviewStatesWhatWillHappen() {
    Customer c = customerWithTwoContactsAndThreeSims();
    DeletionPreview preview = customers.previewDeletion(ACME, c.id());
    assertThat(preview.customerName()).isEqualTo("Northwind");
    assertThat(preview.simCount()).isEqualTo(3);
    assertThat(preview.contactCount()).isEqualTo(2);
    assertThat(preview.message()).contains("Northwind").contains("2 contacts").contains("3 SIMs");
  }

  @Test
  void thePreviewChangesNothing() {
    Customer c = customerWithTwoContactsAndThreeSims();
    customers.previewDeletion(ACME, c.id());
    assertThat(customers.get(ACME, c.id())).isEqualTo(c);
    assertThat(holder(estate, ACME, iccid(0))).isEqualTo(c.id());
  }

  @Test
  void aConfirmedDeletionRemovesTheCustomerAndItsContacts() {
    Customer c = customerWithTwoContactsAndThreeSims();
    DeletionResult result = customers.delete(ACME, ALICE, customers.previewDeletion(ACME, c.id()).confirmation());
    assertThat(result).isEqualTo(new DeletionResult("Northwind", 3, 2));
    assertThat(customers.find(ACME, c.id())).isEmpty();
    assertThat(customers.list(ACME, null, PageRequest.first(10)).items()).isEmpty();
  }

  @Test
  void deletingACustomerUnassignsItsSimsWithoutDeletingThem() {
    Customer c = customerWithTwoContactsAndThreeSims();
    customers.delete(ACME, ALICE, customers.previewDeletion(ACME, c.id()).confirmation());
    for (String sim : iccids(0, 3)) {
      assertThat(holder(estate, ACME, sim)).isNull();
    }
    // the SIMs still exist: they can be assigned to another customer without any conflict
    Customer other = customer(estate, ACME, "Contoso");
    AssignmentChanges changes = estate.sims().assign(ACME, ALICE, other.id(), iccids(0, 3));
    assertThat(changes.changed()).isEqualTo(3);
    assertThat(changes.movedFrom()).isEmpty();
  }

  @Test
  void deletingACustomerLeavesOtherCustomersSimsAlone() {
    Customer c = customerWithTwoContactsAndThreeSims();
    Customer other = customer(estate, ACME, "Contoso");
    estate.sims().assign(ACME, ALICE, other.id(), iccids(100, 2));
    customers.delete(ACME, ALICE, customers.previewDeletion(ACME, c.id()).confirmation());
    assertThat(holder(estate, ACME, iccid(100))).isEqualTo(other.id());
    assertThat(customers.report(ACME, other.id(), PageRequest.first(10)).simCount()).isEqualTo(2);
  }

  @Test
  void theNameIsFreeAgainAfterDeletion() {
    Customer c = customer(estate, ACME, "Northwind");
    customers.delete(ACME, ALICE, customers.previewDeletion(ACME, c.id()).confirmation());
    assertThat(customer(estate, ACME, "NORTHWIND").id()).isNotEqualTo(c.id());
  }

  @Test
  void aContactAddedAfterThePreviewMakesTheConfirmationStale() {
    Customer c = customerWithTwoContactsAndThreeSims();
    DeletionConfirmation confirmation = customers.previewDeletion(ACME, c.id()).confirmation();
    customers.addContact(ACME, BOB, c.id(), ContactDetails.silent("Cleo", null));
    assertStale(() -> customers.delete(ACME, ALICE, confirmation));
    assertThat(customers.find(ACME, c.id())).isPresent();
    assertThat(holder(estate, ACME, iccid(0))).isEqualTo(c.id());
  }

  @Test
  void aSimAssignedAfterThePreviewMakesTheConfirmationStale() {
    Customer c = customerWithTwoContactsAndThreeSims();
    DeletionConfirmation confirmation = customers.previewDeletion(ACME, c.id()).confirmation();
    estate.sims().assign(ACME, BOB, c.id(), List.of(iccid(50)));
    assertStale(() -> customers.delete(ACME, ALICE, confirmation));
    assertThat(customers.find(ACME, c.id())).isPresent();
    assertThat(holder(estate, ACME, iccid(50))).isEqualTo(c.id());
  }

  @Test
  void aSimUnassignedAfterThePreviewMakesTheConfirmationStale() {
    Customer c = customerWithTwoContactsAndThreeSims();
    DeletionConfirmation confirmation = customers.previewDeletion(ACME, c.id()).confirmation();
    estate.sims().unassign(ACME, BOB, List.of(iccid(0)));
    assertStale(() -> customers.delete(ACME, ALICE, confirmation));
    assertThat(customers.find(ACME, c.id())).isPresent();
  }

  @Test
  void aRenameAfterThePreviewMakesTheConfirmationStale() {
    Customer c = customerWithTwoContactsAndThreeSims();
    DeletionConfirmation confirmation = customers.previewDeletion(ACME, c.id()).confirmation();
    customers.update(ACME, BOB, c.id(), c.version(), CustomerDetails.named("Northwind AG"));
    assertStale(() -> customers.delete(ACME, ALICE, confirmation));
    assertThat(customers.get(ACME, c.id()).name().value()).isEqualTo("Northwind AG");
  }

  @Test
  void aContactEditAfterThePreviewMakesTheConfirmationStale() {
    Customer c = customerWithTwoContactsAndThreeSims();
    DeletionConfirmation confirmation = customers.previewDeletion(ACME, c.id()).confirmation();
    Contact ana = c.contacts().get(0);
    customers.updateContact(ACME, BOB, c.id(), ana.id(), ContactDetails.silent("Ana", "ana@northwind.example"));
    assertStale(() -> customers.delete(ACME, ALICE, confirmation));
  }

  @Test
  void aNewPreviewAfterAChangeGivesAUsableConfirmation() {
    Customer c = customerWithTwoContactsAndThreeSims();
    customers.previewDeletion(ACME, c.id());
    customers.addContact(ACME, BOB, c.id(), ContactDetails.silent("Cleo", null));
    DeletionPreview fresh = customers.previewDeletion(ACME, c.id());
    assertThat(fresh.contactCount()).isEqualTo(3);
    assertThat(customers.delete(ACME, ALICE, fresh.confirmation()).contactsRemoved()).isEqualTo(3);
  }

  @Test
  void aConfirmationCannotBeUsedTwice() {
    Customer c = customerWithTwoContactsAndThreeSims();
    DeletionConfirmation confirmation = customers.previewDeletion(ACME, c.id()).confirmation();
    customers.delete(ACME, ALICE, confirmation);
    assertThatThrownBy(() -> customers.delete(ACME, ALICE, confirmation)).isInstanceOf(NotFoundException.class);
  }

  @Test
  void aForgedConfirmationWithWrongCountsIsRefused() {
    Customer c = customerWithTwoContactsAndThreeSims();
    DeletionConfirmation real = customers.previewDeletion(ACME, c.id()).confirmation();
    DeletionConfirmation forged = new DeletionConfirmation(ACME, c.id(), real.version(), 0, 0);
    assertStale(() -> customers.delete(ACME, ALICE, forged));
    assertThat(holder(estate, ACME, iccid(0))).isEqualTo(c.id());
  }

  @Test
  void deletingWithoutAConfirmationIsInvalidInput() {
    assertThatThrownBy(() -> customers.delete(ACME, ALICE, null)).isInstanceOf(InvalidInputException.class);
  }

  @Test
  void previewingAnUnknownCustomerIsNotFound() {
    assertThatThrownBy(() -> customers.previewDeletion(ACME, CustomerId.random())).isInstanceOf(NotFoundException.class);
  }

  @Test
  void deletionIsRecordedWithTheActorAndTheCounts() {
    Customer c = customerWithTwoContactsAndThreeSims();
    customers.delete(ACME, BOB, customers.previewDeletion(ACME, c.id()).confirmation());
    AuditEvent event = estate.auditTrail().forCustomer(ACME, c.id(), 1).get(0);
    assertThat(event.type()).isEqualTo(AuditEventType.CUSTOMER_DELETED);
    assertThat(event.actor()).isEqualTo(BOB);
    assertThat(event.summary()).contains("3 SIMs").contains("2 contacts");
  }

  @Test
  void deletionIsAtomicWhenTheEventPublisherFails() {
    AtomicBoolean failDeletes = new AtomicBoolean(true);
    SimEstate failing = SimEstate.builder().clock(Scenarios.CLOCK).publishEventsTo(event -> {
      if (failDeletes.get() && event.type() == AuditEventType.CUSTOMER_DELETED) {
        throw new IllegalStateException("host audit store is down");
      }
    }).build();
    Customer c = customer(failing, ACME, "Northwind");
    failing.customers().addContact(ACME, ALICE, c.id(), ContactDetails.silent("Ana", null));
    failing.sims().assign(ACME, ALICE, c.id(), iccids(0, 3));
    DeletionConfirmation confirmation = failing.customers().previewDeletion(ACME, c.id()).confirmation();
    Customer before = failing.customers().get(ACME, c.id());

    assertThatThrownBy(() -> failing.customers().delete(ACME, ALICE, confirmation)).isInstanceOf(RuntimeException.class);

    // either everything happened or nothing: the customer, its contacts and its SIMs are all still there
    assertThat(failing.customers().find(ACME, c.id())).contains(before);
    for (String sim : iccids(0, 3)) {
      assertThat(holder(failing, ACME, sim)).isEqualTo(c.id());
    }
    failDeletes.set(false);
    assertThat(failing.customers().delete(ACME, ALICE, confirmation).simsUnassigned()).isEqualTo(3);
  }
}
