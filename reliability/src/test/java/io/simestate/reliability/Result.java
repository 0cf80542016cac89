package io.simestate.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One scenario's measured figures, printed as one machine-readable line
 * ({@code RELIABILITY scenario=... expected=... received=... lost=... doubled=... violations=...}) and
 * appended to {@code target/reliability-results.txt}, from which {@code reliability/report.sh} writes
 * RELIABILITY.md. Values never contain spaces (they are replaced by underscores).
 */
final class Result {

  private final Map<String, String> fields = new LinkedHashMap<>();
  private final long started = System.nanoTime();

  Result(String scenario) {
    fields.put("scenario", scenario);
  }

  Result put(String key, Object value) {
    fields.put(key, String.valueOf(value).replaceAll("\\s+", "_"));
    return this;
  }

  Result tally(Tally t) {
    return put("expected", t.expected()).put("received", t.received()).put("lost", t.lost())
        .put("doubled", t.doubled()).put("unexpected", t.unexpected());
  }

  /** Prints and records the line; call it before the assertions so that a failure is recorded too. */
  void emit() {
    fields.put("duration_s", String.format(java.util.Locale.ROOT, "%.1f", (System.nanoTime() - started) / 1e9));
    String line = "RELIABILITY " + fields.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
        .collect(Collectors.joining(" "));
    System.out.println(line);
    String file = System.getProperty("reliability.results");
    if (file != null) {
      try {
        Path path = Path.of(file);
        Files.createDirectories(path.getParent());
        Files.writeString(path, line + System.lineSeparator(), StandardCharsets.UTF_8,
            StandardOpenOption.CREATE, StandardOpenOption.APPEND);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
