package io.simestate.core.customer;

import static io.simestate.core.Scenarios.ACME;
import static io.simestate.core.Scenarios.ALICE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.simestate.core.AlertKind;
import io.simestate.core.InvalidInputException;
import io.simestate.core.Scenarios;
import io.simestate.core.estate.SimEstate;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * F1, F4, F6: what a portal's edit form does with the details. Each {@code with…} changes its own
 * fields and keeps every other one, and the details read back from a stored customer or contact are
 * the details it was saved with, so an edit form that starts from them changes nothing by itself.
 */
class DetailsRoundTripTest {

  private static final CustomerDetails FULL = new CustomerDetails("Northwind", "Ring 2", "1010", "Vienna",
      "Wien", "AT", "+43 1 234", "info@northwind.example", "https://northwind.example", "NW-1", "gold");

  private static final ContactDetails ANA = new ContactDetails("Ana", "ana@northwind.example", "+43 1 5",
      "Fleet manager", true, Set.of(AlertKind.CUT_OFF));

  private final SimEstate estate = Scenarios.estate();

  @Test
  void eachEditOfCustomerDetailsChangesItsOwnFieldsAndKeepsTheRest() {
    assertThat(FULL.withName("Initech")).isEqualTo(new CustomerDetails("Initech", "Ring 2", "1010", "Vienna",
        "Wien", "AT", "+43 1 234", "info@northwind.example", "https://northwind.example", "NW-1", "gold"));
    assertThat(FULL.withAddress("Main St 1", "10115", "Berlin", "DE")).isEqualTo(new CustomerDetails("Northwind",
        "Main St 1", "10115", "Berlin", "Wien", "DE", "+43 1 234", "info@northwind.example",
        "https://northwind.example", "NW-1", "gold"));
    assertThat(FULL.withRegion("Tirol")).isEqualTo(new CustomerDetails("Northwind", "Ring 2", "1010", "Vienna",
        "Tirol", "AT", "+43 1 234", "info@northwind.example", "https://northwind.example", "NW-1", "gold"));
    assertThat(FULL.withPhone("+49 30")).isEqualTo(new CustomerDetails("Northwind", "Ring 2", "1010", "Vienna",
        "Wien", "AT", "+49 30", "info@northwind.example", "https://northwind.example", "NW-1", "gold"));
    assertThat(FULL.withEmail("sales@northwind.example")).isEqualTo(new CustomerDetails("Northwind", "Ring 2",
        "1010", "Vienna", "Wien", "AT", "+43 1 234", "sales@northwind.example", "https://northwind.example", "NW-1",
        "gold"));
    assertThat(FULL.withPhoneAndEmail("+49 30", "sales@northwind.example")).isEqualTo(new CustomerDetails(
        "Northwind", "Ring 2", "1010", "Vienna", "Wien", "AT", "+49 30", "sales@northwind.example",
        "https://northwind.example", "NW-1", "gold"));
    assertThat(FULL.withWebsite("https://nw.example")).isEqualTo(new CustomerDetails("Northwind", "Ring 2", "1010",
        "Vienna", "Wien", "AT", "+43 1 234", "info@northwind.example", "https://nw.example", "NW-1", "gold"));
    assertThat(FULL.withReference("NW-2")).isEqualTo(new CustomerDetails("Northwind", "Ring 2", "1010", "Vienna",
        "Wien", "AT", "+43 1 234", "info@northwind.example", "https://northwind.example", "NW-2", "gold"));
    assertThat(FULL.withNotes("silver")).isEqualTo(new CustomerDetails("Northwind", "Ring 2", "1010", "Vienna",
        "Wien", "AT", "+43 1 234", "info@northwind.example", "https://northwind.example", "NW-1", "silver"));
    assertThat(FULL.withExtras("https://nw.example", "NW-2", "silver")).isEqualTo(new CustomerDetails("Northwind",
        "Ring 2", "1010", "Vienna", "Wien", "AT", "+43 1 234", "info@northwind.example", "https://nw.example",
        "NW-2", "silver"));
  }

  @Test
  void theDetailsOfAStoredCustomerAreTheDetailsItWasSavedWith() {
    Customer stored = estate.customers().create(ACME, ALICE, FULL);
    assertThat(CustomerDetails.from(stored)).isEqualTo(FULL);

    Customer bare = estate.customers().create(ACME, ALICE, CustomerDetails.named("Initech"));
    assertThat(CustomerDetails.from(bare)).isEqualTo(CustomerDetails.named("Initech"));
  }

  @Test
  void eachEditOfContactDetailsChangesItsOwnFieldsAndKeepsTheRest() {
    Set<AlertKind> cutOff = Set.of(AlertKind.CUT_OFF);
    assertThat(ANA.withName("Bo")).isEqualTo(new ContactDetails("Bo", "ana@northwind.example", "+43 1 5",
        "Fleet manager", true, cutOff));
    assertThat(ANA.withEmail("ana@nw.example")).isEqualTo(new ContactDetails("Ana", "ana@nw.example", "+43 1 5",
        "Fleet manager", true, cutOff));
    assertThat(ANA.withPhone("+49 30")).isEqualTo(new ContactDetails("Ana", "ana@northwind.example", "+49 30",
        "Fleet manager", true, cutOff));
    assertThat(ANA.withRole("Buyer")).isEqualTo(new ContactDetails("Ana", "ana@northwind.example", "+43 1 5",
        "Buyer", true, cutOff));
    assertThat(ANA.withPhoneAndRole("+49 30", "Buyer")).isEqualTo(new ContactDetails("Ana",
        "ana@northwind.example", "+49 30", "Buyer", true, cutOff));
    assertThat(ANA.withAlerts(false)).isEqualTo(new ContactDetails("Ana", "ana@northwind.example", "+43 1 5",
        "Fleet manager", false, cutOff));
    assertThat(ANA.withAlertKinds(Set.of(AlertKind.WARNING))).isEqualTo(new ContactDetails("Ana",
        "ana@northwind.example", "+43 1 5", "Fleet manager", true, Set.of(AlertKind.WARNING)));
    assertThat(ANA.wanting(AlertKind.WARNING, AlertKind.CUT_OFF).alertKinds())
        .isEqualTo(EnumSet.allOf(AlertKind.class));
    assertThat(ContactDetails.alerted("Ana", "ana@northwind.example")).isEqualTo(new ContactDetails("Ana",
        "ana@northwind.example", null, null, true, null));
    assertThat(ContactDetails.silent("Ana", "ana@northwind.example")).isEqualTo(new ContactDetails("Ana",
        "ana@northwind.example", null, null, false, null));
  }

  @Test
  void theDetailsOfAStoredContactAreTheDetailsItWasSavedWith() {
    Customer northwind = estate.customers().create(ACME, ALICE, CustomerDetails.named("Northwind"));
    Contact ana = estate.customers().addContact(ACME, ALICE, northwind.id(), ANA);
    assertThat(ContactDetails.from(ana)).isEqualTo(ANA);

    Contact bo = estate.customers().addContact(ACME, ALICE, northwind.id(), new ContactDetails("Bo", null, null,
        null, false, null));
    assertThat(ContactDetails.from(bo)).isEqualTo(new ContactDetails("Bo", null, null, null, false, null));
  }

  @Test
  void aContactThatNamesNoAlertKindWantsBothAndTheKindsItNamesCannotBeChangedAfterwards() {
    Set<AlertKind> withNull = new HashSet<>();
    withNull.add(null);
    for (Set<AlertKind> none : java.util.Arrays.<Set<AlertKind>>asList(null, Set.of(), withNull)) {
      assertThat(new ContactDetails("Ana", null, null, null, false, none).alertKinds())
          .isEqualTo(EnumSet.allOf(AlertKind.class));
    }
    Set<AlertKind> mine = EnumSet.of(AlertKind.WARNING);
    ContactDetails details = new ContactDetails("Ana", null, null, null, false, mine);
    mine.add(AlertKind.CUT_OFF);
    assertThat(details.alertKinds()).containsExactly(AlertKind.WARNING);
    assertThatThrownBy(() -> details.alertKinds().add(AlertKind.CUT_OFF))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void detailsCannotBeReadFromNothing() {
    assertThatThrownBy(() -> CustomerDetails.from(null)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("customer");
    assertThatThrownBy(() -> ContactDetails.from(null)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("contact");
  }
}
