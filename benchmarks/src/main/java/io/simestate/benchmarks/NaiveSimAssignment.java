package io.simestate.benchmarks;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The naive baseline's entity: one row of the adapter's assignment table, as a host would map it to
 * persist SIMs one entity at a time. Not part of the library.
 */
@Entity(name = "NaiveSimAssignment")
@Table(name = "simestate_sim_assignment")
public class NaiveSimAssignment {

  @Id
  @Column(name = "iccid")
  private String iccid;

  @Column(name = "iccid_length")
  private int iccidLength;

  @Column(name = "tenant_id")
  private String tenantId;

  @Column(name = "customer_id")
  private String customerId;

  /** For JPA. */
  protected NaiveSimAssignment() {}

  NaiveSimAssignment(String iccid, String tenantId, String customerId) {
    this.iccid = iccid;
    this.iccidLength = iccid.length();
    this.tenantId = tenantId;
    this.customerId = customerId;
  }
}
