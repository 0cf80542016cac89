package io.simestate.core.customer;

import java.util.Optional;

/**
 * Punycode (RFC 3492), the encoding of a Unicode domain label into the letters, digits and hyphens
 * of its {@code xn--} form. {@link java.net.IDN} has no public access to it, and its own conversion
 * applies the IDNA 2003 mappings first (which turn {@code ß} into {@code ss}), so SIM Estate encodes
 * and decodes labels itself. Labels are at most 63 characters, so the arithmetic stays small; every
 * overflow is still checked, because decoding reads what a user typed.
 */
final class Punycode {

  private static final int BASE = 36;
  private static final int TMIN = 1;
  private static final int TMAX = 26;
  private static final int SKEW = 38;
  private static final int DAMP = 700;
  private static final int INITIAL_BIAS = 72;
  private static final int INITIAL_N = 0x80;

  private Punycode() {}

  /**
   * Encodes a label.
   *
   * @param label the Unicode label, without the {@code xn--} prefix to be added
   * @return the encoded label, lower case, without prefix
   */
  static String encode(String label) {
    int[] input = label.codePoints().toArray();
    StringBuilder out = new StringBuilder();
    for (int cp : input) {
      if (cp < INITIAL_N) {
        out.append((char) cp);
      }
    }
    int basic = out.length();
    int handled = basic;
    if (basic > 0) {
      out.append('-');
    }
    int n = INITIAL_N;
    long delta = 0;
    int bias = INITIAL_BIAS;
    while (handled < input.length) {
      int next = Integer.MAX_VALUE;
      for (int cp : input) {
        if (cp >= n && cp < next) {
          next = cp;
        }
      }
      delta += (long) (next - n) * (handled + 1);
      n = next;
      for (int cp : input) {
        if (cp < n) {
          delta++;
        } else if (cp == n) {
          long q = delta;
          for (int k = BASE; ; k += BASE) {
            int t = threshold(k, bias);
            if (q < t) {
              break;
            }
            out.append(digit((int) (t + (q - t) % (BASE - t))));
            q = (q - t) / (BASE - t);
          }
          out.append(digit((int) q));
          bias = adapt(delta, handled + 1, handled == basic);
          delta = 0;
          handled++;
        }
      }
      delta++;
      n++;
    }
    return out.toString();
  }

  /**
   * Decodes a label.
   *
   * @param encoded the label without its {@code xn--} prefix
   * @return the Unicode label, or empty if {@code encoded} is not valid Punycode
   */
  static Optional<String> decode(String encoded) {
    int delimiter = encoded.lastIndexOf('-');
    // Each decoded code point takes at least one character of the input.
    int[] output = new int[encoded.length()];
    int length = 0;
    for (int j = 0; j < Math.max(delimiter, 0); j++) {
      char c = encoded.charAt(j);
      if (c >= INITIAL_N) {
        return Optional.empty();
      }
      output[length++] = c;
    }
    int n = INITIAL_N;
    long i = 0;
    int bias = INITIAL_BIAS;
    int in = delimiter > 0 ? delimiter + 1 : 0;
    while (in < encoded.length()) {
      long oldI = i;
      long w = 1;
      for (int k = BASE; ; k += BASE) {
        if (in >= encoded.length()) {
          return Optional.empty();
        }
        int digit = digitValue(encoded.charAt(in++));
        if (digit < 0) {
          return Optional.empty();
        }
        i += digit * w;
        int t = threshold(k, bias);
        if (i > Integer.MAX_VALUE) {
          return Optional.empty();
        }
        if (digit < t) {
          break;
        }
        w *= BASE - t;
        if (w > Integer.MAX_VALUE) {
          return Optional.empty();
        }
      }
      length++;
      bias = adapt(i - oldI, length, oldI == 0);
      long codePoint = n + i / length;
      if (codePoint > Character.MAX_CODE_POINT || codePoint < INITIAL_N
          || (codePoint >= Character.MIN_SURROGATE && codePoint <= Character.MAX_SURROGATE)) {
        return Optional.empty();
      }
      n = (int) codePoint;
      int at = (int) (i % length);
      System.arraycopy(output, at, output, at + 1, length - 1 - at);
      output[at] = n;
      i = at + 1L;
    }
    return Optional.of(new String(output, 0, length));
  }

  private static int threshold(int k, int bias) {
    return k <= bias ? TMIN : Math.min(k - bias, TMAX);
  }

  private static int adapt(long delta, int points, boolean first) {
    long d = first ? delta / DAMP : delta / 2;
    d += d / points;
    int k = 0;
    while (d > ((BASE - TMIN) * TMAX) / 2) {
      d /= BASE - TMIN;
      k += BASE;
    }
    return (int) (k + (BASE - TMIN + 1) * d / (d + SKEW));
  }

  private static char digit(int d) {
    return (char) (d < 26 ? 'a' + d : '0' + d - 26);
  }

  private static int digitValue(char c) {
    if (c >= 'a' && c <= 'z') {
      return c - 'a';
    }
    if (c >= 'A' && c <= 'Z') {
      return c - 'A';
    }
    if (c >= '0' && c <= '9') {
      return c - '0' + 26;
    }
    return -1;
  }
}
