package io.simestate.core.monitor;

import io.simestate.core.TenantId;
import io.simestate.core.alert.DeliveryKind;
import io.simestate.core.alert.SendResult;
import io.simestate.core.internal.Require;

/**
 * The recorded result of one message handed to the notification port.
 *
 * @param tenant the tenant
 * @param kind alert or subscription notice
 * @param deliveries how many deliveries the message carried (more than one for a digest)
 * @param result sent, or a transient or permanent failure
 * @param failure where a failure came from; {@link SendFailure#NONE} when sent
 */
public record MessageSent(TenantId tenant, DeliveryKind kind, int deliveries, SendResult.Status result,
    SendFailure failure) {

  /**
   * Checks presence.
   *
   * @param tenant the tenant
   * @param kind alert or subscription notice
   * @param deliveries how many deliveries the message carried
   * @param result sent, or a transient or permanent failure
   * @param failure where a failure came from
   */
  public MessageSent {
    Require.present(tenant, "tenant");
    Require.present(kind, "kind");
    Require.present(result, "result");
    Require.present(failure, "failure");
  }

  /**
   * Whether the message was a digest of several deliveries.
   *
   * @return true for a digest
   */
  public boolean digest() {
    return deliveries > 1;
  }
}
