package io.simestate.jpa;

import java.io.Serializable;
import java.util.Objects;

/** The key of a decision entry row: a value, so it has equality. */
final class DecisionEntryKey implements Serializable {

  private static final long serialVersionUID = 1L;

  String decisionId;
  int ordinal;

  DecisionEntryKey() {}

  @Override
  public boolean equals(Object o) {
    return o instanceof DecisionEntryKey k && Objects.equals(k.decisionId, decisionId) && k.ordinal == ordinal;
  }

  @Override
  public int hashCode() {
    return Objects.hash(decisionId, ordinal);
  }
}
