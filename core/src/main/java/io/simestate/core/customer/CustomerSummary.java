package io.simestate.core.customer;

/**
 * What a portal's customer drop-down needs (F2).
 *
 * @param id the customer's id
 * @param name the customer's name
 */
public record CustomerSummary(CustomerId id, String name) {}
