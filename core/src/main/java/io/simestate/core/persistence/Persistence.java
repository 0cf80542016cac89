package io.simestate.core.persistence;

import io.simestate.core.Transactions;
import io.simestate.core.alert.AlertDecisionLog;
import io.simestate.core.alert.AlertRepeatGuard;
import io.simestate.core.alert.DeliveryOperations;
import io.simestate.core.alert.DeliveryOutbox;
import io.simestate.core.alert.TenantSettingsStore;
import io.simestate.core.alert.RecipientDirectory;
import io.simestate.core.alert.RoutingRecorder;
import io.simestate.core.alert.SentRecorder;
import io.simestate.core.audit.AuditTrail;
import io.simestate.core.customer.CustomerStore;
import io.simestate.core.estate.SimEstate;
import io.simestate.core.sim.SimAssignmentStore;

/**
 * The persistence ports of one adapter, handed to {@link SimEstate.Builder#persistence} in one
 * piece: the in-memory adapter ({@code InMemoryPersistence}) and the JPA adapter each implement it.
 * All stores of one instance share the same {@link #transactions()}.
 */
public interface Persistence {

  /**
   * The customer store.
   *
   * @return never null
   */
  CustomerStore customers();

  /**
   * The SIM assignment store.
   *
   * @return never null
   */
  SimAssignmentStore simAssignments();

  /**
   * The routing lookup.
   *
   * @return never null
   */
  RecipientDirectory recipients();

  /**
   * The delivery outbox and record.
   *
   * @return never null
   */
  DeliveryOutbox outbox();

  /**
   * What an operator does with failed and stuck deliveries (F18).
   *
   * @return never null
   */
  DeliveryOperations deliveryOperations();

  /**
   * Removal of what the retention policy no longer keeps (F19).
   *
   * @return never null
   */
  RetentionStore retention();

  /**
   * The routing decision log.
   *
   * @return never null
   */
  AlertDecisionLog decisions();

  /**
   * The alert de-duplication store.
   *
   * @return never null
   */
  AlertRepeatGuard repeatGuard();

  /**
   * The administrative record.
   *
   * @return never null
   */
  AuditTrail auditTrail();

  /**
   * Records the routing of one alert in one step (decision, repeat guard, deliveries, audit event).
   * The default calls {@link #decisions()}, {@link #repeatGuard()}, {@link #outbox()} and
   * {@link #auditTrail()} in turn; an adapter overrides it with fewer statements.
   *
   * @return the recorder; never null
   */
  default RoutingRecorder routingRecorder() {
    return RoutingRecorder.composedOf(decisions(), repeatGuard(), outbox(), auditTrail());
  }

  /**
   * Records that a message was sent in one step (the delivery marked sent, its audit event written):
   * the write the dispatcher makes for every message. The default calls {@link #outbox()} and
   * {@link #auditTrail()} in turn; an adapter overrides it with fewer statements.
   *
   * @return the recorder; never null
   */
  default SentRecorder sentRecorder() {
    return SentRecorder.composedOf(outbox(), auditTrail());
  }

  /**
   * Tenants' settings as data (F17).
   *
   * @return never null
   */
  TenantSettingsStore tenantSettings();

  /**
   * The transaction runner all the stores above take part in.
   *
   * @return never null
   */
  Transactions transactions();
}
