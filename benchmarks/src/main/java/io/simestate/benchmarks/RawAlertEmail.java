package io.simestate.benchmarks;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.UnsupportedEncodingException;
import java.time.Instant;
import java.util.Date;

/**
 * The raw Jakarta Mail baselines' alert email: a plain-text and HTML multipart/alternative message
 * about the size of the mail adapter's, composed by hand without templates.
 */
final class RawAlertEmail {

  private RawAlertEmail() {}

  /**
   * Composes one alert email.
   *
   * @param session the mail session
   * @param to the recipient's address
   * @param iccid the SIM's digits
   * @param customer the customer's name
   * @param period the usage period
   * @param alertId the alert's id
   * @param raised when the alert was raised
   */
  static MimeMessage compose(Session session, String to, String iccid, String customer, String period, String alertId,
      Instant raised) throws MessagingException, UnsupportedEncodingException {
    MimeMessage message = new MimeMessage(session);
    message.setFrom(new InternetAddress("alerts@simestate.example", "SIM Estate alerts", "UTF-8"));
    message.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
    message.setSubject("Usage warning for SIM " + iccid, "UTF-8");
    message.setSentDate(new Date());
    message.setHeader("Auto-Submitted", "auto-generated");
    String text = "Hello,\n\nSIM " + iccid + " of " + customer + " has reached its usage warning threshold "
        + "in period " + period + ".\n\nAlert id: " + alertId + "\nRaised at: " + raised + "\n\n"
        + "You receive this email because you are a contact of " + customer + " with alerts switched on.\n";
    String html = "<!DOCTYPE html><html><head><meta charset=\"UTF-8\"><title>Usage warning</title></head><body>"
        + "<p>Hello,</p><p>SIM <strong>" + iccid + "</strong> of " + customer + " has reached its usage "
        + "warning threshold in period " + period + ".</p><table><tr><th>Alert id</th><td>" + alertId + "</td></tr>"
        + "<tr><th>Raised at</th><td>" + raised + "</td></tr></table><p>You receive this email because you are "
        + "a contact of " + customer + " with alerts switched on.</p></body></html>";
    MimeBodyPart plain = new MimeBodyPart();
    plain.setText(text, "UTF-8");
    MimeBodyPart rich = new MimeBodyPart();
    rich.setText(html, "UTF-8", "html");
    MimeMultipart alternative = new MimeMultipart("alternative", plain, rich);
    message.setContent(alternative);
    message.saveChanges();
    return message;
  }
}
