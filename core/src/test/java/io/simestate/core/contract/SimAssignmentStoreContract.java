package io.simestate.core.contract;

import static io.simestate.core.contract.ContractFixtures.customer;
import static io.simestate.core.contract.ContractFixtures.newIccids;
import static io.simestate.core.contract.ContractFixtures.newTenant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.simestate.core.ConflictException;
import io.simestate.core.Page;
import io.simestate.core.PageRequest;
import io.simestate.core.TenantId;
import io.simestate.core.customer.Customer;
import io.simestate.core.customer.CustomerId;
import io.simestate.core.customer.CustomerStore;
import io.simestate.core.sim.AssignmentChanges;
import io.simestate.core.sim.Iccid;
import io.simestate.core.sim.IccidRange;
import io.simestate.core.sim.SimAssignmentStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link SimAssignmentStore}. Tests use random tenants and ICCIDs, so a shared
 * database needs no cleanup.
 */
public abstract class SimAssignmentStoreContract {

  /**
   * The customer store of the same adapter (assignments refer to stored customers).
   *
   * @return the store
   */
  protected abstract CustomerStore customerStore();

  /**
   * The store under test.
   *
   * @return the store
   */
  protected abstract SimAssignmentStore simAssignmentStore();

  private CustomerId newCustomer(TenantId tenant, String name) {
    Customer c = customerStore().insert(customer(tenant, name));
    return c.id();
  }

  @Test
  void assignRecordsNewSims() {
    TenantId tenant = newTenant();
    CustomerId acme = newCustomer(tenant, "Acme");
    List<Iccid> sims = newIccids(3);
    AssignmentChanges changes = simAssignmentStore().assign(tenant, acme, sims);
    assertThat(changes.changed()).isEqualTo(3);
    assertThat(changes.unchanged()).isZero();
    assertThat(changes.movedFrom()).isEmpty();
    assertThat(simAssignmentStore().customerOf(tenant, sims.get(1))).contains(acme);
  }

  @Test
  void assigningAgainToTheSameCustomerChangesNothing() {
    TenantId tenant = newTenant();
    CustomerId acme = newCustomer(tenant, "Acme");
    List<Iccid> sims = newIccids(2);
    simAssignmentStore().assign(tenant, acme, sims);
    AssignmentChanges again = simAssignmentStore().assign(tenant, acme, sims);
    assertThat(again.changed()).isZero();
    assertThat(again.unchanged()).isEqualTo(2);
    assertThat(simAssignmentStore().countOf(tenant, acme)).isEqualTo(2);
  }

  @Test
  void assigningElsewhereMovesTheSimAndSaysFromWhere() {
    TenantId tenant = newTenant();
    CustomerId acme = newCustomer(tenant, "Acme");
    CustomerId bolt = newCustomer(tenant, "Bolt");
    List<Iccid> sims = newIccids(3);
    simAssignmentStore().assign(tenant, acme, sims.subList(0, 2));
    AssignmentChanges moved = simAssignmentStore().assign(tenant, bolt, sims);
    assertThat(moved.changed()).isEqualTo(3);
    assertThat(moved.movedFrom()).isEqualTo(Map.of(acme, 2L));
    assertThat(simAssignmentStore().countOf(tenant, acme)).isZero();
    assertThat(simAssignmentStore().countOf(tenant, bolt)).isEqualTo(3);
    assertThat(simAssignmentStore().customerOf(tenant, sims.get(0))).contains(bolt);
  }

  /**
   * A list long enough for an adapter to write it in parts (the JPA adapter: chunks of 1,000), whose
   * first parts are new SIMs and whose later parts hold SIMs of the customer and of another customer:
   * every SIM ends with the customer, and the changes count each one once.
   */
  @Test
  void aLongListWithHeldSimsOnlyInItsLaterPartsIsCountedExactly() {
    TenantId tenant = newTenant();
    CustomerId acme = newCustomer(tenant, "Acme");
    CustomerId bolt = newCustomer(tenant, "Bolt");
    List<Iccid> sims = newIccids(3_500);
    List<Iccid> bolts = new ArrayList<>(sims.subList(1_500, 1_505));
    bolts.add(sims.get(3_200));
    simAssignmentStore().assign(tenant, bolt, bolts);
    simAssignmentStore().assign(tenant, acme, sims.subList(2_000, 2_003));

    AssignmentChanges changes = simAssignmentStore().assign(tenant, acme, sims);

    assertThat(changes.changed()).isEqualTo(3_497);
    assertThat(changes.unchanged()).isEqualTo(3);
    assertThat(changes.movedFrom()).isEqualTo(Map.of(bolt, 6L));
    assertThat(simAssignmentStore().countOf(tenant, acme)).isEqualTo(3_500);
    assertThat(simAssignmentStore().countOf(tenant, bolt)).isZero();
    assertThat(simAssignmentStore().customerOf(tenant, sims.get(3_200))).contains(acme);
    assertThat(simAssignmentStore().customerOf(tenant, sims.get(3_499))).contains(acme);
  }

  @Test
  void aSimHeldInAnotherTenantIsRefusedAndNothingChanges() {
    TenantId mine = newTenant();
    TenantId theirs = newTenant();
    CustomerId acme = newCustomer(mine, "Acme");
    CustomerId their = newCustomer(theirs, "Theirs");
    List<Iccid> sims = newIccids(3);
    simAssignmentStore().assign(theirs, their, List.of(sims.get(2)));
    assertThatThrownBy(() -> simAssignmentStore().assign(mine, acme, sims))
        .isInstanceOfSatisfying(ConflictException.class,
            e -> assertThat(e.reason()).isEqualTo(ConflictException.Reason.SIM_HELD_ELSEWHERE));
    assertThat(simAssignmentStore().customerOf(mine, sims.get(0))).isEmpty();
    assertThat(simAssignmentStore().countOf(mine, acme)).isZero();
    assertThat(simAssignmentStore().customerOf(theirs, sims.get(2))).contains(their);
  }

  @Test
  void customerOfIsScopedToTheTenant() {
    TenantId tenant = newTenant();
    CustomerId acme = newCustomer(tenant, "Acme");
    Iccid sim = newIccids(1).get(0);
    simAssignmentStore().assign(tenant, acme, List.of(sim));
    assertThat(simAssignmentStore().customerOf(newTenant(), sim)).isEmpty();
    assertThat(simAssignmentStore().countOf(newTenant(), acme)).isZero();
    assertThat(simAssignmentStore().simsOf(newTenant(), acme, PageRequest.first(10)).items()).isEmpty();
  }

  @Test
  void unassignReleasesSimsAndCountsThemPerCustomer() {
    TenantId tenant = newTenant();
    CustomerId acme = newCustomer(tenant, "Acme");
    CustomerId bolt = newCustomer(tenant, "Bolt");
    List<Iccid> sims = newIccids(4);
    simAssignmentStore().assign(tenant, acme, sims.subList(0, 2));
    simAssignmentStore().assign(tenant, bolt, sims.subList(2, 3));
    AssignmentChanges released = simAssignmentStore().unassign(tenant, sims);
    assertThat(released.changed()).isEqualTo(3);
    assertThat(released.unchanged()).isEqualTo(1);
    assertThat(released.movedFrom()).isEqualTo(Map.of(acme, 2L, bolt, 1L));
    assertThat(simAssignmentStore().customerOf(tenant, sims.get(0))).isEmpty();
  }

  @Test
  void unassignLeavesAnotherTenantsSimsAlone() {
    TenantId mine = newTenant();
    TenantId theirs = newTenant();
    CustomerId their = newCustomer(theirs, "Theirs");
    List<Iccid> sims = newIccids(1);
    simAssignmentStore().assign(theirs, their, sims);
    AssignmentChanges released = simAssignmentStore().unassign(mine, sims);
    assertThat(released.changed()).isZero();
    assertThat(released.unchanged()).isEqualTo(1);
    assertThat(simAssignmentStore().customerOf(theirs, sims.get(0))).contains(their);
  }

  @Test
  void unassignAllReleasesEverySimOfTheCustomerOnly() {
    TenantId tenant = newTenant();
    CustomerId acme = newCustomer(tenant, "Acme");
    CustomerId bolt = newCustomer(tenant, "Bolt");
    List<Iccid> sims = newIccids(5);
    simAssignmentStore().assign(tenant, acme, sims.subList(0, 4));
    simAssignmentStore().assign(tenant, bolt, sims.subList(4, 5));
    assertThat(simAssignmentStore().unassignAll(tenant, acme)).isEqualTo(4);
    assertThat(simAssignmentStore().countOf(tenant, acme)).isZero();
    assertThat(simAssignmentStore().customerOf(tenant, sims.get(0))).isEmpty();
    assertThat(simAssignmentStore().customerOf(tenant, sims.get(4))).contains(bolt);
  }

  @Test
  void unassignAllFromAnotherTenantReleasesNothing() {
    TenantId tenant = newTenant();
    CustomerId acme = newCustomer(tenant, "Acme");
    simAssignmentStore().assign(tenant, acme, newIccids(2));
    assertThat(simAssignmentStore().unassignAll(newTenant(), acme)).isZero();
    assertThat(simAssignmentStore().countOf(tenant, acme)).isEqualTo(2);
  }

  @Test
  void simsOfPagesTheCustomersSimsInIccidOrder() {
    TenantId tenant = newTenant();
    CustomerId acme = newCustomer(tenant, "Acme");
    List<Iccid> sims = newIccids(7);
    simAssignmentStore().assign(tenant, acme, sims);
    List<Iccid> sorted = sims.stream().sorted().toList();
    Page<Iccid> page = simAssignmentStore().simsOf(tenant, acme, new PageRequest(2, 3));
    assertThat(page.items()).containsExactlyElementsOf(sorted.subList(2, 5));
    assertThat(page.total()).isEqualTo(7);
  }

  @Test
  void aLazyRangeOfTwentyThousandSimsIsAssignedCountedAndReleased() {
    TenantId tenant = newTenant();
    CustomerId acme = newCustomer(tenant, "Acme");
    String prefix = ContractFixtures.newRangePrefix();
    IccidRange range = IccidRange.of(Iccid.withCheckDigit(prefix + "0000"), Iccid.withCheckDigit(prefix + "1999"));
    IccidRange big = IccidRange.of(Iccid.withCheckDigit(prefix + "2000"), Iccid.withCheckDigit(prefix + "9999"));
    assertThat(simAssignmentStore().assign(tenant, acme, range).changed()).isEqualTo(2_000);
    assertThat(simAssignmentStore().assign(tenant, acme, big).changed()).isEqualTo(8_000);
    assertThat(simAssignmentStore().countOf(tenant, acme)).isEqualTo(10_000);
    assertThat(simAssignmentStore().customerOf(tenant, Iccid.withCheckDigit(prefix + "5555"))).contains(acme);
    assertThat(simAssignmentStore().unassign(tenant, big).changed()).isEqualTo(8_000);
    assertThat(simAssignmentStore().countOf(tenant, acme)).isEqualTo(2_000);
  }
}
