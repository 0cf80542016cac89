package io.simestate.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Figures that JMH does not measure itself (statements per alert, heap after a bulk operation),
 * appended as {@code key=value} lines to the file named by the environment variable
 * {@code SIMESTATE_BENCH_EXTRA} (default {@code target/jmh/extra.properties}), which forked JVMs
 * inherit; {@code run.sh} reads it into the README.
 */
final class SideResults {

  private SideResults() {}

  static synchronized void record(String key, Object value) {
    String file = System.getenv().getOrDefault("SIMESTATE_BENCH_EXTRA", "target/jmh/extra.properties");
    Path path = Path.of(file);
    try {
      if (path.getParent() != null) {
        Files.createDirectories(path.getParent());
      }
      Files.writeString(path, key + "=" + value + System.lineSeparator(), StandardCharsets.UTF_8,
          StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Used heap in bytes after full collections, so that only live objects count. */
  static long usedHeapAfterGc() {
    for (int i = 0; i < 3; i++) {
      System.gc();
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }
}
