package io.simestate.core.contract;

import static io.simestate.core.contract.ContractFixtures.newIccids;
import static io.simestate.core.contract.ContractFixtures.newTenant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.simestate.core.Actor;
import io.simestate.core.AlertKind;
import io.simestate.core.ConflictException;
import io.simestate.core.PageRequest;
import io.simestate.core.TenantId;
import io.simestate.core.alert.AlertId;
import io.simestate.core.alert.Delivery;
import io.simestate.core.alert.DeliveryStatus;
import io.simestate.core.alert.Notification;
import io.simestate.core.alert.Recipient;
import io.simestate.core.alert.RoutingOutcome;
import io.simestate.core.alert.RoutingResult;
import io.simestate.core.alert.UsageAlert;
import io.simestate.core.audit.AuditEvent;
import io.simestate.core.audit.AuditEventType;
import io.simestate.core.customer.ContactDetails;
import io.simestate.core.customer.Customer;
import io.simestate.core.customer.CustomerDetails;
import io.simestate.core.estate.DeletionPreview;
import io.simestate.core.customer.DeletionResult;
import io.simestate.core.estate.CustomerReport;
import io.simestate.core.estate.SimEstate;
import io.simestate.core.inmemory.RecordingNotificationSender;
import io.simestate.core.persistence.Persistence;
import io.simestate.core.sim.Iccid;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The use cases end to end on an adapter's {@link Persistence}: what a portal sees must not depend
 * on whether the estate lives in memory or in a database.
 */
public abstract class SimEstateContract {

  private static final Actor ALICE = Actor.of("alice@portal");

  private final RecordingNotificationSender sender = new RecordingNotificationSender();
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
    estate = SimEstate.builder().persistence(persistence()).notificationSender(sender).build();
    tenant = newTenant();
  }

  private List<Notification> sentToThisTenant() {
    return sender.sent().stream().filter(n -> n.tenantId().equals(tenant)).toList();
  }

  @Test
  void aCreatedCustomerIsListedAndReportedWithContactsAndSims() {
    Customer acme = estate.customers().create(tenant, ALICE,
        CustomerDetails.named("Acme Metering").withAddress("1 Main St", "1010", "Vienna", "Austria"));
    estate.customers().addContact(tenant, ALICE, acme.id(), ContactDetails.alerted("Ana", "ana@acme.example"));
    List<Iccid> sims = newIccids(3);
    estate.sims().assign(tenant, ALICE, acme.id(), sims.stream().map(Iccid::digits).toList());
    assertThat(estate.customers().list(tenant, "metering", PageRequest.first(10)).items())
        .extracting(s -> s.name()).containsExactly("Acme Metering");
    CustomerReport report = estate.customers().report(tenant, acme.id(), PageRequest.first(10));
    assertThat(report.customer().contacts()).extracting(c -> c.name()).containsExactly("Ana");
    assertThat(report.customer().address().city()).isEqualTo("Vienna");
    assertThat(report.simCount()).isEqualTo(3);
    assertThat(report.sims().items()).containsExactlyElementsOf(sims.stream().sorted().toList());
  }

  @Test
  void deletingACustomerUnassignsItsSimsAndRemovesItsContacts() {
    Customer acme = estate.customers().create(tenant, ALICE, CustomerDetails.named("Acme"));
    estate.customers().addContact(tenant, ALICE, acme.id(), ContactDetails.alerted("Ana", "ana@acme.example"));
    List<Iccid> sims = newIccids(4);
    estate.sims().assign(tenant, ALICE, acme.id(), sims.stream().map(Iccid::digits).toList());
    DeletionPreview preview = estate.customers().previewDeletion(tenant, acme.id());
    assertThat(preview.simCount()).isEqualTo(4);
    assertThat(preview.contactCount()).isEqualTo(1);
    DeletionResult result = estate.customers().delete(tenant, ALICE, preview.confirmation());
    assertThat(result.simsUnassigned()).isEqualTo(4);
    assertThat(estate.customers().find(tenant, acme.id())).isEmpty();
    assertThat(estate.sims().customerOf(tenant, sims.get(0).digits())).isEmpty();
  }

  @Test
  void aDeletionConfirmationIsStaleOnceASimIsAssigned() {
    Customer acme = estate.customers().create(tenant, ALICE, CustomerDetails.named("Acme"));
    DeletionPreview preview = estate.customers().previewDeletion(tenant, acme.id());
    estate.sims().assign(tenant, ALICE, acme.id(), List.of(newIccids(1).get(0).digits()));
    assertThatThrownBy(() -> estate.customers().delete(tenant, ALICE, preview.confirmation()))
        .isInstanceOfSatisfying(ConflictException.class,
            e -> assertThat(e.reason()).isEqualTo(ConflictException.Reason.STALE_CONFIRMATION));
    assertThat(estate.customers().find(tenant, acme.id())).isPresent();
  }

  @Test
  void concurrentEditsAreDetected() {
    Customer acme = estate.customers().create(tenant, ALICE, CustomerDetails.named("Acme"));
    estate.customers().update(tenant, ALICE, acme.id(), acme.version(), CustomerDetails.named("Acme Ltd"));
    assertThatThrownBy(() -> estate.customers().update(tenant, ALICE, acme.id(), acme.version(),
        CustomerDetails.named("Acme Inc"))).isInstanceOf(ConflictException.class);
    assertThat(estate.customers().get(tenant, acme.id()).name().value()).isEqualTo("Acme Ltd");
  }

  @Test
  void anAlertIsRoutedToExactlyTheRightContactsAndDeliveredOnce() {
    Customer acme = estate.customers().create(tenant, ALICE, CustomerDetails.named("Acme"));
    estate.customers().addContact(tenant, ALICE, acme.id(), ContactDetails.alerted("Ana", "ana@acme.example"));
    estate.customers().addContact(tenant, ALICE, acme.id(),
        ContactDetails.alerted("Bo", "bo@acme.example").wanting(AlertKind.CUT_OFF));
    estate.customers().addContact(tenant, ALICE, acme.id(), ContactDetails.silent("Cy", "cy@acme.example"));
    Customer other = estate.customers().create(tenant, ALICE, CustomerDetails.named("Other"));
    estate.customers().addContact(tenant, ALICE, other.id(), ContactDetails.alerted("Dee", "dee@other.example"));
    Iccid sim = newIccids(1).get(0);
    estate.sims().assign(tenant, ALICE, acme.id(), List.of(sim.digits()));

    RoutingResult result = estate.alerts().route(tenant,
        UsageAlert.of(AlertId.of("w-1"), sim, AlertKind.WARNING, Instant.now()));
    assertThat(result.decision().outcome()).isEqualTo(RoutingOutcome.ROUTED);
    assertThat(result.decision().chosen()).extracting(Recipient::name).containsExactly("Ana");
    assertThat(result.decision().skipped()).hasSize(2);

    estate.dispatcher().dispatchDue();
    assertThat(sentToThisTenant()).extracting(n -> n.recipient().name()).containsExactly("Ana");
    assertThat(estate.alerts().deliveriesOf(tenant, AlertId.of("w-1"))).extracting(Delivery::status)
        .containsExactly(DeliveryStatus.SENT);
    estate.dispatcher().dispatchDue();
    assertThat(sentToThisTenant()).hasSize(1);
  }

  @Test
  void aRepeatedAlertIdRecordsNoSecondDelivery() {
    Customer acme = estate.customers().create(tenant, ALICE, CustomerDetails.named("Acme"));
    estate.customers().addContact(tenant, ALICE, acme.id(), ContactDetails.alerted("Ana", "ana@acme.example"));
    Iccid sim = newIccids(1).get(0);
    estate.sims().assign(tenant, ALICE, acme.id(), List.of(sim.digits()));
    UsageAlert alert = UsageAlert.of(AlertId.of("c-1"), sim, AlertKind.CUT_OFF, Instant.now());
    estate.alerts().route(tenant, alert);
    RoutingResult again = estate.alerts().route(tenant, alert);
    assertThat(again.duplicateAlertId()).isTrue();
    assertThat(again.deliveries()).isEmpty();
    assertThat(estate.alerts().deliveriesOf(tenant, alert.id())).hasSize(1);
  }

  @Test
  void anAssignmentThatTouchesAnotherTenantsSimChangesNothing() {
    TenantId theirs = newTenant();
    Customer their = estate.customers().create(theirs, ALICE, CustomerDetails.named("Theirs"));
    List<Iccid> sims = newIccids(3);
    estate.sims().assign(theirs, ALICE, their.id(), List.of(sims.get(2).digits()));
    Customer acme = estate.customers().create(tenant, ALICE, CustomerDetails.named("Acme"));
    assertThatThrownBy(() -> estate.sims().assign(tenant, ALICE, acme.id(),
        sims.stream().map(Iccid::digits).toList())).isInstanceOf(ConflictException.class);
    assertThat(estate.sims().customerOf(tenant, sims.get(0).digits())).isEmpty();
    assertThat(estate.sims().customerOf(theirs, sims.get(2).digits())).contains(their.id());
  }

  @Test
  void everyChangeIsRecordedWithTheActor() {
    Customer acme = estate.customers().create(tenant, ALICE, CustomerDetails.named("Acme"));
    Iccid sim = newIccids(1).get(0);
    estate.sims().assign(tenant, Actor.of("bob@portal"), acme.id(), List.of(sim.digits()));
    List<AuditEvent> forCustomer = estate.auditTrail().forCustomer(tenant, acme.id(), 10);
    assertThat(forCustomer).extracting(AuditEvent::type)
        .containsExactly(AuditEventType.SIMS_ASSIGNED, AuditEventType.CUSTOMER_CREATED);
    assertThat(forCustomer.get(0).actor()).isEqualTo(Actor.of("bob@portal"));
    assertThat(estate.auditTrail().forSim(tenant, sim, 10)).extracting(AuditEvent::type)
        .containsExactly(AuditEventType.SIMS_ASSIGNED);
  }

  @Test
  void aNewCustomerFormStoresTheCustomerWithItsContactsAsOneRecordedChange() {
    Customer acme = estate.customers().create(tenant, ALICE, CustomerDetails.named("Acme"), List.of(
        ContactDetails.alerted("Ana", "ana@acme.example"), ContactDetails.silent("Bo", "bo@acme.example")));

    Customer stored = estate.customers().get(tenant, acme.id());
    assertThat(stored).isEqualTo(acme);
    assertThat(stored.version()).isEqualTo(1);
    assertThat(stored.contacts()).extracting(c -> c.name()).containsExactly("Ana", "Bo");
    assertThat(stored.contacts()).extracting(c -> c.alertsEnabled()).containsExactly(true, false);
    List<AuditEvent> events = estate.auditTrail().forCustomer(tenant, acme.id(), 10);
    assertThat(events).extracting(AuditEvent::type).containsExactly(AuditEventType.CUSTOMER_CREATED);
    assertThat(events.get(0).summary()).contains("Acme", "Ana", "Bo");
    // The stored contacts are editable like added ones, and the version check still applies.
    estate.customers().updateContact(tenant, ALICE, acme.id(), stored.contacts().get(1).id(),
        ContactDetails.alerted("Bo", "bo@acme.example"));
    assertThat(estate.customers().get(tenant, acme.id()).contacts()).extracting(c -> c.alertsEnabled())
        .containsExactly(true, true);
    assertThatThrownBy(() -> estate.customers().update(tenant, ALICE, acme.id(), acme.version(),
        CustomerDetails.named("Acme Ltd"))).isInstanceOfSatisfying(ConflictException.class,
            e -> assertThat(e.reason()).isEqualTo(ConflictException.Reason.STALE_VERSION));
  }

  @Test
  void aNewCustomerFormWithABrokenContactNamesItsPlaceAndStoresNothing() {
    assertThatThrownBy(() -> estate.customers().create(tenant, ALICE, CustomerDetails.named("Acme"), List.of(
        ContactDetails.silent("Ana", "ana@acme.example"), ContactDetails.alerted("Bo", "not an address"))))
        .isInstanceOfSatisfying(io.simestate.core.InvalidInputException.class,
            e -> assertThat(e.violations()).extracting(v -> v.field()).containsExactly("contacts[1].email"));
    assertThat(estate.customers().list(tenant, null, PageRequest.first(10)).items()).isEmpty();
  }

  @Test
  void aNewCustomerFormWithATakenNameStoresNoContactAndNoEvent() {
    Customer first = estate.customers().create(tenant, ALICE, CustomerDetails.named("Acme"));

    assertThatThrownBy(() -> estate.customers().create(tenant, ALICE, CustomerDetails.named("ACME"), List.of(
        ContactDetails.alerted("Ana", "ana@acme.example"))))
        .isInstanceOfSatisfying(ConflictException.class,
            e -> assertThat(e.reason()).isEqualTo(ConflictException.Reason.DUPLICATE_NAME));
    assertThat(estate.customers().list(tenant, null, PageRequest.first(10)).items())
        .extracting(s -> s.id()).containsExactly(first.id());
    assertThat(estate.customers().get(tenant, first.id()).contacts()).isEmpty();
    assertThat(estate.auditTrail().recent(tenant, 10)).extracting(AuditEvent::type)
        .containsExactly(AuditEventType.CUSTOMER_CREATED);
  }

  @Test
  void aContactEditKeepsTheOtherContactsAndAdvancesTheVersionOnce() {
    Customer acme = estate.customers().create(tenant, ALICE, CustomerDetails.named("Acme"), List.of(
        ContactDetails.alerted("Ana", "ana@acme.example"), ContactDetails.silent("Bo", "bo@acme.example"),
        ContactDetails.silent("Cy", "cy@acme.example")));
    Customer stored = estate.customers().get(tenant, acme.id());

    estate.customers().updateContact(tenant, ALICE, acme.id(), stored.contacts().get(1).id(),
        ContactDetails.from(stored.contacts().get(1)).withName("Bob").withPhone("+43 1 234"));
    estate.customers().removeContact(tenant, ALICE, acme.id(), stored.contacts().get(0).id());

    Customer after = estate.customers().get(tenant, acme.id());
    assertThat(after.version()).isEqualTo(3);
    assertThat(after.contacts()).extracting(c -> c.name()).containsExactly("Bob", "Cy");
    assertThat(after.contacts().get(0).phone()).isEqualTo("+43 1 234");
    assertThat(after.contacts().get(0).id()).isEqualTo(stored.contacts().get(1).id());
    assertThat(estate.customers().report(tenant, acme.id(), PageRequest.first(1)).customer()).isEqualTo(after);
  }
}
