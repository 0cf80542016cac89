package io.simestate.core.inmemory;

import io.simestate.core.TenantId;
import io.simestate.core.alert.AlertRepeatGuard;
import io.simestate.core.alert.Recipient;
import io.simestate.core.alert.RepeatKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** When each recipient was last told about each repeat key, per tenant; updated atomically per entry. */
final class InMemoryAlertRepeatGuard implements AlertRepeatGuard {

  /** One remembered entry: a recipient told about a repeat key of a tenant. */
  private record Told(TenantId tenant, RepeatKey key, String recipient) {}

  private final Map<Told, Instant> lastTold = new ConcurrentHashMap<>();
  private final InMemoryTransactions tx;

  InMemoryAlertRepeatGuard(InMemoryTransactions tx) {
    this.tx = tx;
  }

  @Override
  public List<Recipient> firstWithin(TenantId tenant, RepeatKey key, List<Recipient> recipients, Instant at,
      Duration window) {
    List<Recipient> through = new ArrayList<>(recipients.size());
    for (Recipient recipient : recipients) {
      Told told = new Told(tenant, key, recipient.key());
      Instant[] before = {null};
      boolean[] first = {false};
      lastTold.compute(told, (k, last) -> {
        before[0] = last;
        if (last == null || !at.isBefore(last.plus(window))) {
          first[0] = true;
          return at;
        }
        return last;
      });
      if (first[0]) {
        through.add(recipient);
        tx.onRollback(() -> {
          if (before[0] == null) {
            lastTold.remove(told, at);
          } else {
            lastTold.replace(told, at, before[0]);
          }
        });
      }
    }
    return through;
  }

  /** Removes up to {@code max} entries last told before {@code before} (F19). */
  int purge(Instant before, int max) {
    int removed = 0;
    for (var it = lastTold.entrySet().iterator(); it.hasNext() && removed < max; ) {
      var e = it.next();
      if (e.getValue().isBefore(before) && lastTold.remove(e.getKey(), e.getValue())) {
        removed++;
      }
    }
    return removed;
  }
}
