/**
 * SIMs and their assignment to customers (F8): the {@link io.simestate.core.sim.Iccid} value type and
 * its policies, ICCID ranges, the host's SIM inventory check, the CSV import report and the assignment
 * store port. The use cases (list, range, CSV import) are {@code io.simestate.core.estate.Sims}.
 */
package io.simestate.core.sim;
