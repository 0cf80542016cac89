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
import io.simestate.core.customer.Customer;
import io.simestate.core.estate.SimEstate;
import io.simestate.core.sim.CsvImportReport.RejectedLine;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

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
        + "\"8944 5001 0219 8304 826\" , \"Northwind Logistics\"\r\n");
    assertThat(report.rejected()).isEmpty();
    assertThat(holder(estate, ACME, iccid(0))).isEqualTo(contoso.id());
    assertThat(holder(estate, ACME, "8944500102198304826")).isEqualTo(northwind.id());
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

  @Test
  void aMissingReaderIsInvalidInput() {
    assertThatThrownBy(() -> estate.sims().importCsv(ACME, ALICE, null)).isInstanceOf(InvalidInputException.class);
  }
}
