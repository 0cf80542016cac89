/**
 * The mail adapter of SIM Estate: core's notification port over SMTP with Jakarta Mail (Angus Mail at
 * run time). {@link io.simestate.mail.SmtpNotificationSender#builder()} is the entry point.
 */
module io.simestate.mail {
  requires transitive io.simestate.core;
  requires jakarta.mail;
  requires org.slf4j;

  exports io.simestate.mail;
}
