package io.simestate.core.inmemory;

import io.simestate.core.TenantId;
import io.simestate.core.alert.AlertRepeatGuard;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The last time each repeat key got through, per tenant; updated atomically per key. */
final class InMemoryAlertRepeatGuard implements AlertRepeatGuard {

  private final Map<String, Instant> lastThrough = new ConcurrentHashMap<>();

  @Override
  public boolean firstWithin(TenantId tenant, String key, Instant at, Duration window) {
    boolean[] through = {false};
    lastThrough.compute(tenant + "|" + key, (k, last) -> {
      if (last == null || !at.isBefore(last.plus(window))) {
        through[0] = true;
        return at;
      }
      return last;
    });
    return through[0];
  }
}
