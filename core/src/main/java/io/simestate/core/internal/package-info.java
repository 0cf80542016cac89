/**
 * Helpers that core's own packages share (argument checks, UUID parsing and generation). Not
 * exported by the module descriptor and not part of the API: adapters and hosts must not use them.
 */
package io.simestate.core.internal;
