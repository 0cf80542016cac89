package io.simestate.examples;

import java.util.Locale;

/**
 * The one way the demo writes numbers and durations for people: counts with thousands separators
 * ({@code 200,000}), seconds with one decimal ({@code 21.7 s}), rates per second and time left. Always
 * in English notation, whatever the machine's default locale, so that the output reads the same
 * everywhere and a test can check it.
 */
final class Figures {

  private static final Locale NOTATION = Locale.ENGLISH;

  private Figures() {}

  /** A count with thousands separators: {@code 1,234,567}. */
  static String count(long n) {
    return String.format(NOTATION, "%,d", n);
  }

  /** A count right-aligned in a column of the given width. */
  static String count(long n, int width) {
    return String.format(NOTATION, "%," + width + "d", n);
  }

  /** Seconds with one decimal: {@code 21.7 s}. */
  static String seconds(double seconds) {
    return String.format(NOTATION, "%,.1f s", seconds);
  }

  /** A rate per second, rounded: {@code 6,655/s}. */
  static String rate(long n, double seconds) {
    return count(Math.round(n / Math.max(seconds, 1e-9))) + "/s";
  }

  /** A share in whole percent: {@code 62%}. */
  static String percent(long part, long whole) {
    return whole <= 0 ? "" : String.format(NOTATION, "%d%%", Math.min(100, part * 100 / whole));
  }

  /**
   * A rough duration for an estimate: {@code 8 s}, {@code 45 s}, {@code 2 min 10 s}, {@code 1 h 5 min}.
   * Rounded to what an estimate can promise.
   */
  static String roughly(double seconds) {
    long s = Math.max(1, Math.round(seconds));
    if (s < 60) {
      return s + " s";
    }
    if (s < 3600) {
      long tens = Math.round(s / 10.0) * 10;
      return tens / 60 + " min" + (tens % 60 == 0 ? "" : " " + tens % 60 + " s");
    }
    long minutes = Math.round(s / 60.0);
    return minutes / 60 + " h" + (minutes % 60 == 0 ? "" : " " + minutes % 60 + " min");
  }
}
