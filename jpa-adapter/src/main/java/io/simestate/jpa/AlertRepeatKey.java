package io.simestate.jpa;

import java.io.Serializable;
import java.util.Objects;

/** The key of a repeat-guard row: a value, so it has equality. */
final class AlertRepeatKey implements Serializable {

  private static final long serialVersionUID = 1L;

  String tenantId;
  String repeatKey;

  AlertRepeatKey() {}

  @Override
  public boolean equals(Object o) {
    return o instanceof AlertRepeatKey k && Objects.equals(k.tenantId, tenantId) && Objects.equals(k.repeatKey, repeatKey);
  }

  @Override
  public int hashCode() {
    return Objects.hash(tenantId, repeatKey);
  }
}
