package io.simestate.mail;

import io.simestate.core.AlertKind;
import io.simestate.core.alert.AlertNotification;
import io.simestate.core.alert.DigestNotification;
import io.simestate.core.alert.Notification;
import io.simestate.core.alert.NotificationContext;
import io.simestate.core.alert.SenderIdentity;
import io.simestate.core.alert.SubscriptionNotice;
import io.simestate.core.alert.Usage;
import io.simestate.core.alert.UsageAlert;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
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
      "body{font-family:Arial,Helvetica,sans-serif;color:#222;line-height:1.4;max-width:640px}"
          + "table{border-collapse:collapse}th,td{text-align:left;padding:4px 12px 4px 0;vertical-align:top}"
          + ".foot{color:#666;font-size:0.9em}.next{margin:16px 0}a{color:#0b57d0}";
  /** The banner of a warning: amber, the kind named in words (colour is a cue, never the only one). */
  private static final String WARNING_BANNER = "background:#fff4e5;border-left:6px solid #b26a00;"
      + "padding:10px 14px;margin:0 0 16px;color:#5c3700";
  /** The banner of a cut-off: red, "Service stopped" in words. */
  private static final String CUT_OFF_BANNER = "background:#fde7e9;border:2px solid #b3261e;border-left-width:8px;"
      + "padding:10px 14px;margin:0 0 16px;color:#601410;line-height:1.8";

  private static final DateTimeFormatter LOCAL =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z", Locale.ENGLISH);
  private static final DateTimeFormatter UTC_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ENGLISH).withZone(ZoneOffset.UTC);

  private final ZoneId zone;

  DefaultMailTemplates(ZoneId zone) {
    Arguments.present(zone, "zone");
    this.zone = zone;
  }

  /**
   * A time in the tenant's zone (or these templates' zone) with the zone's name and, unless that zone is
   * UTC, the time in UTC too: "2026-11-25 15:03:00 CET (2026-11-25 14:03:00 UTC)".
   */
  String time(Notification n, Instant at) {
    ZoneId shown = n.context().timeZone() != null ? n.context().timeZone() : zone;
    String local = LOCAL.withZone(shown).format(at);
    boolean utc = shown.getRules().isFixedOffset() && shown.getRules().getOffset(at).getTotalSeconds() == 0;
    return utc ? local : local + " (" + UTC_TIME.format(at) + " UTC)";
  }

  @Override
  public MailContent alert(AlertNotification n) {
    UsageAlert alert = n.alert();
    String customer = customer(n);
    String iccid = alert.iccid().toString();
    String headline = alert.kind() == AlertKind.CUT_OFF
        ? "SIM " + iccid + ofCustomer(customer) + " reached its usage limit and was cut off"
        : "SIM " + iccid + ofCustomer(customer) + " is nearing its usage limit";
    String subject = label(alert.kind()) + ": SIM " + iccid + ofCustomer(shortName(customer))
        + (alert.kind() == AlertKind.CUT_OFF ? " reached its usage limit" : " is nearing its usage limit")
        + percentSuffix(alert.usage());

    List<String[]> rows = new ArrayList<>();
    rows.add(row("Customer", customer == null ? "none (the SIM is not assigned to a customer)" : customer));
    rows.add(row("SIM (ICCID)", iccid));
    rows.add(row("Alert", alert.kind().label()));
    rows.add(row("Raised", time(n, alert.raisedAt())));
    rows.addAll(usageRows(alert));

    StringBuilder text = new StringBuilder();
    text.append(greeting(n)).append("\n\n").append(severityLine(alert.kind())).append(headline).append(".\n\n");
    for (String[] r : rows) {
      text.append(r[0]).append(": ").append(r[1]).append('\n');
    }
    text.append('\n').append(whatNext(n, alert.kind(), false)).append(portalLine(n)).append("\n\n")
        .append(why(n)).append('\n').append(footer(n)).append('\n');

    List<SafeHtml> html = new ArrayList<>();
    html.add(SafeHtml.format("{0}<p>{1}</p>\n{2}<table>\n", heading(n), greetingHtml(n),
        banner(alert.kind(), headlineHtml(alert.kind(), iccid, customer))));
    for (String[] r : rows) {
      html.add(SafeHtml.format("<tr><th scope=\"row\">{0}</th><td><bdi>{1}</bdi></td></tr>\n", r[0], r[1]));
    }
    html.add(SafeHtml.format("</table>\n<p class=\"next\"><strong>{0}</strong> {1}</p>\n{2}<p>{3}</p>\n"
        + "<p class=\"foot\">{4}</p>\n",
        nextTitle(alert.kind()), whatNextBody(n, alert.kind(), false), portalButton(n), why(n), footer(n)));
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
    String subject = label(n.kind()) + ": " + sims + ofCustomer(shortName(customer)) + verb;
    String headline = sims + ofCustomer(customer) + verb
        + (n.kind() != AlertKind.CUT_OFF ? "" : count == 1 ? " and was cut off" : " and were cut off");

    StringBuilder text = new StringBuilder();
    text.append(greeting(n)).append("\n\n").append(severityLine(n.kind())).append(headline).append(":\n\n");
    List<SafeHtml> html = new ArrayList<>();
    html.add(SafeHtml.format("{0}<p>{1}</p>\n{2}"
            + "<table><tr><th scope=\"col\">SIM (ICCID)</th><th scope=\"col\">Raised</th>"
            + "<th scope=\"col\">Usage</th></tr>\n",
        heading(n), greetingHtml(n), banner(n.kind(), SafeHtml.format("{0}:", headline))));
    for (UsageAlert alert : n.alerts()) {
      String raised = time(n, alert.raisedAt());
      String usage = usageSummary(alert);
      text.append("- ").append(alert.iccid()).append(", raised ").append(raised);
      if (!usage.isEmpty()) {
        text.append(", ").append(usage);
      }
      text.append('\n');
      html.add(SafeHtml.format("<tr><td>{0}</td><td>{1}</td><td><bdi>{2}</bdi></td></tr>\n",
          alert.iccid(), timeHtml(raised), keepTogether(usage)));
    }
    boolean many = count > 1;
    text.append('\n').append(whatNext(n, n.kind(), many)).append(portalLine(n)).append("\n\n")
        .append(why(n)).append('\n').append(footer(n)).append('\n');
    html.add(SafeHtml.format("</table>\n<p class=\"next\"><strong>{0}</strong> {1}</p>\n{2}<p>{3}</p>\n"
        + "<p class=\"foot\">{4}</p>\n",
        nextTitle(n.kind()), whatNextBody(n, n.kind(), many), portalButton(n), why(n), footer(n)));
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
    String text = greeting(n) + "\n\n" + body + "\n\n" + advice + portalLine(n) + "\n\n" + footer(n) + "\n";
    SafeHtml html = SafeHtml.format("{0}<p>{1}</p>\n<p>{2}</p>\n<p>{3}</p>\n{4}<p class=\"foot\">{5}</p>\n",
        heading(n), greetingHtml(n), body, advice, portalButton(n), footer(n));
    return new MailContent(subject, text, document(subject, html));
  }

  private SafeHtml document(String subject, SafeHtml body) {
    return SafeHtml.format("<!DOCTYPE html>\n<html lang=\"en\">\n<head><meta charset=\"utf-8\">\n"
        + "<title>{0}</title>\n<style>{1}</style>\n</head>\n<body>\n{2}</body>\n</html>\n",
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
    String tenant = tenantName(n);
    return "This message was sent automatically by " + senderLine(sender)
        + (tenant == null ? "" : " for " + tenant) + ". " + contactPoint(n)
        + " Who receives alerts is set in " + portalName(n) + ";"
        + " to change your alerts setting, ask the administrator of your account there.";
  }

  /** Whom to contact: the Reply-To where there is one, else the account's administrator, by name and portal. */
  private static String contactPoint(Notification n) {
    SenderIdentity sender = n.sender();
    if (sender.replyTo() != null) {
      return "Questions? Reply to this message; replies go to " + sender.replyTo().displayed() + ".";
    }
    String tenant = tenantName(n);
    return "This address takes no replies: with questions, contact the administrator of your account"
        + (tenant == null ? " with your SIM provider" : " at " + tenant) + ".";
  }

  /** The tenant's display name, cleaned, or null. */
  private static String tenantName(Notification n) {
    String name = UntrustedText.singleLine(n.context().tenantName());
    return name.isEmpty() ? null : name;
  }

  /** "the ACME Connect portal", or "your provider's SIM management portal" without a name. */
  private static String portalName(Notification n) {
    String tenant = tenantName(n);
    return tenant == null ? "your provider's SIM management portal" : "the " + tenant + " portal";
  }

  /** The kind's label, with "service stopped" for a cut-off: the severity shows in the subject. */
  private static String label(AlertKind kind) {
    return kind == AlertKind.CUT_OFF ? kind.label() + " (service stopped)" : kind.label();
  }

  /** The first line of the text part: the severity in capitals, as the HTML banner shows it. */
  private static String severityLine(AlertKind kind) {
    return kind == AlertKind.CUT_OFF ? "SERVICE STOPPED - " : "WARNING - ";
  }

  private static String nextTitle(AlertKind kind) {
    return kind == AlertKind.CUT_OFF ? "How to restore service:" : "What happens at 100 %:";
  }

  /** What the reader can do next: at 100 % a SIM is cut off; a cut-off SIM is restored by a higher limit. */
  private static String whatNext(Notification n, AlertKind kind, boolean many) {
    return nextTitle(kind) + " " + whatNextBody(n, kind, many);
  }

  private static String whatNextBody(Notification n, AlertKind kind, boolean many) {
    String where = portalName(n);
    if (kind == AlertKind.CUT_OFF) {
      return (many ? "raise the SIMs' usage limits or change their plans in " : "raise the SIM's usage limit or "
          + "change its plan in ") + where + "; " + (many ? "each SIM passes" : "the SIM passes")
          + " data again once the change is applied. Without a change, service resumes when the next usage "
          + "period begins.";
    }
    return (many ? "when a SIM reaches its limit, it is cut off" : "when the SIM reaches its limit, it is cut off")
        + " and passes no data until its limit is raised, its plan is changed or the next usage period begins."
        + " To keep " + (many ? "them" : "it") + " connected, raise the limit or change the plan in " + where + ".";
  }

  /** The portal's address on a line of its own in the text part, or nothing. */
  private static String portalLine(Notification n) {
    URI portal = n.context().portalUrl();
    return portal == null ? "" : "\nPortal: " + portal;
  }

  /** A link to the portal in the HTML part, or nothing. */
  private static SafeHtml portalButton(Notification n) {
    URI portal = n.context().portalUrl();
    if (portal == null) {
      return SafeHtml.trusted("");
    }
    return SafeHtml.format("<p><a href=\"{0}\" style=\"display:inline-block;background:#0b57d0;color:#fff;"
        + "padding:8px 16px;border-radius:4px;text-decoration:none\">Open {1}</a><br>"
        + "<span class=\"foot\">{0}</span></p>\n", portal.toString(), portalName(n));
  }

  /** The tenant's name above the message, or nothing. */
  private static SafeHtml heading(Notification n) {
    String tenant = tenantName(n);
    return tenant == null ? SafeHtml.trusted("")
        : SafeHtml.format("<p style=\"color:#666;font-size:0.9em;margin:0 0 12px\"><bdi>{0}</bdi> &#183; "
            + "SIM usage alerts</p>\n",
            tenant);
  }

  /** Text whose figures stay with their units: "100 %" does not break before the "%". */
  private static SafeHtml keepTogether(String text) {
    return SafeHtml.trusted(SafeHtml.escape(text).markup().replace(" %", "&#160;%"));
  }

  /** A time as {@link #time} wrote it, with the UTC part on a line of its own so that a column stays narrow. */
  private static SafeHtml timeHtml(String time) {
    int utc = time.indexOf(" (");
    return utc < 0 ? SafeHtml.escape(time)
        : SafeHtml.format("<span style=\"white-space:nowrap\">{0}</span><br>"
            + "<span style=\"white-space:nowrap;color:#666\">{1}</span>", time.substring(0, utc), time.substring(utc + 1));
  }

  /** The coloured banner that states the severity in words. */
  private static SafeHtml banner(AlertKind kind, SafeHtml headline) {
    return kind == AlertKind.CUT_OFF
        ? SafeHtml.format("<div role=\"alert\" style=\"{0}\"><strong style=\"font-size:1.1em;background:#b3261e;"
            + "color:#fff;padding:2px 8px;border-radius:3px\">SERVICE STOPPED</strong><br><strong>{1}</strong></div>\n",
            CUT_OFF_BANNER, headline)
        : SafeHtml.format("<div style=\"{0}\"><strong style=\"font-size:1.1em\">&#9888; WARNING</strong><br>"
            + "<strong>{1}</strong></div>\n", WARNING_BANNER, headline);
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

  /** A figure with thousands separators, as English readers expect: 1,048,576 and 95.5. */
  static String number(BigDecimal value) {
    BigDecimal v = value.stripTrailingZeros();
    // A huge exponent would otherwise print as thousands of digits.
    if (Math.abs(v.scale()) > 20) {
      return v.toString();
    }
    String plain = v.toPlainString();
    int start = plain.startsWith("-") ? 1 : 0;
    int point = plain.indexOf('.');
    int end = point < 0 ? plain.length() : point;
    StringBuilder out = new StringBuilder(plain.substring(0, start));
    for (int i = start; i < end; i++) {
      if (i > start && (end - i) % 3 == 0) {
        out.append(',');
      }
      out.append(plain.charAt(i));
    }
    return out.append(plain.substring(end)).toString();
  }
}
