package io.simestate.core.sim;

import static io.simestate.core.Scenarios.ACME;
import static io.simestate.core.Scenarios.ALICE;
import static io.simestate.core.Scenarios.BOB;
import static io.simestate.core.Scenarios.GLOBEX;
import static io.simestate.core.Scenarios.customer;
import static io.simestate.core.Scenarios.holder;
import static io.simestate.core.Scenarios.iccid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.simestate.core.InvalidInputException;
import io.simestate.core.Scenarios;
import io.simestate.core.UnavailableException;
import io.simestate.core.audit.AuditEventType;
import io.simestate.core.customer.Customer;
import io.simestate.core.estate.SimEstate;
import io.simestate.core.estate.Sims;
import io.simestate.core.sim.CsvImportReport.RejectedLine;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** F8: CSV import {@code iccid,customer} with a line-by-line report. */
class CsvImportTest {

  private final SimEstate estate = Scenarios.estate();
  private final Customer northwind = customer(estate, ACME, "Northwind Logistics");
  private final Customer contoso = customer(estate, ACME, "Contoso");

  private CsvImportReport importCsv(String text) {
    return estate.sims().importCsv(ACME, ALICE, new StringReader(text));
  }

  @Test
  void aHeaderLineIsSkippedAndEveryGoodLineApplied() {
    CsvImportReport report = importCsv("iccid,customer\n" + iccid(0) + ",Northwind Logistics\n" + iccid(1) + ",Contoso\n");
    assertThat(report.lines()).isEqualTo(2);
    assertThat(report.assigned()).isEqualTo(2);
    assertThat(report.rejected()).isEmpty();
    assertThat(holder(estate, ACME, iccid(0))).isEqualTo(northwind.id());
    assertThat(holder(estate, ACME, iccid(1))).isEqualTo(contoso.id());
  }

  @Test
  void withoutAHeaderTheFirstLineIsData() {
    CsvImportReport report = importCsv(iccid(0) + ",Contoso");
    assertThat(report.lines()).isEqualTo(1);
    assertThat(holder(estate, ACME, iccid(0))).isEqualTo(contoso.id());
  }

  @Test
  void theCustomerMayBeNamedIgnoringCaseAndSpacingOrGivenById() {
    CsvImportReport report = importCsv(iccid(0) + ", NORTHWIND   logistics \n" + iccid(1) + "," + contoso.id() + "\n"
        + iccid(2) + "," + contoso.id().toString().toUpperCase());
    assertThat(report.rejected()).isEmpty();
    assertThat(holder(estate, ACME, iccid(0))).isEqualTo(northwind.id());
    assertThat(holder(estate, ACME, iccid(1))).isEqualTo(contoso.id());
    assertThat(holder(estate, ACME, iccid(2))).isEqualTo(contoso.id());
  }

  @Test
  void badLinesAreReportedWithTheirNumbersAndGoodLinesStillApplied() {
    String csv = String.join("\n",
        "iccid,customer",                       // 1
        iccid(0) + ",Contoso",                  // 2 good
        "12345,Contoso",                        // 3 bad ICCID
        iccid(1) + ",Nobody Inc",               // 4 unknown customer
        iccid(2) + ",Contoso,extra",            // 5 three columns
        iccid(0) + ",Northwind Logistics",      // 6 duplicate ICCID
        "",                                     // 7 blank, skipped
        iccid(3) + ",",                         // 8 no customer
        iccid(4) + ",Northwind Logistics");     // 9 good
    CsvImportReport report = importCsv(csv);
    assertThat(report.rejected()).extracting(RejectedLine::lineNumber).containsExactly(3L, 4L, 5L, 6L, 8L);
    assertThat(report.rejected().get(0).reason()).contains("ICCID");
    assertThat(report.rejected().get(1).reason()).contains("customer");
    assertThat(report.rejected().get(2).reason()).contains("two columns");
    assertThat(report.rejected().get(3).reason()).contains("line 2");
    assertThat(report.rejected().get(0).text()).isEqualTo("12345,Contoso");
    assertThat(report.lines()).isEqualTo(7);
    assertThat(report.assigned()).isEqualTo(2);
    assertThat(holder(estate, ACME, iccid(0))).isEqualTo(contoso.id());
    assertThat(holder(estate, ACME, iccid(4))).isEqualTo(northwind.id());
    assertThat(holder(estate, ACME, iccid(1))).isNull();
    assertThat(holder(estate, ACME, iccid(2))).isNull();
  }

  @Test
  void semicolonsQuotesAndCrLfAreUnderstood() {
    CsvImportReport report = importCsv("\"iccid\";\"customer\"\r\n\"" + iccid(0) + "\";\"Contoso\"\r\n"
        + "\"8944 5001 0219 8304 826\" ; \"Northwind Logistics\"\r\n");
    assertThat(report.rejected()).isEmpty();
    assertThat(holder(estate, ACME, iccid(0))).isEqualTo(contoso.id());
    assertThat(holder(estate, ACME, "8944500102198304826")).isEqualTo(northwind.id());
  }

  @Test
  void spacesAroundQuotedFieldsAreIgnored() {
    CsvImportReport report = importCsv(" \"" + iccid(0) + "\" ,  \"Contoso\" \n");
    assertThat(report.rejected()).isEmpty();
    assertThat(holder(estate, ACME, iccid(0))).isEqualTo(contoso.id());
  }

  @Test
  void aByteOrderMarkBeforeTheHeaderIsIgnored() {
    CsvImportReport report = importCsv("\uFEFFiccid,customer\n" + iccid(0) + ",Contoso\n");
    assertThat(report.rejected()).isEmpty();
    assertThat(report.lines()).isEqualTo(1);
    assertThat(holder(estate, ACME, iccid(0))).isEqualTo(contoso.id());
  }

  @Test
  void aByteOrderMarkBeforeTheFirstDataLineDoesNotLoseThatLine() {
    CsvImportReport report = importCsv("\uFEFF" + iccid(0) + ",Contoso\n" + iccid(1) + ",Contoso\n");
    assertThat(report.rejected()).isEmpty();
    assertThat(holder(estate, ACME, iccid(0))).isEqualTo(contoso.id());
  }

  @Test
  void aLineOfOnlySpacesIsSkippedButALineWithoutItsIccidIsReported() {
    CsvImportReport report = importCsv(iccid(0) + ",Contoso\n   \t\n,Contoso\n" + iccid(1) + ",Contoso\n");
    assertThat(report.rejected()).singleElement().satisfies(r -> {
      assertThat(r.lineNumber()).isEqualTo(3);
      assertThat(r.text()).isEqualTo(",Contoso");
    });
    assertThat(report.lines()).isEqualTo(3);
    assertThat(report.assigned()).isEqualTo(2);
  }

  @Test
  void movesAreCountedAndTheSimChangesCustomer() {
    estate.sims().assign(ACME, BOB, northwind.id(), java.util.List.of(iccid(0), iccid(1)));
    CsvImportReport report = importCsv(iccid(0) + ",Contoso\n" + iccid(1) + ",Northwind Logistics\n");
    assertThat(report.moved()).isEqualTo(1);
    assertThat(report.unchanged()).isEqualTo(1);
    assertThat(holder(estate, ACME, iccid(0))).isEqualTo(contoso.id());
  }

  @Test
  void aLineWithAnotherTenantsSimIsRejectedAndTheRestApplied() {
    Customer globexCustomer = customer(estate, GLOBEX, "Globex customer");
    estate.sims().assign(GLOBEX, BOB, globexCustomer.id(), java.util.List.of(iccid(1)));
    CsvImportReport report = importCsv(iccid(0) + ",Contoso\n" + iccid(1) + ",Contoso\n" + iccid(2) + ",Contoso\n");
    assertThat(report.rejected()).singleElement().satisfies(r -> {
      assertThat(r.lineNumber()).isEqualTo(2);
      assertThat(r.reason()).contains("another account");
    });
    assertThat(holder(estate, GLOBEX, iccid(1))).isEqualTo(globexCustomer.id());
    assertThat(holder(estate, ACME, iccid(0))).isEqualTo(contoso.id());
    assertThat(holder(estate, ACME, iccid(2))).isEqualTo(contoso.id());
  }

  @Test
  void anotherTenantsCustomerNameIsUnknownHere() {
    customer(estate, GLOBEX, "Globex only");
    CsvImportReport report = importCsv(iccid(0) + ",Globex only\n");
    assertThat(report.rejected()).singleElement().satisfies(r -> assertThat(r.lineNumber()).isEqualTo(1));
    assertThat(holder(estate, ACME, iccid(0))).isNull();
    assertThat(holder(estate, GLOBEX, iccid(0))).isNull();
  }

  @Test
  void theStrictPolicyRejectsLinesWithoutAValidCheckDigit() {
    SimEstate strict = SimEstate.builder().iccidPolicy(IccidPolicy.STRICT).build();
    Customer c = customer(strict, ACME, "Contoso");
    CsvImportReport report = strict.sims().importCsv(ACME, ALICE,
        new StringReader(iccid(0) + ",Contoso\n8944500102198304827,Contoso\n"));
    assertThat(report.rejected()).extracting(RejectedLine::lineNumber).containsExactly(2L);
    assertThat(holder(strict, ACME, iccid(0))).isEqualTo(c.id());
  }

  @Test
  void anEmptyFileImportsNothing() {
    CsvImportReport report = importCsv("");
    assertThat(report.lines()).isZero();
    assertThat(report.rejected()).isEmpty();
  }

  @Test
  void aVeryLongBadLineIsReportedCut() {
    CsvImportReport report = importCsv("x".repeat(10_000) + ",Contoso\n");
    assertThat(report.rejected()).singleElement().satisfies(r -> assertThat(r.text()).hasSizeLessThanOrEqualTo(200));
  }

  @Test
  void theImportIsRecordedWithTheActor() {
    importCsv(iccid(0) + ",Contoso\n");
    assertThat(estate.auditTrail().forSim(ACME, Scenarios.sim(0), 5)).singleElement()
        .satisfies(e -> assertThat(e.actor()).isEqualTo(ALICE));
  }

  @Test
  void anUnreadableSourceIsUnavailableNotAnIoException() {
    Reader broken = new Reader() {
      @Override
      public int read(char[] buf, int off, int len) throws IOException {
        throw new IOException("disk gone");
      }

      @Override
      public void close() {}
    };
    assertThatThrownBy(() -> estate.sims().importCsv(ACME, ALICE, broken)).isInstanceOf(UnavailableException.class);
  }

  // ---- RFC 4180: quotes, doubled quotes, separators and line breaks inside quotes ----------------

  @Test
  void quotedNamesWithCommasSemicolonsAndDoubledQuotesAreImported() {
    Customer inc = customer(estate, ACME, "Acme, Inc.");
    Customer smith = customer(estate, ACME, "Smith; Jones");
    Customer bob = customer(estate, ACME, "Bob \"The\" Builder");
    CsvImportReport report = importCsv("iccid,customer\r\n"
        + iccid(0) + ",\"Acme, Inc.\"\r\n"
        + iccid(1) + ",\"Smith; Jones\"\r\n"
        + "\"" + iccid(2) + "\",\"Bob \"\"The\"\" Builder\"\r\n");
    assertThat(report.rejected()).isEmpty();
    assertThat(report.assigned()).isEqualTo(3);
    assertThat(holder(estate, ACME, iccid(0))).isEqualTo(inc.id());
    assertThat(holder(estate, ACME, iccid(1))).isEqualTo(smith.id());
    assertThat(holder(estate, ACME, iccid(2))).isEqualTo(bob.id());
  }

  @Test
  void aSemicolonFileMayQuoteCommasAndSemicolons() {
    Customer inc = customer(estate, ACME, "Acme, Inc.");
    Customer smith = customer(estate, ACME, "Smith; Jones");
    CsvImportReport report = importCsv("iccid;customer\n" + iccid(0) + ";Acme, Inc.\n" + iccid(1) + ";\"Smith; Jones\"\n");
    assertThat(report.rejected()).isEmpty();
    assertThat(holder(estate, ACME, iccid(0))).isEqualTo(inc.id());
    assertThat(holder(estate, ACME, iccid(1))).isEqualTo(smith.id());
  }

  @Test
  void theSeparatorOfTheFirstLineHoldsForTheWholeFile() {
    CsvImportReport report = importCsv("iccid;customer\n" + iccid(0) + ";Contoso\n" + iccid(1) + ",Contoso\n");
    assertThat(report.rejected()).singleElement().satisfies(r -> {
      assertThat(r.lineNumber()).isEqualTo(3);
      assertThat(r.reason()).contains("two columns").contains("';'");
    });
    assertThat(holder(estate, ACME, iccid(0))).isEqualTo(contoso.id());
  }

  @Test
  void aQuotedLineBreakKeepsTheLineNumbersOfLaterLinesRight() {
    Customer twoLines = customer(estate, ACME, "Acme Metering Ltd");
    CsvImportReport report = importCsv("iccid,customer\n"
        + iccid(0) + ",\"Acme Metering\r\nLtd\"\n"          // lines 2-3: one record
        + "12345,Contoso\n");                                  // line 4
    assertThat(holder(estate, ACME, iccid(0))).isEqualTo(twoLines.id());
    assertThat(report.rejected()).singleElement().satisfies(r -> assertThat(r.lineNumber()).isEqualTo(4));
  }

  @Test
  void aRejectedQuotedLineIsReportedAsCsvAgain() {
    CsvImportReport report = importCsv("12345,\"Smith; \"\"Jones\"\"\"\n");
    assertThat(report.rejected()).singleElement()
        .satisfies(r -> assertThat(r.text()).isEqualTo("12345,\"Smith; \"\"Jones\"\"\""));
  }

  @Test
  void aQuoteThatIsNeverClosedRefusesTheFileNamingItsLine() {
    assertThatThrownBy(() -> importCsv(iccid(0) + ",Contoso\n" + iccid(1) + ",\"Contoso\n" + iccid(2) + ",Contoso\n"))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> {
          assertThat(e.violations()).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo("csv");
            assertThat(v.message()).contains("line 2").contains("never closed");
          });
        });
    assertThat(holder(estate, ACME, iccid(0))).isNull();
  }

  @Test
  void textAfterAClosingQuoteRefusesTheFileNamingItsLine() {
    assertThatThrownBy(() -> importCsv(iccid(0) + ",Contoso\n" + iccid(1) + ",\"Contoso\" Ltd\n"))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations()).singleElement()
            .satisfies(v -> {
              assertThat(v.field()).isEqualTo("csv");
              assertThat(v.message()).contains("line 2").contains("text after a closing quote");
            }));
    assertThat(holder(estate, ACME, iccid(0))).isNull();
  }

  // ---- encoding: UTF-8 only, checked strictly ----------------------------------------------------

  private static final byte[] WINDOWS_1252 = ("iccid,customer\r\n" + iccid(0) + ",Contoso\r\n"
      + iccid(1) + ",Caf\u00e9 M\u00fcller\r\n").getBytes(java.nio.charset.Charset.forName("windows-1252"));

  @Test
  void aWindows1252FileIsInvalidInputNamingTheLineAndTheEncoding() {
    customer(estate, ACME, "Caf\u00e9 M\u00fcller");
    Reader strictUtf8 = new java.io.InputStreamReader(new java.io.ByteArrayInputStream(WINDOWS_1252),
        java.nio.charset.StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT));
    assertThatThrownBy(() -> estate.sims().importCsv(ACME, ALICE, strictUtf8))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations()).singleElement()
            .satisfies(v -> {
              assertThat(v.field()).isEqualTo("csv");
              // The host's decoder reads ahead, so the line is where reading stopped or before the bad byte.
              assertThat(v.message()).contains("line 1 or after it").contains("UTF-8");
            }));
    assertThat(holder(estate, ACME, iccid(0))).as("nothing is applied from a file that cannot be read").isNull();
  }

  @Test
  void aFileReadWithReplacementCharactersIsRefusedToo() {
    // A Reader built with new InputStreamReader(in, UTF_8) turns bad bytes into U+FFFD silently.
    Reader lenient = new java.io.InputStreamReader(new java.io.ByteArrayInputStream(WINDOWS_1252),
        java.nio.charset.StandardCharsets.UTF_8);
    assertThatThrownBy(() -> estate.sims().importCsv(ACME, ALICE, lenient))
        .isInstanceOfSatisfying(InvalidInputException.class,
            e -> assertThat(e.getMessage()).contains("line 3").contains("UTF-8"));
    assertThat(holder(estate, ACME, iccid(0))).isNull();
  }

  private void assertRefusedAsNotUtf8At(byte[] file, long line, long byteOffset) {
    assertThatThrownBy(() -> estate.sims().importCsv(ACME, ALICE, new ByteArrayInputStream(file)))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations()).singleElement()
            .satisfies(v -> {
              assertThat(v.field()).isEqualTo("csv");
              assertThat(v.message()).contains("line " + line + " (byte " + byteOffset + " of the file)")
                  .contains("save the file as UTF-8");
            }));
    assertThat(holder(estate, ACME, iccid(0))).as("nothing is applied from a file that is not UTF-8").isNull();
  }

  @Test
  void bytesAreDecodedStrictlyAsUtf8NamingLineAndByteOffset() {
    int offset = new String(WINDOWS_1252, StandardCharsets.ISO_8859_1).indexOf('\u00e9');
    assertRefusedAsNotUtf8At(WINDOWS_1252, 3, offset);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "C0 AF",      // '/' in two bytes: overlong
      "ED A0 80",   // a UTF-16 surrogate encoded as UTF-8
      "F4 90 80 80", // beyond U+10FFFF
      "80",         // a continuation byte without its lead
      "E2 82",      // a sequence cut off by the end of the file
  })
  void anyMalformedUtf8SequenceIsRefusedNamingItsLineAndByteOffset(String hex) {
    byte[] start = (iccid(0) + ",Contoso\n" + iccid(1) + ",Caf").getBytes(StandardCharsets.UTF_8);
    byte[] file = java.util.Arrays.copyOf(start, start.length + hex.split(" ").length);
    String[] bytes = hex.split(" ");
    for (int i = 0; i < bytes.length; i++) {
      file[start.length + i] = (byte) Integer.parseInt(bytes[i], 16);
    }
    assertRefusedAsNotUtf8At(file, 2, start.length);
  }

  @ParameterizedTest
  @ValueSource(strings = {"\n", "\r\n", "\r"})
  void aBadByteFarIntoTheFileIsNamedByItsLineAndByteOffsetWhateverTheLineEnds(String lineEnd) {
    StringBuilder text = new StringBuilder("iccid,customer").append(lineEnd);
    for (int n = 0; n < 900; n++) {
      text.append(iccid(n)).append(",Contoso").append(lineEnd);     // lines 2 to 901: some 26 KB
    }
    text.append(iccid(900)).append(",Caf\u00e9").append(lineEnd);   // line 902, in Windows-1252
    byte[] file = text.toString().getBytes(java.nio.charset.Charset.forName("windows-1252"));
    assertRefusedAsNotUtf8At(file, 902, text.indexOf("\u00e9"));
  }

  @Test
  void aSourceThatPausesWithoutBytesIsStillReadToTheEnd() {
    // InputStream's contract says read blocks for a byte, but adapters of non-blocking sources have
    // been seen to answer 0: a pause must not be taken for the end, which would drop lines unseen.
    byte[] file = (iccid(0) + ",Contoso\n" + iccid(1) + ",Contoso\n").getBytes(StandardCharsets.UTF_8);
    InputStream pausing = new InputStream() {
      private int at;
      private boolean paused;

      @Override
      public int read() {
        return at < file.length ? file[at++] & 0xFF : -1;
      }

      @Override
      public int read(byte[] into, int off, int len) {
        paused = !paused;
        if (paused || len == 0) {
          return 0;
        }
        int next = read();
        if (next < 0) {
          return -1;
        }
        into[off] = (byte) next;
        return 1;
      }
    };
    CsvImportReport report = estate.sims().importCsv(ACME, ALICE, pausing);
    assertThat(report.assigned()).isEqualTo(2);
    assertThat(holder(estate, ACME, iccid(1))).isEqualTo(contoso.id());
  }

  @Test
  void theFileIsClosedAfterTheImportWhetherItIsReadOrRefused() {
    List<AtomicBoolean> closed = new ArrayList<>();
    Supplier<AtomicBoolean> nextSource = () -> {
      AtomicBoolean flag = new AtomicBoolean();
      closed.add(flag);
      return flag;
    };
    Function<byte[], InputStream> bytes = content -> {
      AtomicBoolean flag = nextSource.get();
      return new ByteArrayInputStream(content) {
        @Override
        public void close() {
          flag.set(true);
        }
      };
    };
    Function<String, Reader> text = content -> {
      AtomicBoolean flag = nextSource.get();
      return new StringReader(content) {
        @Override
        public void close() {
          flag.set(true);
        }
      };
    };
    estate.sims().importCsv(ACME, ALICE, bytes.apply((iccid(0) + ",Contoso\n").getBytes(StandardCharsets.UTF_8)));
    estate.sims().importCsv(ACME, ALICE, text.apply(iccid(1) + ",Contoso\n"));
    assertThatThrownBy(() -> estate.sims().importCsv(ACME, ALICE, bytes.apply(WINDOWS_1252)))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> estate.sims().importCsv(ACME, ALICE, text.apply("\"never closed\n")))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> estate.sims().importCsv(ACME, ALICE, text.apply(iccid(2) + ",Caf\uFFFD\n")))
        .isInstanceOf(InvalidInputException.class);
    assertThat(closed).hasSize(5).allSatisfy(flag -> assertThat(flag).isTrue());
  }

  @Test
  void utf8BytesAreImportedWithOrWithoutAByteOrderMarkAndWithEitherSeparator() {
    Customer cafe = customer(estate, ACME, "Caf\u00e9 M\u00fcller");
    byte[] text = ("iccid,customer\n" + iccid(0) + ",Caf\u00e9 M\u00fcller\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
    byte[] withBom = new byte[text.length + 3];
    withBom[0] = (byte) 0xEF;
    withBom[1] = (byte) 0xBB;
    withBom[2] = (byte) 0xBF;
    System.arraycopy(text, 0, withBom, 3, text.length);
    byte[] semicolons = (iccid(1) + ";Caf\u00e9 M\u00fcller\n").getBytes(StandardCharsets.UTF_8);
    CsvImportReport plain = estate.sims().importCsv(ACME, ALICE, new ByteArrayInputStream(text));
    CsvImportReport bom = estate.sims().importCsv(ACME, ALICE, new ByteArrayInputStream(withBom));
    CsvImportReport semicolon = estate.sims().importCsv(ACME, ALICE, new ByteArrayInputStream(semicolons));
    assertThat(plain.rejected()).isEmpty();
    assertThat(bom.rejected()).isEmpty();
    assertThat(bom.lines()).isEqualTo(1);
    assertThat(semicolon.rejected()).isEmpty();
    assertThat(holder(estate, ACME, iccid(0))).isEqualTo(cafe.id());
    assertThat(holder(estate, ACME, iccid(1))).isEqualTo(cafe.id());
  }

  @Test
  void aBrokenStreamIsUnavailableNotInvalid() {
    java.io.InputStream broken = new java.io.InputStream() {
      @Override
      public int read() throws IOException {
        throw new IOException("connection reset");
      }
    };
    assertThatThrownBy(() -> estate.sims().importCsv(ACME, ALICE, broken)).isInstanceOf(UnavailableException.class);
  }

  @Test
  void aMissingReaderIsInvalidInput() {
    assertThatThrownBy(() -> estate.sims().importCsv(ACME, ALICE, (Reader) null)).isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> estate.sims().importCsv(ACME, ALICE, (java.io.InputStream) null))
        .isInstanceOf(InvalidInputException.class);
  }

  @Test
  void rejectedLinesAreReportedInFileOrderWhetherRefusedWhenReadOrWhenApplied() {
    Customer globexCustomer = customer(estate, GLOBEX, "Globex customer");
    estate.sims().assign(GLOBEX, BOB, globexCustomer.id(), List.of(iccid(1)));

    // Line 1 is refused only when applied (another account holds the SIM), line 2 already when read.
    CsvImportReport report = importCsv(iccid(1) + ",Contoso\n12345,Contoso\n" + iccid(2) + ",Contoso\n");

    assertThat(report.rejected()).extracting(RejectedLine::lineNumber).containsExactly(1L, 2L);
  }

  @Test
  void whenOneSimBelongsToAnotherAccountTheOtherLinesAreStillCountedAsAssignedMovedOrHeld() {
    Customer globexCustomer = customer(estate, GLOBEX, "Globex customer");
    estate.sims().assign(GLOBEX, BOB, globexCustomer.id(), List.of(iccid(1)));
    estate.sims().assign(ACME, BOB, northwind.id(), List.of(iccid(0)));
    estate.sims().assign(ACME, BOB, contoso.id(), List.of(iccid(3)));

    CsvImportReport report = importCsv(iccid(0) + ",Contoso\n" + iccid(1) + ",Contoso\n" + iccid(2) + ",Contoso\n"
        + iccid(3) + ",Contoso\n");

    assertThat(report.rejected()).extracting(RejectedLine::lineNumber).containsExactly(2L);
    assertThat(report.assigned()).isEqualTo(1);
    assertThat(report.moved()).isEqualTo(1);
    assertThat(report.unchanged()).isEqualTo(1);
  }

  @Test
  void aLargeImportRecordsAssignmentsThatTogetherNameEverySimOnceAndNoneThatAssignedNothing() {
    // 10,000 SIMs: exactly one of the chunks in which an import goes to the store.
    int count = 10_000;
    CsvImportReport report = estate.sims().importCsv(ACME, ALICE, new RepeatedLines(count, n -> iccid(n) + ",Contoso"));
    assertThat(report.assigned()).isEqualTo(count);

    List<Integer> simsPerEvent = estate.auditTrail().forCustomer(ACME, contoso.id(), 100).stream()
        .filter(e -> e.type() == AuditEventType.SIMS_ASSIGNED).map(e -> e.sims().size()).toList();
    assertThat(simsPerEvent).isNotEmpty().doesNotContain(0);
    assertThat(simsPerEvent.stream().mapToInt(Integer::intValue).sum()).isEqualTo(count);
  }

  @Test
  void aFileOfExactlyTheMostLinesIsReadAndOneLineMoreIsRefusedNamingThatLine() {
    // Lines without a customer are the cheapest to read: each is rejected, nothing goes to the store.
    String noCustomer = iccid(0) + ",";
    CsvImportReport report = estate.sims().importCsv(ACME, ALICE,
        new RepeatedLines(Sims.MAX_CSV_LINES, n -> noCustomer));
    assertThat(report.lines()).isEqualTo(Sims.MAX_CSV_LINES);
    assertThat(report.rejected()).hasSize(Sims.MAX_CSV_LINES);

    assertThatThrownBy(() -> estate.sims().importCsv(ACME, ALICE,
        new RepeatedLines(Sims.MAX_CSV_LINES + 1, n -> noCustomer)))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations()).singleElement()
            .satisfies(v -> {
              assertThat(v.field()).isEqualTo("csv");
              assertThat(v.message()).contains("line " + (Sims.MAX_CSV_LINES + 1) + " is one more");
            }));
  }

  /** CSV text of {@code count} lines made on demand, so that a million lines cost no big string. */
  private static final class RepeatedLines extends Reader {
    private final int count;
    private final IntFunction<String> line;
    private int next;
    private String pending = "";
    private int at;

    RepeatedLines(int count, IntFunction<String> line) {
      this.count = count;
      this.line = line;
    }

    @Override
    public int read(char[] buf, int off, int len) {
      if (at == pending.length()) {
        if (next == count) {
          return -1;
        }
        pending = line.apply(next++) + "\n";
        at = 0;
      }
      int n = Math.min(len, pending.length() - at);
      pending.getChars(at, at + n, buf, off);
      at += n;
      return n;
    }

    @Override
    public void close() {}
  }
}
