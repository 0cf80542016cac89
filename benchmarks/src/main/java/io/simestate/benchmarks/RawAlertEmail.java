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
 * with the facts and paragraphs of the mail adapter's default alert email, composed by hand without
 * templates, so that both sides put about the same octets on the wire (about 3.5 KB; the SMTP server
 * reads, parses and stores every one of them in the benchmark's JVM).
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
    return compose(new MimeMessage(session), to, iccid, customer, period, alertId, raised);
  }

  /**
   * Composes one alert email into the given empty message (a subclass, for example).
   *
   * @param message the empty message to fill
   * @param to the recipient's address
   * @param iccid the SIM's digits
   * @param customer the customer's name
   * @param period the usage period
   * @param alertId the alert's id
   * @param raised when the alert was raised
   */
  static MimeMessage compose(MimeMessage message, String to, String iccid, String customer, String period,
      String alertId, Instant raised) throws MessagingException, UnsupportedEncodingException {
    message.setFrom(new InternetAddress("alerts@simestate.example", "SIM Estate alerts", "UTF-8"));
    message.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
    String headline = "SIM " + iccid + " of " + customer + " is nearing its usage limit";
    message.setSubject("Warning: " + headline, "UTF-8");
    message.setSentDate(new Date());
    message.setHeader("Auto-Submitted", "auto-generated");
    message.setHeader("X-Auto-Response-Suppress", "All");
    String next = "when the SIM reaches its limit, it is cut off and passes no data until its limit is raised, "
        + "its plan is changed or the next usage period begins. To keep it connected, raise the limit or change "
        + "the plan in your provider's SIM management portal.";
    String why = "You receive this message because you are a contact of customer " + customer
        + " and your alerts setting is switched on.";
    String foot = "This message was sent automatically by SIM Estate alerts <alerts@simestate.example>. This "
        + "address takes no replies: with questions, contact the administrator of your account with your SIM "
        + "provider. Who receives alerts is set in your provider's SIM management portal; to change your alerts "
        + "setting, ask the administrator of your account there.";
    String text = "Hello,\n\nWARNING - " + headline + ".\n\nCustomer: " + customer + "\nSIM (ICCID): " + iccid
        + "\nAlert: Warning\nRaised: " + raised + "\nPeriod: " + period + "\nAlert id: " + alertId
        + "\n\nWhat happens at 100 %: " + next + "\n\n" + why + "\n" + foot + "\n";
    StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\">\n<head><meta charset=\"utf-8\">\n")
        .append("<title>Warning: ").append(headline).append("</title>\n<style>body{font-family:Arial,Helvetica,")
        .append("sans-serif;color:#222;line-height:1.4;max-width:640px}table{border-collapse:collapse}th,td{text-align:")
        .append("left;padding:4px 12px 4px 0;vertical-align:top}.foot{color:#666;font-size:0.9em}.next{margin:16px 0}")
        .append("a{color:#0b57d0}</style>\n</head>\n<body>\n<p>Hello,</p>\n<div style=\"background:#fff4e5;")
        .append("border-left:6px solid #b26a00;padding:10px 14px;margin:0 0 16px;color:#5c3700\"><strong style=\"")
        .append("font-size:1.1em\">&#9888; WARNING</strong><br><strong>").append(headline).append("</strong></div>\n")
        .append("<table>\n");
    String[][] rows = {{"Customer", customer}, {"SIM (ICCID)", iccid}, {"Alert", "Warning"},
        {"Raised", raised.toString()}, {"Period", period}, {"Alert id", alertId}};
    for (String[] row : rows) {
      html.append("<tr><th scope=\"row\">").append(row[0]).append("</th><td>").append(row[1]).append("</td></tr>\n");
    }
    html.append("</table>\n<p class=\"next\"><strong>What happens at 100 %:</strong> ").append(next)
        .append("</p>\n<p>").append(why).append("</p>\n<p class=\"foot\">")
        .append(foot.replace("<", "&lt;").replace(">", "&gt;")).append("</p>\n</body>\n</html>\n");
    MimeBodyPart plain = new MimeBodyPart();
    plain.setText(text, "UTF-8");
    MimeBodyPart rich = new MimeBodyPart();
    rich.setText(html.toString(), "UTF-8", "html");
    MimeMultipart alternative = new MimeMultipart("alternative", plain, rich);
    message.setContent(alternative);
    message.saveChanges();
    return message;
  }
}
