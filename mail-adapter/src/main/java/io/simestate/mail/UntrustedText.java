package io.simestate.mail;

/**
 * Cleans text that a customer, contact or SIM platform supplied before it goes into a header or a
 * message body: no control characters (so no CR/LF header injection), no line or paragraph
 * separators, and no bidi embedding, override or isolate controls that could reorder the text around
 * it. Letters of every script, emoji and the plain direction marks (LRM, RLM) are kept.
 */
final class UntrustedText {

  private UntrustedText() {}

  /**
   * One line of text for a header or a label: line breaks and tabs become a space, other invisible
   * controls are dropped, runs of white space collapse and the ends are trimmed.
   *
   * @param text the text, may be null
   * @return the cleaned text, empty for null
   */
  static String singleLine(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length());
    boolean pendingSpace = false;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      if (isLineBreakOrSpace(cp)) {
        pendingSpace = out.length() > 0;
      } else if (!isDropped(cp)) {
        if (pendingSpace) {
          out.append(' ');
          pendingSpace = false;
        }
        out.appendCodePoint(cp);
      }
    }
    return out.toString();
  }

  /**
   * Text that may span lines (e.g. a body paragraph): line feeds and tabs are kept, a CR is dropped,
   * other invisible controls are dropped.
   *
   * @param text the text, may be null
   * @return the cleaned text, empty for null
   */
  static String multiLine(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      if (cp == '\n' || cp == '\t') {
        out.appendCodePoint(cp);
      } else if (cp == 0x2028 || cp == 0x2029 || cp == 0x85) {
        out.append('\n');
      } else if (!isDropped(cp)) {
        out.appendCodePoint(cp);
      }
    }
    return out.toString();
  }

  /**
   * Shortens one line to at most {@code max} code points, ending in an ellipsis when cut; never
   * splits a surrogate pair.
   *
   * @param line the line
   * @param max the most code points, at least 2
   * @return the line or its shortened form
   */
  static String truncate(String line, int max) {
    if (line.codePointCount(0, line.length()) <= max) {
      return line;
    }
    int end = line.offsetByCodePoints(0, max - 1);
    return line.substring(0, end).stripTrailing() + "\u2026";
  }

  private static boolean isLineBreakOrSpace(int cp) {
    return cp == '\r' || cp == '\n' || cp == '\t' || cp == 0x0B || cp == 0x0C || cp == 0x85
        || cp == 0x2028 || cp == 0x2029 || Character.isWhitespace(cp) || Character.isSpaceChar(cp);
  }

  private static boolean isDropped(int cp) {
    return Character.isISOControl(cp)
        || Character.getType(cp) == Character.SURROGATE // an unpaired half
        || (cp >= 0x202A && cp <= 0x202E) // LRE, RLE, PDF, LRO, RLO
        || (cp >= 0x2066 && cp <= 0x2069) // LRI, RLI, FSI, PDI
        || cp == 0xFEFF;
  }
}
