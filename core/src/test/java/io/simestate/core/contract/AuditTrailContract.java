package io.simestate.core.contract;

import static io.simestate.core.contract.ContractFixtures.at;
import static io.simestate.core.contract.ContractFixtures.newIccids;
import static io.simestate.core.contract.ContractFixtures.newTenant;
import static org.assertj.core.api.Assertions.assertThat;

import io.simestate.core.Actor;
import io.simestate.core.TenantId;
import io.simestate.core.audit.AuditEvent;
import io.simestate.core.audit.AuditEventType;
import io.simestate.core.audit.AuditTrail;
import io.simestate.core.customer.CustomerId;
import io.simestate.core.sim.Iccid;
import io.simestate.core.sim.IccidRange;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The contract of {@link AuditTrail}: events published, read back per customer and per SIM. */
public abstract class AuditTrailContract {

  /**
   * The trail under test.
   *
   * @return the trail
   */
  protected abstract AuditTrail auditTrail();

  private static AuditEvent event(TenantId tenant, AuditEventType type, CustomerId customer, Collection<Iccid> sims,
      long second) {
    return new AuditEvent(UUID.randomUUID(), tenant, type, Actor.of("alice@portal"), at(second), customer, sims,
        type + " at " + second + " ✓");
  }

  @Test
  void eventsAboutACustomerComeBackNewestFirst() {
    TenantId tenant = newTenant();
    CustomerId acme = CustomerId.random();
    AuditEvent created = event(tenant, AuditEventType.CUSTOMER_CREATED, acme, List.of(), 0);
    AuditEvent edited = event(tenant, AuditEventType.CUSTOMER_UPDATED, acme, List.of(), 10);
    auditTrail().publish(created);
    auditTrail().publish(edited);
    auditTrail().publish(event(tenant, AuditEventType.CUSTOMER_CREATED, CustomerId.random(), List.of(), 20));
    List<AuditEvent> events = auditTrail().forCustomer(tenant, acme, 10);
    assertThat(events).extracting(AuditEvent::id).containsExactly(edited.id(), created.id());
    assertThat(events.get(0).actor()).isEqualTo(Actor.of("alice@portal"));
    assertThat(events.get(0).type()).isEqualTo(AuditEventType.CUSTOMER_UPDATED);
    assertThat(events.get(0).at()).isEqualTo(at(10));
    assertThat(events.get(0).summary()).isEqualTo("CUSTOMER_UPDATED at 10 ✓");
    assertThat(auditTrail().forCustomer(tenant, acme, 1)).hasSize(1);
  }

  @Test
  void eventsAboutASimAreFoundFromAListOfSims() {
    TenantId tenant = newTenant();
    List<Iccid> sims = newIccids(3);
    AuditEvent assigned = event(tenant, AuditEventType.SIMS_ASSIGNED, CustomerId.random(), sims, 0);
    auditTrail().publish(assigned);
    assertThat(auditTrail().forSim(tenant, sims.get(1), 10)).extracting(AuditEvent::id).containsExactly(assigned.id());
    assertThat(auditTrail().forSim(tenant, newIccids(1).get(0), 10)).isEmpty();
  }

  @Test
  void eventsAboutASimAreFoundFromARangeOfSims() {
    TenantId tenant = newTenant();
    String prefix = ContractFixtures.newRangePrefix();
    IccidRange range = IccidRange.of(Iccid.withCheckDigit(prefix + "0000"), Iccid.withCheckDigit(prefix + "9999"));
    AuditEvent assigned = event(tenant, AuditEventType.SIMS_ASSIGNED, CustomerId.random(), range, 0);
    auditTrail().publish(assigned);
    assertThat(auditTrail().forSim(tenant, Iccid.withCheckDigit(prefix + "4242"), 10)).extracting(AuditEvent::id)
        .containsExactly(assigned.id());
  }

  @Test
  void anotherTenantSeesNoneOfTheEvents() {
    TenantId tenant = newTenant();
    CustomerId acme = CustomerId.random();
    List<Iccid> sims = newIccids(1);
    auditTrail().publish(event(tenant, AuditEventType.SIMS_ASSIGNED, acme, sims, 0));
    TenantId other = newTenant();
    assertThat(auditTrail().forCustomer(other, acme, 10)).isEmpty();
    assertThat(auditTrail().forSim(other, sims.get(0), 10)).isEmpty();
    assertThat(auditTrail().recent(other, 10)).isEmpty();
  }

  @Test
  void recentListsTheTenantsEventsNewestFirst() {
    TenantId tenant = newTenant();
    AuditEvent first = event(tenant, AuditEventType.CUSTOMER_CREATED, CustomerId.random(), List.of(), 0);
    AuditEvent second = event(tenant, AuditEventType.ALERT_ROUTED, null, newIccids(1), 5);
    auditTrail().publish(first);
    auditTrail().publish(second);
    assertThat(auditTrail().recent(tenant, 10)).extracting(AuditEvent::id).containsExactly(second.id(), first.id());
  }

  @Test
  void aMissingArgumentOrALimitOutsideOneTo10000IsRefusedAsInvalidInput() {
    TenantId tenant = newTenant();
    Iccid sim = newIccids(1).get(0);
    CustomerId customer = CustomerId.random();
    List<org.assertj.core.api.ThrowableAssert.ThrowingCallable> calls = List.of(
        () -> auditTrail().forSim(tenant, null, 10),
        () -> auditTrail().forSim(null, sim, 10),
        () -> auditTrail().forSim(tenant, sim, 0),
        () -> auditTrail().forCustomer(null, customer, 10),
        () -> auditTrail().forCustomer(tenant, null, 10),
        () -> auditTrail().forCustomer(tenant, customer, -1),
        () -> auditTrail().recent(null, 10),
        () -> auditTrail().recent(tenant, -1),
        () -> auditTrail().recent(tenant, 10_001),
        () -> auditTrail().publish(null));
    for (org.assertj.core.api.ThrowableAssert.ThrowingCallable call : calls) {
      org.assertj.core.api.Assertions.assertThatThrownBy(call)
          .isInstanceOf(io.simestate.core.InvalidInputException.class);
    }
  }
}
