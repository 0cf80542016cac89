package io.simestate.core.audit;

/**
 * Port: receives every event of the administrative record (F11), within the transaction of the
 * change, so that a host can keep its own audit trail. A publisher must not throw for its own
 * failures unless the change should be rolled back.
 */
@FunctionalInterface
public interface EventPublisher {

  /**
   * Receives one event.
   *
   * @param event the event
   */
  void publish(AuditEvent event);

  /**
   * A publisher that drops every event.
   *
   * @return the publisher
   */
  static EventPublisher none() {
    return event -> { };
  }
}
