package io.simestate.core.inmemory;

import io.simestate.core.Limits;
import io.simestate.core.TenantId;
import io.simestate.core.audit.AuditEvent;
import io.simestate.core.audit.AuditTrail;
import io.simestate.core.customer.CustomerId;
import io.simestate.core.internal.Require;
import io.simestate.core.sim.Iccid;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The administrative record in memory: events per tenant in order, indexed per customer. Events
 * about SIMs hold their SIM collections as given (a range costs two numbers), so a per-SIM read
 * checks the tenant's events newest first.
 */
final class InMemoryAuditTrail implements AuditTrail {

  private final Map<TenantId, List<AuditEvent>> byTenant = new HashMap<>();
  private final Map<CustomerId, List<AuditEvent>> byCustomer = new HashMap<>();
  private final InMemoryTransactions tx;

  InMemoryAuditTrail(InMemoryTransactions tx) {
    this.tx = tx;
  }

  @Override
  public synchronized void publish(AuditEvent event) {
    Require.present(event, "event");
    byTenant.computeIfAbsent(event.tenantId(), t -> new ArrayList<>()).add(event);
    if (event.customerId() != null) {
      byCustomer.computeIfAbsent(event.customerId(), c -> new ArrayList<>()).add(event);
    }
    tx.onRollback(() -> forget(event));
  }

  private synchronized void forget(AuditEvent event) {
    byTenant.get(event.tenantId()).remove(event);
    if (event.customerId() != null) {
      byCustomer.get(event.customerId()).remove(event);
    }
  }

  @Override
  public synchronized List<AuditEvent> forCustomer(TenantId tenant, CustomerId customer, int limit) {
    Require.present(tenant, "tenantId");
    Require.present(customer, "customerId");
    Limits.historySize(limit);
    return newestFirst(byCustomer.get(customer), e -> e.tenantId().equals(tenant), limit);
  }

  @Override
  public synchronized List<AuditEvent> forSim(TenantId tenant, Iccid sim, int limit) {
    Require.present(tenant, "tenantId");
    Require.present(sim, "iccid");
    Limits.historySize(limit);
    return newestFirst(byTenant.get(tenant), e -> e.concerns(sim), limit);
  }

  @Override
  public synchronized List<AuditEvent> recent(TenantId tenant, int limit) {
    Require.present(tenant, "tenantId");
    Limits.historySize(limit);
    return newestFirst(byTenant.get(tenant), e -> true, limit);
  }

  /** Removes up to {@code max} events that happened before {@code before} (F19). */
  synchronized int purge(Instant before, int max) {
    int removed = 0;
    for (List<AuditEvent> events : byTenant.values()) {
      for (var it = events.iterator(); it.hasNext() && removed < max; ) {
        AuditEvent e = it.next();
        if (e.at().isBefore(before)) {
          it.remove();
          if (e.customerId() != null) {
            byCustomer.get(e.customerId()).remove(e);
          }
          removed++;
        }
      }
    }
    return removed;
  }

  private static List<AuditEvent> newestFirst(List<AuditEvent> events, Predicate<AuditEvent> filter, int limit) {
    if (events == null) {
      return List.of();
    }
    List<AuditEvent> out = new ArrayList<>(Math.min(limit, 64));
    for (int i = events.size() - 1; i >= 0 && out.size() < limit; i--) {
      AuditEvent e = events.get(i);
      if (filter.test(e)) {
        out.add(e);
      }
    }
    return out;
  }
}
