package io.simestate.core.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.CALLS_REAL_METHODS;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.withSettings;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What the {@link DeliveryOutbox} port's default methods do for an adapter that does not override
 * them (both of the library's adapters do, so only a host's own adapter meets these). The port is
 * mocked because the call it makes on itself is what is checked.
 */
class DeliveryOutboxDefaultsTest {

  @Test
  void unsentDeliveriesAreByDefaultReleasedAsAnyOthersAndTheCountIsTheRelease() {
    DeliveryOutbox outbox = mock(DeliveryOutbox.class, withSettings().defaultAnswer(CALLS_REAL_METHODS));
    List<DeliveryId> ids = List.of(DeliveryId.random(), DeliveryId.random());
    Instant dueAt = Instant.parse("2026-12-01T03:00:00Z");
    doReturn(2).when(outbox).release(ids, "claim", dueAt);

    assertThat(outbox.releaseNotSent(ids, "claim", dueAt)).isEqualTo(2);
    verify(outbox).release(ids, "claim", dueAt);
  }
}
