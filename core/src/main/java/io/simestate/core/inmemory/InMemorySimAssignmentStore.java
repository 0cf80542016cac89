package io.simestate.core.inmemory;

import io.simestate.core.ConflictException;
import io.simestate.core.Page;
import io.simestate.core.PageRequest;
import io.simestate.core.TenantId;
import io.simestate.core.customer.CustomerId;
import io.simestate.core.sim.AssignmentChanges;
import io.simestate.core.sim.Iccid;
import io.simestate.core.sim.SimAssignmentStore;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Assignments in two hash indexes: ICCID to holder (for routing, O(1) and lock-free) and customer
 * to its SIMs (for counts, pages and deleting a customer). Writes are serialised.
 */
final class InMemorySimAssignmentStore implements SimAssignmentStore {

  private static final int MAX_REPORTED = 5;

  /** Who holds a SIM; one instance per customer, shared by all its SIMs. */
  private record Holder(TenantId tenant, CustomerId customer) {}

  private final Map<Iccid, Holder> holders = new ConcurrentHashMap<>();
  private final Map<CustomerId, Set<Iccid>> byCustomer = new ConcurrentHashMap<>();
  private final Map<CustomerId, Holder> holderOf = new ConcurrentHashMap<>();
  private final InMemoryTransactions tx;

  InMemorySimAssignmentStore(InMemoryTransactions tx) {
    this.tx = tx;
  }

  @Override
  public synchronized AssignmentChanges assign(TenantId tenant, CustomerId customer, Collection<Iccid> sims) {
    List<String> elsewhere = new ArrayList<>();
    for (Iccid sim : sims) {
      Holder h = holders.get(sim);
      if (h != null && !h.tenant().equals(tenant)) {
        elsewhere.add(sim.digits());
      }
    }
    if (!elsewhere.isEmpty()) {
      throw ConflictException.simsHeldElsewhere(elsewhere.size() + " SIM(s) belong to another account and cannot "
          + "be assigned here, e.g. " + String.join(", ", elsewhere.subList(0, Math.min(MAX_REPORTED, elsewhere.size())))
          + "; remove them from the request", elsewhere, null);
    }
    Holder target = holderOf.computeIfAbsent(customer, c -> new Holder(tenant, c));
    Set<Iccid> targetSims = byCustomer.computeIfAbsent(customer, c -> new HashSet<>());
    long added = 0;
    long unchanged = 0;
    Map<CustomerId, Long> movedFrom = new HashMap<>();
    List<Iccid> changedSims = tx.active() ? new ArrayList<>() : null;
    List<Holder> previousHolders = tx.active() ? new ArrayList<>() : null;
    for (Iccid sim : sims) {
      Holder previous = holders.put(sim, target);
      if (previous == null) {
        added++;
      } else if (previous.customer().equals(customer)) {
        unchanged++;
        continue;
      } else {
        movedFrom.merge(previous.customer(), 1L, Long::sum);
        byCustomer.get(previous.customer()).remove(sim);
      }
      targetSims.add(sim);
      if (changedSims != null) {
        changedSims.add(sim);
        previousHolders.add(previous);
      }
    }
    if (changedSims != null) {
      tx.onRollback(() -> restore(changedSims, previousHolders));
    }
    return new AssignmentChanges(added + movedFrom.values().stream().mapToLong(Long::longValue).sum(), unchanged,
        movedFrom);
  }

  @Override
  public synchronized AssignmentChanges unassign(TenantId tenant, Collection<Iccid> sims) {
    long unchanged = 0;
    Map<CustomerId, Long> removedFrom = new HashMap<>();
    List<Iccid> releasedSims = tx.active() ? new ArrayList<>() : null;
    List<Holder> previousHolders = tx.active() ? new ArrayList<>() : null;
    for (Iccid sim : sims) {
      Holder h = holders.get(sim);
      if (h == null || !h.tenant().equals(tenant)) {
        unchanged++;
        continue;
      }
      holders.remove(sim);
      byCustomer.get(h.customer()).remove(sim);
      removedFrom.merge(h.customer(), 1L, Long::sum);
      if (releasedSims != null) {
        releasedSims.add(sim);
        previousHolders.add(h);
      }
    }
    if (releasedSims != null) {
      tx.onRollback(() -> restore(releasedSims, previousHolders));
    }
    long changed = removedFrom.values().stream().mapToLong(Long::longValue).sum();
    return new AssignmentChanges(changed, unchanged, removedFrom);
  }

  @Override
  public synchronized long unassignAll(TenantId tenant, CustomerId customer) {
    Holder h = holderOf.get(customer);
    if (h == null || !h.tenant().equals(tenant)) {
      return 0;
    }
    Set<Iccid> sims = byCustomer.remove(customer);
    holderOf.remove(customer);
    if (sims == null) {
      return 0;
    }
    for (Iccid sim : sims) {
      holders.remove(sim, h);
    }
    tx.onRollback(() -> restore(new ArrayList<>(sims), java.util.Collections.nCopies(sims.size(), h)));
    return sims.size();
  }

  /** Puts SIMs back with the holders they had (null: unassigned), undoing a change. */
  private synchronized void restore(List<Iccid> sims, List<Holder> previous) {
    for (int i = sims.size() - 1; i >= 0; i--) {
      Iccid sim = sims.get(i);
      Holder now = holders.get(sim);
      if (now != null) {
        byCustomer.get(now.customer()).remove(sim);
      }
      Holder before = previous.get(i);
      if (before == null) {
        holders.remove(sim);
      } else {
        holders.put(sim, before);
        holderOf.putIfAbsent(before.customer(), before);
        byCustomer.computeIfAbsent(before.customer(), c -> new HashSet<>()).add(sim);
      }
    }
  }

  /**
   * The customer that holds a SIM in a tenant, without wrapping it, for the recipient directory.
   *
   * @param tenant the tenant
   * @param sim the SIM
   * @return the customer, or null if the SIM has none in this tenant
   */
  CustomerId customerIn(TenantId tenant, Iccid sim) {
    Holder h = holders.get(sim);
    return h != null && h.tenant().equals(tenant) ? h.customer() : null;
  }

  @Override
  public Optional<CustomerId> customerOf(TenantId tenant, Iccid sim) {
    Holder h = holders.get(sim);
    return h != null && h.tenant().equals(tenant) ? Optional.of(h.customer()) : Optional.empty();
  }

  @Override
  public synchronized long countOf(TenantId tenant, CustomerId customer) {
    Holder h = holderOf.get(customer);
    if (h == null || !h.tenant().equals(tenant)) {
      return 0;
    }
    Set<Iccid> sims = byCustomer.get(customer);
    return sims == null ? 0 : sims.size();
  }

  @Override
  public synchronized Page<Iccid> simsOf(TenantId tenant, CustomerId customer, PageRequest page) {
    Holder h = holderOf.get(customer);
    Set<Iccid> sims = h == null || !h.tenant().equals(tenant) ? Set.of() : byCustomer.getOrDefault(customer, Set.of());
    List<Iccid> items = sims.stream().sorted().skip(page.offset()).limit(page.limit()).toList();
    return new Page<>(items, sims.size(), page);
  }
}
