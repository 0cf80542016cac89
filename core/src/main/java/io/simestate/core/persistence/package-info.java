/**
 * The persistence ports one adapter provides, as one {@link io.simestate.core.persistence.Persistence}
 * handed to the estate's builder: the in-memory adapter and the JPA adapter each implement it.
 */
package io.simestate.core.persistence;
