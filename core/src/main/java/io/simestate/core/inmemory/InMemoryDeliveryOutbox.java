package io.simestate.core.inmemory;

import io.simestate.core.NotFoundException;
import io.simestate.core.TenantId;
import io.simestate.core.alert.AlertId;
import io.simestate.core.alert.Delivery;
import io.simestate.core.alert.DeliveryId;
import io.simestate.core.alert.DeliveryOutbox;
import io.simestate.core.alert.DeliveryStatus;
import io.simestate.core.customer.ContactId;
import io.simestate.core.sim.Iccid;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

/**
 * The outbox in memory: deliveries by id, a unique index per (tenant, alert, recipient), a due
 * queue ordered by next attempt time, and indexes per alert, contact and SIM for the record.
 * All operations are serialised on this object.
 */
final class InMemoryDeliveryOutbox implements DeliveryOutbox {

  private record Due(Instant at, DeliveryId id) {}

  private static final Comparator<Due> DUE_ORDER =
      Comparator.comparing(Due::at).thenComparing(d -> d.id().value());

  private final Map<DeliveryId, Delivery> byId = new HashMap<>();
  private final Map<String, DeliveryId> unique = new HashMap<>();
  private final NavigableSet<Due> due = new TreeSet<>(DUE_ORDER);
  private final Map<String, List<DeliveryId>> byAlert = new HashMap<>();
  private final Map<String, List<DeliveryId>> byContact = new HashMap<>();
  private final Map<String, List<DeliveryId>> bySim = new HashMap<>();
  private final InMemoryTransactions tx;

  InMemoryDeliveryOutbox(InMemoryTransactions tx) {
    this.tx = tx;
  }

  @Override
  public synchronized List<Delivery> enqueue(List<Delivery> deliveries) {
    List<Delivery> recorded = new ArrayList<>(deliveries.size());
    for (Delivery d : deliveries) {
      String key = d.tenantId() + "|" + d.alertId() + "|" + d.recipientKey();
      if (unique.putIfAbsent(key, d.id()) != null) {
        continue;
      }
      byId.put(d.id(), d);
      due.add(new Due(d.nextAttemptAt(), d.id()));
      byAlert.computeIfAbsent(d.tenantId() + "|" + d.alertId(), k -> new ArrayList<>(2)).add(d.id());
      if (d.recipient().contactId() != null) {
        byContact.computeIfAbsent(d.tenantId() + "|" + d.recipient().contactId(), k -> new ArrayList<>()).add(d.id());
      }
      if (d.alert() != null) {
        bySim.computeIfAbsent(d.tenantId() + "|" + d.alert().iccid(), k -> new ArrayList<>()).add(d.id());
      }
      recorded.add(d);
      tx.onRollback(() -> forget(key, d));
    }
    return recorded;
  }

  /** Removes a delivery recorded by a transaction that failed. */
  private synchronized void forget(String key, Delivery d) {
    unique.remove(key);
    Delivery current = byId.remove(d.id());
    due.remove(new Due(current.nextAttemptAt(), d.id()));
    byAlert.get(d.tenantId() + "|" + d.alertId()).remove(d.id());
    if (d.recipient().contactId() != null) {
      byContact.get(d.tenantId() + "|" + d.recipient().contactId()).remove(d.id());
    }
    if (d.alert() != null) {
      bySim.get(d.tenantId() + "|" + d.alert().iccid()).remove(d.id());
    }
  }

  @Override
  public synchronized List<Delivery> claimDue(Instant now, int max, Duration lease) {
    List<Delivery> claimed = new ArrayList<>(Math.min(max, 64));
    Instant leaseUntil = now.plus(lease);
    while (claimed.size() < max && !due.isEmpty() && !due.first().at().isAfter(now)) {
      Due next = due.pollFirst();
      Delivery before = byId.get(next.id());
      Delivery d = before.claimed(leaseUntil);
      byId.put(d.id(), d);
      due.add(new Due(leaseUntil, d.id()));
      claimed.add(d);
      tx.onRollback(() -> put(before));
    }
    return claimed;
  }

  @Override
  public synchronized void markSent(DeliveryId id, Instant at) {
    change(id, d -> d.sent(at));
  }

  @Override
  public synchronized void markRetry(DeliveryId id, Instant nextAttemptAt, String error) {
    change(id, d -> d.retryAt(nextAttemptAt, error));
  }

  @Override
  public synchronized void markFailed(DeliveryId id, String error) {
    change(id, d -> d.failed(error));
  }

  @Override
  public synchronized Optional<Delivery> find(DeliveryId id) {
    return Optional.ofNullable(byId.get(id));
  }

  @Override
  public synchronized List<Delivery> byAlert(TenantId tenant, AlertId alertId) {
    return resolve(byAlert.get(tenant + "|" + alertId), Integer.MAX_VALUE, false);
  }

  @Override
  public synchronized List<Delivery> byContact(TenantId tenant, ContactId contactId, int limit) {
    return resolve(byContact.get(tenant + "|" + contactId), limit, true);
  }

  @Override
  public synchronized List<Delivery> bySim(TenantId tenant, Iccid sim, int limit) {
    return resolve(bySim.get(tenant + "|" + sim), limit, true);
  }

  @Override
  public synchronized Map<DeliveryStatus, Long> countByStatus() {
    Map<DeliveryStatus, Long> counts = new EnumMap<>(DeliveryStatus.class);
    for (DeliveryStatus s : DeliveryStatus.values()) {
      counts.put(s, 0L);
    }
    for (Delivery d : byId.values()) {
      counts.merge(d.status(), 1L, Long::sum);
    }
    return counts;
  }

  @Override
  public synchronized Optional<Instant> oldestPendingCreatedAt() {
    // The due queue holds exactly the pending and in-flight deliveries.
    Instant oldest = null;
    for (Due d : due) {
      Instant created = byId.get(d.id()).createdAt();
      if (oldest == null || created.isBefore(oldest)) {
        oldest = created;
      }
    }
    return Optional.ofNullable(oldest);
  }

  private void change(DeliveryId id, UnaryOperator<Delivery> change) {
    Delivery current = byId.get(id);
    if (current == null) {
      throw new NotFoundException("Delivery " + id + " not found");
    }
    put(change.apply(current));
    tx.onRollback(() -> put(current));
  }

  /** Stores a state of an existing delivery, keeping the due queue in step. */
  private synchronized void put(Delivery next) {
    Delivery current = byId.get(next.id());
    due.remove(new Due(current.nextAttemptAt(), next.id()));
    if (next.status() == DeliveryStatus.PENDING || next.status() == DeliveryStatus.IN_FLIGHT) {
      due.add(new Due(next.nextAttemptAt(), next.id()));
    }
    byId.put(next.id(), next);
  }

  private List<Delivery> resolve(List<DeliveryId> ids, int limit, boolean newestFirst) {
    if (ids == null) {
      return List.of();
    }
    List<Delivery> out = new ArrayList<>(Math.min(ids.size(), limit));
    for (int i = 0; i < ids.size() && out.size() < limit; i++) {
      out.add(byId.get(ids.get(newestFirst ? ids.size() - 1 - i : i)));
    }
    return out;
  }
}
