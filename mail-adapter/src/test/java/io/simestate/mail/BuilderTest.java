package io.simestate.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.simestate.core.InvalidInputException;
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
}
