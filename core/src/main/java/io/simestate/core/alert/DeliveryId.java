package io.simestate.core.alert;

import io.simestate.core.internal.Require;
import java.util.UUID;

/**
 * Identifies one delivery in the outbox.
 *
 * @param value the UUID
 */
public record DeliveryId(UUID value) {

  /**
   * Checks presence.
   *
   * @param value the UUID
   */
  public DeliveryId {
    Require.present(value, "deliveryId");
  }

  /**
   * A new random id (version 4 layout from a fast, non-cryptographic generator: delivery ids are
   * keys, not secrets).
   *
   * @return the id
   */
  public static DeliveryId random() {
    return new DeliveryId(io.simestate.core.internal.FastUuid.next());
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
