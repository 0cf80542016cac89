/**
 * Watching a running estate (F20): the {@link io.simestate.core.monitor.EstateListener} SPI that
 * routing and dispatch report to, the events it receives, and the health answer of
 * {@code SimEstate.health()}. Plain Java: a metrics library binds the listener in a module of its
 * own ({@code simestate-micrometer}).
 */
package io.simestate.core.monitor;
