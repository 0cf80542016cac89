/**
 * Customers and their contacts (F1–F7): the customer aggregate, its value types ({@link
 * io.simestate.core.customer.EmailAddress}, {@link io.simestate.core.customer.CustomerName}), the form
 * commands, the deletion preview and confirmation, and the customer store port. The use cases that act
 * on them are {@code io.simestate.core.estate.Customers}.
 */
package io.simestate.core.customer;
