package io.simestate.core.contract;

import static io.simestate.core.contract.ContractFixtures.customer;
import static io.simestate.core.contract.ContractFixtures.newIccid;
import static io.simestate.core.contract.ContractFixtures.newTenant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.simestate.core.InvalidInputException;
import io.simestate.core.NotFoundException;
import io.simestate.core.TenantId;
import io.simestate.core.Transactions;
import io.simestate.core.alert.Delivery;
import io.simestate.core.alert.DeliveryOutbox;
import io.simestate.core.alert.DeliveryStatus;
import io.simestate.core.customer.Contact;
import io.simestate.core.customer.ContactId;
import io.simestate.core.customer.Customer;
import io.simestate.core.persistence.Persistence;
import io.simestate.core.sim.Iccid;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Contract of the {@link Transactions} port: {@code inTransaction} commits or rolls back as one and
 * joins an outer transaction; {@code inNewTransaction} commits on its own, whatever the caller's
 * transaction does afterwards, and its failure leaves the caller's transaction intact. An adapter where
 * the host owns every transaction (JPA joined mode) answers {@link #opensOwnTransactions()} with false:
 * there every call joins the host's transaction, and the test body runs the way a host calls the
 * library, inside a host transaction that commits, or rolls back when the body throws
 * ({@link #asHost}).
 */
public abstract class TransactionsContract {

  /**
   * Long before other tests' deliveries. A database shared by several test classes may still hold
   * deliveries of this test's earlier runs that are due then, so assertions look for this test's own.
   */
  private static final Instant LONG_AGO = Instant.parse("1971-01-01T00:00:00Z");

  private final TenantId tenant = newTenant();

  /**
   * The adapter under test; its customer store is what the transactions write through.
   *
   * @return the persistence adapter
   */
  protected abstract Persistence persistence();

  /**
   * Whether {@code inNewTransaction} commits on its own (false where the host owns every transaction).
   *
   * @return true by default
   */
  protected boolean opensOwnTransactions() {
    return true;
  }

  /**
   * Runs a test step the way the host calls the library; by default directly.
   *
   * @param step the step
   * @param <T> its result type
   * @return its result
   */
  protected <T> T asHost(Supplier<T> step) {
    return step.get();
  }

  private Transactions tx() {
    return persistence().transactions();
  }

  private Customer insert(String name) {
    return persistence().customers().insert(customer(tenant, name));
  }

  private boolean stored(Customer c) {
    return asHost(() -> persistence().customers().find(tenant, c.id()).isPresent());
  }

  /** Thrown by a test to end a transaction. */
  private static final class Boom extends RuntimeException {
    private static final long serialVersionUID = 1L;
  }

  private void hostStepThatFails(Runnable step) {
    assertThatThrownBy(() -> asHost(() -> {
      step.run();
      return null;
    })).isInstanceOf(Boom.class);
  }

  private DeliveryOutbox outbox() {
    return persistence().outbox();
  }

  private Delivery enqueuedLongAgo() {
    Delivery d = DeliveryOutboxContract.pending(tenant, "rollback-" + UUID.randomUUID(), ContactId.random(),
        newIccid(), LONG_AGO);
    asHost(() -> tx().inTransaction(() -> outbox().enqueue(List.of(d))));
    return d;
  }

  private List<Delivery> claimDue(String claim) {
    return outbox().claimDue(LONG_AGO, 100, Duration.ofMinutes(5), claim);
  }

  @Test
  void workInATransactionIsStoredAndItsResultReturned() {
    Customer c = asHost(() -> tx().inTransaction(() -> insert("Committed Ltd")));

    assertThat(c.name().value()).isEqualTo("Committed Ltd");
    assertThat(stored(c)).isTrue();
  }

  @Test
  void aFailingTransactionLeavesNothingBehind() {
    Customer[] made = new Customer[1];

    hostStepThatFails(() -> tx().run(() -> {
      made[0] = insert("Rolled Back Ltd");
      throw new Boom();
    }));

    assertThat(stored(made[0])).isFalse();
  }

  @Test
  void aTransactionFailingAfterAnotherFailedOnTheSameThreadIsRolledBackToo() {
    Customer[] made = new Customer[2];

    hostStepThatFails(() -> tx().run(() -> {
      made[0] = insert("First Casualty Ltd");
      throw new Boom();
    }));
    hostStepThatFails(() -> tx().run(() -> {
      made[1] = insert("Second Casualty Ltd");
      throw new Boom();
    }));

    assertThat(stored(made[0])).isFalse();
    assertThat(stored(made[1])).isFalse();
  }

  @Test
  void aNestedTransactionJoinsTheOuterOneAndFailsWithIt() {
    Customer[] made = new Customer[2];

    hostStepThatFails(() -> tx().run(() -> {
      made[0] = insert("Outer Ltd");
      made[1] = tx().inTransaction(() -> insert("Inner Ltd"));
      throw new Boom();
    }));

    assertThat(stored(made[0])).isFalse();
    assertThat(stored(made[1])).isFalse();
  }

  @Test
  void aNewTransactionStaysCommittedWhenTheCallersTransactionFailsAfterwards() {
    Customer[] made = new Customer[2];

    hostStepThatFails(() -> tx().run(() -> {
      made[0] = insert("Caller Ltd");
      made[1] = tx().inNewTransaction(() -> insert("Own Ltd"));
      throw new Boom();
    }));

    assertThat(stored(made[0])).isFalse();
    assertThat(stored(made[1])).isEqualTo(opensOwnTransactions());
  }

  @Test
  void aFailingNewTransactionLeavesTheCallersTransactionToCommit() {
    Customer[] made = new Customer[2];

    asHost(() -> tx().inTransaction(() -> {
      made[0] = insert("Survivor Ltd");
      assertThatThrownBy(() -> tx().inNewTransaction(() -> {
        made[1] = insert("Casualty Ltd");
        throw new Boom();
      })).isInstanceOf(Boom.class);
      return null;
    }));

    assertThat(stored(made[0])).isTrue();
    // Joined to the host's transaction, the failed step's change commits with it: the host decides.
    assertThat(stored(made[1])).isEqualTo(!opensOwnTransactions());
  }

  @Test
  void aNewTransactionOutsideAnyOtherCommits() {
    Customer c = asHost(() -> tx().inNewTransaction(() -> insert("Alone Ltd")));

    assertThat(stored(c)).isTrue();
  }

  @Test
  void anOutboxClaimInAFailingTransactionIsUndoneAndTheDeliveryIsDueForTheNextClaim() {
    Delivery d = enqueuedLongAgo();

    hostStepThatFails(() -> tx().run(() -> {
      assertThat(claimDue(UUID.randomUUID().toString())).extracting(Delivery::id).contains(d.id());
      throw new Boom();
    }));

    assertThat(asHost(() -> outbox().find(d.id())).orElseThrow().status()).isEqualTo(DeliveryStatus.PENDING);
    assertThat(asHost(() -> tx().inTransaction(() -> claimDue(UUID.randomUUID().toString()))))
        .extracting(Delivery::id).contains(d.id());
  }

  @Test
  void aResultRecordedInAFailingTransactionIsUndoneAndTheClaimStillHoldsTheDelivery() {
    Delivery d = enqueuedLongAgo();
    String claim = UUID.randomUUID().toString();
    asHost(() -> tx().inTransaction(() -> claimDue(claim)));

    hostStepThatFails(() -> tx().run(() -> {
      assertThat(outbox().markSent(d.id(), claim, LONG_AGO)).isTrue();
      throw new Boom();
    }));

    assertThat(asHost(() -> outbox().find(d.id())).orElseThrow().status()).isEqualTo(DeliveryStatus.IN_FLIGHT);
    assertThat(asHost(() -> tx().inTransaction(() -> outbox().markFailed(d.id(), claim, "rejected")))).isTrue();
    assertThat(asHost(() -> outbox().find(d.id())).orElseThrow().status()).isEqualTo(DeliveryStatus.FAILED);
  }

  @Test
  void aTakeoverOfAnExpiredClaimInAFailingTransactionIsUndoneAndTheFirstClaimStillHoldsTheDelivery() {
    Delivery d = enqueuedLongAgo();
    String first = UUID.randomUUID().toString();
    asHost(() -> tx().inTransaction(() -> claimDue(first)));

    hostStepThatFails(() -> tx().run(() -> {
      assertThat(outbox().claimDue(LONG_AGO.plus(Duration.ofMinutes(6)), 100, Duration.ofMinutes(5),
          UUID.randomUUID().toString())).extracting(Delivery::id).contains(d.id());
      throw new Boom();
    }));

    assertThat(asHost(() -> tx().inTransaction(() -> outbox().markSent(d.id(), first, LONG_AGO)))).isTrue();
    assertThat(asHost(() -> outbox().find(d.id())).orElseThrow().status()).isEqualTo(DeliveryStatus.SENT);
  }

  @Test
  void simsUnassignedInAFailingTransactionStayWithTheirCustomer() {
    Customer c = asHost(() -> tx().inTransaction(() -> insert("Holder Ltd")));
    Iccid sim = newIccid();
    asHost(() -> tx().inTransaction(() -> persistence().simAssignments().assign(tenant, c.id(), List.of(sim))));

    hostStepThatFails(() -> tx().run(() -> {
      persistence().simAssignments().unassign(tenant, List.of(sim));
      throw new Boom();
    }));

    assertThat(asHost(() -> persistence().simAssignments().customerOf(tenant, sim))).contains(c.id());
  }

  /**
   * The JPA adapter writes customers past its persistence context: what it loaded before must not be
   * what the rest of the transaction reads.
   */
  @Test
  void aCustomerUpdatedTwiceInOneTransactionIsReadBackAsLastWritten() {
    Customer c = asHost(() -> tx().inTransaction(() -> insert("Twice Updated Ltd")));
    Contact ana = ContractFixtures.alerted("Ana", "ana@example.com");
    Contact bo = ContractFixtures.alerted("Bo", "bo@example.com");

    Customer read = asHost(() -> tx().inTransaction(() -> {
      Customer first = persistence().customers().update(c.withContacts(List.of(ana), c.updatedAt()));
      persistence().customers().update(first.withContacts(List.of(ana, bo), c.updatedAt()));
      return persistence().customers().find(tenant, c.id()).orElseThrow();
    }));

    assertThat(read.version()).isEqualTo(3);
    assertThat(read.contacts()).containsExactly(ana, bo);
  }

  @Test
  void aCustomerDeletedInATransactionIsNotFoundForTheRestOfIt() {
    Customer c = asHost(() -> tx().inTransaction(() -> insert("Deleted Meanwhile Ltd")));

    asHost(() -> tx().inTransaction(() -> {
      Customer loaded = persistence().customers().find(tenant, c.id()).orElseThrow();
      persistence().customers().delete(tenant, c.id(), loaded.version());
      assertThat(persistence().customers().find(tenant, c.id())).isEmpty();
      assertThatThrownBy(() -> persistence().customers().update(loaded)).isInstanceOf(NotFoundException.class);
      return null;
    }));

    assertThat(stored(c)).isFalse();
  }

  @Test
  void workAfterANewTransactionStillBelongsToTheCallersTransaction() {
    Customer[] made = new Customer[2];

    hostStepThatFails(() -> tx().run(() -> {
      made[0] = tx().inNewTransaction(() -> insert("Own Again Ltd"));
      made[1] = insert("Caller Again Ltd");
      throw new Boom();
    }));

    assertThat(stored(made[0])).isEqualTo(opensOwnTransactions());
    assertThat(stored(made[1])).isFalse();
  }

  @Test
  void aTransactionCountsTheSimsItAssignedItself() {
    Customer c = asHost(() -> tx().inTransaction(() -> insert("Counting Ltd")));
    Iccid sim = newIccid();

    long counted = asHost(() -> tx().inTransaction(() -> {
      persistence().simAssignments().assign(tenant, c.id(), List.of(sim));
      return persistence().simAssignments().countOf(tenant, c.id());
    }));

    assertThat(counted).isEqualTo(1);
  }

  @Test
  void missingWorkIsRefusedNamingIt() {
    assertThatThrownBy(() -> tx().inTransaction(null)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("work");
    assertThatThrownBy(() -> tx().inNewTransaction(null)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("work");
  }
}
