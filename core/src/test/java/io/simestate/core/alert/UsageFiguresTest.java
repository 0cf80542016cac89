package io.simestate.core.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.simestate.core.InvalidInputException;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/**
 * The usage figures of an alert: empty only when no part is given, and a unit or plan that the alert
 * mail would show is refused when it is not one line of visible text.
 */
class UsageFiguresTest {

  @Test
  void figuresAreEmptyOnlyWhenNoPartIsGiven() {
    BigDecimal n = new BigDecimal("950");

    assertThat(Usage.NONE.isEmpty()).isTrue();
    assertThat(new Usage(n, null, null, null, null).isEmpty()).isFalse();
    assertThat(new Usage(null, n, null, null, null).isEmpty()).isFalse();
    assertThat(new Usage(null, null, "MB", null, null).isEmpty()).isFalse();
    assertThat(new Usage(null, null, null, n, null).isEmpty()).isFalse();
    assertThat(new Usage(null, null, null, null, "IoT 1 GB").isEmpty()).isFalse();
  }

  @Test
  void aUnitOrPlanThatIsNotOneLineOfVisibleTextIsRefusedNamingIt() {
    assertThatThrownBy(() -> new Usage(null, null, "MB\nBcc: x", null, null))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("usage.unit");
    assertThatThrownBy(() -> new Usage(null, null, null, null, "IoT\u202e 1 GB"))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("usage.plan");
    assertThat(new Usage(null, null, "MB", null, "IoT 1 GB").plan()).isEqualTo("IoT 1 GB");
  }

  @Test
  void aTenantWithoutASenderOfItsOwnUsesTheDefault() {
    SenderIdentity own = SenderIdentity.of("alerts@acme.example");

    assertThat(TenantAlertSettings.DEFAULTS.senderIdentity()).isEmpty();
    assertThat(TenantAlertSettings.DEFAULTS.withSender(own).senderIdentity()).contains(own);
  }
}
