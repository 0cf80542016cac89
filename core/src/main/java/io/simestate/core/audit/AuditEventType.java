package io.simestate.core.audit;

/** The kinds of change and delivery the administrative record holds (F11). */
public enum AuditEventType {
  /** A customer was created. */
  CUSTOMER_CREATED,
  /** A customer's details were edited. */
  CUSTOMER_UPDATED,
  /** A customer was deleted (its SIMs lost their designation). */
  CUSTOMER_DELETED,
  /** A contact was added. */
  CONTACT_ADDED,
  /** A contact was edited (including its alert settings). */
  CONTACT_UPDATED,
  /** A contact was removed. */
  CONTACT_REMOVED,
  /** SIMs were assigned to (or moved to) a customer. */
  SIMS_ASSIGNED,
  /** SIMs lost their customer. */
  SIMS_UNASSIGNED,
  /** An alert was routed. */
  ALERT_ROUTED,
  /** A delivery was accepted by the mail server. */
  DELIVERY_SENT,
  /** A delivery was given up. */
  DELIVERY_FAILED,
  /** An operator resubmitted failed or stuck deliveries (F18). */
  DELIVERIES_RESUBMITTED,
  /** An operator discarded failed or stuck deliveries (F18). */
  DELIVERIES_DISCARDED,
  /** A tenant's stored settings were changed or removed (F17). */
  TENANT_SETTINGS_CHANGED
}
