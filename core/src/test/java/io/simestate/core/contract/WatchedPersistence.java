package io.simestate.core.contract;

import io.simestate.core.Transactions;
import io.simestate.core.alert.AlertDecisionLog;
import io.simestate.core.alert.AlertRepeatGuard;
import io.simestate.core.alert.DeliveryOperations;
import io.simestate.core.alert.DeliveryOutbox;
import io.simestate.core.alert.RecipientDirectory;
import io.simestate.core.alert.TenantSettingsStore;
import io.simestate.core.audit.AuditTrail;
import io.simestate.core.customer.CustomerStore;
import io.simestate.core.persistence.Persistence;
import io.simestate.core.persistence.RetentionStore;
import io.simestate.core.sim.SimAssignmentStore;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An adapter's {@link Persistence} with every store port counted, so that a test can prove that a
 * value was refused before any store saw it. Transactions are passed through uncounted.
 */
public final class WatchedPersistence implements Persistence {

  private final Persistence inner;
  private final AtomicLong storeCalls = new AtomicLong();

  private WatchedPersistence(Persistence inner) {
    this.inner = inner;
  }

  /**
   * Watches an adapter's persistence.
   *
   * @param inner the adapter's persistence
   * @return the watched persistence
   */
  public static WatchedPersistence of(Persistence inner) {
    return new WatchedPersistence(inner);
  }

  /**
   * How many calls the store ports received so far.
   *
   * @return the count
   */
  public long storeCalls() {
    return storeCalls.get();
  }

  private <T> T counted(Class<T> port, T target) {
    return port.cast(Proxy.newProxyInstance(port.getClassLoader(), new Class<?>[] {port}, (proxy, method, args) -> {
      if (method.getDeclaringClass() != Object.class) {
        storeCalls.incrementAndGet();
      }
      try {
        return method.invoke(target, args);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
    }));
  }

  @Override
  public CustomerStore customers() {
    return counted(CustomerStore.class, inner.customers());
  }

  @Override
  public SimAssignmentStore simAssignments() {
    return counted(SimAssignmentStore.class, inner.simAssignments());
  }

  @Override
  public RecipientDirectory recipients() {
    return counted(RecipientDirectory.class, inner.recipients());
  }

  @Override
  public DeliveryOutbox outbox() {
    return counted(DeliveryOutbox.class, inner.outbox());
  }

  @Override
  public DeliveryOperations deliveryOperations() {
    return counted(DeliveryOperations.class, inner.deliveryOperations());
  }

  @Override
  public RetentionStore retention() {
    return counted(RetentionStore.class, inner.retention());
  }

  @Override
  public AlertDecisionLog decisions() {
    return counted(AlertDecisionLog.class, inner.decisions());
  }

  @Override
  public AlertRepeatGuard repeatGuard() {
    return counted(AlertRepeatGuard.class, inner.repeatGuard());
  }

  @Override
  public TenantSettingsStore tenantSettings() {
    return counted(TenantSettingsStore.class, inner.tenantSettings());
  }

  @Override
  public AuditTrail auditTrail() {
    return counted(AuditTrail.class, inner.auditTrail());
  }

  @Override
  public Transactions transactions() {
    return inner.transactions();
  }
}
