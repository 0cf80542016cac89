package io.simestate.jpa;

import jakarta.persistence.EntityManager;
import java.sql.Connection;

/** Finds out once which database the adapter talks to, from the JDBC metadata. */
final class VendorDetector {

  private volatile DatabaseVendor vendor;

  VendorDetector(DatabaseVendor known) {
    this.vendor = known;
  }

  DatabaseVendor vendor(EntityManager em) {
    DatabaseVendor v = vendor;
    if (v == null) {
      v = em.callWithConnection((Connection c) -> DatabaseVendor.fromProductName(c.getMetaData().getDatabaseProductName()));
      vendor = v;
    }
    return v;
  }
}
