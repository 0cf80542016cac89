/**
 * The mail adapter: core's {@link io.simestate.core.alert.NotificationSender} port implemented with
 * Jakarta Mail over SMTP. {@link io.simestate.mail.SmtpNotificationSender#builder()} is the one entry
 * point; {@link io.simestate.mail.MailTemplates} lets a host replace the message texts.
 */
package io.simestate.mail;
