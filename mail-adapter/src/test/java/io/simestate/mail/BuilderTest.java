package io.simestate.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.simestate.core.InvalidInputException;
import io.simestate.core.alert.Notification;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class BuilderTest {

  @Test
  void hostIsRequired() {
    assertThatThrownBy(() -> SmtpNotificationSender.builder().build())
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("host");
  }

  @Test
  void hostWithALineBreakIsRefused() {
    assertThatThrownBy(() -> SmtpNotificationSender.builder().host("smtp.example.com\r\nX: y").build())
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("host");
  }

  @Test
  void portOutOfRangeIsRefused() {
    assertThatThrownBy(() -> SmtpNotificationSender.builder().host("smtp.example.com").port(70000).build())
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("port");
  }

  @Test
  void zeroTimeoutIsRefusedBecauseItWouldMeanWaitForever() {
    assertThatThrownBy(() -> SmtpNotificationSender.builder().host("smtp.example.com")
        .readTimeout(Duration.ZERO).build())
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("readTimeout");
  }

  @Test
  void userNameWithoutPasswordIsRefused() {
    assertThatThrownBy(() -> SmtpNotificationSender.builder().host("smtp.example.com").auth("alerts", null).build())
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("auth");
  }

  @Test
  void defaultsToStarttlsOnPort587() {
    SmtpNotificationSender sender = SmtpNotificationSender.builder().host("smtp.example.com").build();

    assertThat(sender).hasToString("SmtpNotificationSender[smtp://smtp.example.com:587]");
  }

  @Test
  void smtpsDefaultsToPort465() {
    SmtpNotificationSender sender = SmtpNotificationSender.builder().host("smtp.example.com")
        .security(SmtpSecurity.SMTPS).build();

    assertThat(sender).hasToString("SmtpNotificationSender[smtps://smtp.example.com:465]");
  }

  @Test
  void descriptionNeverShowsThePassword() {
    SmtpNotificationSender sender = SmtpNotificationSender.builder().host("smtp.example.com")
        .auth("alerts", "s3cret").build();

    assertThat(sender.toString()).doesNotContain("s3cret");
  }

  @Test
  void everyPortFromOneTo65535IsAcceptedAndNoOther() {
    for (int port : new int[] {1, 25, 65535}) {
      assertThat(SmtpNotificationSender.builder().host("smtp.example.com").port(port).build())
          .hasToString("SmtpNotificationSender[smtp://smtp.example.com:" + port + "]");
    }
    for (int port : new int[] {0, -1, 65536}) {
      assertThatThrownBy(() -> SmtpNotificationSender.builder().host("smtp.example.com").port(port).build())
          .as("port %s", port).isInstanceOf(InvalidInputException.class).hasMessageContaining("port");
    }
  }

  @Test
  void eachTimeoutMayBeUpToExactlyTenMinutesAndNotAMillisecondMore() {
    Duration tenMinutes = Duration.ofMinutes(10);
    Duration more = tenMinutes.plusMillis(1);

    assertThat(SmtpNotificationSender.builder().host("smtp.example.com").connectTimeout(tenMinutes)
        .readTimeout(tenMinutes).writeTimeout(tenMinutes).build()).isNotNull();
    assertThatThrownBy(() -> SmtpNotificationSender.builder().host("smtp.example.com").connectTimeout(more).build())
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("connectTimeout");
    assertThatThrownBy(() -> SmtpNotificationSender.builder().host("smtp.example.com").readTimeout(more).build())
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("readTimeout");
    assertThatThrownBy(() -> SmtpNotificationSender.builder().host("smtp.example.com").writeTimeout(more).build())
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("writeTimeout");
  }

  @Test
  void aNegativeOrMissingTimeoutIsRefused() {
    assertThatThrownBy(() -> SmtpNotificationSender.builder().host("smtp.example.com")
        .writeTimeout(Duration.ofMillis(-1)).build())
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("writeTimeout");
    assertThatThrownBy(() -> SmtpNotificationSender.builder().host("smtp.example.com").connectTimeout(null).build())
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("connectTimeout");
  }

  @Test
  void aHostIsStrippedAndOneWithWhiteSpaceInsideIsRefused() {
    assertThat(SmtpNotificationSender.builder().host("  smtp.example.com ").build())
        .hasToString("SmtpNotificationSender[smtp://smtp.example.com:587]");
    assertThatThrownBy(() -> SmtpNotificationSender.builder().host("smtp example.com").build())
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("host");
    assertThatThrownBy(() -> SmtpNotificationSender.builder().host(" ").build())
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("host");
  }

  @Test
  void authNeedsANonEmptyUserNameAndAPassword() {
    assertThatThrownBy(() -> SmtpNotificationSender.builder().host("smtp.example.com").auth("", "s3cret").build())
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("auth");
    assertThatThrownBy(() -> SmtpNotificationSender.builder().host("smtp.example.com").auth(null, "s3cret").build())
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("auth");
    assertThat(SmtpNotificationSender.builder().host("smtp.example.com").auth("alerts", "").build()).isNotNull();
  }

  @Test
  void theClientNamesItselfInEhloAsConfiguredAndABlankNameLeavesJakartaMailsDefault() throws Exception {
    try (ScriptedSmtpServer server = ScriptedSmtpServer.accepting()) {
      Notification n = Fixtures.alert("Northwind", Fixtures.contact("Ana", "ana@northwind.example"));

      Fixtures.localSender(server.port()).heloName("  portal.example.com ").build().send(n);
      Fixtures.localSender(server.port()).heloName("   ").build().send(n);

      assertThat(server.helloNames()).hasSize(2);
      assertThat(server.helloNames().get(0)).isEqualTo("portal.example.com");
      assertThat(server.helloNames().get(1)).isNotBlank().isNotEqualTo("portal.example.com");
    }
  }
}
