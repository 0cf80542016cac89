package io.simestate.core;

import static io.simestate.core.Scenarios.ACME;
import static io.simestate.core.Scenarios.ALICE;
import static io.simestate.core.Scenarios.GLOBEX;
import static io.simestate.core.Scenarios.holder;
import static io.simestate.core.Scenarios.iccid;
import static io.simestate.core.Scenarios.iccids;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.simestate.core.audit.AuditEvent;
import io.simestate.core.customer.Contact;
import io.simestate.core.customer.ContactDetails;
import io.simestate.core.customer.Customer;
import io.simestate.core.customer.CustomerDetails;
import io.simestate.core.customer.DeletionConfirmation;
import io.simestate.core.estate.DeletionPreview;
import io.simestate.core.estate.SimEstate;
import io.simestate.core.sim.IccidRange;
import java.io.StringReader;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** F12: every read and write with another tenant's ids answers "not found" and changes nothing. */
class TenantIsolationTest {

  private final SimEstate estate = Scenarios.estate();
  private Customer acmeCustomer;
  private Contact acmeContact;
  private Customer globexCustomer;

  /** What tenant ACME's data looks like; compared after every cross-tenant attempt. */
  private record Snapshot(Customer customer, long simCount, List<AuditEvent> trail) {}

  private Snapshot snapshot() {
    return new Snapshot(estate.customers().get(ACME, acmeCustomer.id()),
        estate.customers().report(ACME, acmeCustomer.id(), PageRequest.first(100)).simCount(),
        estate.auditTrail().recent(ACME, 1000));
  }

  @BeforeEach
  void twoTenants() {
    acmeCustomer = estate.customers().create(ACME, ALICE, CustomerDetails.named("Northwind"));
    acmeContact = estate.customers().addContact(ACME, ALICE, acmeCustomer.id(),
        ContactDetails.alerted("Ana", "ana@northwind.example"));
    estate.sims().assign(ACME, ALICE, acmeCustomer.id(), iccids(0, 3));
    acmeCustomer = estate.customers().get(ACME, acmeCustomer.id());
    globexCustomer = estate.customers().create(GLOBEX, ALICE, CustomerDetails.named("Globex own"));
  }

  private void assertNotFoundAndUnchanged(ThrowingCallable attempt) {
    Snapshot before = snapshot();
    assertThatThrownBy(attempt).isInstanceOf(NotFoundException.class);
    assertThat(snapshot()).isEqualTo(before);
  }

  @Test
  void anotherTenantCannotFindTheCustomer() {
    assertThat(estate.customers().find(GLOBEX, acmeCustomer.id())).isEmpty();
    assertNotFoundAndUnchanged(() -> estate.customers().get(GLOBEX, acmeCustomer.id()));
  }

  @Test
  void anotherTenantCannotRunTheReport() {
    assertNotFoundAndUnchanged(() -> estate.customers().report(GLOBEX, acmeCustomer.id(), PageRequest.first(10)));
  }

  @Test
  void anotherTenantDoesNotListTheCustomer() {
    assertThat(estate.customers().list(GLOBEX, "Northwind", PageRequest.first(10)).items()).isEmpty();
    assertThat(estate.customers().list(GLOBEX, null, PageRequest.first(10)).items())
        .extracting(s -> s.id()).containsExactly(globexCustomer.id());
  }

  @Test
  void anotherTenantCannotEditTheCustomer() {
    assertNotFoundAndUnchanged(() -> estate.customers().update(GLOBEX, ALICE, acmeCustomer.id(),
        acmeCustomer.version(), CustomerDetails.named("Hijacked")));
  }

  @Test
  void anotherTenantCannotPreviewTheDeletion() {
    assertNotFoundAndUnchanged(() -> estate.customers().previewDeletion(GLOBEX, acmeCustomer.id()));
  }

  @Test
  void anotherTenantCannotUseTheConfirmation() {
    DeletionPreview preview = estate.customers().previewDeletion(ACME, acmeCustomer.id());
    assertNotFoundAndUnchanged(() -> estate.customers().delete(GLOBEX, ALICE, preview.confirmation()));
  }

  @Test
  void anotherTenantCannotForgeAConfirmationInItsOwnName() {
    DeletionPreview preview = estate.customers().previewDeletion(ACME, acmeCustomer.id());
    DeletionConfirmation c = preview.confirmation();
    DeletionConfirmation forged = new DeletionConfirmation(GLOBEX, c.customerId(), c.version(), c.simCount(), c.contactCount());
    assertNotFoundAndUnchanged(() -> estate.customers().delete(GLOBEX, ALICE, forged));
    assertThat(holder(estate, ACME, iccid(0))).isEqualTo(acmeCustomer.id());
  }

  @Test
  void anotherTenantCannotAddAContact() {
    assertNotFoundAndUnchanged(() -> estate.customers().addContact(GLOBEX, ALICE, acmeCustomer.id(),
        ContactDetails.alerted("Eve", "eve@evil.example")));
  }

  @Test
  void anotherTenantCannotEditAContact() {
    assertNotFoundAndUnchanged(() -> estate.customers().updateContact(GLOBEX, ALICE, acmeCustomer.id(),
        acmeContact.id(), ContactDetails.alerted("Ana", "eve@evil.example")));
  }

  @Test
  void anotherTenantCannotEditAContactThroughItsOwnCustomer() {
    assertNotFoundAndUnchanged(() -> estate.customers().updateContact(GLOBEX, ALICE, globexCustomer.id(),
        acmeContact.id(), ContactDetails.alerted("Ana", "eve@evil.example")));
  }

  @Test
  void anotherTenantCannotRemoveAContact() {
    assertNotFoundAndUnchanged(() -> estate.customers().removeContact(GLOBEX, ALICE, acmeCustomer.id(), acmeContact.id()));
  }

  @Test
  void anotherTenantCannotAssignSimsToTheCustomer() {
    assertNotFoundAndUnchanged(() -> estate.sims().assign(GLOBEX, ALICE, acmeCustomer.id(), List.of(iccid(50))));
    assertThat(holder(estate, ACME, iccid(50))).isNull();
    assertThat(holder(estate, GLOBEX, iccid(50))).isNull();
  }

  @Test
  void anotherTenantCannotAssignARangeToTheCustomer() {
    assertNotFoundAndUnchanged(() -> estate.sims().assign(GLOBEX, ALICE, acmeCustomer.id(),
        IccidRange.parse(iccid(50) + ".." + iccid(59))));
  }

  @Test
  void anotherTenantDoesNotSeeWhoHoldsTheSim() {
    assertThat(estate.sims().customerOf(GLOBEX, iccid(0))).isEmpty();
  }

  @Test
  void anotherTenantCannotTakeTheSimsOver() {
    Snapshot before = snapshot();
    assertThatThrownBy(() -> estate.sims().assign(GLOBEX, ALICE, globexCustomer.id(), List.of(iccid(0))))
        .isInstanceOfSatisfying(ConflictException.class,
            e -> assertThat(e.reason()).isEqualTo(ConflictException.Reason.SIM_HELD_ELSEWHERE));
    assertThat(snapshot()).isEqualTo(before);
    assertThat(estate.customers().report(GLOBEX, globexCustomer.id(), PageRequest.first(10)).simCount()).isZero();
  }

  @Test
  void anotherTenantCannotUnassignTheSims() {
    Snapshot before = snapshot();
    assertThat(estate.sims().unassign(GLOBEX, ALICE, iccids(0, 3)).changed()).isZero();
    assertThat(estate.sims().unassign(GLOBEX, ALICE, IccidRange.parse(iccid(0) + ".." + iccid(2))).changed()).isZero();
    assertThat(snapshot()).isEqualTo(before);
  }

  @Test
  void anotherTenantsCsvCannotNameTheCustomerById() {
    Snapshot before = snapshot();
    var report = estate.sims().importCsv(GLOBEX, ALICE, new StringReader(iccid(60) + "," + acmeCustomer.id() + "\n"
        + iccid(0) + ",Globex own\n"));
    assertThat(report.rejected()).hasSize(2);
    assertThat(snapshot()).isEqualTo(before);
    assertThat(holder(estate, GLOBEX, iccid(60))).isNull();
  }

  @Test
  void anotherTenantReadsNoneOfTheTrail() {
    assertThat(estate.auditTrail().forCustomer(GLOBEX, acmeCustomer.id(), 10)).isEmpty();
    assertThat(estate.auditTrail().forSim(GLOBEX, Scenarios.sim(0), 10)).isEmpty();
    assertThat(estate.auditTrail().recent(GLOBEX, 10)).allSatisfy(e -> assertThat(e.tenantId()).isEqualTo(GLOBEX));
  }

  @Test
  void theNotFoundMessageDoesNotRevealTheOtherTenant() {
    assertThatThrownBy(() -> estate.customers().get(GLOBEX, acmeCustomer.id()))
        .isInstanceOf(NotFoundException.class)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("Northwind").doesNotContain("acme"));
  }
}
