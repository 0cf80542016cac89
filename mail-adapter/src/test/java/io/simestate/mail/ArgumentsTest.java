package io.simestate.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.simestate.core.InvalidInputException;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** The adapter's argument check hands back what it checked and names what is missing. */
class ArgumentsTest {

  @Test
  void aPresentValueIsHandedBackAsItIs() {
    ZoneId zone = ZoneId.of("Europe/Berlin");

    assertThat(Arguments.present(zone, "zone")).isSameAs(zone);
  }

  @Test
  void aMissingValueIsRefusedWithCoresErrorNamingTheField() {
    assertThatThrownBy(() -> Arguments.present(null, "templates.zone"))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("templates.zone");
    assertThatThrownBy(() -> MailTemplates.defaults(null))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("zone");
  }
}
