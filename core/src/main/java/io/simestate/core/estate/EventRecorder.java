package io.simestate.core.estate;

import io.simestate.core.Actor;
import io.simestate.core.TenantId;
import io.simestate.core.audit.AuditEvent;
import io.simestate.core.audit.AuditEventType;
import io.simestate.core.audit.EventPublisher;
import io.simestate.core.customer.CustomerId;
import io.simestate.core.sim.Iccid;
import java.time.Clock;
import java.util.Collection;
import java.util.List;

/**
 * Stamps and publishes the events of the administrative record to the library's audit trail and
 * the host's publisher, for the use cases of this package.
 */
final class EventRecorder {

  private final List<EventPublisher> publishers;
  private final Clock clock;

  /**
   * Creates a recorder.
   *
   * @param publishers where events go, in order (the audit trail first)
   * @param clock the clock that stamps events
   */
  EventRecorder(List<EventPublisher> publishers, Clock clock) {
    this.publishers = List.copyOf(publishers);
    this.clock = clock;
  }

  /**
   * Publishes an event about a customer.
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
    AuditEvent event = new AuditEvent(io.simestate.core.internal.FastUuid.next(), tenant, type, actor, clock.instant(), customer, sims, summary);
    for (EventPublisher p : publishers) {
      p.publish(event);
    }
  }
}
