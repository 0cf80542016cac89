package io.simestate.core.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.simestate.core.Actor;
import io.simestate.core.TenantId;
import io.simestate.core.customer.Customer;
import io.simestate.core.customer.CustomerDetails;
import io.simestate.core.customer.CustomerId;
import io.simestate.core.estate.SimEstate;
import io.simestate.core.sim.Iccid;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** A SIM's history tells when it lost its customer, also when that was by deleting the customer. */
class SimHistoryTest {

  private static final TenantId ACME = TenantId.of("acme");
  private static final Actor ALICE = Actor.of("alice");
  private static final String SIM = "8944500102198304826";
  private static final String OTHER_SIM = "8944500102198304834";

  private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-01T10:00:00Z"));
  private final SimEstate estate = SimEstate.builder().clock(new Clock() {
    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now.getAndUpdate(t -> t.plus(Duration.ofSeconds(1)));
    }
  }).build();

  private List<AuditEventType> history(String sim) {
    return estate.auditTrail().forSim(ACME, Iccid.parse(sim), 10).stream().map(AuditEvent::type).toList();
  }

  @Test
  void deletingACustomerShowsInTheHistoryOfTheSimsItHeld() {
    Customer acme = estate.customers().create(ACME, ALICE, CustomerDetails.named("Acme"));
    estate.sims().assign(ACME, ALICE, acme.id(), List.of(SIM));
    estate.customers().delete(ACME, ALICE, estate.customers().previewDeletion(ACME, acme.id()).confirmation());

    assertThat(history(SIM)).containsExactly(AuditEventType.CUSTOMER_DELETED, AuditEventType.SIMS_ASSIGNED);
  }

  @Test
  void deletingACustomerIsNotInTheHistoryOfASimThatHadMovedAwayButItsNewHoldersDeletionIs() {
    Customer acme = estate.customers().create(ACME, ALICE, CustomerDetails.named("Acme"));
    Customer bolt = estate.customers().create(ACME, ALICE, CustomerDetails.named("Bolt"));
    estate.sims().assign(ACME, ALICE, acme.id(), List.of(SIM, OTHER_SIM));
    estate.sims().assign(ACME, ALICE, bolt.id(), List.of(SIM));
    delete(acme);

    assertThat(history(SIM)).containsExactly(AuditEventType.SIMS_ASSIGNED, AuditEventType.SIMS_ASSIGNED);
    assertThat(history(OTHER_SIM)).containsExactly(AuditEventType.CUSTOMER_DELETED, AuditEventType.SIMS_ASSIGNED);

    delete(bolt);

    assertThat(holders(SIM, 10)).as("the deletion of the customer it had moved to")
        .containsExactly(bolt.id(), bolt.id(), acme.id());
    assertThat(history(SIM)).containsExactly(AuditEventType.CUSTOMER_DELETED, AuditEventType.SIMS_ASSIGNED,
        AuditEventType.SIMS_ASSIGNED);
  }

  @Test
  void aSimHandedOnFromADeletedCustomerShowsEachHoldersDeletionWhereItHappened() {
    Customer acme = estate.customers().create(ACME, ALICE, CustomerDetails.named("Acme"));
    Customer bolt = estate.customers().create(ACME, ALICE, CustomerDetails.named("Bolt"));
    estate.sims().assign(ACME, ALICE, acme.id(), List.of(SIM));
    delete(acme);
    estate.sims().assign(ACME, ALICE, bolt.id(), List.of(SIM));

    assertThat(holders(SIM, 10)).as("while Bolt holds it").containsExactly(bolt.id(), acme.id(), acme.id());

    delete(bolt);

    assertThat(history(SIM)).containsExactly(AuditEventType.CUSTOMER_DELETED, AuditEventType.SIMS_ASSIGNED,
        AuditEventType.CUSTOMER_DELETED, AuditEventType.SIMS_ASSIGNED);
    assertThat(holders(SIM, 10)).containsExactly(bolt.id(), bolt.id(), acme.id(), acme.id());
    assertThat(holders(SIM, 3)).as("the newest three").containsExactly(bolt.id(), bolt.id(), acme.id());
  }

  private void delete(Customer customer) {
    estate.customers().delete(ACME, ALICE, estate.customers().previewDeletion(ACME, customer.id()).confirmation());
  }

  private List<CustomerId> holders(String sim, int limit) {
    return estate.auditTrail().forSim(ACME, Iccid.parse(sim), limit).stream().map(AuditEvent::customerId).toList();
  }

  @Test
  void deletingACustomerIsNotInTheHistoryOfASimUnassignedBefore() {
    Customer acme = estate.customers().create(ACME, ALICE, CustomerDetails.named("Acme"));
    estate.sims().assign(ACME, ALICE, acme.id(), List.of(SIM));
    estate.sims().unassign(ACME, ALICE, List.of(SIM));
    estate.customers().delete(ACME, ALICE, estate.customers().previewDeletion(ACME, acme.id()).confirmation());

    assertThat(history(SIM)).containsExactly(AuditEventType.SIMS_UNASSIGNED, AuditEventType.SIMS_ASSIGNED);
  }
}
