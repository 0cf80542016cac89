package io.simestate.core.customer;

import static io.simestate.core.Scenarios.ACME;
import static io.simestate.core.Scenarios.ALICE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.simestate.core.ConflictException;
import io.simestate.core.InvalidInputException;
import io.simestate.core.PageRequest;
import io.simestate.core.Scenarios;
import io.simestate.core.estate.Customers;
import io.simestate.core.estate.SimEstate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Names that look the same are the same name (issue 11): the uniqueness key folds what a reader
 * cannot see, bidi overrides are refused, and a name needs a visible character.
 */
class LookAlikeNamesTest {

  private final SimEstate estate = Scenarios.estate();
  private final Customers customers = estate.customers();

  private Customer create(String name) {
    return customers.create(ACME, ALICE, CustomerDetails.named(name));
  }

  private void assertDuplicateOf(String lookAlike) {
    assertThatThrownBy(() -> create(lookAlike))
        .isInstanceOfSatisfying(ConflictException.class,
            e -> assertThat(e.reason()).isEqualTo(ConflictException.Reason.DUPLICATE_NAME));
  }

  private void assertRefusedName(String name, String messagePart) {
    assertThatThrownBy(() -> create(name))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> {
          assertThat(e.violations()).extracting(v -> v.field()).containsOnly("name");
          assertThat(e.getMessage()).contains(messagePart);
        });
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "Acme\u200B",                 // zero-width space after
      "\u200BAcme",                 // and before
      "Ac\u00ADme",                 // soft hyphen
      "A\u2060cme",                 // word joiner
      "Ac\u200Dme",                 // zero-width joiner
      "Ac\u200Cme",                 // zero-width non-joiner
      "\uFEFFAcme",                 // byte order mark pasted in front
      "Acme\uFE0F",                 // variation selector
      "A\u200Ec\u200Fme",           // left-to-right and right-to-left marks
      "\uFF21\uFF43\uFF4D\uFF45",   // full-width letters
      "ACME", "acme", "aCmE",       // case
      "Acme\u3164",                 // Hangul filler, which renders as nothing
  })
  void aNameThatLooksLikeAnExistingOneIsADuplicate(String lookAlike) {
    create("Acme");
    assertDuplicateOf(lookAlike);
    assertThat(customers.list(ACME, null, PageRequest.first(10)).total()).isEqualTo(1);
  }

  @Test
  void compatibilityFormsAndFullCaseFoldingMeetInOneKey() {
    create("\uFB01ne Stra\u00DFe \u2460");                  // "ﬁne Straße ①"
    assertDuplicateOf("FINE STRASSE 1");
    assertDuplicateOf("fine strasse 1");
    assertDuplicateOf("Fine Stra\u1E9Ee 1");                 // capital sharp s
    assertDuplicateOf("fine\u00A0\u2003strasse\u3000 1");    // other white space
  }

  @Test
  void aDecomposedAccentIsTheSameNameAsTheComposedOne() {
    create("Caf\u00E9 M\u00FCller");
    assertDuplicateOf("Cafe\u0301 Mu\u0308ller");
  }

  @Test
  void aVisibleDifferenceStillMakesAnotherName() {
    create("Acme");
    assertThat(create("Acm\u00E9").name().value()).isEqualTo("Acm\u00E9");
    assertThat(create("Acme 2").name().value()).isEqualTo("Acme 2");
    assertThat(create("Acme-Ltd").name().value()).isEqualTo("Acme-Ltd");
  }

  @Test
  void aRenameIntoALookAlikeOfAnotherCustomerIsADuplicate() {
    create("Acme");
    Customer other = create("Globex");
    assertThatThrownBy(() -> customers.update(ACME, ALICE, other.id(), other.version(),
        CustomerDetails.named("Acme\u200B")))
        .isInstanceOfSatisfying(ConflictException.class,
            e -> assertThat(e.reason()).isEqualTo(ConflictException.Reason.DUPLICATE_NAME));
  }

  @Test
  void theNameIsStoredAsTypedOnlyTheKeyIsFolded() {
    Customer persian = create("\u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645");   // with a ZWNJ
    assertThat(persian.name().value()).isEqualTo("\u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645");
    assertThat(customers.get(ACME, persian.id()).name().value()).contains("\u200C");
  }

  @ParameterizedTest
  @ValueSource(strings = {"\u200B", "\u200B\u200C\u200D", "\u00AD", "\uFEFF\u2060", "\u200E\u200F",
      "\u3164", "\u2800", "\uFE0F", " \u200B ", "\u0301"})
  void aNameWithoutAVisibleCharacterIsRefused(String invisible) {
    assertRefusedName(invisible, "visible character");
    assertThat(customers.list(ACME, null, PageRequest.first(10)).total()).isZero();
  }

  @ParameterizedTest
  @ValueSource(strings = {"\u202EemcA", "Acme\u202A", "Ac\u202Bme", "Ac\u202Cme", "Ac\u202Dme",
      "\u2066Acme\u2069", "\u2067Acme", "\u2068Acme"})
  void bidiOverridesEmbeddingsAndIsolatesAreRefusedInNames(String name) {
    assertRefusedName(name, "bidi");
  }

  @ParameterizedTest
  @ValueSource(strings = {"Acme\uFFFF", "Acme\uFFFE", "Acme\uFDD0", "Acme\uD83F\uDFFF"})
  void noncharactersAreRefusedInNames(String name) {
    assertRefusedName(name, "noncharacter");
  }

  @Test
  void aNameMayNotStartWithACombiningMark() {
    assertRefusedName("\u0301Acme", "combining mark");
  }

  @Test
  void aNameThatSpellsOutBeyondTheKeyColumnIsRefused() {
    // Each U+FDFA spells out to 18 characters: 30 of them fit the 100-character rule but not the key.
    assertRefusedName("\uFDFA".repeat(30), "spelled out");
  }

  @Test
  void aNameThatSpellsOutToExactlyTheKeyColumnIsAcceptedAndOneLetterMoreIsNot() {
    // 22 × 18 letters spelled out, plus 4 plain letters: 400, the key column's width.
    String atTheLimit = "\uFDFA".repeat(22) + "abcd";

    assertThat(create(atTheLimit).name().value()).isEqualTo(atTheLimit);
    assertRefusedName(atTheLimit + "e", "spelled out");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "\u0634\u0631\u0643\u0629 \u0627\u0644\u0627\u062A\u0635\u0627\u0644\u0627\u062A",   // Arabic
      "\u05D7\u05D1\u05E8\u05EA \u05EA\u05E7\u05E9\u05D5\u05E8\u05EA",                     // Hebrew
      "\u6771\u4EAC\u901A\u4FE1\u682A\u5F0F\u4F1A\u793E",                                   // Japanese
      "\uD55C\uAD6D\uD1B5\uC2E0",                                                           // Korean
      "\u0939\u093F\u0928\u094D\u0926\u0940 \u0938\u0902\u091A\u093E\u0930",                // Devanagari
      "ACME (\u05E9\u05DC\u05D5\u05DD) GmbH",                                               // mixed directions
      "Cafe\u0301 \u0160koda",                                                              // combining marks
      "\uD83D\uDCE1 Telemetry",                                                             // emoji
  })
  void namesInEveryScriptAreAccepted(String name) {
    assertThat(create(name).name().value()).isEqualTo(name);
  }

  @Test
  void contactNamesFollowTheSameRules() {
    Customer acme = create("Acme");
    assertThatThrownBy(() -> customers.addContact(ACME, ALICE, acme.id(), ContactDetails.silent("\u200B\u200B", null)))
        .isInstanceOfSatisfying(InvalidInputException.class,
            e -> assertThat(e.violations()).extracting(v -> v.field()).containsOnly("name"));
    assertThatThrownBy(() -> customers.addContact(ACME, ALICE, acme.id(), ContactDetails.silent("\u202Ena\u202C", null)))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.getMessage()).contains("bidi"));
    assertThat(customers.get(ACME, acme.id()).contacts()).isEmpty();
  }

  @Test
  void theListSearchFoldsLikeTheKey() {
    create("Gro\u00DFe Stra\u00DFe GmbH");
    create("\uFF21\uFF43\uFF4D\uFF45 Metering");
    assertThat(customers.list(ACME, "strasse", PageRequest.first(10)).items())
        .extracting(CustomerSummary::name).containsExactly("Gro\u00DFe Stra\u00DFe GmbH");
    assertThat(customers.list(ACME, "acme", PageRequest.first(10)).items())
        .extracting(CustomerSummary::name).containsExactly("\uFF21\uFF43\uFF4D\uFF45 Metering");
  }
}
