package io.simestate.examples;

import java.nio.file.Path;
import java.util.List;

/**
 * The numbers a demo run ended with, as its summary printed them, and the checks that failed.
 *
 * <p>The alert, skip and delivery figures are the library's own records: the decision log read back
 * per alert id, and the outbox's counts by status.
 *
 * @param alertsReplayed alerts handed to routing
 * @param routedToContacts alerts routed to customer contacts
 * @param routedToCatchAll alerts of SIMs without customer, routed to catch-all recipients
 * @param noEligibleContact alerts whose customer had no contact that qualified
 * @param reachedNobody alerts of SIMs without customer in a tenant without catch-all recipients
 * @param repeatsSuppressed repeats within a usage period, suppressed
 * @param duplicateIds alerts re-sent with an id already routed, ignored
 * @param deliveriesRecorded alert deliveries recorded by routing
 * @param noticesRecorded subscription notices recorded when contacts' alerts were switched on
 * @param deliveriesSent deliveries the SMTP server accepted
 * @param deliveriesFailed deliveries given up
 * @param deliveriesPending deliveries still pending or in flight after the final catch-up
 * @param skipped contacts skipped by routing, over all reasons
 * @param retries deliveries scheduled for another attempt after a transient failure
 * @param messagesAccepted messages the SMTP server accepted (a digest is one)
 * @param digests digest messages accepted
 * @param emailsReceived messages the in-process server holds at the end; 0 with a real relay
 * @param emlFiles {@code .eml} files written
 * @param simsAssigned SIMs assigned by list, range and CSV
 * @param csvRejected CSV lines rejected
 * @param simsUnassignedByDelete SIMs that lost their designation when a customer was deleted
 * @param auditEvents events written to the audit trail CSV
 * @param outputFolder where the run wrote its files
 * @param failedChecks the consistency checks that failed; empty when the run is sound
 */
public record DemoResult(
    long alertsReplayed,
    long routedToContacts,
    long routedToCatchAll,
    long noEligibleContact,
    long reachedNobody,
    long repeatsSuppressed,
    long duplicateIds,
    long deliveriesRecorded,
    long noticesRecorded,
    long deliveriesSent,
    long deliveriesFailed,
    long deliveriesPending,
    long skipped,
    long retries,
    long messagesAccepted,
    long digests,
    long emailsReceived,
    long emlFiles,
    long simsAssigned,
    long csvRejected,
    long simsUnassignedByDelete,
    long auditEvents,
    Path outputFolder,
    List<String> failedChecks) {

  /** Copies the list. */
  public DemoResult {
    failedChecks = List.copyOf(failedChecks);
  }

  /**
   * The process exit status: 0 when every check passed, 1 otherwise.
   *
   * @return the status
   */
  public int exitStatus() {
    return failedChecks.isEmpty() ? 0 : 1;
  }
}
