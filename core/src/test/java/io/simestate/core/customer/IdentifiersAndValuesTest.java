package io.simestate.core.customer;

import static io.simestate.core.Scenarios.ACME;
import static io.simestate.core.Scenarios.ALICE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.simestate.core.InvalidInputException;
import io.simestate.core.Scenarios;
import io.simestate.core.estate.SimEstate;
import org.junit.jupiter.api.Test;

/**
 * The small values of the customer package as a portal uses them: ids written into a URL and read
 * back, a contact found by its id among several, an address that is empty only when no part is given,
 * and the limits of an email address's parts at their edges.
 */
class IdentifiersAndValuesTest {

  private final SimEstate estate = Scenarios.estate();

  @Test
  void anIdWrittenIntoAUrlReadsBackAsTheSameId() {
    CustomerId customer = CustomerId.random();
    ContactId contact = ContactId.random();
    assertThat(CustomerId.parse(customer.toString())).isEqualTo(customer);
    assertThat(ContactId.parse(contact.toString())).isEqualTo(contact);
    assertThat(contact.toString()).isEqualTo(contact.value().toString());
    assertThatThrownBy(() -> ContactId.parse("not-a-uuid")).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("contactId");
  }

  @Test
  void aContactIsFoundByItsIdAmongSeveral() {
    Customer northwind = estate.customers().create(ACME, ALICE, CustomerDetails.named("Northwind"));
    Contact ana = estate.customers().addContact(ACME, ALICE, northwind.id(), ContactDetails.silent("Ana", null));
    Contact bo = estate.customers().addContact(ACME, ALICE, northwind.id(), ContactDetails.silent("Bo", null));
    Customer stored = estate.customers().get(ACME, northwind.id());

    assertThat(stored.contact(bo.id())).contains(bo);
    assertThat(stored.contact(ana.id())).contains(ana);
    assertThat(stored.contact(ContactId.random())).isEmpty();
  }

  @Test
  void anAddressIsEmptyOnlyWhenNoPartIsGiven() {
    assertThat(PostalAddress.EMPTY.isEmpty()).isTrue();
    assertThat(new PostalAddress("Ring 2", null, null, null, null).isEmpty()).isFalse();
    assertThat(new PostalAddress(null, "1010", null, null, null).isEmpty()).isFalse();
    assertThat(new PostalAddress(null, null, "Vienna", null, null).isEmpty()).isFalse();
    assertThat(new PostalAddress(null, null, null, "Wien", null).isEmpty()).isFalse();
    assertThat(new PostalAddress(null, null, null, null, "AT").isEmpty()).isFalse();
  }

  @Test
  void aDomainLabelMayHaveSixtyThreeCharactersAndNotSixtyFour() {
    assertThat(EmailAddress.parse("a@" + "b".repeat(63) + ".example").domain()).startsWith("b".repeat(63) + ".");
    assertThatThrownBy(() -> EmailAddress.parse("a@" + "b".repeat(64) + ".example"))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("1 to 63 characters");
    assertThatThrownBy(() -> EmailAddress.parse("a@example." + "c".repeat(64)))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("1 to 63 characters");
  }

  @Test
  void aTopLevelDomainOfDigitsOnlyIsRefusedWhateverTheDigits() {
    for (String digits : new String[] {"0", "9", "09", "90"}) {
      assertThatThrownBy(() -> EmailAddress.parse("a@example." + digits)).isInstanceOf(InvalidInputException.class)
          .hasMessageContaining("must not be all digits");
    }
    assertThat(EmailAddress.parse("a@example.a9").domain()).isEqualTo("example.a9");
  }

  @Test
  void anAddressBuiltFromItsPartsKeepsTheRulesOfTheLocalPart() {
    for (String local : new String[] {"a..b", ".a", "a.", "a b", "\u00E9", "a".repeat(65)}) {
      assertThatThrownBy(() -> new EmailAddress(local, "example.com")).as(local)
          .isInstanceOf(InvalidInputException.class).hasMessageContaining("before the @");
    }
    assertThat(new EmailAddress("a.b", "example.com")).isEqualTo(EmailAddress.parse("a.b@EXAMPLE.com"));
  }
}
