package io.simestate.core.contract;

import static io.simestate.core.contract.ContractFixtures.newIccids;
import static io.simestate.core.contract.ContractFixtures.newTenant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.simestate.core.Actor;
import io.simestate.core.AlertKind;
import io.simestate.core.ConflictException;
import io.simestate.core.NotFoundException;
import io.simestate.core.Page;
import io.simestate.core.PageRequest;
import io.simestate.core.TenantId;
import io.simestate.core.customer.Contact;
import io.simestate.core.customer.ContactDetails;
import io.simestate.core.customer.Customer;
import io.simestate.core.customer.CustomerDetails;
import io.simestate.core.customer.CustomerId;
import io.simestate.core.estate.DeletionPreview;
import io.simestate.core.estate.SimEstate;
import io.simestate.core.persistence.Persistence;
import io.simestate.core.sim.AssignmentChanges;
import io.simestate.core.sim.Iccid;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What a portal asks, answered directly by the API on an adapter's {@link Persistence} (issue 11):
 * partial edits, a customer's SIMs paged, ICCID collections, conflicts that carry their data, and a
 * deletion preview that lists the SIMs.
 */
public abstract class PortalAnswersContract {

  private static final Actor ALICE = Actor.of("alice@portal");

  private SimEstate estate;
  private TenantId tenant;

  /**
   * The persistence under test; may be shared between tests.
   *
   * @return the persistence
   */
  protected abstract Persistence persistence();

  @BeforeEach
  void wireTheLibrary() {
    estate = SimEstate.builder().persistence(persistence()).build();
    tenant = newTenant();
  }

  @Test
  void aFormThatChangesOneFieldOfACustomerKeepsEveryOtherField() {
    Customer full = estate.customers().create(tenant, ALICE, CustomerDetails.named("Northwind")
        .withAddress("1 Main St", "1010", "Vienna", "Austria").withRegion("Wien")
        .withPhoneAndEmail("+43 1 234", "office@northwind.example")
        .withExtras("https://northwind.example", "ACC-1", "Key account\nsince 2020"));

    Customer edited = estate.customers().update(tenant, ALICE, full.id(), full.version(),
        CustomerDetails.from(full).withNotes("Moved to gold"));

    assertThat(edited.notes()).isEqualTo("Moved to gold");
    assertThat(edited).usingRecursiveComparison()
        .ignoringFields("notes", "version", "updatedAt").isEqualTo(full);
    assertThat(CustomerDetails.from(edited).withNotes(full.notes())).isEqualTo(CustomerDetails.from(full));
  }

  @Test
  void aFormThatChangesAContactsAlertKindsKeepsEveryOtherField() {
    Customer c = estate.customers().create(tenant, ALICE, CustomerDetails.named("Northwind"));
    Contact ana = estate.customers().addContact(tenant, ALICE, c.id(),
        ContactDetails.alerted("Ana", "ana@northwind.example").withPhoneAndRole("+43 1", "Fleet manager"));

    Contact edited = estate.customers().updateContact(tenant, ALICE, c.id(), ana.id(),
        ContactDetails.from(ana).withAlertKinds(Set.of(AlertKind.CUT_OFF)));

    assertThat(edited).isEqualTo(new Contact(ana.id(), "Ana", ana.email(), "+43 1", "Fleet manager", true,
        Set.of(AlertKind.CUT_OFF)));
    assertThat(estate.customers().get(tenant, c.id()).contacts()).containsExactly(edited);
  }

  @Test
  void aCustomersSimsComePagedFromSims() {
    Customer c = estate.customers().create(tenant, ALICE, CustomerDetails.named("Northwind"));
    List<Iccid> sims = newIccids(5);
    estate.sims().assignIccids(tenant, ALICE, c.id(), sims);

    Page<Iccid> first = estate.sims().simsOf(tenant, c.id(), PageRequest.first(3));
    Page<Iccid> second = estate.sims().simsOf(tenant, c.id(), first.request().next());

    List<Iccid> sorted = sims.stream().sorted().toList();
    assertThat(first.items()).containsExactlyElementsOf(sorted.subList(0, 3));
    assertThat(first.total()).isEqualTo(5);
    assertThat(first.hasNext()).isTrue();
    assertThat(second.items()).containsExactlyElementsOf(sorted.subList(3, 5));
    assertThatThrownBy(() -> estate.sims().simsOf(tenant, CustomerId.random(), PageRequest.first(3)))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> estate.sims().simsOf(newTenant(), c.id(), PageRequest.first(3)))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void iccidsAlreadyParsedCanBeAssignedAndUnassigned() {
    Customer c = estate.customers().create(tenant, ALICE, CustomerDetails.named("Northwind"));
    List<Iccid> sims = newIccids(3);

    AssignmentChanges assigned = estate.sims().assignIccids(tenant, ALICE, c.id(), sims);
    AssignmentChanges released = estate.sims().unassignIccids(tenant, ALICE, sims.subList(0, 1));

    assertThat(assigned.changed()).isEqualTo(3);
    assertThat(released.changed()).isEqualTo(1);
    assertThat(estate.sims().simsOf(tenant, c.id(), PageRequest.first(10)).total()).isEqualTo(2);
  }

  @Test
  void aSimHeldElsewhereConflictListsEveryConflictingIccidAsData() {
    TenantId theirs = newTenant();
    Customer their = estate.customers().create(theirs, ALICE, CustomerDetails.named("Theirs"));
    List<Iccid> taken = newIccids(7);
    estate.sims().assignIccids(theirs, ALICE, their.id(), taken);
    Customer ours = estate.customers().create(tenant, ALICE, CustomerDetails.named("Ours"));
    List<Iccid> request = new ArrayList<>(newIccids(3));
    request.addAll(taken);

    ConflictException e = catchThrowableOfType(ConflictException.class,
        () -> estate.sims().assignIccids(tenant, ALICE, ours.id(), request));

    assertThat(e.reason()).isEqualTo(ConflictException.Reason.SIM_HELD_ELSEWHERE);
    assertThat(e.iccids()).containsExactlyInAnyOrderElementsOf(taken.stream().map(Iccid::digits).toList());
    assertThat(e.existingCustomerId()).isEmpty();
    assertThat(estate.sims().simsOf(tenant, ours.id(), PageRequest.first(10)).total()).isZero();
  }

  @Test
  void aDuplicateNameConflictGivesTheExistingCustomersId() {
    Customer first = estate.customers().create(tenant, ALICE, CustomerDetails.named("Northwind"));
    Customer second = estate.customers().create(tenant, ALICE, CustomerDetails.named("Contoso"));

    ConflictException onCreate = catchThrowableOfType(ConflictException.class,
        () -> estate.customers().create(tenant, ALICE, CustomerDetails.named("NORTHWIND")));
    ConflictException onRename = catchThrowableOfType(ConflictException.class,
        () -> estate.customers().update(tenant, ALICE, second.id(), second.version(),
            CustomerDetails.named("northwind")));

    assertThat(onCreate.reason()).isEqualTo(ConflictException.Reason.DUPLICATE_NAME);
    assertThat(onCreate.existingCustomerId()).contains(first.id().toString());
    assertThat(onCreate.iccids()).isEmpty();
    assertThat(onRename.existingCustomerId()).contains(first.id().toString());
  }

  @Test
  void theDeletionPreviewListsTheSimsPaged() {
    Customer c = estate.customers().create(tenant, ALICE, CustomerDetails.named("Northwind"));
    List<Iccid> sims = newIccids(4);
    estate.sims().assignIccids(tenant, ALICE, c.id(), sims);

    DeletionPreview preview = estate.customers().previewDeletion(tenant, c.id(), PageRequest.first(3));
    DeletionPreview next = estate.customers().previewDeletion(tenant, c.id(), preview.sims().request().next());

    List<Iccid> sorted = sims.stream().sorted().toList();
    assertThat(preview.simCount()).isEqualTo(4);
    assertThat(preview.sims().items()).containsExactlyElementsOf(sorted.subList(0, 3));
    assertThat(next.sims().items()).containsExactlyElementsOf(sorted.subList(3, 4));
    assertThat(next.confirmation()).isEqualTo(preview.confirmation());
    assertThat(estate.customers().previewDeletion(tenant, c.id()).sims().items()).hasSize(4);
    assertThat(estate.customers().delete(tenant, ALICE, preview.confirmation()).simsUnassigned()).isEqualTo(4);
  }
}
