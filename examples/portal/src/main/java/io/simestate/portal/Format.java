package io.simestate.portal;

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
}
