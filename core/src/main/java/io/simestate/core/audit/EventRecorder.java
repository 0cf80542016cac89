package io.simestate.core.audit;

import io.simestate.core.Actor;
import io.simestate.core.TenantId;
import io.simestate.core.customer.CustomerId;
import io.simestate.core.sim.Iccid;
import java.time.Clock;
import java.util.Collection;
import java.util.List;

/**
 * Stamps and publishes the events of the administrative record to the library's audit trail and
 * the host's publisher. Used by the use cases; a host rarely needs it.
 */
public final class EventRecorder {

  private final List<EventPublisher> publishers;
  private final Clock clock;

  /**
   * Creates a recorder.
   *
   * @param publishers where events go, in order (the audit trail first)
   * @param clock the clock that stamps events
   */
  public EventRecorder(List<EventPublisher> publishers, Clock clock) {
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
  public void record(TenantId tenant, AuditEventType type, Actor actor, CustomerId customer,
      Collection<Iccid> sims, String summary) {
    AuditEvent event = new AuditEvent(io.simestate.core.internal.FastUuid.next(), tenant, type, actor, clock.instant(), customer, sims, summary);
    for (EventPublisher p : publishers) {
      p.publish(event);
    }
  }
}
