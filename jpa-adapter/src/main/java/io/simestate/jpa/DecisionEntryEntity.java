package io.simestate.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** One chosen recipient or skipped contact of a routing decision, in its place. */
@Entity(name = "SimEstateDecisionEntry")
@Table(name = "simestate_decision_entry")
@IdClass(DecisionEntryKey.class)
class DecisionEntryEntity {

  @Id
  @Column(name = "decision_id", length = 36)
  String decisionId;

  @Id
  @Column(name = "ordinal")
  int ordinal;

  /** True for a chosen recipient, false for a skipped contact. */
  @Column(name = "chosen", nullable = false)
  boolean chosen;

  @Column(name = "contact_id", length = 36)
  String contactId;

  @Column(name = "name", length = 400)
  String name;

  @Column(name = "email", length = 254)
  String email;

  /** Every reason, separated by commas, in the order of the routing rules; null for a chosen recipient. */
  @Column(name = "skip_reason", length = 200)
  String skipReason;

  DecisionEntryEntity() {}

}
