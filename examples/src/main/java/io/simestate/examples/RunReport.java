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
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

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
        .append("<style>body{font-family:system-ui,sans-serif;margin:2em;color:#222}table{border-collapse:collapse;")
        .append("margin:.5em 0 1.5em}th,td{border:1px solid #ccc;padding:.3em .6em;text-align:left;vertical-align:top}")
        .append("th{background:#f3f3f3}.mono{font-family:ui-monospace,monospace}.off{color:#999}</style>\n")
        .append("</head>\n<body>\n");
    h.append("<h1>Run report: ").append(esc(c.name().value())).append("</h1>\n");
    h.append("<p>Tenant <b>").append(esc(tenant.value())).append("</b>, generated ")
        .append(esc(TIME.format(Instant.now()))).append("</p>\n");

    h.append("<h2>Details</h2>\n<table>\n");
    row(h, "Customer id", c.id().toString());
    row(h, "Name", c.name().value());
    row(h, "Address", address(c.address()));
    row(h, "Phone", c.phone());
    row(h, "Email", c.email() == null ? null : c.email().toString());
    row(h, "Website", c.website());
    row(h, "Reference", c.reference());
    row(h, "Notes", c.notes());
    row(h, "Version", Long.toString(c.version()));
    row(h, "Created", TIME.format(c.createdAt()));
    row(h, "Last changed", TIME.format(c.updatedAt()));
    h.append("</table>\n");

    h.append("<h2>Contacts (").append(c.contacts().size()).append(")</h2>\n<table>\n")
        .append("<tr><th>Name</th><th>Email</th><th>Phone</th><th>Role</th><th>Alerts</th><th>Kinds wanted</th></tr>\n");
    for (Contact k : c.contacts()) {
      h.append("<tr><td>").append(esc(k.name())).append("</td><td>")
          .append(esc(k.email() == null ? "(none)" : k.email().toString())).append("</td><td>")
          .append(esc(k.phone())).append("</td><td>").append(esc(k.role())).append("</td><td>")
          .append(k.alertsEnabled() ? "on" : "<span class=\"off\">off</span>").append("</td><td>")
          .append(esc(k.alertKinds().stream().sorted().map(AlertKind::label).collect(Collectors.joining(", "))))
          .append("</td></tr>\n");
    }
    h.append("</table>\n");

    h.append("<h2>SIMs: ").append(esc(String.format(Locale.ROOT, "%,d", report.simCount()))).append("</h2>\n");
    h.append("<p>First ").append(report.sims().items().size()).append(", in ICCID order:</p>\n<p class=\"mono\">");
    h.append(report.sims().items().stream().map(Iccid::digits).map(RunReport::esc).collect(Collectors.joining("<br>\n")));
    h.append("</p>\n");

    h.append("<h2>Recent deliveries (").append(recent.size()).append(" most recent)</h2>\n<table>\n")
        .append("<tr><th>Recorded</th><th>Recipient</th><th>Alert</th><th>SIM</th><th>Status</th><th>Attempts</th>")
        .append("<th>Sent</th><th>Last error</th></tr>\n");
    for (Delivery d : recent) {
      String what = d.alert() == null ? "subscription notice"
          : d.alert().kind().label() + " " + d.alert().id() + (d.digestKey() != null ? " (digest)" : "");
      h.append("<tr><td>").append(esc(TIME.format(d.createdAt()))).append("</td><td>")
          .append(esc(d.recipient().name() + " <" + d.recipient().email() + ">")).append("</td><td>")
          .append(esc(what)).append("</td><td class=\"mono\">")
          .append(esc(d.alert() == null ? "" : d.alert().iccid().digits())).append("</td><td>")
          .append(esc(d.status().name())).append("</td><td>").append(d.attempts()).append("</td><td>")
          .append(esc(d.sentAt() == null ? "" : TIME.format(d.sentAt()))).append("</td><td>")
          .append(esc(d.lastError())).append("</td></tr>\n");
    }
    h.append("</table>\n</body>\n</html>\n");
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, h, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void row(StringBuilder h, String label, String value) {
    h.append("<tr><th>").append(esc(label)).append("</th><td>")
        .append(value == null ? "" : esc(value).replace("\n", "<br>")).append("</td></tr>\n");
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
