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

  /** One remembered entry: a recipient ({@link RecipientIdentity}) told about a repeat key of a tenant. */
  private record Told(TenantId tenant, RepeatKey key, Object recipient) {}

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
      Told told = new Told(tenant, key, RecipientIdentity.of(recipient));
      // Atomic per entry, for calls outside a transaction too: read, then a conditional write.
      Instant last;
      boolean first;
      while (true) {
        last = lastTold.get(told);
        if (last != null && at.isBefore(last.plus(window))) {
          first = false;
          break;
        }
        if (last == null ? lastTold.putIfAbsent(told, at) == null : lastTold.replace(told, last, at)) {
          first = true;
          break;
        }
      }
      if (first) {
        through.add(recipient);
        Instant before = last;
        tx.onRollback(() -> {
          if (before == null) {
            lastTold.remove(told, at);
          } else {
            lastTold.replace(told, at, before);
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
