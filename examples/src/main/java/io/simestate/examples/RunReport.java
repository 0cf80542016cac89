package io.simestate.examples;

import io.simestate.core.AlertKind;
import io.simestate.core.PageRequest;
import io.simestate.core.TenantId;
import io.simestate.core.alert.Delivery;
import io.simestate.core.customer.Contact;
import io.simestate.core.customer.Customer;
import io.simestate.core.customer.CustomerId;
import io.simestate.core.customer.PostalAddress;
import io.simestate.core.estate.CustomerReport;
import io.simestate.core.estate.SimEstate;
import io.simestate.core.sim.Iccid;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The "run report" of one customer (F3) as a self-contained HTML page: the stored details, every
 * contact with its alert settings, the SIM count and the first SIMs, and the most recent deliveries
 * to its contacts (F16). Every value is escaped; the page has no scripts and loads nothing.
 */
final class RunReport {

  /** How many ICCIDs the page lists. */
  static final int FIRST_SIMS = 25;
  /** How many recent deliveries the page lists. */
  static final int RECENT_DELIVERIES = 25;

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT)
      .withZone(ZoneOffset.UTC);

  /** Tables sized to their content; times, ids, ICCIDs and addresses never break across lines. */
  private static final String STYLE = """
      body{font-family:system-ui,sans-serif;margin:2em;color:#222;line-height:1.35}
      h1{font-size:1.6em;margin-bottom:.2em}h2{font-size:1.2em;margin:1.6em 0 .4em}
      .meta{color:#555;margin-top:0}
      table{border-collapse:collapse;margin:.3em 0 1em}
      th,td{border:1px solid #d4d4d4;padding:.3em .6em;text-align:left;vertical-align:top}
      thead th{background:#f3f3f3;white-space:nowrap}
      table.details th{background:#f7f7f7;white-space:nowrap;font-weight:600}
      .nowrap,.time,.id{white-space:nowrap}
      .id,.mono{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.92em}
      .off{color:#888}.tag{color:#666;font-size:.85em;margin-left:.4em}.sub{color:#555;font-size:.88em}
      tr.error td{border-top:hidden;font-size:.88em;color:#555;padding-top:0}
      tr.error td:first-child{border-right:none}
      .sent{color:#1a7f37}.failed{color:#b42318;font-weight:600}.pending,.in_flight{color:#9a6700}
      ol.sims{columns:4 14em;column-gap:2em;margin:.3em 0 1em;padding-left:2.5em}
      ol.sims li{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;white-space:nowrap}
      """;

  private RunReport() {}

  /**
   * Writes the page of one customer.
   *
   * @param estate the library
   * @param tenant the tenant
   * @param id the customer
   * @param file where to write the page
   */
  static void write(SimEstate estate, TenantId tenant, CustomerId id, Path file) {
    CustomerReport report = estate.customers().report(tenant, id, PageRequest.first(FIRST_SIMS));
    Customer c = report.customer();
    List<Delivery> deliveries = new ArrayList<>();
    for (Contact contact : c.contacts()) {
      deliveries.addAll(estate.alerts().deliveriesTo(tenant, contact.id(), RECENT_DELIVERIES));
    }
    deliveries.sort(Comparator.comparing(Delivery::createdAt).reversed());
    List<Delivery> recent = deliveries.subList(0, Math.min(RECENT_DELIVERIES, deliveries.size()));

    StringBuilder h = new StringBuilder(16_384);
    h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n")
        .append("<title>Run report: ").append(esc(c.name().value())).append("</title>\n")
        .append("<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n");
    h.append("<h1>Run report: ").append(esc(c.name().value())).append("</h1>\n");
    h.append("<p class=\"meta\">Tenant <b>").append(esc(tenant.value())).append("</b> · generated <span class=\"time\">")
        .append(esc(TIME.format(Instant.now()))).append(" UTC</span> · all times in UTC</p>\n");

    h.append("<h2>Details</h2>\n<table class=\"details\">\n");
    row(h, "Customer id", c.id().toString(), "id");
    row(h, "Name", c.name().value(), null);
    row(h, "Address", address(c.address()), null);
    row(h, "Phone", c.phone(), "nowrap");
    row(h, "Email", c.email() == null ? null : c.email().displayed(), "nowrap");
    row(h, "Website", c.website(), "nowrap");
    row(h, "Reference", c.reference(), "nowrap");
    row(h, "Notes", c.notes(), null);
    row(h, "Version", Figures.count(c.version()), null);
    row(h, "Created", TIME.format(c.createdAt()), "time");
    row(h, "Last changed", TIME.format(c.updatedAt()), "time");
    h.append("</table>\n");

    h.append("<h2>Contacts (").append(Figures.count(c.contacts().size())).append(")</h2>\n<table>\n")
        .append("<thead><tr><th>Name</th><th>Email</th><th>Phone</th><th>Role</th><th>Alerts</th>")
        .append("<th>Kinds wanted</th></tr></thead>\n<tbody>\n");
    for (Contact k : c.contacts()) {
      String kinds = k.alertKinds().stream().sorted().map(AlertKind::label).collect(Collectors.joining(", "));
      h.append("<tr><td>").append(esc(k.name())).append("</td><td class=\"nowrap\">")
          .append(k.email() == null ? "<span class=\"off\">(none)</span>" : esc(k.email().displayed()))
          .append("</td><td class=\"nowrap\">").append(esc(k.phone())).append("</td><td>").append(esc(k.role()))
          .append("</td><td>").append(k.alertsEnabled() ? "on" : "<span class=\"off\">off</span>")
          .append("</td><td class=\"nowrap").append(k.alertsEnabled() ? "" : " off").append("\">")
          .append(esc(kinds)).append("</td></tr>\n");
    }
    h.append("</tbody>\n</table>\n");

    h.append("<h2>SIMs (").append(Figures.count(report.simCount())).append(")</h2>\n");
    h.append("<p>The first ").append(Figures.count(report.sims().items().size())).append(" of ")
        .append(Figures.count(report.simCount())).append(", in ICCID order:</p>\n<ol class=\"sims\">\n");
    for (Iccid sim : report.sims().items()) {
      h.append("<li>").append(esc(sim.digits())).append("</li>\n");
    }
    h.append("</ol>\n");

    h.append("<h2>Recent deliveries to its contacts (the ").append(Figures.count(recent.size()))
        .append(" most recent)</h2>\n<table class=\"deliveries\">\n")
        .append("<thead><tr><th>Recorded</th><th>Recipient</th><th>Alert</th><th>SIM</th><th>Status</th></tr></thead>\n")
        .append("<tbody>\n");
    for (Delivery d : recent) {
      String status = d.status().name().toLowerCase(Locale.ROOT);
      h.append("<tr><td class=\"time\">").append(esc(TIME.format(d.createdAt()))).append("</td><td class=\"nowrap\">")
          .append(esc(d.recipient().name())).append("<br><span class=\"sub\">")
          .append(esc(d.recipient().email().displayed())).append("</span></td><td class=\"nowrap\">");
      if (d.alert() == null) {
        h.append("Subscription notice");
      } else {
        h.append(esc(d.alert().kind().label())).append(d.digestKey() != null ? "<span class=\"tag\">digest</span>" : "")
            .append("<br><span class=\"sub id\">").append(esc(d.alertId().value())).append("</span>");
      }
      h.append("</td><td class=\"id\">").append(esc(d.alert() == null ? "" : d.alert().iccid().digits()))
          .append("</td><td class=\"nowrap\"><span class=\"").append(status).append("\">")
          .append(esc(status.replace('_', ' '))).append("</span>");
      if (d.sentAt() != null) {
        h.append(" at <span class=\"time\">").append(esc(sameDay(d.createdAt(), d.sentAt()) ? CLOCK.format(d.sentAt())
            : TIME.format(d.sentAt()))).append("</span>");
      }
      h.append("<br><span class=\"sub\">").append(d.attempts() == 1 ? "1 attempt" : Figures.count(d.attempts()) + " attempts")
          .append("</span></td></tr>\n");
      if (d.lastError() != null) {
        h.append("<tr class=\"error\"><td></td><td colspan=\"4\">last error: ").append(esc(d.lastError()))
            .append("</td></tr>\n");
      }
    }
    h.append("</tbody>\n</table>\n</body>\n</html>\n");
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, h, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean sameDay(Instant a, Instant b) {
    return a.atOffset(ZoneOffset.UTC).toLocalDate().equals(b.atOffset(ZoneOffset.UTC).toLocalDate());
  }

  private static void row(StringBuilder h, String label, String value, String cssClass) {
    h.append("<tr><th>").append(esc(label)).append("</th><td").append(cssClass == null ? "" : " class=\"" + cssClass + "\"")
        .append('>').append(value == null ? "" : esc(value).replace("\n", "<br>")).append("</td></tr>\n");
  }

  private static String address(PostalAddress a) {
    if (a.isEmpty()) {
      return null;
    }
    List<String> parts = new ArrayList<>();
    for (String p : new String[] {a.street(), join(a.postalCode(), a.city()), a.region(), a.country()}) {
      if (p != null && !p.isBlank()) {
        parts.add(p);
      }
    }
    return String.join("\n", parts);
  }

  private static String join(String a, String b) {
    return ((a == null ? "" : a) + " " + (b == null ? "" : b)).strip();
  }

  /**
   * Escapes text for HTML element content and quoted attribute values.
   *
   * @param s the text, or null
   * @return the escaped text; empty for null
   */
  static String esc(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder b = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      switch (ch) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(ch);
      }
    }
    return b.toString();
  }
}
