/**
 * The shared kernel of SIM Estate: tenants, actors, alert kinds, paging, transactions and the
 * library's one exception hierarchy. Every other package builds on it and it imports none of them; a
 * portal starts at {@code io.simestate.core.estate.SimEstate}.
 */
package io.simestate.core;
