package io.simestate.core.customer;

import static io.simestate.core.Scenarios.ACME;
import static io.simestate.core.Scenarios.ALICE;
import static io.simestate.core.Scenarios.GLOBEX;
import static io.simestate.core.Scenarios.customer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.simestate.core.InvalidInputException;
import io.simestate.core.Page;
import io.simestate.core.PageRequest;
import io.simestate.core.Scenarios;
import io.simestate.core.estate.Customers;
import io.simestate.core.estate.SimEstate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** F2: the customer drop-down — id and name, sorted ignoring case, searchable and paged. */
class CustomerListTest {

  private final SimEstate estate = Scenarios.estate();
  private final Customers customers = estate.customers();

  private List<String> names(Page<CustomerSummary> page) {
    return page.items().stream().map(CustomerSummary::name).toList();
  }

  @Test
  void listsIdAndNameSortedIgnoringCase() {
    Customer b = customer(estate, ACME, "beta");
    Customer a = customer(estate, ACME, "Alpha");
    Customer c = customer(estate, ACME, "Charlie");
    customer(estate, ACME, "ALPINE");
    Page<CustomerSummary> page = customers.list(ACME, null, PageRequest.first(10));
    assertThat(names(page)).containsExactly("Alpha", "ALPINE", "beta", "Charlie");
    assertThat(page.items().get(0)).isEqualTo(new CustomerSummary(a.id(), "Alpha"));
    assertThat(page.items()).extracting(CustomerSummary::id).contains(b.id(), c.id());
    assertThat(page.total()).isEqualTo(4);
  }

  @Test
  void anEmptyTenantListsNothing() {
    Page<CustomerSummary> page = customers.list(ACME, null, PageRequest.first(10));
    assertThat(page.items()).isEmpty();
    assertThat(page.total()).isZero();
    assertThat(page.hasNext()).isFalse();
  }

  @Test
  void searchesNamesAnywhereIgnoringCase() {
    customer(estate, ACME, "Northwind Logistics");
    customer(estate, ACME, "Contoso Logistics GmbH");
    customer(estate, ACME, "Fabrikam");
    Page<CustomerSummary> page = customers.list(ACME, "LOGISTIC", PageRequest.first(10));
    assertThat(names(page)).containsExactly("Contoso Logistics GmbH", "Northwind Logistics");
    assertThat(page.total()).isEqualTo(2);
    assertThat(names(customers.list(ACME, "wind log", PageRequest.first(10)))).containsExactly("Northwind Logistics");
  }

  @Test
  void searchTextIsNormalisedLikeNames() {
    customer(estate, ACME, "Northwind Logistics");
    assertThat(names(customers.list(ACME, "  wind \t  logistics ", PageRequest.first(10))))
        .containsExactly("Northwind Logistics");
  }

  @Test
  void aBlankSearchListsEveryone() {
    customer(estate, ACME, "A");
    customer(estate, ACME, "B");
    assertThat(customers.list(ACME, "   ", PageRequest.first(10)).total()).isEqualTo(2);
  }

  @Test
  void aSearchWithoutMatchesIsEmpty() {
    customer(estate, ACME, "Northwind");
    assertThat(customers.list(ACME, "%", PageRequest.first(10)).items()).isEmpty();
    assertThat(customers.list(ACME, "' OR 1=1 --", PageRequest.first(10)).items()).isEmpty();
  }

  @Test
  void pagesThroughALargeEstateInOrderWithoutGapsOrRepeats() {
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < 250; i++) {
      String name = (i % 2 == 0 ? "customer " : "CUSTOMER ") + String.format("%03d", i);
      customer(estate, ACME, name);
      expected.add(name);
    }
    List<String> seen = new ArrayList<>();
    PageRequest request = PageRequest.first(40);
    Page<CustomerSummary> page;
    do {
      page = customers.list(ACME, null, request);
      assertThat(page.total()).isEqualTo(250);
      seen.addAll(names(page));
      request = request.next();
    } while (page.hasNext());
    assertThat(seen).containsExactlyElementsOf(expected);
  }

  @Test
  void searchResultsArePagedToo() {
    for (int i = 0; i < 30; i++) {
      customer(estate, ACME, "Match " + String.format("%02d", i));
      customer(estate, ACME, "Other " + String.format("%02d", i));
    }
    Page<CustomerSummary> second = customers.list(ACME, "match", new PageRequest(10, 10));
    assertThat(second.total()).isEqualTo(30);
    assertThat(names(second)).first().isEqualTo("Match 10");
    assertThat(names(second)).hasSize(10).allMatch(n -> n.startsWith("Match"));
    assertThat(second.hasNext()).isTrue();
  }

  @Test
  void aRenameMovesTheCustomerToItsNewPlace() {
    Customer zed = customer(estate, ACME, "Zed");
    customer(estate, ACME, "Middle");
    customers.update(ACME, ALICE, zed.id(), zed.version(), CustomerDetails.named("aardvark"));
    assertThat(names(customers.list(ACME, null, PageRequest.first(10)))).containsExactly("aardvark", "Middle");
  }

  @Test
  void listsOnlyTheTenantsOwnCustomers() {
    customer(estate, ACME, "Acme's customer");
    customer(estate, GLOBEX, "Globex's customer");
    assertThat(names(customers.list(ACME, null, PageRequest.first(10)))).containsExactly("Acme's customer");
    assertThat(names(customers.list(GLOBEX, "customer", PageRequest.first(10)))).containsExactly("Globex's customer");
  }

  @Test
  void aMissingPageOrTenantIsInvalidInput() {
    assertThatThrownBy(() -> customers.list(ACME, null, null)).isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> customers.list(null, null, PageRequest.first(1))).isInstanceOf(InvalidInputException.class);
  }
}
