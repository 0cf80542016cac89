/**
 * The Jakarta Persistence adapter of SIM Estate: every persistence port of {@code core} on a
 * relational database (H2, PostgreSQL, MariaDB), in standalone or joined transaction mode.
 *
 * <p>{@link io.simestate.jpa.JpaPersistence} is the one entry point; {@link io.simestate.jpa.JpaSchema}
 * applies the SQL schema scripts. Entity classes and stores are package-private.
 */
package io.simestate.jpa;
