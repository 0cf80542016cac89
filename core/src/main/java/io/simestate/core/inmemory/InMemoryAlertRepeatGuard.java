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
  private final InMemoryTransactions tx;

  InMemoryAlertRepeatGuard(InMemoryTransactions tx) {
    this.tx = tx;
  }

  @Override
  public boolean firstWithin(TenantId tenant, String key, Instant at, Duration window) {
    boolean[] through = {false};
    Instant[] before = {null};
    String fullKey = tenant + "|" + key;
    lastThrough.compute(fullKey, (k, last) -> {
      before[0] = last;
      if (last == null || !at.isBefore(last.plus(window))) {
        through[0] = true;
        return at;
      }
      return last;
    });
    if (through[0]) {
      tx.onRollback(() -> {
        if (before[0] == null) {
          lastThrough.remove(fullKey, at);
        } else {
          lastThrough.replace(fullKey, at, before[0]);
        }
      });
    }
    return through[0];
  }
}
