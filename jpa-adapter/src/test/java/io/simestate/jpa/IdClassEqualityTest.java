package io.simestate.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Jakarta Persistence requires an {@code @IdClass} to define {@code equals} and {@code hashCode};
 * Hibernate compares composite keys attribute by attribute and never calls them, so they are checked
 * here for providers that do.
 */
class IdClassEqualityTest {

  private static AlertToldKey told(String tenant, String repeat, String recipient) {
    AlertToldKey k = new AlertToldKey();
    k.tenantId = tenant;
    k.repeatKey = repeat;
    k.recipientKey = recipient;
    return k;
  }

  private static AuditSimKey auditSim(String event, int ordinal) {
    AuditSimKey k = new AuditSimKey();
    k.eventId = event;
    k.ordinal = ordinal;
    return k;
  }

  private static DecisionEntryKey entry(String decision, int ordinal) {
    DecisionEntryKey k = new DecisionEntryKey();
    k.decisionId = decision;
    k.ordinal = ordinal;
    return k;
  }

  @Test
  void aToldKeyEqualsAnotherOnlyWithTheSameTenantRepeatKeyAndRecipient() {
    AlertToldKey key = told("t", "r", "a@x");

    assertThat(key).isEqualTo(told("t", "r", "a@x")).hasSameHashCodeAs(told("t", "r", "a@x"));
    assertThat(key).isNotEqualTo(told("u", "r", "a@x")).isNotEqualTo(told("t", "s", "a@x"))
        .isNotEqualTo(told("t", "r", "b@x")).isNotEqualTo("t").isNotEqualTo(null);
  }

  @Test
  void anAuditSimKeyEqualsAnotherOnlyWithTheSameEventAndOrdinal() {
    assertThat(auditSim("e", 1)).isEqualTo(auditSim("e", 1)).hasSameHashCodeAs(auditSim("e", 1));
    assertThat(auditSim("e", 1)).isNotEqualTo(auditSim("f", 1)).isNotEqualTo(auditSim("e", 2))
        .isNotEqualTo("e").isNotEqualTo(null);
  }

  @Test
  void aDecisionEntryKeyEqualsAnotherOnlyWithTheSameDecisionAndOrdinal() {
    assertThat(entry("d", 1)).isEqualTo(entry("d", 1)).hasSameHashCodeAs(entry("d", 1));
    assertThat(entry("d", 1)).isNotEqualTo(entry("e", 1)).isNotEqualTo(entry("d", 2))
        .isNotEqualTo("d").isNotEqualTo(null);
  }
}
