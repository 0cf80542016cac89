package io.simestate.reliability;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Expected deliveries (recipient|ICCID) against what the SMTP server received.
 *
 * @param expected deliveries the outbox holds
 * @param received messages the server holds
 * @param lost expected deliveries never received
 * @param doubled messages received beyond the first for one delivery
 * @param unexpected messages for no expected delivery (misrouted)
 * @param duplicatesWithOtherMessageId duplicated deliveries whose copies do not share one Message-ID
 * @param sample a few lost, doubled or unexpected keys, for the failure message
 */
record Tally(long expected, long received, long lost, long doubled, long unexpected,
    long duplicatesWithOtherMessageId, List<String> sample) {

  /** Compares expected keys (a key may be expected more than once) with the received messages. */
  static Tally of(Collection<String> expectedKeys, List<MailServer.Received> messages) {
    Map<String, Integer> expected = new HashMap<>();
    expectedKeys.forEach(k -> expected.merge(k, 1, Integer::sum));
    Map<String, Integer> counts = new HashMap<>();
    Map<String, Set<String>> ids = new HashMap<>();
    for (MailServer.Received r : messages) {
      counts.merge(r.key(), 1, Integer::sum);
      ids.computeIfAbsent(r.key(), k -> new HashSet<>()).add(r.messageId());
    }
    TreeSet<String> sample = new TreeSet<>();
    long lost = 0;
    for (Map.Entry<String, Integer> e : expected.entrySet()) {
      int got = counts.getOrDefault(e.getKey(), 0);
      if (got < e.getValue()) {
        lost += e.getValue() - got;
        sample.add("lost " + e.getKey());
      }
    }
    long doubled = 0;
    long unexpected = 0;
    long otherIds = 0;
    for (Map.Entry<String, Integer> e : counts.entrySet()) {
      int want = expected.getOrDefault(e.getKey(), 0);
      if (want == 0) {
        unexpected += e.getValue();
        sample.add("unexpected " + e.getKey());
      } else if (e.getValue() > want) {
        doubled += e.getValue() - want;
        sample.add("doubled x" + e.getValue() + " " + e.getKey());
        if (ids.get(e.getKey()).size() != want) {
          otherIds++;
        }
      }
    }
    long total = expected.values().stream().mapToLong(Integer::longValue).sum();
    return new Tally(total, messages.size(), lost, doubled, unexpected, otherIds,
        sample.stream().limit(10).toList());
  }
}
