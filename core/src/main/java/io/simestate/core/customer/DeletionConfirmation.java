package io.simestate.core.customer;

import io.simestate.core.TenantId;

/**
 * The confirmation a deletion preview yields (F5). It is bound to the customer's version and to the
 * counts the preview stated: if anything changed since, deletion refuses it as stale.
 *
 * @param tenantId the tenant
 * @param customerId the customer to delete
 * @param version the customer's version at preview time
 * @param simCount how many SIMs the preview said would lose their designation
 * @param contactCount how many contacts the preview said would be removed
 */
public record DeletionConfirmation(
    TenantId tenantId, CustomerId customerId, long version, long simCount, int contactCount) {}
