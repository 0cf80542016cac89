package io.simestate.core.estate;

import io.simestate.core.Actor;
import io.simestate.core.TenantId;
import io.simestate.core.audit.AuditEvent;
import io.simestate.core.audit.AuditEventType;
import io.simestate.core.audit.EventPublisher;
import io.simestate.core.customer.CustomerId;
import io.simestate.core.sim.Iccid;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stamps and publishes the events of the administrative record to the library's audit trail and
 * the host's publisher, for the use cases of this package.
 */
final class EventRecorder {

  private static final Logger LOG = LoggerFactory.getLogger(EventRecorder.class);

  private final List<EventPublisher> publishers;
  private final EventPublisher trail;
  private final List<EventPublisher> hosts;
  private final Clock clock;

  /**
   * Creates a recorder.
   *
   * @param trail the library's audit trail, written in the change's transaction
   * @param hosts the host's publishers, in order
   * @param clock the clock that stamps events
   */
  EventRecorder(EventPublisher trail, List<EventPublisher> hosts, Clock clock) {
    this.trail = trail;
    this.hosts = List.copyOf(hosts);
    List<EventPublisher> all = new ArrayList<>(hosts.size() + 1);
    all.add(trail);
    all.addAll(hosts);
    this.publishers = List.copyOf(all);
    this.clock = clock;
  }

  /**
   * Publishes an event about a customer to the audit trail and the host's publishers, within the
   * caller's transaction.
   *
   * @param tenant the tenant
   * @param type what happened
   * @param actor who did it
   * @param customer the customer, or null
   * @param sims the SIMs concerned, or an empty collection
   * @param summary the description for people
   */
  void record(TenantId tenant, AuditEventType type, Actor actor, CustomerId customer,
      Collection<Iccid> sims, String summary) {
    AuditEvent event = event(tenant, type, actor, customer, sims, summary);
    for (EventPublisher p : publishers) {
      p.publish(event);
    }
  }

  /**
   * Writes an event to the library's audit trail only, within the caller's transaction; the caller
   * hands it to {@link #publishToHosts} once that transaction has committed.
   *
   * @param tenant the tenant
   * @param type what happened
   * @param actor who did it
   * @param customer the customer, or null
   * @param sims the SIMs concerned, or an empty collection
   * @param summary the description for people
   * @return the event
   */
  AuditEvent recordInTrail(TenantId tenant, AuditEventType type, Actor actor, CustomerId customer,
      Collection<Iccid> sims, String summary) {
    AuditEvent event = event(tenant, type, actor, customer, sims, summary);
    trail.publish(event);
    return event;
  }

  /**
   * Hands an event the audit trail has recorded to each of the host's publishers within the caller's
   * transaction, as {@link #record} does: what a publisher throws undoes the change.
   *
   * @param event the event
   */
  void publishToHostsWithin(AuditEvent event) {
    for (EventPublisher p : hosts) {
      p.publish(event);
    }
  }

  /**
   * Hands an already recorded event to each of the host's publishers. Whatever one throws is logged
   * and goes no further: the record stands and the other publishers still get the event.
   *
   * @param event the event
   * @return how many publishers failed
   */
  int publishToHosts(AuditEvent event) {
    int failed = 0;
    for (EventPublisher p : hosts) {
      try {
        p.publish(event);
      } catch (VirtualMachineError e) {
        throw e;
      } catch (Throwable e) {
        failed++;
        LOG.warn("The host's event publisher {} failed on {} event {}; the record stands", p.getClass().getName(),
            event.type(), event.id(), e);
      }
    }
    return failed;
  }

  /**
   * Stamps an event without writing it anywhere: for a caller that has it written together with its
   * change (the dispatcher's {@code SentRecorder}) and hands it to {@link #publishToHosts} once that
   * transaction has committed.
   *
   * @param tenant the tenant
   * @param type what happened
   * @param actor who did it
   * @param customer the customer, or null
   * @param sims the SIMs concerned, or an empty collection
   * @param summary the description for people
   * @return the event
   */
  AuditEvent event(TenantId tenant, AuditEventType type, Actor actor, CustomerId customer,
      Collection<Iccid> sims, String summary) {
    return new AuditEvent(io.simestate.core.internal.FastUuid.next(), tenant, type, actor, clock.instant(), customer,
        sims, summary);
  }
}
