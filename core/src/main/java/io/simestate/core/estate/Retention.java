package io.simestate.core.estate;

import io.simestate.core.InvalidInputException;
import io.simestate.core.alert.DeliveryStatus;
import io.simestate.core.internal.Require;
import io.simestate.core.persistence.RetentionStore;
import java.time.Clock;
import java.time.Instant;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Retention (F19): removes, across all tenants, what a {@link RetentionPolicy} no longer keeps, a
 * page at a time, each page in a short transaction of its own, so that dispatchers and use cases on
 * this and other instances go on meanwhile. Pending and in-flight deliveries are never removed; a
 * delivery resubmitted while the purge runs stays. A host runs it on its schedule (e.g. nightly),
 * outside any transaction of its own.
 *
 * <p>Obtain it from {@code SimEstate.retention()}. Thread-safe; two purges at once do no harm
 * (each removes what the other has not).
 */
public final class Retention {

  /** How many rows one page (one transaction) removes at most. */
  public static final int PAGE = 500;

  private static final Logger LOG = LoggerFactory.getLogger(Retention.class);

  private final RetentionStore store;
  private final Clock clock;

  Retention(RetentionStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /**
   * Removes what the policy no longer keeps, as of now.
   *
   * @param policy what to keep, e.g. {@code RetentionPolicy.defaults()}
   * @return what was removed
   * @throws InvalidInputException naming {@code policy} if it is missing
   */
  public PurgeReport purge(RetentionPolicy policy) {
    Require.present(policy, "policy");
    Instant now = clock.instant();
    long sent = drain(() -> store.purgeDeliveries(DeliveryStatus.SENT, now.minus(policy.sentDeliveries()), PAGE));
    Instant failedBefore = now.minus(policy.failedDeliveries());
    long failed = drain(() -> store.purgeDeliveries(DeliveryStatus.FAILED, failedBefore, PAGE));
    long discarded = drain(() -> store.purgeDeliveries(DeliveryStatus.DISCARDED, failedBefore, PAGE));
    long decisions = drain(() -> store.purgeDecisions(now.minus(policy.decisions()), PAGE));
    long told = drain(() -> store.purgeRepeatGuard(now.minus(policy.repeatGuard()), PAGE));
    long audit = policy.auditEvents().map(keep -> drain(() -> store.purgeAuditEvents(now.minus(keep), PAGE)))
        .orElse(0L);
    PurgeReport report = new PurgeReport(sent, failed, discarded, decisions, told, audit);
    LOG.info("Retention purge removed {} sent, {} failed, {} discarded deliveries, {} decisions, "
        + "{} de-duplication entries, {} audit events", sent, failed, discarded, decisions, told, audit);
    return report;
  }

  /** Calls a page until one removes less than a full page. */
  private static long drain(IntSupplier page) {
    long total = 0;
    int removed;
    do {
      removed = page.getAsInt();
      total += removed;
    } while (removed >= PAGE);
    return total;
  }
}
