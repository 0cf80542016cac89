package io.simestate.core.inmemory;

import io.simestate.core.Transactions;
import io.simestate.core.alert.AlertDecisionLog;
import io.simestate.core.alert.AlertRepeatGuard;
import io.simestate.core.alert.DeliveryOperations;
import io.simestate.core.alert.DeliveryOutbox;
import io.simestate.core.alert.RecipientDirectory;
import io.simestate.core.alert.SimHolder;
import io.simestate.core.alert.TenantSettingsStore;
import io.simestate.core.audit.AuditTrail;
import io.simestate.core.customer.CustomerId;
import io.simestate.core.customer.CustomerStore;
import io.simestate.core.persistence.Persistence;
import io.simestate.core.persistence.RetentionStore;
import io.simestate.core.sim.SimAssignmentStore;
import java.util.Optional;

/**
 * Every persistence port in memory: thread-safe, with hash indexes so that routing an alert and
 * checking a name never scan the estate. A use case that fails leaves no trace: its changes are undone
 * when its transaction fails. For tests and for hosts that keep nothing on disk; state
 * lives as long as the instance.
 */
public final class InMemoryPersistence implements Persistence {

  private final InMemoryTransactions transactions = new InMemoryTransactions();
  private final InMemoryCustomerStore customers = new InMemoryCustomerStore(transactions);
  private final InMemorySimAssignmentStore sims = new InMemorySimAssignmentStore(transactions);
  private final InMemoryDeliveryOutbox outbox = new InMemoryDeliveryOutbox(transactions);
  private final InMemoryAlertDecisionLog decisions = new InMemoryAlertDecisionLog(transactions);
  private final InMemoryAlertRepeatGuard repeatGuard = new InMemoryAlertRepeatGuard(transactions);
  private final InMemoryAuditTrail auditTrail = new InMemoryAuditTrail(transactions);
  private final InMemoryRetention retention = new InMemoryRetention(outbox, decisions, repeatGuard, auditTrail);
  private final InMemoryTenantSettingsStore tenantSettings = new InMemoryTenantSettingsStore(transactions);
  // Two hash look-ups and no allocation: the holder is kept with the stored customer.
  private final RecipientDirectory recipients = (tenant, sim) -> {
    CustomerId customer = sims.customerIn(tenant, sim);
    return customer == null ? Optional.<SimHolder>empty() : customers.simHolder(tenant, customer);
  };

  private InMemoryPersistence() {}

  /**
   * A new, empty in-memory store.
   *
   * @return the persistence
   */
  public static InMemoryPersistence create() {
    return new InMemoryPersistence();
  }

  @Override
  public CustomerStore customers() {
    return customers;
  }

  @Override
  public SimAssignmentStore simAssignments() {
    return sims;
  }

  @Override
  public RecipientDirectory recipients() {
    return recipients;
  }

  @Override
  public DeliveryOutbox outbox() {
    return outbox;
  }

  @Override
  public DeliveryOperations deliveryOperations() {
    return outbox;
  }

  @Override
  public RetentionStore retention() {
    return retention;
  }

  @Override
  public AlertDecisionLog decisions() {
    return decisions;
  }

  @Override
  public AlertRepeatGuard repeatGuard() {
    return repeatGuard;
  }

  @Override
  public AuditTrail auditTrail() {
    return auditTrail;
  }

  @Override
  public TenantSettingsStore tenantSettings() {
    return tenantSettings;
  }

  @Override
  public Transactions transactions() {
    return transactions;
  }
}
