/**
 * SIM Estate's figures in Micrometer (F20): {@link io.simestate.micrometer.SimEstateMetrics} listens to
 * routing and dispatch and reads the outbox for gauges. No ICCID, alert id or address in any tag; the
 * tenant tag only when asked for.
 */
package io.simestate.micrometer;
