package io.simestate.core.contract;

import static io.simestate.core.contract.ContractFixtures.newIccids;
import static io.simestate.core.contract.ContractFixtures.newTenant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.simestate.core.Actor;
import io.simestate.core.ConflictException;
import io.simestate.core.PageRequest;
import io.simestate.core.TenantId;
import io.simestate.core.customer.ContactDetails;
import io.simestate.core.customer.Customer;
import io.simestate.core.customer.CustomerDetails;
import io.simestate.core.customer.CustomerSummary;
import io.simestate.core.estate.SimEstate;
import io.simestate.core.persistence.Persistence;
import io.simestate.core.sim.CsvImportReport;
import io.simestate.core.sim.Iccid;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Names that look the same are one name on every store: the folded key, not the database's collation,
 * decides uniqueness, look-ups and search; and every script comes back exactly as stored.
 */
public abstract class LookAlikeNamesContract {

  private static final Actor ALICE = Actor.of("alice@portal");

  private SimEstate estate;
  private TenantId tenant;

  /**
   * The persistence under test; may be shared between tests.
   *
   * @return the persistence
   */
  protected abstract Persistence persistence();

  @BeforeEach
  void wireTheLibrary() {
    estate = SimEstate.builder().persistence(persistence()).build();
    tenant = newTenant();
  }

  private Customer create(String name) {
    return estate.customers().create(tenant, ALICE, CustomerDetails.named(name));
  }

  @ParameterizedTest
  @ValueSource(strings = {"Acme\u200B", "Ac\u00ADme", "\uFF21\uFF43\uFF4D\uFF45", "ACME", "A\u2060cme\uFE0F",
      "\uFEFFAcme", "Acme\u3164"})
  void aLookAlikeOfAStoredNameIsADuplicate(String lookAlike) {
    create("Acme");
    assertThatThrownBy(() -> create(lookAlike)).isInstanceOfSatisfying(ConflictException.class,
        e -> assertThat(e.reason()).isEqualTo(ConflictException.Reason.DUPLICATE_NAME));
    assertThat(estate.customers().list(tenant, null, PageRequest.first(10)).total()).isEqualTo(1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"STRASSE", "Stra\u1E9Ee", "stra\u00DFe"})
  void sharpSAndItsCapitalAndDoubleSAreOneName(String other) {
    create("Stra\u00DFe");
    assertThatThrownBy(() -> create(other)).isInstanceOf(ConflictException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "\u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645",                       // Persian with a ZWNJ
      "\u0634\u0631\u0643\u0629 (\u05E9\u05DC\u05D5\u05DD) GmbH",                // Arabic, Hebrew, Latin
      "\u6771\u4EAC\u901A\u4FE1\u682A\u5F0F\u4F1A\u793E \uD83D\uDCE1",           // Japanese and an emoji
      "Cafe\u0301 \u0160koda \uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67",  // combining marks, ZWJ emoji
  })
  void aNameInAnyScriptIsReadBackExactlyAndFoundByItsKey(String name) {
    Customer created = create(name);
    estate.customers().addContact(tenant, ALICE, created.id(), ContactDetails.silent(name, null));
    Customer read = estate.customers().get(tenant, created.id());
    assertThat(read.name().value()).isEqualTo(name);
    assertThat(read.contacts()).singleElement().satisfies(c -> assertThat(c.name()).isEqualTo(name));
    Iccid sim = newIccids(1).get(0);
    CsvImportReport report = estate.sims().importCsv(tenant, ALICE,
        new StringReader(sim.digits() + ",\"" + name.toUpperCase(java.util.Locale.ROOT) + "\u200B\"\n"));
    assertThat(report.rejected()).isEmpty();
    assertThat(estate.sims().customerOf(tenant, sim.digits())).contains(created.id());
  }

  @ParameterizedTest
  @ValueSource(strings = {"strasse", "STRASSE", "stra\u00DFe", "\uFF53\uFF54\uFF52\uFF41\uFF53\uFF53\uFF45"})
  void theSearchFindsANameHoweverItsLettersAreWritten(String search) {
    create("Gro\u00DFe Stra\u00DFe GmbH");
    create("Acme");
    List<String> found = estate.customers().list(tenant, search, PageRequest.first(10)).items().stream()
        .map(CustomerSummary::name).toList();
    assertThat(found).containsExactly("Gro\u00DFe Stra\u00DFe GmbH");
  }
}
