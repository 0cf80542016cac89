package io.simestate.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A host lists the adapter's entities in its own persistence unit from these names. */
class ManagedClassNamesTest {

  @Test
  void everyEntityOfTheAdapterIsNamed() {
    assertThat(JpaPersistence.managedClassNames()).containsExactlyInAnyOrder(AlertDecisionEntity.class.getName(),
        AlertToldEntity.class.getName(), AuditEventEntity.class.getName(), AuditSimEntity.class.getName(),
        ContactEntity.class.getName(), CustomerEntity.class.getName(), DecisionEntryEntity.class.getName(),
        DeliveryEntity.class.getName(), SimAssignmentEntity.class.getName(), TenantSettingsEntity.class.getName());
  }
}
