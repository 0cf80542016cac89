package io.simestate.mail;

import io.simestate.core.AlertKind;
import io.simestate.core.alert.AlertNotification;
import io.simestate.core.alert.DigestNotification;
import io.simestate.core.alert.Notification;
import io.simestate.core.alert.SenderIdentity;
import io.simestate.core.alert.SubscriptionNotice;
import io.simestate.core.alert.Usage;
import io.simestate.core.alert.UsageAlert;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The built-in English templates: plain string building, no template engine. Every value from a
 * notification is cleaned ({@link UntrustedText}) for the text part and escaped ({@link SafeHtml})
 * and direction-isolated ({@code <bdi>}) for the HTML part.
 */
final class DefaultMailTemplates implements MailTemplates {

  static final DefaultMailTemplates UTC = new DefaultMailTemplates(ZoneId.of("UTC"));

  /** Customer names longer than this are shortened in subjects; the body shows them whole. */
  static final int SUBJECT_NAME_LIMIT = 60;

  private static final String STYLE =
      "body{font-family:Arial,Helvetica,sans-serif;color:#222;line-height:1.4}"
          + "table{border-collapse:collapse}th,td{text-align:left;padding:4px 12px 4px 0;vertical-align:top}"
          + ".foot{color:#666;font-size:0.9em}";

  private final DateTimeFormatter timeFormat;

  DefaultMailTemplates(ZoneId zone) {
    Arguments.present(zone, "zone");
    this.timeFormat = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z", Locale.ENGLISH).withZone(zone);
  }

  @Override
  public MailContent alert(AlertNotification n) {
    UsageAlert alert = n.alert();
    String customer = customer(n);
    String iccid = alert.iccid().toString();
    String headline = alert.kind() == AlertKind.CUT_OFF
        ? "SIM " + iccid + ofCustomer(customer) + " reached its usage limit and was cut off"
        : "SIM " + iccid + ofCustomer(customer) + " is nearing its usage limit";
    String subject = alert.kind().label() + ": SIM " + iccid + ofCustomer(shortName(customer))
        + (alert.kind() == AlertKind.CUT_OFF ? " reached its usage limit" : " is nearing its usage limit")
        + percentSuffix(alert.usage());

    List<String[]> rows = new ArrayList<>();
    rows.add(row("Customer", customer == null ? "none (the SIM is not assigned to a customer)" : customer));
    rows.add(row("SIM (ICCID)", iccid));
    rows.add(row("Alert", alert.kind().label()));
    rows.add(row("Raised", timeFormat.format(alert.raisedAt())));
    rows.addAll(usageRows(alert));

    StringBuilder text = new StringBuilder();
    text.append(greeting(n)).append("\n\n").append(headline).append(".\n\n");
    for (String[] r : rows) {
      text.append(r[0]).append(": ").append(r[1]).append('\n');
    }
    text.append('\n').append(why(n)).append('\n').append(footer(n)).append('\n');

    List<SafeHtml> html = new ArrayList<>();
    html.add(SafeHtml.format("<p>{0}</p><p><strong>{1}.</strong></p><table>", greetingHtml(n),
        headlineHtml(alert.kind(), iccid, customer)));
    for (String[] r : rows) {
      html.add(SafeHtml.format("<tr><th scope=\"row\">{0}</th><td><bdi>{1}</bdi></td></tr>", r[0], r[1]));
    }
    html.add(SafeHtml.format("</table><p>{0}</p><p class=\"foot\">{1}</p>", why(n), footer(n)));
    return new MailContent(subject, text.toString(), document(subject, SafeHtml.concat(html)));
  }

  @Override
  public MailContent digest(DigestNotification n) {
    String customer = customer(n);
    int count = n.alerts().size();
    String sims = count + (count == 1 ? " SIM" : " SIMs");
    String verb = n.kind() == AlertKind.CUT_OFF
        ? (count == 1 ? " reached its usage limit" : " reached their usage limit")
        : (count == 1 ? " is nearing its usage limit" : " are nearing their usage limit");
    String subject = n.kind().label() + ": " + sims + ofCustomer(shortName(customer)) + verb;
    String headline = sims + ofCustomer(customer) + verb
        + (n.kind() != AlertKind.CUT_OFF ? "" : count == 1 ? " and was cut off" : " and were cut off");

    StringBuilder text = new StringBuilder();
    text.append(greeting(n)).append("\n\n").append(headline).append(":\n\n");
    List<SafeHtml> html = new ArrayList<>();
    html.add(SafeHtml.format("<p>{0}</p><p><strong>{1}:</strong></p>"
            + "<table><tr><th scope=\"col\">SIM (ICCID)</th><th scope=\"col\">Raised</th>"
            + "<th scope=\"col\">Usage</th></tr>",
        greetingHtml(n), headline));
    for (UsageAlert alert : n.alerts()) {
      String raised = timeFormat.format(alert.raisedAt());
      String usage = usageSummary(alert);
      text.append("- ").append(alert.iccid()).append(", raised ").append(raised);
      if (!usage.isEmpty()) {
        text.append(", ").append(usage);
      }
      text.append('\n');
      html.add(SafeHtml.format("<tr><td>{0}</td><td>{1}</td><td><bdi>{2}</bdi></td></tr>",
          alert.iccid(), raised, usage));
    }
    text.append('\n').append(why(n)).append('\n').append(footer(n)).append('\n');
    html.add(SafeHtml.format("</table><p>{0}</p><p class=\"foot\">{1}</p>", why(n), footer(n)));
    return new MailContent(subject, text.toString(), document(subject, SafeHtml.concat(html)));
  }

  @Override
  public MailContent subscriptionNotice(SubscriptionNotice n) {
    String customer = customer(n);
    String from = senderLine(n.sender());
    String subject = "Usage alerts" + (customer == null ? "" : " for " + shortName(customer))
        + " will come from " + n.sender().address().displayed();
    String body = "Usage alerts (warnings and cut-offs)"
        + (customer == null ? " for SIMs" : " for the SIMs of customer " + customer)
        + " have been switched on for you, so you will receive them by email from now on."
        + " They will come from " + from + ".";
    String advice = "To make sure they reach you, add " + n.sender().address().displayed()
        + " to your address book or to your mail filter's list of allowed senders.";
    String text = greeting(n) + "\n\n" + body + "\n\n" + advice + "\n\n" + footer(n) + "\n";
    SafeHtml html = SafeHtml.format("<p>{0}</p><p>{1}</p><p>{2}</p><p class=\"foot\">{3}</p>",
        greetingHtml(n), body, advice, footer(n));
    return new MailContent(subject, text, document(subject, html));
  }

  private SafeHtml document(String subject, SafeHtml body) {
    return SafeHtml.format("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
        + "<title>{0}</title><style>{1}</style></head><body>{2}</body></html>",
        subject, SafeHtml.trusted(STYLE), body);
  }

  private static String customer(Notification n) {
    String name = UntrustedText.singleLine(n.customerName());
    return name.isEmpty() ? null : name;
  }

  private static String shortName(String customer) {
    return customer == null ? null : UntrustedText.truncate(customer, SUBJECT_NAME_LIMIT);
  }

  private static String ofCustomer(String customer) {
    return customer == null ? " (no customer)" : " of " + customer;
  }

  private static String greeting(Notification n) {
    String name = UntrustedText.singleLine(n.recipient().name());
    return name.isEmpty() ? "Hello," : "Hello " + name + ",";
  }

  private static SafeHtml greetingHtml(Notification n) {
    String name = UntrustedText.singleLine(n.recipient().name());
    return name.isEmpty() ? SafeHtml.trusted("Hello,") : SafeHtml.format("Hello <bdi>{0}</bdi>,", name);
  }

  private static SafeHtml headlineHtml(AlertKind kind, String iccid, String customer) {
    SafeHtml who = customer == null
        ? SafeHtml.trusted(" (no customer)")
        : SafeHtml.format(" of <bdi>{0}</bdi>", customer);
    return SafeHtml.format(kind == AlertKind.CUT_OFF
        ? "SIM {0}{1} reached its usage limit and was cut off"
        : "SIM {0}{1} is nearing its usage limit", iccid, who);
  }

  /** Why this person gets the message: the setting or the tenant's choice that put them on the list. */
  private static String why(Notification n) {
    String customer = customer(n);
    if (n.recipient().isCatchAll()) {
      return customer == null
          ? "You receive this message because you are named as a recipient of alerts for SIMs that are"
              + " not assigned to any customer."
          : "You receive this message because you are named as a recipient of alerts for customer "
              + customer + ".";
    }
    return customer == null
        ? "You receive this message because your alerts setting is switched on."
        : "You receive this message because you are a contact of customer " + customer
            + " and your alerts setting is switched on.";
  }

  /**
   * Who sent the message and whom to ask about it. Worded so that spam filters do not take it for a
   * marketing footer: SpamAssassin's END_FUTURE_EMAILS matches phrases like "stop these alerts" or
   * "remove yourself"; FooterWordingTest keeps every template clear of that rule.
   */
  private static String footer(Notification n) {
    SenderIdentity sender = n.sender();
    return "This message was sent automatically by " + senderLine(sender)
        + (sender.replyTo() == null ? "; replies are not read."
            : "; replies go to " + sender.replyTo().displayed() + ".")
        + " Who receives alerts is set in your provider's SIM management portal;"
        + " to change your alerts setting, ask the administrator of your account there.";
  }

  private static String senderLine(SenderIdentity sender) {
    String name = UntrustedText.singleLine(sender.displayName());
    String address = sender.address().displayed();
    return name.isEmpty() ? address : name + " <" + address + ">";
  }

  private static String[] row(String label, String value) {
    return new String[] {label, value};
  }

  private static List<String[]> usageRows(UsageAlert alert) {
    Usage u = alert.usage();
    String unit = unit(u);
    List<String[]> rows = new ArrayList<>();
    if (u.used() != null) {
      rows.add(row("Used", number(u.used()) + unit));
    }
    if (u.limit() != null) {
      rows.add(row("Limit", number(u.limit()) + unit));
    }
    if (u.percent() != null) {
      rows.add(row("Share of limit", number(u.percent()) + " %"));
    }
    String plan = UntrustedText.singleLine(u.plan());
    if (!plan.isEmpty()) {
      rows.add(row("Plan", plan));
    }
    String period = UntrustedText.singleLine(alert.period());
    if (!period.isEmpty()) {
      rows.add(row("Period", period));
    }
    return rows;
  }

  private static String usageSummary(UsageAlert alert) {
    List<String> parts = new ArrayList<>();
    for (String[] r : usageRows(alert)) {
      parts.add(r[0].toLowerCase(Locale.ROOT) + " " + r[1]);
    }
    return String.join(", ", parts);
  }

  private static String percentSuffix(Usage u) {
    return u.percent() == null ? "" : " (" + number(u.percent()) + " %)";
  }

  private static String unit(Usage u) {
    String unit = UntrustedText.singleLine(u.unit());
    return unit.isEmpty() ? "" : " " + unit;
  }

  static String number(BigDecimal value) {
    BigDecimal v = value.stripTrailingZeros();
    // A huge exponent would otherwise print as thousands of digits.
    return Math.abs(v.scale()) > 20 ? v.toString() : v.toPlainString();
  }
}
