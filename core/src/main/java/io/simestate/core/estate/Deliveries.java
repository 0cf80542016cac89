package io.simestate.core.estate;

import io.simestate.core.Actor;
import io.simestate.core.InvalidInputException;
import io.simestate.core.Limits;
import io.simestate.core.Page;
import io.simestate.core.PageRequest;
import io.simestate.core.TenantId;
import io.simestate.core.Transactions;
import io.simestate.core.alert.Delivery;
import io.simestate.core.alert.DeliveryFilter;
import io.simestate.core.alert.DeliveryId;
import io.simestate.core.alert.DeliveryOperations;
import io.simestate.core.audit.AuditEventType;
import io.simestate.core.customer.CustomerId;
import io.simestate.core.internal.Require;
import io.simestate.core.sim.Iccid;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Failed and stuck deliveries (F18): list them per tenant by condition (failed, discarded, pending
 * and overdue, in flight past the dispatcher's lease), and resubmit or discard one, a list, or all
 * that meet a filter. Every change is tenant-scoped and recorded in the audit trail with the actor.
 *
 * <p>A resubmitted delivery keeps its id, and so the {@code Message-ID} of its email: if a delivery
 * that was in fact accepted (its dispatcher stopped before recording it) is resubmitted, the second
 * copy carries the same {@code Message-ID}, which mail clients and servers show and store as one
 * message. A delivery that was sent, or that a dispatcher holds within its lease, is left alone; the
 * methods return or count only what they changed.
 *
 * <p>Obtain it from {@code SimEstate.deliveries()}. Thread-safe.
 */
public final class Deliveries {

  /** How many deliveries one call or one step of a bulk change handles. */
  public static final int MAX_PER_CALL = Limits.PAGE_SIZE;

  /** How many delivery ids an audit summary names before it says "and N more". */
  private static final int IDS_IN_SUMMARY = 20;

  private final DeliveryOperations operations;
  private final Transactions tx;
  private final EventRecorder events;
  private final Clock clock;

  Deliveries(DeliveryOperations operations, Transactions tx, EventRecorder events, Clock clock) {
    this.operations = operations;
    this.tx = tx;
    this.events = events;
    this.clock = clock;
  }

  /**
   * The tenant's deliveries that meet a filter, oldest first, with contact (recipient), SIM (in the
   * alert), attempts and last error.
   *
   * @param tenant the tenant
   * @param filter which deliveries, e.g. {@code DeliveryFilter.failed()}
   * @param page which page
   * @return the page
   * @throws InvalidInputException naming the missing argument
   */
  public Page<Delivery> list(TenantId tenant, DeliveryFilter filter, PageRequest page) {
    Require.present(tenant, "tenant");
    Require.present(filter, "filter");
    Require.present(page, "page");
    return tx.inTransaction(() -> operations.list(tenant, filter, clock.instant(), page));
  }

  /**
   * Resubmits deliveries of the tenant: each failed, discarded, pending, or in-flight-past-its-lease
   * one becomes pending and due now, with a full set of attempts; the others are left alone.
   *
   * @param tenant the tenant
   * @param actor who does it (recorded)
   * @param ids the deliveries, at most {@link #MAX_PER_CALL}
   * @return the deliveries resubmitted
   * @throws InvalidInputException naming the missing argument, or {@code ids} if there are too many
   */
  public List<Delivery> resubmit(TenantId tenant, Actor actor, Collection<DeliveryId> ids) {
    return change(tenant, actor, ids, operations::resubmit, AuditEventType.DELIVERIES_RESUBMITTED, "Resubmitted");
  }

  /**
   * Discards deliveries of the tenant: each failed, pending, or in-flight-past-its-lease one becomes
   * {@code DISCARDED} and is not sent unless resubmitted; the others are left alone.
   *
   * @param tenant the tenant
   * @param actor who does it (recorded)
   * @param ids the deliveries, at most {@link #MAX_PER_CALL}
   * @return the deliveries discarded
   * @throws InvalidInputException naming the missing argument, or {@code ids} if there are too many
   */
  public List<Delivery> discard(TenantId tenant, Actor actor, Collection<DeliveryId> ids) {
    return change(tenant, actor, ids, operations::discard, AuditEventType.DELIVERIES_DISCARDED, "Discarded");
  }

  /**
   * Resubmits every delivery of the tenant that meets a filter, {@link #MAX_PER_CALL} per transaction
   * (one audit event each). Deliveries that come to meet the filter while it runs may be left for the
   * next call.
   *
   * @param tenant the tenant
   * @param actor who does it (recorded)
   * @param filter which deliveries, e.g. {@code DeliveryFilter.failed()}
   * @return how many were resubmitted
   * @throws InvalidInputException naming the missing argument
   */
  public long resubmitAll(TenantId tenant, Actor actor, DeliveryFilter filter) {
    return changeAll(tenant, actor, filter, this::resubmit);
  }

  /**
   * Discards every delivery of the tenant that meets a filter, {@link #MAX_PER_CALL} per transaction
   * (one audit event each). Deliveries that come to meet the filter while it runs may be left for the
   * next call. {@code DeliveryFilter.discarded()} selects nothing to discard.
   *
   * @param tenant the tenant
   * @param actor who does it (recorded)
   * @param filter which deliveries, e.g. {@code DeliveryFilter.pendingLongerThan(Duration.ofHours(1))}
   * @return how many were discarded
   * @throws InvalidInputException naming the missing argument
   */
  public long discardAll(TenantId tenant, Actor actor, DeliveryFilter filter) {
    return changeAll(tenant, actor, filter, this::discard);
  }

  private long changeAll(TenantId tenant, Actor actor, DeliveryFilter filter, Change step) {
    Require.present(tenant, "tenant");
    Require.present(actor, "actor");
    Require.present(filter, "filter");
    Set<DeliveryId> handled = new HashSet<>();
    long changed = 0;
    int offset = 0;
    while (true) {
      Page<Delivery> page = list(tenant, filter, new PageRequest(offset, MAX_PER_CALL));
      if (page.items().isEmpty()) {
        return changed;
      }
      List<DeliveryId> fresh = page.items().stream().map(Delivery::id).filter(id -> !handled.contains(id)).toList();
      List<Delivery> done = fresh.isEmpty() ? List.of() : step.apply(tenant, actor, fresh);
      handled.addAll(fresh);
      changed += done.size();
      // What a step changed mostly leaves the filter; what stays (could not be changed, or still
      // meets it) is skipped by the offset and, if listed again, by the ids handled.
      Instant now = clock.instant();
      offset += page.items().size() - (int) done.stream().filter(d -> !filter.matches(d, now)).count();
    }
  }

  /** One step of a bulk change. */
  @FunctionalInterface
  private interface Change {
    List<Delivery> apply(TenantId tenant, Actor actor, Collection<DeliveryId> ids);
  }

  private List<Delivery> change(TenantId tenant, Actor actor, Collection<DeliveryId> ids,
      ChangeOperation operation, AuditEventType type, String verb) {
    Require.present(tenant, "tenant");
    Require.present(actor, "actor");
    Require.present(ids, "ids");
    Set<DeliveryId> unique = new LinkedHashSet<>(ids);
    if (unique.contains(null)) {
      throw InvalidInputException.of("ids", "must not contain a missing id");
    }
    if (unique.size() > MAX_PER_CALL) {
      throw InvalidInputException.of("ids", "names " + unique.size() + " deliveries; at most " + MAX_PER_CALL
          + " at a time (to change all that meet a filter, use resubmitAll or discardAll)");
    }
    if (unique.isEmpty()) {
      return List.of();
    }
    return tx.inTransaction(() -> {
      List<Delivery> changed = operation.apply(tenant, unique, clock.instant());
      if (!changed.isEmpty()) {
        events.record(tenant, type, actor, customerOf(changed), sims(changed), summary(verb, changed));
      }
      return changed;
    });
  }

  /** A port call that changes deliveries. */
  @FunctionalInterface
  private interface ChangeOperation {
    List<Delivery> apply(TenantId tenant, Collection<DeliveryId> ids, Instant now);
  }

  private static CustomerId customerOf(List<Delivery> changed) {
    Set<CustomerId> customers = changed.stream().map(Delivery::customerId).collect(Collectors.toSet());
    return customers.size() == 1 ? customers.iterator().next() : null;
  }

  private static List<Iccid> sims(List<Delivery> changed) {
    return changed.stream().filter(d -> d.alert() != null).map(d -> d.alert().iccid()).distinct().toList();
  }

  private static String summary(String verb, List<Delivery> changed) {
    String ids = changed.stream().limit(IDS_IN_SUMMARY).map(d -> d.id().toString())
        .collect(Collectors.joining(", "));
    String more = changed.size() > IDS_IN_SUMMARY ? " and " + (changed.size() - IDS_IN_SUMMARY) + " more" : "";
    return verb + " " + changed.size() + (changed.size() == 1 ? " delivery: " : " deliveries: ") + ids + more;
  }
}
