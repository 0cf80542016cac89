package io.simestate.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One SIM's assignment. Mapped for queries and schema validation; bulk changes never load it, they
 * run as set-based statements and JDBC batches.
 */
@Entity(name = "SimEstateSimAssignment")
@Table(name = "simestate_sim_assignment")
class SimAssignmentEntity {

  @Id
  @Column(name = "iccid", length = 22)
  String iccid;

  /** Sorts ICCIDs as {@code Iccid.compareTo} does: by length, then digits. */
  @Column(name = "iccid_length", nullable = false)
  int iccidLength;

  @Column(name = "tenant_id", nullable = false, length = 64)
  String tenantId;

  @Column(name = "customer_id", nullable = false, length = 36)
  String customerId;

  SimAssignmentEntity() {}
}
