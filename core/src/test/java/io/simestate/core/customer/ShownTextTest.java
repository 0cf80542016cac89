package io.simestate.core.customer;

import static io.simestate.core.Scenarios.ACME;
import static io.simestate.core.Scenarios.ALICE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.simestate.core.InvalidInputException;
import io.simestate.core.PageRequest;
import io.simestate.core.Scenarios;
import io.simestate.core.Violation;
import io.simestate.core.estate.Customers;
import io.simestate.core.estate.SimEstate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The free text a portal shows in mails and reports (addresses, notes, references, roles) follows the
 * same rules as names: no bidi overrides, no noncharacters, and something visible when given.
 */
class ShownTextTest {

  private final SimEstate estate = Scenarios.estate();
  private final Customers customers = estate.customers();

  private InvalidInputException refused(CustomerDetails details) {
    try {
      customers.create(ACME, ALICE, details);
    } catch (InvalidInputException e) {
      assertThat(customers.list(ACME, null, PageRequest.first(10)).total()).isZero();
      return e;
    }
    throw new AssertionError("accepted: " + details);
  }

  @ParameterizedTest
  @ValueSource(strings = {"\u202Eanneiv", "Vienna\u202A", "Vienna\u202E", "Vienna\u2066", "Vienna\u2069"})
  void aBidiOverrideInAnAddressFieldIsRefusedNamingTheField(String city) {
    InvalidInputException e = refused(CustomerDetails.named("Acme")
        .withAddress("Main St 1", "1010", city, "Austria"));
    assertThat(e.violations()).extracting(Violation::field).containsExactly("city");
    assertThat(e.getMessage()).contains("bidi");
  }

  @ParameterizedTest
  @ValueSource(strings = {"Ref \uFDD0", "Ref \uFDEF", "Ref \uFFFE", "Ref \uD83F\uDFFF", "Ref \uDBFF\uDFFF"})
  void aNoncharacterIsRefusedNamingIt(String reference) {
    InvalidInputException e = refused(CustomerDetails.named("Acme").withExtras(null, reference, null));
    assertThat(e.violations()).singleElement().satisfies(v -> {
      assertThat(v.field()).isEqualTo("reference");
      assertThat(v.message()).contains("noncharacter")
          .contains(String.format("U+%04X", reference.codePointBefore(reference.length())));
    });
  }

  @Test
  void theCodePointsBesideTheBidiAndNoncharacterRangesAreText() {
    // U+2065 (unassigned, invisible) and U+202F (narrow no-break space) stand beside the bidi ranges.
    Customer created = customers.create(ACME, ALICE, CustomerDetails.named("Acme")
        .withAddress("Main St 1", null, "Vienna\u2070\u2065", "\u202FAustria")
        .withExtras(null, "Ref \uFDCF\uFDF0", null));
    assertThat(created.address().city()).isEqualTo("Vienna\u2070\u2065");
    assertThat(created.reference()).isEqualTo("Ref \uFDCF\uFDF0");
  }

  @Test
  void multiLineFieldsRefuseControlCharactersOtherThanLineBreaksAndTabs() {
    InvalidInputException e = refused(CustomerDetails.named("Acme").withExtras(null, null, "Pays late\u0007\r\n"));
    assertThat(e.violations()).singleElement().satisfies(v -> {
      assertThat(v.field()).isEqualTo("notes");
      assertThat(v.message()).contains("control characters other than line breaks and tabs");
    });
  }

  @Test
  void everyFieldWithABadCharacterIsListed() {
    InvalidInputException e = refused(CustomerDetails.named("Acme")
        .withAddress("Main\u2066 St 1", "10\uFFFF10", "Vienna", "\u200B")
        .withExtras("https://acme.example", "REF\u202D", "Pays \u2067late\u2069"));
    assertThat(e.violations()).extracting(Violation::field)
        .containsExactlyInAnyOrder("street", "postalCode", "country", "reference", "notes");
  }

  @Test
  void anOptionalFieldOfOnlyInvisibleCharactersIsRefusedNotStoredEmptyLooking() {
    InvalidInputException e = refused(CustomerDetails.named("Acme").withExtras(null, "\u200B\u00AD", null));
    assertThat(e.violations()).singleElement().satisfies(v -> {
      assertThat(v.field()).isEqualTo("reference");
      assertThat(v.message()).contains("visible character");
    });
  }

  @Test
  void aContactRoleFollowsTheSameRules() {
    Customer acme = customers.create(ACME, ALICE, CustomerDetails.named("Acme"));
    assertThatThrownBy(() -> customers.addContact(ACME, ALICE, acme.id(),
        ContactDetails.silent("Ana", null).withPhoneAndRole(null, "Fleet \u202Eregnam")))
        .isInstanceOfSatisfying(InvalidInputException.class,
            e -> assertThat(e.violations()).extracting(Violation::field).containsExactly("role"));
  }

  @Test
  void singleLineFieldsRefuseUnicodeLineSeparators() {
    InvalidInputException e = refused(CustomerDetails.named("Acme").withAddress(null, null, "Vienna\u2028Austria", null));
    assertThat(e.violations()).extracting(Violation::field).containsExactly("city");
  }

  @Test
  void realTextInEveryScriptWithEmojiAndLineBreaksIsKept() {
    String notes = "Pays late \uD83D\uDCB8\r\n\u05D7\u05E9\u05D1\u05D5\u05DF \u05D1\u05E2\u05D1\u05E8\u05D9\u05EA\n"
        + "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67 family plan\t(\u6771\u4EAC)";
    Customer created = customers.create(ACME, ALICE, CustomerDetails.named("Acme")
        .withAddress("\u0634\u0627\u0631\u0639 \u0627\u0644\u0646\u064A\u0644 12", "11511", "\u0627\u0644\u0642\u0627\u0647\u0631\u0629", "\u0645\u0635\u0631")
        .withExtras(null, "\u00C9TS-\u2116 7", notes));
    assertThat(created.notes()).isEqualTo(notes);
    assertThat(created.address().city()).isEqualTo("\u0627\u0644\u0642\u0627\u0647\u0631\u0629");
  }

  @Test
  void aPortalsOwnBeanValidationSeesTheSameRules() {
    var validator = jakarta.validation.Validation.byDefaultProvider().configure()
        .messageInterpolator(new jakarta.validation.MessageInterpolator() {
          @Override
          public String interpolate(String template, Context context) {
            return template;
          }

          @Override
          public String interpolate(String template, Context context, java.util.Locale locale) {
            return template;
          }
        })
        .buildValidatorFactory().getValidator();
    var found = validator.validate(CustomerDetails.named("Acme").withAddress(null, null, "\u202Eanneiv", null));
    assertThat(found).extracting(v -> v.getPropertyPath().toString()).containsExactly("city");
  }
}
