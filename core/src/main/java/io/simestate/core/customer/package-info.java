/**
 * Customers and their contacts (F1–F7): the customer aggregate, its value types ({@link
 * io.simestate.core.customer.EmailAddress}, {@link io.simestate.core.customer.CustomerName}), the form
 * commands, the {@link io.simestate.core.customer.Customers} use cases and the customer store port.
 */
package io.simestate.core.customer;
