/**
 * Usage alerts (F9, F10, F13–F16): the alert and delivery model, routing as a pure policy of named
 * rules ({@link io.simestate.core.alert.AlertRouter}), tenant alert settings, the outbox, decision-log
 * and de-duplication ports, and the notification port that the mail adapter implements. Routing and
 * dispatching as use cases are {@code io.simestate.core.estate.Alerts} and {@code AlertDispatcher}.
 */
package io.simestate.core.alert;
