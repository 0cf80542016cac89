package io.simestate.core.alert;

import io.simestate.core.TenantId;
import java.time.Duration;
import java.time.Instant;

/**
 * Port: the alert de-duplication of F13. It remembers, per tenant and repeat key (SIM, kind and
 * usage period or window), when an alert last got through. The contract is
 * {@code AlertRepeatGuardContract} in core's test-jar.
 */
public interface AlertRepeatGuard {

  /**
   * Lets an alert through if no alert with the same key got through within {@code window} before
   * {@code at}; if it lets it through, it remembers {@code at} for the key. Of concurrent calls for
   * one key, at most one is let through.
   *
   * @param tenant the tenant
   * @param key the repeat key, at most 300 characters
   * @param at when the alert was raised
   * @param window how long a repeat is suppressed
   * @return true if the alert is the first within the window
   */
  boolean firstWithin(TenantId tenant, String key, Instant at, Duration window);
}
