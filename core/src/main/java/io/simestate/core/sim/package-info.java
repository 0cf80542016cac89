/**
 * SIMs and their assignment to customers (F8): the {@link io.simestate.core.sim.Iccid} value type and
 * its policies, ICCID ranges, the {@link io.simestate.core.sim.Sims} use cases (list, range, CSV import)
 * and the assignment store port.
 */
package io.simestate.core.sim;
