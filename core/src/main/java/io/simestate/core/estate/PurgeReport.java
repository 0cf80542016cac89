package io.simestate.core.estate;

/**
 * What one {@link Retention#purge} removed (F19).
 *
 * @param sentDeliveries sent deliveries
 * @param failedDeliveries failed deliveries
 * @param discardedDeliveries discarded deliveries
 * @param decisions routing decisions, with their entries
 * @param repeatGuardEntries de-duplication entries
 * @param auditEvents audit events, with their SIM lists
 */
public record PurgeReport(long sentDeliveries, long failedDeliveries, long discardedDeliveries, long decisions,
    long repeatGuardEntries, long auditEvents) {

  /**
   * Everything removed.
   *
   * @return the sum of every count
   */
  public long total() {
    return sentDeliveries + failedDeliveries + discardedDeliveries + decisions + repeatGuardEntries + auditEvents;
  }
}
