package io.simestate.core.alert;

import io.simestate.core.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Port: the alert de-duplication of F13, per recipient. It remembers, per tenant, {@link RepeatKey}
 * (SIM, kind and usage period) and recipient ({@link Recipient#key()}), when the recipient was last
 * told, so that a repeat never reaches anyone twice while everyone not told yet is: the contacts of
 * a SIM's new customer after a move, a contact added or switched on since, a new catch-all
 * recipient. The contract is {@code AlertRepeatGuardContract} in core's test-jar.
 */
public interface AlertRepeatGuard {

  /**
   * Of the recipients of one alert, lets through those not told about the same key within
   * {@code window} before {@code at}, and remembers {@code at} for each of them. Of concurrent calls
   * for one (key, recipient), at most one lets that recipient through. One call for all recipients
   * of an alert: an adapter answers it in a fixed number of statements, not one per recipient.
   * Within a transaction, what it remembers is undone with the transaction.
   *
   * @param tenant the tenant
   * @param key the repeat key
   * @param recipients the recipients routing chose, without two of the same {@link Recipient#key()}
   * @param at when the alert was raised
   * @param window how long a repeat is suppressed
   * @return the recipients let through, in the order given; never null
   */
  List<Recipient> firstWithin(TenantId tenant, RepeatKey key, List<Recipient> recipients, Instant at,
      Duration window);
}
