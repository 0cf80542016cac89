package io.simestate.core.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.simestate.core.InvalidInputException;
import io.simestate.core.customer.ContactId;
import io.simestate.core.customer.EmailAddress;
import org.junit.jupiter.api.Test;

class RecipientTest {

  private static final EmailAddress ANA = EmailAddress.parse("ana@example.com");

  @Test
  void aNameWithALineBreakOrAnotherControlCharacterIsRefused() {
    for (String name : new String[] {"Ana\nBcc: x@example.com", "Ana\u0000", "Ana\u0085"}) {
      assertThatThrownBy(() -> new Recipient(ContactId.random(), name, ANA))
          .isInstanceOf(InvalidInputException.class)
          .hasMessageContaining("control characters");
    }
  }

  @Test
  void aNameWithCharactersBeyondTheBasicPlaneIsAccepted() {
    assertThat(new Recipient(ContactId.random(), "Ana 📡 Öztürk", ANA).name()).isEqualTo("Ana 📡 Öztürk");
  }
}
