package io.simestate.core.audit;

import io.simestate.core.Actor;
import io.simestate.core.TenantId;
import io.simestate.core.customer.CustomerId;
import io.simestate.core.internal.Require;
import io.simestate.core.sim.Iccid;
import io.simestate.core.sim.IccidRange;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

/**
 * One entry of the administrative record (F11): what happened, to which customer and SIMs, who did
 * it and when.
 *
 * @param id the event's id
 * @param tenantId the tenant
 * @param type what happened
 * @param actor who did it
 * @param at when
 * @param customerId the customer concerned, or null
 * @param sims the SIMs concerned, possibly empty; may be a lazy {@link IccidRange}
 *     so that a million SIMs cost two numbers; read-only
 * @param summary a one-line description for people (it may name customers and contacts; it is for
 *     the audit trail, never for logs)
 */
public record AuditEvent(
    UUID id, TenantId tenantId, AuditEventType type, Actor actor, Instant at, CustomerId customerId,
    Collection<Iccid> sims, String summary) {

  /**
   * Checks presence; keeps {@code sims} as given, read-only.
   *
   * @param id the event's id
   * @param tenantId the tenant
   * @param type what happened
   * @param actor who did it
   * @param at when
   * @param customerId the customer concerned, or null
   * @param sims the SIMs concerned, possibly empty; may be a lazy {@link IccidRange}
   *     so that a million SIMs cost two numbers; read-only
   * @param summary a one-line description for people (it may name customers and contacts; it is for
   *     the audit trail, never for logs)
   */
  public AuditEvent {
    Require.present(id, "id");
    Require.present(tenantId, "tenantId");
    Require.present(type, "type");
    Require.present(actor, "actor");
    Require.present(at, "at");
    // A range is immutable already; kept as it is so that adapters can store it as its two ends.
    sims = sims == null || sims.isEmpty() ? List.of()
        : sims instanceof IccidRange ? sims : Collections.unmodifiableCollection(sims);
    summary = summary == null ? "" : summary;
  }

  /**
   * Whether this event concerns a SIM.
   *
   * @param sim the SIM
   * @return true if the SIM is among {@link #sims()}
   */
  public boolean concerns(Iccid sim) {
    return sims.contains(sim);
  }
}
