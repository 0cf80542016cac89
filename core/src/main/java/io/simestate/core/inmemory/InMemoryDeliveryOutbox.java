package io.simestate.core.inmemory;

import io.simestate.core.InvalidInputException;
import io.simestate.core.NotFoundException;
import io.simestate.core.Page;
import io.simestate.core.PageRequest;
import io.simestate.core.TenantId;
import io.simestate.core.alert.AlertId;
import io.simestate.core.alert.Delivery;
import io.simestate.core.alert.DeliveryFilter;
import io.simestate.core.alert.DeliveryId;
import io.simestate.core.alert.DeliveryKind;
import io.simestate.core.alert.DeliveryOperations;
import io.simestate.core.alert.DeliveryOutbox;
import io.simestate.core.alert.DeliveryStatus;
import io.simestate.core.customer.ContactId;
import io.simestate.core.sim.Iccid;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * The outbox in memory: deliveries by id, a unique index per (tenant, alert, recipient), a due
 * queue ordered by next attempt time, the token of each delivery's current claim, and indexes per
 * alert, contact and SIM for the record; the operator's list, resubmit and discard (F18) scan a
 * tenant's deliveries in recording order. All operations are serialised on this object.
 */
final class InMemoryDeliveryOutbox implements DeliveryOutbox, DeliveryOperations {

  private record Due(Instant at, DeliveryId id) {}

  /** The unique key of a delivery: its tenant, alert and recipient ({@link RecipientIdentity}). */
  private record Unique(TenantId tenant, AlertId alert, Object recipient) {
    static Unique of(Delivery d) {
      return new Unique(d.tenantId(), d.alertId(), RecipientIdentity.of(d.recipient()));
    }
  }

  /** A key of an index: a tenant's alert, contact or SIM. */
  private record Of(TenantId tenant, Object what) {}

  private static final Comparator<Due> DUE_ORDER = (a, b) -> {
    int byTime = a.at().compareTo(b.at());
    return byTime != 0 ? byTime : a.id().value().compareTo(b.id().value());
  };

  private final Map<DeliveryId, Delivery> byId = new HashMap<>();
  private final Map<Unique, DeliveryId> unique = new HashMap<>();
  private final NavigableSet<Due> due = new TreeSet<>(DUE_ORDER);
  private final Map<Of, List<DeliveryId>> byAlert = new HashMap<>();
  private final Map<Of, List<DeliveryId>> byContact = new HashMap<>();
  private final Map<Of, List<DeliveryId>> bySim = new HashMap<>();
  private final Map<DeliveryId, String> claims = new HashMap<>();
  private final Map<TenantId, List<DeliveryId>> byTenant = new HashMap<>();
  private final InMemoryTransactions tx;

  InMemoryDeliveryOutbox(InMemoryTransactions tx) {
    this.tx = tx;
  }

  @Override
  public synchronized List<Delivery> enqueue(List<Delivery> deliveries) {
    List<Delivery> recorded = new ArrayList<>(deliveries.size());
    for (Delivery d : deliveries) {
      if (unique.putIfAbsent(Unique.of(d), d.id()) != null) {
        continue;
      }
      byId.put(d.id(), d);
      due.add(new Due(d.nextAttemptAt(), d.id()));
      byAlert.computeIfAbsent(new Of(d.tenantId(), d.alertId()), k -> new ArrayList<>(2)).add(d.id());
      if (d.recipient().contactId() != null) {
        byContact.computeIfAbsent(new Of(d.tenantId(), d.recipient().contactId()), k -> new ArrayList<>()).add(d.id());
      }
      if (d.alert() != null) {
        bySim.computeIfAbsent(new Of(d.tenantId(), d.alert().iccid()), k -> new ArrayList<>()).add(d.id());
      }
      byTenant.computeIfAbsent(d.tenantId(), k -> new ArrayList<>()).add(d.id());
      recorded.add(d);
      tx.onRollback(() -> forget(d));
    }
    return recorded;
  }

  /** Removes a delivery recorded by a transaction that failed, or purged. */
  private synchronized void forget(Delivery d) {
    unique.remove(Unique.of(d));
    Delivery current = byId.remove(d.id());
    due.remove(new Due(current.nextAttemptAt(), d.id()));
    byAlert.get(new Of(d.tenantId(), d.alertId())).remove(d.id());
    if (d.recipient().contactId() != null) {
      byContact.get(new Of(d.tenantId(), d.recipient().contactId())).remove(d.id());
    }
    if (d.alert() != null) {
      bySim.get(new Of(d.tenantId(), d.alert().iccid())).remove(d.id());
    }
    byTenant.get(d.tenantId()).remove(d.id());
  }

  @Override
  public synchronized List<Delivery> claimDue(Instant now, int max, Duration lease, String claim) {
    if (max < 1) {
      throw InvalidInputException.of("max", "must be at least 1");
    }
    InvalidInputException.requirePresent(claim, "claim");
    List<Delivery> claimed = new ArrayList<>(Math.min(max, 64));
    Instant leaseUntil = now.plus(lease);
    while (claimed.size() < max && !due.isEmpty() && !due.first().at().isAfter(now)) {
      Due next = due.pollFirst();
      Delivery before = byId.get(next.id());
      String beforeClaim = claims.put(next.id(), claim);
      Delivery d = before.claimed(leaseUntil);
      byId.put(d.id(), d);
      due.add(new Due(leaseUntil, d.id()));
      claimed.add(d);
      tx.onRollback(() -> {
        put(before);
        restoreClaim(before.id(), beforeClaim);
      });
    }
    return claimed;
  }

  @Override
  public synchronized boolean beginAttempt(DeliveryId id, String claim) {
    return changeHeld(id, claim, Delivery::attempted, false);
  }

  @Override
  public synchronized int renewLease(List<DeliveryId> ids, String claim, Instant leaseUntil) {
    int held = 0;
    for (DeliveryId id : heldBy(ids, claim)) {
      change(id, d -> d.leasedUntil(leaseUntil));
      held++;
    }
    return held;
  }

  @Override
  public synchronized int release(List<DeliveryId> ids, String claim, Instant dueAt) {
    return releaseHeld(ids, claim, d -> d.retryAt(dueAt, d.lastError()));
  }

  @Override
  public synchronized int releaseNotSent(List<DeliveryId> ids, String claim, Instant dueAt) {
    return releaseHeld(ids, claim, d -> new Delivery(d.id(), d.tenantId(), d.kind(), d.alertId(), d.alert(),
        d.customerId(), d.customerName(), d.recipient(), d.digestKey(), DeliveryStatus.PENDING,
        Math.max(0, d.attempts() - 1), d.createdAt(), dueAt, d.sentAt(), d.lastError()));
  }

  /** Gives back the deliveries the claim still holds, each changed by {@code released}; how many. */
  private int releaseHeld(List<DeliveryId> ids, String claim, UnaryOperator<Delivery> released) {
    int count = 0;
    for (DeliveryId id : heldBy(ids, claim)) {
      changeHeld(id, claim, released, true);
      count++;
    }
    return count;
  }

  @Override
  public synchronized boolean markSent(DeliveryId id, String claim, Instant at) {
    return changeHeld(id, claim, d -> d.sent(at), true);
  }

  @Override
  public synchronized boolean markRetry(DeliveryId id, String claim, Instant nextAttemptAt, String error) {
    return changeHeld(id, claim, d -> d.retryAt(nextAttemptAt, error), true);
  }

  @Override
  public synchronized boolean markFailed(DeliveryId id, String claim, String error) {
    return changeHeld(id, claim, d -> d.failed(error), true);
  }

  private List<DeliveryId> heldBy(List<DeliveryId> ids, String claim) {
    List<DeliveryId> held = new ArrayList<>();
    for (DeliveryId id : ids) {
      Delivery d = byId.get(id);
      if (d != null && claim.equals(claims.get(id)) && d.status() == DeliveryStatus.IN_FLIGHT) {
        held.add(id);
      }
    }
    return held;
  }

  /** Changes a delivery in flight under {@code claim}; ending the claim forgets its token. */
  private boolean changeHeld(DeliveryId id, String claim, UnaryOperator<Delivery> change, boolean endsClaim) {
    Delivery current = byId.get(id);
    if (current == null) {
      throw new NotFoundException("Delivery " + id + " not found");
    }
    if (current.status() != DeliveryStatus.IN_FLIGHT || claim == null || !claim.equals(claims.get(id))) {
      return false;
    }
    change(id, change);
    if (endsClaim) {
      claims.remove(id);
      tx.onRollback(() -> restoreClaim(id, claim));
    }
    return true;
  }

  private synchronized void restoreClaim(DeliveryId id, String claim) {
    if (claim == null) {
      claims.remove(id);
    } else {
      claims.put(id, claim);
    }
  }

  @Override
  public synchronized Optional<Delivery> unsentNotice(TenantId tenant, ContactId contact) {
    List<DeliveryId> ids = byContact.get(new Of(tenant, contact));
    if (ids == null) {
      return Optional.empty();
    }
    return ids.stream().map(byId::get)
        .filter(d -> d.kind() == DeliveryKind.SUBSCRIPTION_NOTICE
            && (d.status() == DeliveryStatus.PENDING || d.status() == DeliveryStatus.IN_FLIGHT))
        .min(Comparator.comparing(Delivery::nextAttemptAt));
  }

  @Override
  public synchronized Optional<Delivery> find(DeliveryId id) {
    return Optional.ofNullable(byId.get(id));
  }

  @Override
  public synchronized List<Delivery> byAlert(TenantId tenant, AlertId alertId) {
    return resolve(byAlert.get(new Of(tenant, alertId)), Integer.MAX_VALUE, false);
  }

  @Override
  public synchronized List<Delivery> byContact(TenantId tenant, ContactId contactId, int limit) {
    return resolve(byContact.get(new Of(tenant, contactId)), limit, true);
  }

  @Override
  public synchronized List<Delivery> bySim(TenantId tenant, Iccid sim, int limit) {
    return resolve(bySim.get(new Of(tenant, sim)), limit, true);
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
  public synchronized Page<Delivery> list(TenantId tenant, DeliveryFilter filter, Instant now, PageRequest page) {
    List<Delivery> matching = new ArrayList<>();
    for (DeliveryId id : byTenant.getOrDefault(tenant, List.of())) {
      Delivery d = byId.get(id);
      if (filter.matches(d, now)) {
        matching.add(d);
      }
    }
    matching.sort(Comparator.comparing(Delivery::createdAt)); // stable: recording order among equals
    int from = (int) Math.min(page.offset(), matching.size());
    int to = (int) Math.min((long) from + page.limit(), matching.size());
    return new Page<>(List.copyOf(matching.subList(from, to)), matching.size(), page);
  }

  @Override
  public synchronized List<Delivery> resubmit(TenantId tenant, Collection<DeliveryId> ids, Instant now) {
    return operate(tenant, ids, d -> d.resubmittableAt(now), d -> d.resubmitted(now));
  }

  @Override
  public synchronized List<Delivery> discard(TenantId tenant, Collection<DeliveryId> ids, Instant now) {
    return operate(tenant, ids, d -> d.discardableAt(now), Delivery::discarded);
  }

  private List<Delivery> operate(TenantId tenant, Collection<DeliveryId> ids, Predicate<Delivery> allowed,
      UnaryOperator<Delivery> change) {
    List<Delivery> changed = new ArrayList<>();
    for (DeliveryId id : new LinkedHashSet<>(ids)) {
      Delivery d = byId.get(id);
      if (d != null && d.tenantId().equals(tenant) && allowed.test(d)) {
        change(id, change);
        changed.add(byId.get(id));
      }
    }
    return changed;
  }

  /** Removes up to {@code max} deliveries of a finished status older than {@code before} (F19). */
  synchronized int purge(DeliveryStatus status, Instant before, int max) {
    List<Delivery> old = new ArrayList<>();
    for (Delivery d : byId.values()) {
      if (old.size() >= max) {
        break;
      }
      Instant at = status == DeliveryStatus.SENT ? d.sentAt() : d.nextAttemptAt();
      if (d.status() == status && at != null && at.isBefore(before)) {
        old.add(d);
      }
    }
    for (Delivery d : old) {
      forget(d);
    }
    return old.size();
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
