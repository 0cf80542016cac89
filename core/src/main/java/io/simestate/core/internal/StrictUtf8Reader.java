package io.simestate.core.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes bytes as UTF-8 and refuses anything else: a malformed byte sequence ends reading with
 * {@link NotUtf8Exception}, which says on which line and at which byte offset it stands, instead of
 * being replaced by U+FFFD. A UTF-8 byte order mark at the start is skipped.
 */
final class StrictUtf8Reader extends Reader {

  private static final int BUFFER = 8192;

  private final InputStream in;
  private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
      .onMalformedInput(CodingErrorAction.REPORT)
      .onUnmappableCharacter(CodingErrorAction.REPORT);
  private final ByteBuffer bytes = ByteBuffer.allocate(BUFFER);
  private final CharBuffer chars = CharBuffer.allocate(BUFFER);
  /** Offset in the stream of {@code bytes}' first byte (position 0). */
  private long bufferOffset;
  /** Lines of the text decoded so far. */
  private final LineCounter lines = new LineCounter();
  private boolean endOfInput;
  private boolean finished;
  private boolean started;

  StrictUtf8Reader(InputStream in) {
    this.in = in;
    bytes.flip();
    chars.flip();
  }

  @Override
  public int read(char[] target, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    while (!chars.hasRemaining()) {
      if (!decodeMore()) {
        return -1;
      }
    }
    int n = Math.min(len, chars.remaining());
    chars.get(target, off, n);
    return n;
  }

  /** Decodes the next piece of input into {@code chars}; false at the end of input. */
  private boolean decodeMore() throws IOException {
    if (finished) {
      return false;
    }
    chars.clear();
    try {
      while (true) {
        int before = chars.position();
        CoderResult result = decoder.decode(bytes, chars, endOfInput);
        countLines(before, chars.position());
        if (result.isError()) {
          long offset = bufferOffset + bytes.position();
          throw new NotUtf8Exception(lines.line(), offset);
        }
        if (result.isOverflow() || chars.position() > 0) {
          return true;
        }
        if (endOfInput) {
          CoderResult flushed = decoder.flush(chars);
          if (flushed.isError()) {
            throw new NotUtf8Exception(lines.line(), bufferOffset + bytes.position());
          }
          finished = true;
          return chars.position() > 0;
        }
        fill();
      }
    } finally {
      chars.flip();
      skipByteOrderMark();
    }
  }

  private void skipByteOrderMark() {
    if (!started && chars.hasRemaining()) {
      started = true;
      if (chars.get(chars.position()) == '\uFEFF') {
        chars.get();
      }
    }
  }

  private void fill() throws IOException {
    bufferOffset += bytes.position();
    bytes.compact();
    int read = in.read(bytes.array(), bytes.position(), bytes.remaining());
    if (read < 0) {
      endOfInput = true;
    } else {
      bytes.position(bytes.position() + read);
    }
    bytes.flip();
  }

  private void countLines(int from, int to) {
    for (int i = from; i < to; i++) {
      lines.accept(chars.get(i));
    }
  }

  @Override
  public void close() throws IOException {
    in.close();
  }

  /** The input is not UTF-8: where the first byte that is not stands. */
  static final class NotUtf8Exception extends IOException {

    private static final long serialVersionUID = 1L;

    private final long line;
    private final long byteOffset;

    NotUtf8Exception(long line, long byteOffset) {
      super("not UTF-8 at line " + line + ", byte " + byteOffset);
      this.line = line;
      this.byteOffset = byteOffset;
    }

    long line() {
      return line;
    }

    long byteOffset() {
      return byteOffset;
    }
  }
}
