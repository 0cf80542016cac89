/**
 * Usage alerts (F9, F10, F13–F16): routing by named rules, the decision record, the outbox and its
 * dispatcher with retries and digests, tenant alert settings, and the notification port that the mail
 * adapter implements.
 */
package io.simestate.core.alert;
