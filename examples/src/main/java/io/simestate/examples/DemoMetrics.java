package io.simestate.examples;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.search.Search;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.simestate.micrometer.SimEstateMetrics;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The demo's metrics: {@code simestate-micrometer} on a {@link SimpleMeterRegistry}, the registry a
 * portal would replace by its Prometheus or OTLP one, read back for the summary.
 */
final class DemoMetrics {

  final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  /** Read on every scrape: the demo's summary wants the outbox as it is at that moment. */
  final SimEstateMetrics metrics = SimEstateMetrics.builder(registry).outboxRefresh(Duration.ZERO).build();

  /** The sum of a counter over all its tags. */
  long total(String name) {
    return (long) Search.in(registry).name(name).counters().stream().mapToDouble(Counter::count).sum();
  }

  /** A counter's sums per value of one tag, in the order first seen. */
  Map<String, Long> byTag(String name, String tag) {
    Map<String, Long> sums = new LinkedHashMap<>();
    for (Counter c : Search.in(registry).name(name).counters()) {
      sums.merge(c.getId().getTag(tag), (long) c.count(), Long::sum);
    }
    return sums;
  }

  /** The sum of a counter over the tags given as name, value pairs. */
  long count(String name, String... tags) {
    return (long) Search.in(registry).name(name).tags(tags).counters().stream().mapToDouble(Counter::count).sum();
  }

  /** A gauge's value, as a whole number. */
  long gauge(String name, String... tags) {
    return (long) registry.get(name).tags(tags).gauge().value();
  }

  /** The oldest pending delivery's age in seconds. */
  double oldestPendingSeconds() {
    return registry.get(SimEstateMetrics.OLDEST_PENDING_AGE).timeGauge().value(TimeUnit.SECONDS);
  }

  /** The completed dispatch runs' timer. */
  Timer completedRuns() {
    return registry.get(SimEstateMetrics.DISPATCH_RUNS).tags("outcome", "completed").timer();
  }

  /** How many dispatch runs failed. */
  long failedRuns() {
    return Search.in(registry).name(SimEstateMetrics.DISPATCH_RUNS).tag("outcome", "failed").timers().stream()
        .mapToLong(Timer::count).sum();
  }
}
