package io.simestate.core.alert;

import static io.simestate.core.alert.AlertFixture.sim;
import static org.assertj.core.api.Assertions.assertThat;

import io.simestate.core.AlertKind;
import io.simestate.core.customer.Contact;
import io.simestate.core.customer.ContactId;
import io.simestate.core.customer.CustomerId;
import io.simestate.core.customer.EmailAddress;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The small values of routing that hosts store, compare and show. */
class AlertValuesTest {

  @Test
  void aRepeatKeyIsStoredAsIccidKindAndPeriodOrADashWithoutOne() {
    assertThat(new RepeatKey(sim(1), AlertKind.WARNING, "2026-11").text())
        .isEqualTo(sim(1).digits() + "|WARNING|p:2026-11");
    assertThat(new RepeatKey(sim(1), AlertKind.CUT_OFF, null).text()).isEqualTo(sim(1).digits() + "|CUT_OFF|-");
  }

  @Test
  void eachSkipReasonIsDescribedInItsOwnWordsForReports() {
    assertThat(SkipReason.ALERTS_OFF.description()).isEqualTo("alerts are switched off");
    assertThat(SkipReason.NO_VALID_EMAIL.description()).isEqualTo("no valid email address");
    assertThat(Arrays.stream(SkipReason.values()).map(SkipReason::description))
        .doesNotHaveDuplicates().allSatisfy(d -> assertThat(d).isNotBlank());
  }

  @Test
  void twoHoldersAreEqualExactlyWhenCustomerNameAndContactsAre() {
    CustomerId northwind = CustomerId.random();
    Contact ana = new Contact(ContactId.random(), "Ana", EmailAddress.parse("ana@x.example"), null, null, true,
        Set.of(AlertKind.WARNING));
    Contact bo = new Contact(ContactId.random(), "Bo", EmailAddress.parse("bo@x.example"), null, null, true,
        Set.of(AlertKind.WARNING));
    SimHolder holder = new SimHolder(northwind, "Northwind", List.of(ana));
    SimHolder same = new SimHolder(northwind, "Northwind", List.of(ana));

    assertThat(holder).isEqualTo(same).hasSameHashCodeAs(same);
    assertThat(holder).isNotEqualTo(new SimHolder(CustomerId.random(), "Northwind", List.of(ana)))
        .isNotEqualTo(new SimHolder(northwind, "Northwind Ltd", List.of(ana)))
        .isNotEqualTo(new SimHolder(northwind, "Northwind", List.of(ana, bo)))
        .isNotEqualTo("Northwind");
    assertThat(holder.toString()).contains(northwind.toString(), "Northwind", "Ana");
  }
}
