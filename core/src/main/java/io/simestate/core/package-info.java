/**
 * SIM Estate core: the {@link io.simestate.core.SimEstate} facade and builder, the shared kernel
 * (tenants, actors, alert kinds, paging), the one exception hierarchy and the {@link
 * io.simestate.core.Persistence} bundle of ports that an adapter provides.
 */
package io.simestate.core;
