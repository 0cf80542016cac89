/**
 * The application layer: the {@link io.simestate.core.estate.SimEstate} facade and builder, and the use
 * cases a portal obtains from it ({@link io.simestate.core.estate.Customers}, {@link
 * io.simestate.core.estate.Sims}, {@link io.simestate.core.estate.Alerts}, {@link
 * io.simestate.core.estate.AlertDispatcher}). Only the builder creates them; their collaborators are
 * package-private.
 */
package io.simestate.core.estate;
