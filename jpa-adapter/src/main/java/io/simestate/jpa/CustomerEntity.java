package io.simestate.jpa;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.PrePersist;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A customer row; its contacts are {@link ContactEntity} rows. */
@Entity(name = "SimEstateCustomer")
@Table(name = "simestate_customer")
class CustomerEntity {

  @Id
  @Column(name = "id", length = 36)
  String id;

  @Column(name = "tenant_id", nullable = false, length = 64)
  String tenantId;

  @Column(name = "name", nullable = false, length = 400)
  String name;

  /** {@code CustomerName.key()}: decides uniqueness per tenant and the sort order. */
  @Column(name = "name_key", nullable = false, length = 400)
  String nameKey;

  @Column(name = "street", length = 1000)
  String street;

  @Column(name = "postal_code", length = 100)
  String postalCode;

  @Column(name = "city", length = 400)
  String city;

  @Column(name = "region", length = 400)
  String region;

  @Column(name = "country", length = 400)
  String country;

  @Column(name = "phone", length = 100)
  String phone;

  @Column(name = "email", length = 254)
  String email;

  @Column(name = "website", length = 2000)
  String website;

  @Column(name = "reference", length = 400)
  String reference;

  @Column(name = "notes", length = 4000)
  String notes;

  @Version
  @Column(name = "version", nullable = false)
  Long version;

  @Column(name = "created_at", nullable = false)
  Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  Instant updatedAt;

  @OneToMany(mappedBy = "customer", cascade = {CascadeType.PERSIST, CascadeType.MERGE, CascadeType.DETACH},
      orphanRemoval = true)
  @OrderBy("ordinal")
  List<ContactEntity> contacts = new ArrayList<>();

  CustomerEntity() {}

  /** A stored customer starts at version 1, as the port requires (the provider would seed 0). */
  @PrePersist
  void firstVersion() {
    if (version == null) {
      version = 1L;
    }
  }
}
