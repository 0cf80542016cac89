package io.simestate.core.customer;

import static io.simestate.core.Scenarios.ACME;
import static io.simestate.core.Scenarios.ALICE;
import static io.simestate.core.Scenarios.customer;
import static io.simestate.core.Scenarios.iccids;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.simestate.core.NotFoundException;
import io.simestate.core.PageRequest;
import io.simestate.core.Scenarios;
import io.simestate.core.estate.CustomerReport;
import io.simestate.core.estate.Customers;
import io.simestate.core.estate.SimEstate;
import io.simestate.core.sim.Iccid;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** F3: the customer report — details, every contact, SIM count and paged ICCIDs. */
class CustomerReportTest {

  private final SimEstate estate = Scenarios.estate();
  private final Customers customers = estate.customers();

  @Test
  void showsTheStoredDetailsAndEveryContact() {
    Customer c = customers.create(ACME, ALICE, CustomerDetails.named("Northwind")
        .withAddress("Main St 1", "1010", "Vienna", "AT").withPhoneAndEmail("+43 1", "info@northwind.example"));
    Contact ana = customers.addContact(ACME, ALICE, c.id(), ContactDetails.alerted("Ana", "ana@northwind.example"));
    Contact ben = customers.addContact(ACME, ALICE, c.id(), ContactDetails.silent("Ben", null));
    CustomerReport report = customers.report(ACME, c.id(), PageRequest.first(10));
    assertThat(report.customer().name().value()).isEqualTo("Northwind");
    assertThat(report.customer().address().city()).isEqualTo("Vienna");
    assertThat(report.customer().email()).isEqualTo(EmailAddress.parse("info@northwind.example"));
    assertThat(report.customer().contacts()).containsExactly(ana, ben);
  }

  @Test
  void aCustomerWithoutSimsReportsZero() {
    Customer c = customer(estate, ACME, "Northwind");
    CustomerReport report = customers.report(ACME, c.id(), PageRequest.first(10));
    assertThat(report.simCount()).isZero();
    assertThat(report.sims().items()).isEmpty();
  }

  @Test
  void countsAllSimsAndPagesTheIccidsInOrder() {
    Customer c = customer(estate, ACME, "Northwind");
    List<String> all = iccids(0, 25);
    List<String> shuffled = new ArrayList<>(all);
    Collections.shuffle(shuffled, new java.util.Random(7));
    estate.sims().assign(ACME, ALICE, c.id(), shuffled);

    CustomerReport first = customers.report(ACME, c.id(), PageRequest.first(10));
    assertThat(first.simCount()).isEqualTo(25);
    assertThat(first.sims().total()).isEqualTo(25);
    assertThat(first.sims().items()).extracting(Iccid::digits).containsExactlyElementsOf(all.subList(0, 10));
    assertThat(first.sims().hasNext()).isTrue();

    CustomerReport last = customers.report(ACME, c.id(), new PageRequest(20, 10));
    assertThat(last.sims().items()).extracting(Iccid::digits).containsExactlyElementsOf(all.subList(20, 25));
    assertThat(last.sims().hasNext()).isFalse();
  }

  @Test
  void onlyTheCustomersOwnSimsAppear() {
    Customer a = customer(estate, ACME, "A");
    Customer b = customer(estate, ACME, "B");
    estate.sims().assign(ACME, ALICE, a.id(), iccids(0, 3));
    estate.sims().assign(ACME, ALICE, b.id(), iccids(10, 2));
    assertThat(customers.report(ACME, b.id(), PageRequest.first(10)).sims().items())
        .extracting(Iccid::digits).containsExactlyElementsOf(iccids(10, 2));
  }

  @Test
  void reflectsSimsMovedAway() {
    Customer a = customer(estate, ACME, "A");
    Customer b = customer(estate, ACME, "B");
    estate.sims().assign(ACME, ALICE, a.id(), iccids(0, 3));
    estate.sims().assign(ACME, ALICE, b.id(), iccids(0, 1));
    assertThat(customers.report(ACME, a.id(), PageRequest.first(10)).simCount()).isEqualTo(2);
    assertThat(customers.report(ACME, b.id(), PageRequest.first(10)).simCount()).isEqualTo(1);
  }

  @Test
  void anUnknownCustomerIsNotFound() {
    assertThatThrownBy(() -> customers.report(ACME, CustomerId.random(), PageRequest.first(10)))
        .isInstanceOf(NotFoundException.class);
  }
}
