package io.simestate.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.simestate.core.Actor;
import io.simestate.core.AlertKind;
import io.simestate.core.InvalidInputException;
import io.simestate.core.PageRequest;
import io.simestate.core.TenantId;
import io.simestate.core.alert.AlertId;
import io.simestate.core.alert.Usage;
import io.simestate.core.alert.UsageAlert;
import io.simestate.core.customer.Contact;
import io.simestate.core.customer.ContactDetails;
import io.simestate.core.customer.Customer;
import io.simestate.core.customer.CustomerDetails;
import io.simestate.core.customer.CustomerId;
import io.simestate.core.estate.SimEstate;
import io.simestate.core.sim.Iccid;
import io.simestate.core.sim.IccidRange;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Scenario 7: every public command fed generated hostile strings (Unicode, control and format
 * characters, 10,000-character values, CR/LF, SQL and HTML fragments). Each call either succeeds with
 * a value that is valid and read back unchanged, or throws {@link InvalidInputException} and stores
 * and sends nothing; nothing else may come out. A hostile-but-valid customer and contact name goes
 * through mail to the SMTP server without header or HTML injection.
 */
class S7HostileInputTest {

  static final TenantId T = Estates.TENANT;
  static final Actor A = Estates.ACTOR;

  static List<String> hostile(Random random) {
    List<String> v = new ArrayList<>(List.of(
        "", " ", "\u0000", "a\u0000b", "line\r\nBcc: victim@evil.example", "x\rSubject: injected", "tab\there",
        "\u202Eevil\u202C", "zero\u200Bwidth", "\uFEFFbom", "\uD800lone", "\uDC00lone", "emoji \uD83D\uDE00 ok",
        "Ünïcødé Ωmega 東京 مرحبا", "e\u0301\u0301\u0301", "'; drop table simestate_customer; --",
        "\" or 1=1 --", "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "&amp;&lt;&#0;",
        "%s%n%x", "${jndi:ldap://127.0.0.1/x}", "..\\..\\etc\\passwd", "a".repeat(10_000), "\u00A0".repeat(50),
        "\u0085next", "\u2028sep", "ok name", "89445001021983048260000", "8944500102198304826",
        "8944500102198304826F", "user@example.com\r\nBcc: x@evil.example", "a@b.c", "@", "x".repeat(65) + "@e.example"));
    for (int i = 0; i < 15; i++) {
      StringBuilder sb = new StringBuilder();
      for (int n = random.nextInt(30); n >= 0; n--) {
        int kind = random.nextInt(5);
        sb.appendCodePoint(switch (kind) {
          case 0 -> random.nextInt(0x20);
          case 1 -> 0x200B + random.nextInt(0x10);
          case 2 -> 0x20 + random.nextInt(0x5F);
          case 3 -> 0x80 + random.nextInt(0x780);
          default -> 0x1F300 + random.nextInt(0x100);
        });
      }
      v.add(sb.toString());
    }
    return v;
  }

  @Test
  void onlyInvalidInputComesOutAndNothingIsStoredOrSent() throws Exception {
    Result result = new Result("7-hostile-input");
    try (Database db = Database.postgres(); MailServer smtp = new MailServer()) {
      SimEstate estate = Estates.estate(db.persistence(), Estates.mail(smtp.port).build()).build();
      Customer base = estate.customers().create(T, A, CustomerDetails.named("Base customer"));
      Contact baseContact = estate.customers().addContact(T, A, base.id(), ContactDetails.alerted("Base", "base@base.example"));
      String sim = Estates.iccid(70, 1);
      estate.sims().assign(T, A, base.id(), List.of(sim));

      Map<String, Consumer<String>> commands = new LinkedHashMap<>();
      commands.put("TenantId.of", s -> TenantId.of(s));
      commands.put("Actor.of", s -> estate.customers().create(T, Actor.of(s), CustomerDetails.named("Actor probe " + s.hashCode())));
      commands.put("customers.create(name)", s -> estate.customers().create(T, A, CustomerDetails.named(s)));
      commands.put("customers.create(fields)", s -> estate.customers().create(T, A,
          CustomerDetails.named("Fields " + Integer.toHexString(s.hashCode())).withAddress(s, s, s, s)
              .withPhoneAndEmail(s, s).withExtras(s, s, s)));
      commands.put("customers.update", s -> estate.customers().update(T, A, base.id(),
          estate.customers().get(T, base.id()).version(), CustomerDetails.named(s + " (renamed)")));
      commands.put("customers.list(search)", s -> estate.customers().list(T, s, PageRequest.first(10)));
      commands.put("CustomerId.parse", s -> estate.customers().find(T, CustomerId.parse(s)));
      commands.put("customers.addContact(name)", s -> estate.customers().addContact(T, A, base.id(),
          ContactDetails.alerted(s, "n" + Integer.toHexString(s.hashCode()) + "@base.example")));
      commands.put("customers.addContact(email)", s -> estate.customers().addContact(T, A, base.id(),
          ContactDetails.alerted("Email probe", s)));
      commands.put("customers.addContact(phone,role)", s -> estate.customers().addContact(T, A, base.id(),
          ContactDetails.silent("Phone probe", null).withPhoneAndRole(s, s)));
      commands.put("customers.updateContact", s -> estate.customers().updateContact(T, A, base.id(), baseContact.id(),
          ContactDetails.alerted(s, s)));
      commands.put("sims.assign(list)", s -> estate.sims().assign(T, A, base.id(), List.of(s)));
      commands.put("sims.assign(range)", s -> estate.sims().assign(T, A, base.id(), IccidRange.parse(s)));
      commands.put("sims.unassign", s -> estate.sims().unassign(T, A, List.of(s)));
      commands.put("sims.customerOf", s -> estate.sims().customerOf(T, s));
      commands.put("alerts.route(alertId)", s -> estate.alerts().route(T,
          UsageAlert.of(AlertId.of(s), Iccid.parse(sim), AlertKind.WARNING, Instant.now())));
      commands.put("alerts.route(period)", s -> estate.alerts().route(T,
          UsageAlert.of(AlertId.of("hostile-period-" + Integer.toHexString(s.hashCode())), Iccid.parse(sim),
              AlertKind.WARNING, Instant.now()).withPeriod(s)));
      commands.put("alerts.route(usage)", s -> estate.alerts().route(T,
          UsageAlert.of(AlertId.of("hostile-usage-" + Integer.toHexString(s.hashCode())), Iccid.parse(sim),
              AlertKind.WARNING, Instant.now()).withPeriod("usage-" + Integer.toHexString(s.hashCode()))
              .withUsage(new Usage(BigDecimal.ONE, BigDecimal.TEN, s, BigDecimal.TEN, s))));

      Map<String, String> outcomes = new TreeMap<>();
      List<String> violations = new ArrayList<>();
      int calls = 0;
      int refused = 0;
      int accepted = 0;
      for (String value : hostile(new Random(Long.getLong("reliability.seed", 6)))) {
        for (Map.Entry<String, Consumer<String>> command : commands.entrySet()) {
          calls++;
          estate.dispatcher().dispatchDue();
          Map<String, List<String>> before = snapshot(db);
          int mailsBefore = smtp.receivedNow();
          try {
            command.getValue().accept(value);
            accepted++;
          } catch (InvalidInputException e) {
            refused++;
            estate.dispatcher().dispatchDue();
            if (!before.equals(snapshot(db)) || smtp.receivedNow() != mailsBefore) {
              violations.add(command.getKey() + " refused " + shown(value) + " but changed the estate or sent mail");
            }
          } catch (RuntimeException e) {
            violations.add(command.getKey() + " with " + shown(value) + " threw " + e.getClass().getName() + ": "
                + e.getMessage());
          }
        }
      }
      violations.addAll(storedTextsReadBackUnchanged(db));

      // A hostile-but-valid name goes through mail: no header or HTML injection.
      String name = "<b>Bold</b> & \"Quotes\" 'Ltd' Bcc: x@evil.example";
      Customer evil = estate.customers().create(T, A, CustomerDetails.named(name));
      estate.customers().addContact(T, A, evil.id(), ContactDetails.alerted("<script>x</script> Bcc: y@evil.example",
          "mail@evil-name.example"));
      String evilSim = Estates.iccid(70, 2);
      estate.sims().assign(T, A, evil.id(), List.of(evilSim));
      estate.alerts().route(T, UsageAlert.of(AlertId.of("evil-name"), Iccid.parse(evilSim), AlertKind.CUT_OFF, Instant.now()));
      Drain.run(estate, Duration.ofMinutes(1), new java.util.concurrent.atomic.AtomicBoolean());
      List<String> injection = injectionProblems(smtp, evilSim);
      violations.addAll(injection);

      outcomes.put("calls", Integer.toString(calls));
      result.put("commands", commands.size()).put("values", calls / commands.size()).put("calls", calls)
          .put("refused", refused).put("accepted", accepted).put("expected", 1).put("received", smtp.received().stream()
              .filter(r -> r.iccid().equals(evilSim)).count()).put("lost", 0).put("doubled", 0)
          .put("violations", violations.size()).emit();
      violations.stream().limit(40).forEach(v -> System.out.println("VIOLATION " + v));
      assertThat(violations).isEmpty();
      assertThat(refused).isPositive();
    }
  }

  private static List<String> injectionProblems(MailServer smtp, String iccid) throws Exception {
    List<String> problems = new ArrayList<>();
    List<MimeMessage> mine = new ArrayList<>();
    for (MimeMessage m : smtp.messages()) {
      if (m.getSubject() != null && m.getSubject().contains(iccid)) {
        mine.add(m);
      }
    }
    if (mine.size() != 1) {
      problems.add("expected one message for the hostile name, got " + mine.size());
      return problems;
    }
    MimeMessage m = mine.get(0);
    if (m.getHeader("Bcc") != null || m.getRecipients(Message.RecipientType.CC) != null
        || m.getAllRecipients().length != 1) {
      problems.add("extra recipients in the message for the hostile name");
    }
    if (m.getSubject().contains("\r") || m.getSubject().contains("\n")) {
      problems.add("line break in the subject");
    }
    Multipart parts = (Multipart) m.getContent();
    for (int i = 0; i < parts.getCount(); i++) {
      if (parts.getBodyPart(i).isMimeType("text/html")) {
        String html = (String) parts.getBodyPart(i).getContent();
        if (html.contains("<script>") || html.contains("<b>Bold</b>")) {
          problems.add("unescaped HTML in the body");
        }
        if (!html.contains("&lt;b&gt;Bold&lt;/b&gt;")) {
          problems.add("the hostile name is not shown escaped in the HTML part");
        }
      }
    }
    return problems;
  }

  /** Every stored text must be free of control characters other than line breaks and tabs in free text. */
  private static List<String> storedTextsReadBackUnchanged(Database db) {
    List<String> problems = new ArrayList<>();
    for (String row : db.rows("select name || '|' || coalesce(street,'') || coalesce(city,'') || coalesce(website,'') "
        + "|| coalesce(reference,'') from simestate_customer union all select name || '|' || coalesce(email,'') "
        + "|| coalesce(contact_role,'') from simestate_contact")) {
      if (row.codePoints().anyMatch(cp -> Character.isISOControl(cp) || Character.getType(cp) == Character.SURROGATE)
          || row.contains("\uFFFD") || row.contains("?lone")) {
        problems.add("stored text with control or broken characters: " + shown(row));
      }
    }
    return problems;
  }

  private static Map<String, List<String>> snapshot(Database db) {
    Map<String, List<String>> s = new TreeMap<>();
    s.put("customers", db.rows("select id, version from simestate_customer order by id"));
    s.put("contacts", db.rows("select id from simestate_contact order by id"));
    s.put("sims", db.rows("select iccid, customer_id from simestate_sim_assignment order by iccid"));
    s.put("deliveries", db.rows("select id, status from simestate_delivery order by id"));
    s.put("decisions", db.rows("select id from simestate_alert_decision order by id"));
    s.put("audit", Collections.singletonList(Long.toString(db.count("select count(*) from simestate_audit_event"))));
    return s;
  }

  static String shown(String s) {
    StringBuilder b = new StringBuilder();
    s.codePoints().limit(40).forEach(cp -> {
      if (cp < 0x20 || cp > 0x7E) {
        b.append(String.format("\\u%04X", cp));
      } else {
        b.appendCodePoint(cp);
      }
    });
    return (s.length() > 40 ? b + "…(" + s.length() + " chars)" : b.toString());
  }

}
