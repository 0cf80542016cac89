package io.simestate.core.contract;

import static io.simestate.core.contract.ContractFixtures.alerted;
import static io.simestate.core.contract.ContractFixtures.customer;
import static io.simestate.core.contract.ContractFixtures.newIccids;
import static io.simestate.core.contract.ContractFixtures.newTenant;
import static io.simestate.core.contract.ContractFixtures.silent;
import static org.assertj.core.api.Assertions.assertThat;

import io.simestate.core.TenantId;
import io.simestate.core.alert.RecipientDirectory;
import io.simestate.core.alert.SimHolder;
import io.simestate.core.customer.Contact;
import io.simestate.core.customer.Customer;
import io.simestate.core.customer.CustomerStore;
import io.simestate.core.sim.Iccid;
import io.simestate.core.sim.SimAssignmentStore;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The contract of {@link RecipientDirectory}: "who holds SIM X", with all the holder's contacts. */
public abstract class RecipientDirectoryContract {

  /**
   * The customer store of the same adapter.
   *
   * @return the store
   */
  protected abstract CustomerStore customerStore();

  /**
   * The SIM assignment store of the same adapter.
   *
   * @return the store
   */
  protected abstract SimAssignmentStore simAssignmentStore();

  /**
   * The directory under test.
   *
   * @return the directory
   */
  protected abstract RecipientDirectory recipientDirectory();

  @Test
  void theHolderComesWithAllItsContactsInOrder() {
    TenantId tenant = newTenant();
    Contact ana = alerted("Ana", "ana@example.com");
    Contact bo = silent("Bo");
    Customer acme = customerStore().insert(customer(tenant, "Acme").withContacts(List.of(ana, bo), ContractFixtures.T0));
    Iccid sim = newIccids(1).get(0);
    simAssignmentStore().assign(tenant, acme.id(), List.of(sim));
    SimHolder holder = recipientDirectory().holderOf(tenant, sim).orElseThrow();
    assertThat(holder.customerId()).isEqualTo(acme.id());
    assertThat(holder.customerName()).isEqualTo("Acme");
    assertThat(holder.contacts()).containsExactly(ana, bo);
  }

  @Test
  void aHolderWithoutContactsHasAnEmptyList() {
    TenantId tenant = newTenant();
    Customer acme = customerStore().insert(customer(tenant, "Acme"));
    Iccid sim = newIccids(1).get(0);
    simAssignmentStore().assign(tenant, acme.id(), List.of(sim));
    assertThat(recipientDirectory().holderOf(tenant, sim).orElseThrow().contacts()).isEmpty();
  }

  @Test
  void anUnassignedSimHasNoHolder() {
    assertThat(recipientDirectory().holderOf(newTenant(), newIccids(1).get(0))).isEmpty();
  }

  @Test
  void anotherTenantsSimHasNoHolderHere() {
    TenantId tenant = newTenant();
    Customer acme = customerStore().insert(customer(tenant, "Acme")
        .withContacts(List.of(alerted("Ana", "ana@example.com")), ContractFixtures.T0));
    Iccid sim = newIccids(1).get(0);
    simAssignmentStore().assign(tenant, acme.id(), List.of(sim));
    assertThat(recipientDirectory().holderOf(newTenant(), sim)).isEmpty();
  }

  @Test
  void theHolderFollowsAMove() {
    TenantId tenant = newTenant();
    Customer acme = customerStore().insert(customer(tenant, "Acme"));
    Customer bolt = customerStore().insert(customer(tenant, "Bolt")
        .withContacts(List.of(alerted("Cy", "cy@example.com")), ContractFixtures.T0));
    Iccid sim = newIccids(1).get(0);
    simAssignmentStore().assign(tenant, acme.id(), List.of(sim));
    simAssignmentStore().assign(tenant, bolt.id(), List.of(sim));
    SimHolder holder = recipientDirectory().holderOf(tenant, sim).orElseThrow();
    assertThat(holder.customerId()).isEqualTo(bolt.id());
    assertThat(holder.contacts()).extracting(Contact::name).containsExactly("Cy");
  }

  @Test
  void aReleasedSimHasNoHolder() {
    TenantId tenant = newTenant();
    Customer acme = customerStore().insert(customer(tenant, "Acme"));
    Iccid sim = newIccids(1).get(0);
    simAssignmentStore().assign(tenant, acme.id(), List.of(sim));
    simAssignmentStore().unassign(tenant, List.of(sim));
    assertThat(recipientDirectory().holderOf(tenant, sim)).isEmpty();
  }
}
