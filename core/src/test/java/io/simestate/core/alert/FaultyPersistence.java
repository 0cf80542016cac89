package io.simestate.core.alert;

import io.simestate.core.Transactions;
import io.simestate.core.audit.AuditTrail;
import io.simestate.core.customer.CustomerStore;
import io.simestate.core.inmemory.InMemoryPersistence;
import io.simestate.core.persistence.Persistence;
import io.simestate.core.persistence.RetentionStore;
import io.simestate.core.sim.SimAssignmentStore;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;

/**
 * In-memory persistence with faults a test injects per port method ({@code "DeliveryOutbox.claimDue"},
 * {@code "AlertDecisionLog.find"}, {@code "Transactions.inTransaction"}, ...): a fault sees the
 * arguments and decides whether to call the real store, answer something else, or throw. The
 * in-memory stores' own transactions (and their rollback) stay underneath.
 */
public final class FaultyPersistence implements Persistence {

  /** What a faulty port method does instead of the real one. */
  @FunctionalInterface
  public interface Fault {
    /**
     * Answers one call.
     *
     * @param args the call's arguments
     * @param real calls the real store with these arguments
     * @return the answer
     * @throws Exception to fail the call
     */
    Object call(Object[] args, Callable<Object> real) throws Exception;
  }

  private final Persistence inner = InMemoryPersistence.create();
  private final Map<String, Fault> faults = new ConcurrentHashMap<>();

  /**
   * Makes a port method misbehave until {@link #heal} is called.
   *
   * @param portMethod the port's simple name and the method, e.g. {@code "DeliveryOutbox.claimDue"}
   * @param fault what the method does instead
   */
  public void inject(String portMethod, Fault fault) {
    faults.put(portMethod, fault);
  }

  /**
   * Makes a port method behave again.
   *
   * @param portMethod as given to {@link #inject}
   */
  public void heal(String portMethod) {
    faults.remove(portMethod);
  }

  private <T> T faulty(Class<T> port, T target) {
    return port.cast(Proxy.newProxyInstance(port.getClassLoader(), new Class<?>[] {port}, (proxy, method, args) -> {
      Callable<Object> real = () -> {
        try {
          return method.invoke(target, args);
        } catch (InvocationTargetException e) {
          if (e.getCause() instanceof Exception cause) {
            throw cause;
          }
          throw (Error) e.getCause();
        }
      };
      Fault fault = method.getDeclaringClass() == Object.class ? null
          : faults.get(port.getSimpleName() + "." + method.getName());
      return fault == null ? real.call() : fault.call(args, real);
    }));
  }

  @Override
  public CustomerStore customers() {
    return faulty(CustomerStore.class, inner.customers());
  }

  @Override
  public SimAssignmentStore simAssignments() {
    return faulty(SimAssignmentStore.class, inner.simAssignments());
  }

  @Override
  public RecipientDirectory recipients() {
    return faulty(RecipientDirectory.class, inner.recipients());
  }

  @Override
  public DeliveryOutbox outbox() {
    return faulty(DeliveryOutbox.class, inner.outbox());
  }

  @Override
  public DeliveryOperations deliveryOperations() {
    return faulty(DeliveryOperations.class, inner.deliveryOperations());
  }

  @Override
  public RetentionStore retention() {
    return faulty(RetentionStore.class, inner.retention());
  }

  @Override
  public TenantSettingsStore tenantSettings() {
    return faulty(TenantSettingsStore.class, inner.tenantSettings());
  }

  @Override
  public AlertDecisionLog decisions() {
    return faulty(AlertDecisionLog.class, inner.decisions());
  }

  @Override
  public AlertRepeatGuard repeatGuard() {
    return faulty(AlertRepeatGuard.class, inner.repeatGuard());
  }

  @Override
  public AuditTrail auditTrail() {
    return faulty(AuditTrail.class, inner.auditTrail());
  }

  @Override
  public Transactions transactions() {
    return faulty(Transactions.class, inner.transactions());
  }
}
