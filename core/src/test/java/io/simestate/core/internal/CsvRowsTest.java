package io.simestate.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.simestate.core.InvalidInputException;
import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * CsvRows' own contract, which the portal's CSV import relies on: which separator a file uses (the
 * first comma or semicolon outside quotes on the first line that is not blank), RFC 4180 quoting
 * when a row is written back into a report, and a byte order mark skipped however the text arrives.
 * What the import makes of the rows is tested through {@code Sims} in {@code CsvImportTest}.
 */
class CsvRowsTest {

  private static char separatorOf(String text) {
    try (CsvRows rows = CsvRows.text(new StringReader(text))) {
      return rows.separator();
    }
  }

  private static List<CsvRows.Row> rowsOf(Reader text) {
    List<CsvRows.Row> all = new ArrayList<>();
    try (CsvRows rows = CsvRows.text(text)) {
      for (Optional<CsvRows.Row> row = rows.next(); row.isPresent(); row = rows.next()) {
        all.add(row.get());
      }
    }
    return all;
  }

  // ---- the separator ---------------------------------------------------------------------------

  @Test
  void theFirstCommaOrSemicolonOnTheFirstLineDecides() {
    assertThat(separatorOf("iccid;customer\n8944,Contoso\n")).isEqualTo(';');
    assertThat(separatorOf("iccid,customer\n8944;Contoso\n")).isEqualTo(',');
    assertThat(separatorOf("iccid\u0000 \u0001;customer\n")).as("no character but a line end stops the search")
        .isEqualTo(';');
  }

  @Test
  void blankLinesBeforeTheFirstLineDoNotDecide() {
    assertThat(separatorOf("\n  \r\n\t\r\n8944;Contoso\n")).isEqualTo(';');
  }

  @Test
  void aFirstLineWithoutCommaOrSemicolonMakesACommaFile() {
    assertThat(separatorOf("iccid\n8944;Contoso\n")).isEqualTo(',');
    assertThat(separatorOf("iccid\r8944;Contoso\r")).isEqualTo(',');
    assertThat(separatorOf("")).isEqualTo(',');
  }

  @Test
  void separatorsAndLineBreaksInsideQuotesOnTheFirstLineDoNotDecide() {
    assertThat(separatorOf("\"iccid; the SIM\",customer\n")).isEqualTo(',');
    assertThat(separatorOf("\"iccid, the SIM\";customer\n")).isEqualTo(';');
    assertThat(separatorOf("\"Acme\r\nMetering\";8944\n")).isEqualTo(';');
  }

  @Test
  void theSeparatorIsLookedForInTheFirst64KibOfTheFileOnly() {
    // Blank lines count: the search is bounded by characters read, not by lines.
    assertThat(separatorOf("\n".repeat(64 * 1024 - 6) + "iccid;customer\n")).isEqualTo(';');
    assertThat(separatorOf("\n".repeat(64 * 1024 - 5) + "iccid;customer\n")).isEqualTo(',');
  }

  // ---- writing a row again (the text of a rejected line) ----------------------------------------

  @Test
  void aCellIsQuotedWhenItHoldsTheSeparatorAQuoteOrALineBreakAnywhere() {
    CsvRows.Row row = new CsvRows.Row(1, List.of(",a", "\"b", "\nc", "\rd", "e;f", "plain"), ',');
    assertThat(row.text()).isEqualTo("\",a\",\"\"\"b\",\"\nc\",\"\rd\",e;f,plain");
    assertThat(new CsvRows.Row(1, List.of(";a", "b,c"), ';').text()).isEqualTo("\";a\";b,c");
  }

  @Property(tries = 300)
  void anyRowWrittenAgainReadsBackAsTheSameCells(@ForAll("cells") List<String> cells,
      @ForAll("separators") char separator) {
    String written = new CsvRows.Row(2, cells, separator).text();
    // The first line fixes the separator, as the header or the first ICCID does in a real file.
    List<CsvRows.Row> read = rowsOf(new StringReader("iccid" + separator + "customer\n" + written + "\n"));
    assertThat(read).hasSize(2);
    assertThat(read.get(1).cells()).isEqualTo(cells);
  }

  @Provide
  Arbitrary<List<String>> cells() {
    return Arbitraries.strings().withChars(",;\"\r\n\t a\u00e9\u200b\uFEFF").ofMaxLength(5)
        .list().ofMinSize(2).ofMaxSize(4);
  }

  @Provide
  Arbitrary<Character> separators() {
    return Arbitraries.of(',', ';');
  }

  // ---- the byte order mark -----------------------------------------------------------------------

  @Test
  void aByteOrderMarkIsSkippedWhenItArrivesWithMuchTextOrAllAlone() {
    String text = "\uFEFF" + "a,b\n".repeat(20_000);
    // A StringReader fills the whole read-ahead buffer at once...
    List<CsvRows.Row> big = rowsOf(new StringReader(text));
    assertThat(big).hasSize(20_000);
    assertThat(big.get(0).cells()).containsExactly("a", "b");
    // ...a slow source hands on the mark by itself.
    List<CsvRows.Row> trickled = rowsOf(new OneCharAtATime("\uFEFFa;b\nc;d\n"));
    assertThat(trickled).extracting(CsvRows.Row::cells).containsExactly(List.of("a", "b"), List.of("c", "d"));
  }

  @Test
  void aSourceRefusedInItsFirstLineIsClosedAndAFailureToCloseItIsKeptWithTheRefusal() {
    Reader cannotClose = new FilterReader(new StringReader("8944,Caf\uFFFD\n")) {
      @Override
      public void close() throws IOException {
        throw new IOException("cannot close");
      }
    };
    assertThatThrownBy(() -> CsvRows.text(cannotClose))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> {
          assertThat(e.getMessage()).contains("line 1 holds U+FFFD");
          assertThat(e.getSuppressed()).extracting(Throwable::getMessage).containsExactly("cannot close");
        });
  }

  /** A reader that hands on one character per call, as a slow network source may. */
  private static final class OneCharAtATime extends Reader {
    private final String text;
    private int at;

    OneCharAtATime(String text) {
      this.text = text;
    }

    @Override
    public int read(char[] buf, int off, int len) {
      if (at == text.length()) {
        return -1;
      }
      buf[off] = text.charAt(at++);
      return 1;
    }

    @Override
    public void close() {}
  }
}
