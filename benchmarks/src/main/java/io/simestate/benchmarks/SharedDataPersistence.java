package io.simestate.benchmarks;

import io.simestate.core.Transactions;
import io.simestate.core.alert.AlertDecisionLog;
import io.simestate.core.alert.AlertRepeatGuard;
import io.simestate.core.alert.DeliveryOperations;
import io.simestate.core.alert.DeliveryOutbox;
import io.simestate.core.alert.RecipientDirectory;
import io.simestate.core.alert.TenantSettingsStore;
import io.simestate.core.audit.AuditTrail;
import io.simestate.core.customer.CustomerStore;
import io.simestate.core.inmemory.InMemoryPersistence;
import io.simestate.core.persistence.Persistence;
import io.simestate.core.persistence.RetentionStore;
import io.simestate.core.sim.SimAssignmentStore;

/**
 * An in-memory persistence whose customers and SIM assignments come from a prebuilt estate, and whose
 * alert record (outbox, decisions, repeat guard, audit trail) is fresh: a benchmark routes into a
 * new record every iteration without regenerating a million SIMs. Single-threaded use only: the
 * shared stores take part in the fresh record's transactions.
 */
final class SharedDataPersistence implements Persistence {

  private final InMemoryPersistence data;
  private final InMemoryPersistence record = InMemoryPersistence.create();

  SharedDataPersistence(InMemoryPersistence data) {
    this.data = data;
  }

  @Override
  public CustomerStore customers() {
    return data.customers();
  }

  @Override
  public SimAssignmentStore simAssignments() {
    return data.simAssignments();
  }

  @Override
  public RecipientDirectory recipients() {
    return data.recipients();
  }

  @Override
  public DeliveryOutbox outbox() {
    return record.outbox();
  }

  @Override
  public DeliveryOperations deliveryOperations() {
    return record.deliveryOperations();
  }

  @Override
  public RetentionStore retention() {
    return record.retention();
  }

  @Override
  public AlertDecisionLog decisions() {
    return record.decisions();
  }

  @Override
  public AlertRepeatGuard repeatGuard() {
    return record.repeatGuard();
  }

  @Override
  public TenantSettingsStore tenantSettings() {
    return data.tenantSettings();
  }

  @Override
  public AuditTrail auditTrail() {
    return record.auditTrail();
  }

  @Override
  public Transactions transactions() {
    return record.transactions();
  }
}
