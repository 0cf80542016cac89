/**
 * The administrative record (F11): events naming who changed what and when, the publisher port a
 * host can listen on, and the audit trail port, read back per customer and per SIM.
 */
package io.simestate.core.audit;
