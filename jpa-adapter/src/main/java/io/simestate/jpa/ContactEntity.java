package io.simestate.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** A contact row of one customer. */
@Entity(name = "SimEstateContact")
@Table(name = "simestate_contact")
class ContactEntity {

  @Id
  @Column(name = "id", length = 36)
  String id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "customer_id", nullable = false)
  CustomerEntity customer;

  /** The contact's place in the customer's list. */
  @Column(name = "ordinal", nullable = false)
  int ordinal;

  @Column(name = "name", nullable = false, length = 400)
  String name;

  @Column(name = "email", length = 254)
  String email;

  @Column(name = "phone", length = 100)
  String phone;

  @Column(name = "contact_role", length = 400)
  String role;

  @Column(name = "alerts_enabled", nullable = false)
  boolean alertsEnabled;

  @Column(name = "wants_warning", nullable = false)
  boolean wantsWarning;

  @Column(name = "wants_cut_off", nullable = false)
  boolean wantsCutOff;

  ContactEntity() {}
}
