package io.simestate.jpa;

import java.io.Serializable;
import java.util.Objects;

/** The key of an audit SIM row: a value, so it has equality. */
final class AuditSimKey implements Serializable {

  private static final long serialVersionUID = 1L;

  String eventId;
  int ordinal;

  AuditSimKey() {}

  @Override
  public boolean equals(Object o) {
    return o instanceof AuditSimKey k && Objects.equals(k.eventId, eventId) && k.ordinal == ordinal;
  }

  @Override
  public int hashCode() {
    return Objects.hash(eventId, ordinal);
  }
}
