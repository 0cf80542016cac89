package io.simestate.core.inmemory;

import io.simestate.core.TenantId;
import io.simestate.core.alert.AlertDecision;
import io.simestate.core.alert.AlertDecisionLog;
import io.simestate.core.alert.AlertId;
import io.simestate.core.sim.Iccid;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Decisions by (tenant, alert id), plus a per-SIM index for the record. */
final class InMemoryAlertDecisionLog implements AlertDecisionLog {

  /** A decision's key: its alert id in its tenant. */
  private record AlertKey(TenantId tenant, AlertId alert) {}

  /** A SIM's key in its tenant. */
  private record SimKey(TenantId tenant, Iccid sim) {}

  private final Map<AlertKey, AlertDecision> byAlert = new ConcurrentHashMap<>();
  private final Map<SimKey, List<AlertDecision>> bySim = new ConcurrentHashMap<>();
  private final InMemoryTransactions tx;

  InMemoryAlertDecisionLog(InMemoryTransactions tx) {
    this.tx = tx;
  }

  @Override
  public boolean record(AlertDecision decision) {
    AlertKey key = new AlertKey(decision.tenantId(), decision.alert().id());
    if (byAlert.putIfAbsent(key, decision) != null) {
      return false;
    }
    List<AlertDecision> forSim = bySim.computeIfAbsent(simKey(decision.tenantId(), decision.alert().iccid()),
        k -> new ArrayList<>(2));
    synchronized (forSim) {
      forSim.add(decision);
    }
    tx.onRollback(() -> {
      byAlert.remove(key, decision);
      synchronized (forSim) {
        forSim.remove(decision);
      }
    });
    return true;
  }

  @Override
  public Optional<AlertDecision> find(TenantId tenant, AlertId alertId) {
    return Optional.ofNullable(byAlert.get(new AlertKey(tenant, alertId)));
  }

  @Override
  public List<AlertDecision> bySim(TenantId tenant, Iccid sim, int limit) {
    List<AlertDecision> forSim = bySim.get(simKey(tenant, sim));
    if (forSim == null) {
      return List.of();
    }
    synchronized (forSim) {
      List<AlertDecision> out = new ArrayList<>(Math.min(limit, forSim.size()));
      for (int i = forSim.size() - 1; i >= 0 && out.size() < limit; i--) {
        out.add(forSim.get(i));
      }
      return out;
    }
  }

  /** Removes up to {@code max} decisions decided before {@code before} (F19). */
  synchronized int purge(Instant before, int max) {
    int removed = 0;
    for (var it = byAlert.entrySet().iterator(); it.hasNext() && removed < max; ) {
      AlertDecision d = it.next().getValue();
      if (d.decidedAt().isBefore(before)) {
        it.remove();
        List<AlertDecision> forSim = bySim.get(simKey(d.tenantId(), d.alert().iccid()));
        if (forSim != null) {
          synchronized (forSim) {
            forSim.remove(d);
          }
        }
        removed++;
      }
    }
    return removed;
  }

  private static SimKey simKey(TenantId tenant, Iccid sim) {
    return new SimKey(tenant, sim);
  }
}
