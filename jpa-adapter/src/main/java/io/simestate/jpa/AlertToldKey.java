package io.simestate.jpa;

import java.io.Serializable;
import java.util.Objects;

/** The key of a "told" row: a value, so it has equality. */
final class AlertToldKey implements Serializable {

  private static final long serialVersionUID = 1L;

  String tenantId;
  String repeatKey;
  String recipientKey;

  AlertToldKey() {}

  @Override
  public boolean equals(Object o) {
    return o instanceof AlertToldKey k && Objects.equals(k.tenantId, tenantId) && Objects.equals(k.repeatKey, repeatKey)
        && Objects.equals(k.recipientKey, recipientKey);
  }

  @Override
  public int hashCode() {
    return Objects.hash(tenantId, repeatKey, recipientKey);
  }
}
