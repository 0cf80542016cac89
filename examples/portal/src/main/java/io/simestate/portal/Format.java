package io.simestate.portal;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** How the pages show times. */
public final class Format {

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
      .withZone(ZoneOffset.UTC);

  private Format() {}

  /**
   * A time for people.
   *
   * @param at the time
   * @return e.g. 2026-11-30 06:40:12 UTC
   */
  public static String time(Instant at) {
    return at == null ? "" : TIME.format(at);
  }

  /**
   * A duration for people.
   *
   * @param d the duration
   * @return e.g. 15 minutes
   */
  public static String duration(Duration d) {
    if (d.toSeconds() % 3600 == 0 && d.toHours() > 0) {
      return unit(d.toHours(), "hour");
    }
    if (d.toSeconds() % 60 == 0 && d.toMinutes() > 0) {
      return unit(d.toMinutes(), "minute");
    }
    return unit(d.toSeconds(), "second");
  }

  private static String unit(long n, String unit) {
    return n + " " + unit + (n == 1 ? "" : "s");
  }
}
