package io.simestate.core.alert;

import static org.assertj.core.api.Assertions.assertThat;

import io.simestate.core.AlertKind;
import io.simestate.core.TenantId;
import io.simestate.core.customer.ContactId;
import io.simestate.core.customer.CustomerId;
import io.simestate.core.customer.EmailAddress;
import io.simestate.core.sim.Iccid;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * F13 as {@link RoutingPlan#recorded(Set)} applies it, the call an adapter makes with the keys its
 * repeat guard let through (the JPA adapter does on PostgreSQL and H2).
 */
class AlreadyToldRecipientsTest {

  private static final Instant AT = Instant.parse("2026-12-01T03:00:00Z");
  private static final Recipient ANA = new Recipient(ContactId.random(), "Ana", EmailAddress.parse("ana@example.com"));
  private static final Recipient BEN = new Recipient(ContactId.random(), "Ben", EmailAddress.parse("ben@example.com"));

  private final AlertDecision eligible = new AlertDecision(TenantId.of("acme"),
      UsageAlert.of(AlertId.of("a-1"), Iccid.withCheckDigit("894450010200000001"), AlertKind.WARNING, AT),
      RoutingOutcome.ROUTED, CustomerId.random(), "Northwind", List.of(ANA, BEN), List.of(), AT);

  @Test
  void aDecisionWhoseChosenRecipientsWereAllLetThroughIsKeptAsItIs() {
    assertThat(AlertRouter.leaveOutAlreadyTold(eligible, Set.of(ANA.key(), BEN.key()))).isEqualTo(eligible);
  }

  @Test
  void aRecipientNotLetThroughIsSkippedAsAlreadyToldAndNobodyLeftIsARepeatSuppressed() {
    AlertDecision oneLeft = AlertRouter.leaveOutAlreadyTold(eligible, Set.of(ANA.key()));
    AlertDecision noneLeft = AlertRouter.leaveOutAlreadyTold(eligible, Set.of());

    assertThat(oneLeft.chosen()).containsExactly(ANA);
    assertThat(oneLeft.skipped()).extracting(SkippedContact::reason).containsExactly(SkipReason.ALREADY_TOLD);
    assertThat(oneLeft.outcome()).isEqualTo(RoutingOutcome.ROUTED);
    assertThat(noneLeft.chosen()).isEmpty();
    assertThat(noneLeft.outcome()).isEqualTo(RoutingOutcome.REPEAT_SUPPRESSED);
  }
}
