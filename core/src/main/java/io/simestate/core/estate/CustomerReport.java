package io.simestate.core.estate;

import io.simestate.core.Page;
import io.simestate.core.customer.Customer;
import io.simestate.core.sim.Iccid;

/**
 * The "run report" of a customer (F3): its stored details, every contact, and its SIMs.
 *
 * @param customer the customer with all its contacts
 * @param simCount how many SIMs it holds
 * @param sims one page of its ICCIDs, sorted
 */
public record CustomerReport(Customer customer, long simCount, Page<Iccid> sims) {}
