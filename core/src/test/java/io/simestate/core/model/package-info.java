/**
 * Properties and concurrent scenarios that check the whole estate against simple models: routing,
 * delivery, and sequences of assign, unassign and delete.
 */
package io.simestate.core.model;
