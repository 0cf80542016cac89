package io.simestate.core.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.simestate.core.InvalidInputException;
import io.simestate.core.Limits;
import io.simestate.core.customer.EmailAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Collections;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The limits of the values a tenant's alert settings are made of: each is accepted at its limit and
 * refused one step past it, naming the field, so that a portal form can offer exactly the range the
 * library takes.
 */
class AlertSettingLimitsTest {

  private static final EmailAddress NOC_ADDRESS = EmailAddress.parse("noc@acme.example");
  private static final TenantAlertSettings S = TenantAlertSettings.DEFAULTS;

  @Test
  void aRecipientNameIsAcceptedUpToItsLimitAndRefusedOnePast() {
    String longest = "n".repeat(Limits.RECIPIENT_NAME_LENGTH);
    assertThat(Recipient.catchAll(longest, NOC_ADDRESS).name()).isEqualTo(longest);
    assertRefused("recipient.name", () -> Recipient.catchAll(longest + "n", NOC_ADDRESS));
    assertRefused("recipient.name", () -> Recipient.catchAll(" ", NOC_ADDRESS));
    assertRefused("recipient.name", () -> Recipient.catchAll("NOC\r\nBcc: everyone", NOC_ADDRESS));
  }

  @Test
  void aSendersDisplayNameIsAcceptedUpToItsLimitAndRefusedOnePast() {
    String longest = "d".repeat(Limits.RECIPIENT_NAME_LENGTH);
    assertThat(SenderIdentity.of("alerts@acme.example", longest).displayName()).isEqualTo(longest);
    assertRefused("sender.displayName", () -> SenderIdentity.of("alerts@acme.example", longest + "d"));
    assertRefused("sender.displayName", () -> SenderIdentity.of("alerts@acme.example", "Alerts\nBcc: x"));
  }

  @Test
  void aSenderGivenOnlyByItsAddressHasNoDisplayNameAndNoReplyTo() {
    SenderIdentity sender = SenderIdentity.of("alerts@acme.example");

    assertThat(sender.address()).isEqualTo(EmailAddress.parse("alerts@acme.example"));
    assertThat(sender.displayName()).isNull();
    assertThat(sender.replyTo()).isNull();
  }

  @Test
  void aDigestWindowIsAcceptedUpToOneDayAndRefusedPastIt() {
    assertThat(S.withDigestWindow(Duration.ofDays(1)).digestWindow()).isEqualTo(Duration.ofDays(1));
    assertThat(S.withDigestWindow(Duration.ZERO).digestWindow()).isZero();
    assertRefused("digestWindow", () -> S.withDigestWindow(Duration.ofDays(1).plusNanos(1)));
    assertRefused("digestWindow", () -> S.withDigestWindow(Duration.ofNanos(-1)));
  }

  @Test
  void aRepeatWindowIsAcceptedFromOneSecondToThirtyOneDaysAndRefusedOutsideThat() {
    assertThat(S.withRepeatWindow(Duration.ofSeconds(1)).repeatWindow()).isEqualTo(Duration.ofSeconds(1));
    assertThat(S.withRepeatWindow(TenantAlertSettings.MAX_REPEAT_WINDOW).repeatWindow())
        .isEqualTo(Duration.ofDays(31));
    assertRefused("repeatWindow", () -> S.withRepeatWindow(Duration.ofSeconds(1).minusNanos(1)));
    assertRefused("repeatWindow", () -> S.withRepeatWindow(Duration.ofDays(31).plusNanos(1)));
  }

  @Test
  void catchAllRecipientsAreAcceptedUpToTheirLimitAndRefusedOnePast() {
    Recipient noc = Recipient.catchAll("NOC", NOC_ADDRESS);
    assertThat(S.withCatchAll(Collections.nCopies(Limits.CATCH_ALL_RECIPIENTS, noc)).catchAll())
        .hasSize(Limits.CATCH_ALL_RECIPIENTS);
    assertRefused("catchAll", () -> S.withCatchAll(Collections.nCopies(Limits.CATCH_ALL_RECIPIENTS + 1, noc)));
  }

  @Test
  void aDisplayNameIsAcceptedUpToItsLimitInCharactersNotCodeUnits() {
    String longest = "📡".repeat(Limits.TENANT_NAME_LENGTH);
    assertThat(S.withDisplayName(longest).displayName()).isEqualTo(longest);
    assertRefused("displayName", () -> S.withDisplayName(longest + "x"));
  }

  @Test
  void aPortalAddressIsAcceptedUpToItsLimitAndRefusedOnePast() {
    String head = "https://portal.example/";
    String longest = head + "p".repeat(Limits.PORTAL_URL_LENGTH - head.length());
    assertThat(S.withPortalUrl(URI.create(longest)).portalUrl()).hasToString(longest);
    assertRefused("portalUrl", () -> S.withPortalUrl(URI.create(longest + "p")));
  }

  private static void assertRefused(String field, Supplier<Object> make) {
    assertThatThrownBy(make::get).isInstanceOf(InvalidInputException.class).hasMessageContaining(field);
  }
}
