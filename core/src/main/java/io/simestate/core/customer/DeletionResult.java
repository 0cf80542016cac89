package io.simestate.core.customer;

/**
 * What a confirmed deletion did.
 *
 * @param customerName the deleted customer's name
 * @param simsUnassigned how many SIMs lost their customer designation
 * @param contactsRemoved how many contacts were removed
 */
public record DeletionResult(String customerName, long simsUnassigned, int contactsRemoved) {}
