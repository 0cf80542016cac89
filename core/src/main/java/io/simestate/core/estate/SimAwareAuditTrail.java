package io.simestate.core.estate;

import io.simestate.core.Limits;
import io.simestate.core.TenantId;
import io.simestate.core.audit.AuditEvent;
import io.simestate.core.audit.AuditEventType;
import io.simestate.core.audit.AuditTrail;
import io.simestate.core.customer.CustomerId;
import io.simestate.core.internal.Require;
import io.simestate.core.sim.Iccid;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The audit trail as {@code SimEstate.auditTrail()} answers it: the adapter's trail, with one
 * addition to the per-SIM history. Deleting a customer releases all its SIMs in one statement and
 * records one {@link AuditEventType#CUSTOMER_DELETED} event about the customer (listing up to a
 * million SIMs on it would make deletion as slow as a million updates); {@link #forSim} therefore
 * adds that event to the history of every SIM the deleted customer held at the time. Every argument
 * is checked: a missing one, or a limit outside 1 to {@value Limits#HISTORY_SIZE}, is an
 * {@code InvalidInputException}.
 */
final class SimAwareAuditTrail implements AuditTrail {

  /** How many events about the SIM itself are read to work out which customers held it. */
  private static final int HISTORY_WINDOW = 500;
  private static final int DELETIONS_PER_CUSTOMER = 5;

  private final AuditTrail trail;

  /**
   * Wraps an adapter's trail.
   *
   * @param trail the adapter's trail
   */
  SimAwareAuditTrail(AuditTrail trail) {
    this.trail = Objects.requireNonNull(trail, "trail");
  }

  @Override
  public void publish(AuditEvent event) {
    trail.publish(Require.present(event, "event"));
  }

  @Override
  public List<AuditEvent> forCustomer(TenantId tenant, CustomerId customer, int limit) {
    return trail.forCustomer(Require.present(tenant, "tenantId"), Require.present(customer, "customerId"),
        Limits.historySize(limit));
  }

  @Override
  public List<AuditEvent> recent(TenantId tenant, int limit) {
    return trail.recent(Require.present(tenant, "tenantId"), Limits.historySize(limit));
  }

  /**
   * The most recent events about one SIM, including the deletion of a customer that held it.
   *
   * @param tenant the tenant
   * @param sim the SIM
   * @param limit the most to return
   * @return the events, newest first
   */
  @Override
  public List<AuditEvent> forSim(TenantId tenant, Iccid sim, int limit) {
    Require.present(tenant, "tenantId");
    Require.present(sim, "iccid");
    Limits.historySize(limit);
    List<AuditEvent> own = trail.forSim(tenant, sim, Math.max(limit, HISTORY_WINDOW));
    Set<CustomerId> holders = new LinkedHashSet<>();
    for (AuditEvent e : own) {
      if (e.type() == AuditEventType.SIMS_ASSIGNED && e.customerId() != null) {
        holders.add(e.customerId());
      }
    }
    List<AuditEvent> deletions = new ArrayList<>();
    for (CustomerId holder : holders) {
      for (AuditEvent e : trail.forCustomer(tenant, holder, DELETIONS_PER_CUSTOMER)) {
        if (e.type() == AuditEventType.CUSTOMER_DELETED) {
          deletions.add(e);
        }
      }
    }
    if (deletions.isEmpty()) {
      return own.size() > limit ? List.copyOf(own.subList(0, limit)) : own;
    }
    return merge(own, deletions, limit);
  }

  /**
   * Walks the SIM's events oldest first, keeping track of its holder, and adds a customer's
   * deletion where that customer held the SIM at the time.
   */
  private static List<AuditEvent> merge(List<AuditEvent> newestFirst, List<AuditEvent> deletions, int limit) {
    List<AuditEvent> chronological = new ArrayList<>(newestFirst.size());
    for (int i = newestFirst.size() - 1; i >= 0; i--) {
      chronological.add(newestFirst.get(i));
    }
    deletions.sort(Comparator.comparing(AuditEvent::at));
    List<AuditEvent> out = new ArrayList<>();
    CustomerId holder = null;
    int d = 0;
    for (AuditEvent e : chronological) {
      while (d < deletions.size() && deletions.get(d).at().isBefore(e.at())) {
        holder = addIfHeld(deletions.get(d++), holder, out);
      }
      out.add(e);
      if (e.type() == AuditEventType.SIMS_ASSIGNED) {
        holder = e.customerId();
      } else if (e.type() == AuditEventType.SIMS_UNASSIGNED) {
        holder = null;
      }
    }
    while (d < deletions.size()) {
      holder = addIfHeld(deletions.get(d++), holder, out);
    }
    List<AuditEvent> result = new ArrayList<>(Math.min(limit, out.size()));
    for (int i = out.size() - 1; i >= 0 && result.size() < limit; i--) {
      result.add(out.get(i));
    }
    return result;
  }

  private static CustomerId addIfHeld(AuditEvent deletion, CustomerId holder, List<AuditEvent> out) {
    if (deletion.customerId().equals(holder)) {
      out.add(deletion);
      return null;
    }
    return holder;
  }
}
