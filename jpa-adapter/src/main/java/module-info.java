/**
 * The Jakarta Persistence adapter of SIM Estate: every persistence port of {@code io.simestate.core}
 * on a relational database. {@link io.simestate.jpa.JpaPersistence} is the entry point; {@link
 * io.simestate.jpa.JpaSchema} applies the SQL schema scripts under {@code db/simestate/<vendor>}.
 */
module io.simestate.jpa {
  requires transitive io.simestate.core;
  requires transitive jakarta.persistence;
  requires transitive java.sql;
  requires org.slf4j;

  exports io.simestate.jpa;

  // The JPA provider (the host's choice, Hibernate ORM in the tests) reads and writes the
  // package-private entity classes reflectively.
  opens io.simestate.jpa;

  // The schema scripts: found through the class loader by JpaSchema and by a host's Flyway, which a
  // named module allows only for packages opened to everyone.
  opens db.simestate.h2;
  opens db.simestate.postgresql;
  opens db.simestate.mariadb;
}
