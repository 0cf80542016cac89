package io.simestate.core.internal;

/**
 * Counts the lines of a text as it passes, the way CSV counts them: CRLF, LF and CR each end a line.
 */
final class LineCounter {

  private long line = 1;
  private boolean afterCr;

  /**
   * Takes in the next character.
   *
   * @param c the character
   */
  void accept(char c) {
    if (c == '\n') {
      if (!afterCr) {
        line++;
      }
      afterCr = false;
    } else {
      line += c == '\r' ? 1 : 0;
      afterCr = c == '\r';
    }
  }

  /**
   * The number of the line the next character stands on, counting from 1.
   *
   * @return the line
   */
  long line() {
    return line;
  }
}
