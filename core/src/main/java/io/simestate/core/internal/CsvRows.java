package io.simestate.core.internal;

import de.siegmar.fastcsv.reader.CloseableIterator;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.reader.FieldMismatchStrategy;
import io.simestate.core.InvalidInputException;
import io.simestate.core.UnavailableException;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rows of a CSV file, read as RFC 4180 describes it (with FastCSV): fields may be quoted, a quote
 * inside quotes is doubled, and quoted fields may hold separators and line breaks; lines end with
 * CRLF, LF or CR. Each row carries the number of the line it starts on, counting from 1.
 *
 * <p>The separator is a comma, or a semicolon as spreadsheet programs in many European locales save
 * CSV: the first comma or semicolon outside quotes on the first line that is not blank decides, and
 * the whole file uses it. Bytes are read strictly as UTF-8 (a byte order mark is skipped); text that is
 * not, or that holds U+FFFD (the mark of a character lost to a wrong encoding earlier), refuses the
 * whole file with an {@link InvalidInputException} on the field {@code csv} that names the line. A
 * quoted field that is never closed, or a character after a closing quote, does the same. A source
 * that fails to deliver its bytes raises {@link UnavailableException}.
 *
 * <p>Blank lines (nothing, or only white space) are skipped. Not thread-safe; close it after use.
 */
public final class CsvRows implements Closeable {

  /** How far the first line is searched for its separator. */
  private static final int SEPARATOR_SEARCH = 64 * 1024;
  private static final Pattern RECORD_START = Pattern.compile("\\(record starting at line (\\d+)\\)");

  private final TrackingReader source;
  private final CsvReader<CsvRecord> reader;
  private final CloseableIterator<CsvRecord> records;
  private final char separator;

  private CsvRows(Reader text) {
    this.source = new TrackingReader(text);
    BufferedReader buffered = new BufferedReader(source);
    try {
      this.separator = guarded(() -> detectSeparator(buffered));
    } catch (RuntimeException e) {
      // No CsvRows comes to be closed: close the source here, as close() would.
      try {
        buffered.close();
      } catch (IOException closing) {
        e.addSuppressed(closing);
      }
      throw e;
    }
    this.reader = CsvReader.builder()
        .fieldSeparator(separator)
        .quoteCharacter('"')
        .skipEmptyLines(true)
        .trimWhitespacesAroundQuotes(true)
        .allowUnclosedQuote(false)
        .extraFieldStrategy(FieldMismatchStrategy.IGNORE)
        .missingFieldStrategy(FieldMismatchStrategy.IGNORE)
        .ofCsvRecord(buffered);
    this.records = reader.iterator();
  }

  /**
   * Reads CSV from bytes, strictly as UTF-8.
   *
   * @param bytes the file's bytes; closed by {@link #close()}
   * @return the rows
   */
  public static CsvRows utf8(InputStream bytes) {
    return new CsvRows(new StrictUtf8Reader(bytes));
  }

  /**
   * Reads CSV from text that the caller has decoded; a leading byte order mark is skipped.
   *
   * @param text the text; closed by {@link #close()}
   * @return the rows
   */
  public static CsvRows text(Reader text) {
    return new CsvRows(text);
  }

  /**
   * The separator this file uses.
   *
   * @return ',' or ';'
   */
  public char separator() {
    return separator;
  }

  /**
   * The next row that is not blank.
   *
   * @return the row, or empty at the end of the file
   * @throws InvalidInputException on the field {@code csv} if the file is not UTF-8 or not CSV
   * @throws UnavailableException if the source cannot be read
   */
  public Optional<Row> next() {
    return guarded(() -> {
      while (records.hasNext()) {
        CsvRecord record = records.next();
        List<String> cells = record.getFields();
        if (cells.size() == 1 && cells.get(0).isBlank()) {
          continue;
        }
        return Optional.of(new Row(record.getStartingLineNumber(), cells, separator));
      }
      return Optional.empty();
    });
  }

  @Override
  public void close() {
    try {
      reader.close();
    } catch (IOException e) {
      // Everything was read; a source that cannot close changes nothing about what was read.
    }
  }

  /** Runs a step of reading, turning the failures of the source and the format into the library's. */
  private <T> T guarded(IoStep<T> step) {
    try {
      return step.run();
    } catch (UncheckedIOException e) {
      throw translate(e.getCause());
    } catch (IOException e) {
      throw translate(e);
    } catch (CsvParseException e) {
      throw notCsv(e);
    }
  }

  private RuntimeException translate(IOException e) {
    if (e instanceof StrictUtf8Reader.NotUtf8Exception bad) {
      return InvalidInputException.of("csv", "line " + bad.line() + " (byte " + bad.byteOffset()
          + " of the file) is not UTF-8: save the file as UTF-8 (in Excel: \"CSV UTF-8\") and import it again; "
          + "other encodings such as Windows-1252 are not read");
    }
    if (e instanceof ReplacementCharacterException bad) {
      return InvalidInputException.of("csv", "line " + bad.line + " holds U+FFFD, the mark of a character lost "
          + "when the file was read or converted with the wrong encoding: save the file as UTF-8 and import its "
          + "bytes as they are");
    }
    if (e instanceof CharacterCodingException) {
      return InvalidInputException.of("csv", "the text could not be decoded at line " + source.lines.line()
          + " or after it (" + e + "): save the file as UTF-8 and import its bytes as they are");
    }
    return new UnavailableException("The CSV could not be read (" + e.getMessage() + "); nothing was imported", e);
  }

  private static InvalidInputException notCsv(CsvParseException e) {
    String message = e.getMessage() == null ? "" : e.getMessage();
    Matcher start = RECORD_START.matcher(message);
    String where = start.find() ? "line " + start.group(1) : "a line";
    String what = message.startsWith("Unclosed quoted field")
        ? " opens a quoted field (\") that is never closed; close it, and double every quote inside it (\"\")"
        : message.startsWith("Unexpected character after closing quote")
            ? " has text after a closing quote; inside a quoted field, double the quote (\"\")"
            : " is not CSV: " + RECORD_START.matcher(message).replaceAll("").strip();
    return InvalidInputException.of("csv", where + what);
  }

  /** Finds the separator on the first line that is not blank, and rewinds. */
  private static char detectSeparator(BufferedReader in) throws IOException {
    in.mark(SEPARATOR_SEARCH + 1);
    try {
      boolean quoted = false;
      boolean content = false;
      for (int read = 0; read < SEPARATOR_SEARCH; read++) {
        int c = in.read();
        if (c < 0) {
          break;
        }
        if (c == '"') {
          quoted = !quoted;
        } else if (!quoted && (c == ',' || c == ';')) {
          return (char) c;
        } else if (!quoted && (c == '\n' || c == '\r')) {
          if (content) {
            break;
          }
        } else if (!Character.isWhitespace(c) && c != '\uFEFF') {
          content = true;
        }
      }
      return ',';
    } finally {
      in.reset();
    }
  }

  /**
   * One row of the file.
   *
   * @param line the number of the line it starts on, counting from 1 (quoted line breaks make a row
   *     span several lines)
   * @param cells its fields, unquoted
   * @param separator the file's separator
   */
  public record Row(long line, List<String> cells, char separator) {

    /**
     * Copies the cells.
     *
     * @param line the number of the line it starts on
     * @param cells its fields
     * @param separator the file's separator
     */
    public Row {
      cells = List.copyOf(cells);
    }

    /**
     * The row written as CSV again, quoting the fields that need it.
     *
     * @return the text
     */
    public String text() {
      StringBuilder out = new StringBuilder();
      for (int i = 0; i < cells.size(); i++) {
        if (i > 0) {
          out.append(separator);
        }
        String cell = cells.get(i);
        if (cell.indexOf(separator) >= 0 || cell.indexOf('"') >= 0 || cell.indexOf('\n') >= 0
            || cell.indexOf('\r') >= 0) {
          out.append('"').append(cell.replace("\"", "\"\"")).append('"');
        } else {
          out.append(cell);
        }
      }
      return out.toString();
    }
  }

  @FunctionalInterface
  private interface IoStep<T> {
    T run() throws IOException;
  }

  /**
   * Counts the lines of the text handed on, skips a leading byte order mark, and refuses U+FFFD,
   * which a decoder that replaces bad bytes leaves behind. A plain {@link Reader}: its own
   * {@code read()} and {@code skip} read through {@link #read(char[], int, int)}, so every character
   * handed on is counted and checked, whichever way it is asked for.
   */
  private static final class TrackingReader extends Reader {

    private final Reader in;
    private final LineCounter lines = new LineCounter();
    private boolean started;

    TrackingReader(Reader in) {
      this.in = in;
    }

    @Override
    public int read(char[] target, int off, int len) throws IOException {
      int n = in.read(target, off, len);
      if (n > 0 && !started) {
        started = true;
        if (target[off] == '\uFEFF') {
          System.arraycopy(target, off + 1, target, off, n - 1);
          n--;
          if (n == 0) {
            return read(target, off, len);
          }
        }
      }
      for (int i = off; i < off + n; i++) {
        char c = target[i];
        if (c == '\uFFFD') {
          throw new ReplacementCharacterException(lines.line());
        }
        lines.accept(c);
      }
      return n;
    }

    @Override
    public void close() throws IOException {
      in.close();
    }
  }

  /** The text holds U+FFFD. */
  private static final class ReplacementCharacterException extends IOException {

    private static final long serialVersionUID = 1L;

    private final long line;

    ReplacementCharacterException(long line) {
      super("U+FFFD at line " + line);
      this.line = line;
    }
  }
}
