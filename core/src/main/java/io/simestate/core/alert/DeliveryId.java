package io.simestate.core.alert;

import io.simestate.core.Require;
import java.util.UUID;

/**
 * Identifies one delivery in the outbox.
 *
 * @param value the UUID
 */
public record DeliveryId(UUID value) {

  /** Checks presence. */
  public DeliveryId {
    Require.present(value, "deliveryId");
  }

  /**
   * A new random id.
   *
   * @return the id
   */
  public static DeliveryId random() {
    return new DeliveryId(UUID.randomUUID());
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
