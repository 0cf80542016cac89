package io.simestate.mail;

import static io.simestate.mail.Fixtures.TENANT;

import io.simestate.core.AlertKind;
import io.simestate.core.alert.AlertNotification;
import io.simestate.core.alert.DigestNotification;
import io.simestate.core.alert.Notification;
import io.simestate.core.alert.NotificationContext;
import io.simestate.core.alert.Recipient;
import io.simestate.core.alert.SenderIdentity;
import io.simestate.core.alert.SubscriptionNotice;
import io.simestate.core.alert.Usage;
import io.simestate.core.customer.EmailAddress;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.eclipse.angus.mail.util.CRLFOutputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.time.ZoneId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * Every kind of message the default templates write (alert with and without usage figures, cut-off,
 * catch-all, digest, notice), for plain, hostile and Unicode names and domains, rendered to MIME by
 * the real composer and written as the SMTP transport writes it.
 */
final class RenderedMessages {

  /** Where the rendered messages are written as {@code <name>.eml}, for tools outside the JVM. */
  static final Path FOLDER = Path.of("target", "rendered-mail");

  /** One rendered message. */
  record Rendered(String name, String kind, Notification notification, MailContent content, byte[] bytes) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static final Recipient ANA = Fixtures.contact("Ana Lima", "ana@northwind.example");
  private static final Recipient NOC = Recipient.catchAll("NOC", EmailAddress.parse("noc@portal.example"));
  private static final List<String> THREE = List.of("8944500102198304826", "8944500102198304834",
      "8944500102198304842");

  /** Names that try to break out of headers, markup or text direction. */
  static final List<String> HOSTILE_NAMES = List.of(
      "<script>alert('x')</script> & <b>Co</b>",
      "Ann \"The Boss\" O'Neil, <ann@evil.example>; Bcc: victim@evil.example",
      "Evil Corp\r\nBcc: victim@evil.example\r\n\r\n<html>",
      "\u202Egnp.exe\u202C Invoices",
      "=?UTF-8?B?QmNjOiB2aWN0aW1AZXZpbC5leGFtcGxl?= =?utf-8?q?Evil?=",
      "Back\\slash (comment) [brackets] -- & ; : ,",
      "Rocket 🚀 GmbH 👩‍💻 ".repeat(30));

  private RenderedMessages() {}

  /** Every message, rendered; the folder then holds exactly these messages. */
  static List<Rendered> all() {
    try (var old = Files.list(Files.createDirectories(FOLDER))) {
      for (Path eml : old.filter(p -> p.toString().endsWith(".eml")).toList()) {
        Files.delete(eml);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<Rendered> out = new ArrayList<>();
    out.add(render("alert-warning", "alert", Fixtures.alert("Northwind Logistics", ANA, AlertKind.WARNING)));
    out.add(render("alert-cut-off", "alert", Fixtures.alert("Northwind Logistics", ANA, AlertKind.CUT_OFF)));
    AlertNotification plain = Fixtures.alert("Northwind Logistics", ANA);
    out.add(render("alert-without-usage", "alert-bare", new AlertNotification(TENANT, plain.sender(), ANA,
        plain.customerName(), plain.alert().withUsage(Usage.NONE).withPeriod(null), plain.messageKey())));
    out.add(render("alert-catch-all-no-customer", "alert-no-customer", Fixtures.alert(null, NOC)));
    out.add(render("alert-catch-all", "alert", Fixtures.alert("Northwind Logistics", NOC)));
    out.add(render("digest", "digest", Fixtures.digest("Northwind Logistics", ANA, THREE)));
    out.add(render("digest-one-sim", "digest-one", Fixtures.digest("Northwind Logistics", ANA, THREE.subList(0, 1))));
    out.add(render("notice", "notice", Fixtures.notice("Northwind Logistics", ANA)));
    out.add(render("notice-no-customer", "notice-no-customer", Fixtures.notice(null, NOC)));
    for (int i = 0; i < HOSTILE_NAMES.size(); i++) {
      String name = HOSTILE_NAMES.get(i);
      // Core refuses control characters and more than 200 characters in a recipient's name.
      String recipientName = name.codePoints().anyMatch(Character::isISOControl) ? "Ana"
          : name.length() > 200 ? name.substring(0, name.offsetByCodePoints(0, 100)) : name;
      Recipient to = Fixtures.contact(recipientName, "ana@northwind.example");
      out.add(render("hostile-" + i + "-alert", "alert", Fixtures.alert(name, to)));
      out.add(render("hostile-" + i + "-digest", "digest", Fixtures.digest(name, to, THREE)));
      out.add(render("hostile-" + i + "-notice", "notice", Fixtures.notice(name, to)));
    }
    SenderIdentity unicodeSender = new SenderIdentity(EmailAddress.parse("alerts@grüne-wiese.example"),
        "Grüne Wiese 📡 NOC", EmailAddress.parse("support@例え.テスト"));
    Recipient jose = Fixtures.contact("José Müller-Łukasiewicz 山田", "jose.muller@bücher.example");
    Recipient david = Fixtures.contact("דוד כהן", "david@xn--9dbne9b.example");
    String greek = "Ελληνικά Δίκτυα & Co — 北京分公司";
    out.add(render("unicode-alert", "alert", withSender(Fixtures.alert(greek, jose), unicodeSender)));
    out.add(render("unicode-digest", "digest", withSender(Fixtures.digest(greek, jose, THREE), unicodeSender)));
    out.add(render("unicode-notice", "notice", withSender(Fixtures.notice(greek, jose), unicodeSender)));
    out.add(render("rtl-alert", "alert", Fixtures.alert("شركة الاتصالات", david)));
    for (Notification n : withTenant()) {
      String kind = n instanceof AlertNotification ? "alert-tenant" : n instanceof DigestNotification ? "digest-tenant"
          : "notice-tenant";
      String name = "tenant-" + (n instanceof AlertNotification a ? "alert-" + a.alert().kind().name().toLowerCase()
          : n instanceof DigestNotification ? "digest-cut-off" : "notice") + (n.sender().replyTo() == null ? "-no-reply-to" : "");
      out.add(render(name, kind, n));
    }
    NotificationContext hostileTenant = new NotificationContext("<img src=x onerror=alert(1)> & \"ACME\" 'Connect'",
        ZoneId.of("Asia/Kolkata"), URI.create("https://portal.example/a%22b/?"), null);
    out.add(render("tenant-hostile-name-alert", "alert-tenant", withContext(Fixtures.alert("Northwind Logistics", ANA,
        AlertKind.CUT_OFF), hostileTenant, NO_REPLY_TO)));
    SenderIdentity bare = SenderIdentity.of("alerts@portal.example");
    out.add(render("bare-sender-alert", "alert", withSender(Fixtures.alert("Northwind", ANA), bare)));
    out.add(render("bare-sender-notice", "notice", withSender(Fixtures.notice("Northwind", ANA), bare)));
    return out;
  }

  /** The tenant of the messages with context: name, zone, portal, unsubscribe address. */
  static final NotificationContext TENANT_CONTEXT = new NotificationContext("ACME Connect", ZoneId.of("Europe/Berlin"),
      URI.create("https://portal.acme.example/"),
      URI.create("https://portal.acme.example/alerts/unsubscribe?token=1~acme~c~k~WARNING~1~mac"));
  /** A sender without Reply-To, so that the message says whom to contact instead. */
  static final SenderIdentity NO_REPLY_TO = SenderIdentity.of("alerts@acme.example", "ACME Connect Alerts");
  /** Large figures, which must show with thousands separators. */
  static final Usage LARGE = new Usage(new BigDecimal("1843200"), new BigDecimal("2048000"), "KB",
      new BigDecimal("90"), "IoT 2 GB");
  static final Usage FULL = new Usage(new BigDecimal("2048000"), new BigDecimal("2048000"), "KB",
      new BigDecimal("100"), "IoT 2 GB");

  /** A warning, a cut-off, a digest and a notice of a tenant with every setting of issue 12. */
  static List<Notification> withTenant() {
    AlertNotification warning = Fixtures.alert("Northwind Logistics", ANA, AlertKind.WARNING);
    warning = new AlertNotification(TENANT, warning.sender(), ANA, warning.customerName(),
        warning.alert().withUsage(LARGE), warning.messageKey());
    AlertNotification cutOff = Fixtures.alert("Northwind Logistics", ANA, AlertKind.CUT_OFF);
    cutOff = new AlertNotification(TENANT, cutOff.sender(), ANA, cutOff.customerName(),
        cutOff.alert().withUsage(FULL), cutOff.messageKey());
    DigestNotification digest = Fixtures.digest("Northwind Logistics", ANA, THREE);
    digest = new DigestNotification(TENANT, digest.sender(), ANA, digest.customerName(), digest.kind(),
        digest.alerts().stream().map(a -> a.withUsage(FULL)).toList(), digest.messageKey());
    SenderIdentity withReplyTo = new SenderIdentity(NO_REPLY_TO.address(), NO_REPLY_TO.displayName(),
        EmailAddress.parse("noc@acme.example"));
    return List.of(
        withContext(warning, TENANT_CONTEXT, withReplyTo),
        withContext(cutOff, TENANT_CONTEXT, NO_REPLY_TO),
        withContext(digest, TENANT_CONTEXT, NO_REPLY_TO),
        withContext(Fixtures.notice("Northwind Logistics", ANA), TENANT_CONTEXT, withReplyTo));
  }

  static Notification withContext(Notification n, NotificationContext context, SenderIdentity sender) {
    if (n instanceof AlertNotification a) {
      return new AlertNotification(a.tenantId(), sender, a.recipient(), a.customerName(), a.alert(), a.messageKey(),
          context);
    }
    if (n instanceof DigestNotification d) {
      return new DigestNotification(d.tenantId(), sender, d.recipient(), d.customerName(), d.kind(), d.alerts(),
          d.messageKey(), context);
    }
    SubscriptionNotice s = (SubscriptionNotice) n;
    return new SubscriptionNotice(s.tenantId(), sender, s.recipient(), s.customerName(), s.messageKey(),
        new NotificationContext(context.tenantName(), context.timeZone(), context.portalUrl(), null));
  }

  /** The plain message of the same kind, whose markup a hostile one must repeat tag for tag. */
  static Rendered baselineOf(List<Rendered> all, Rendered r) {
    String name = switch (r.kind()) {
      case "alert" -> "alert-warning";
      case "alert-bare" -> "alert-without-usage";
      case "alert-no-customer" -> "alert-catch-all-no-customer";
      case "digest" -> "digest";
      case "digest-one" -> "digest-one-sim";
      case "notice" -> "notice";
      case "alert-tenant" -> "tenant-alert-cut_off-no-reply-to";
      case "digest-tenant" -> "tenant-digest-cut-off-no-reply-to";
      case "notice-tenant" -> "tenant-notice";
      default -> "notice-no-customer";
    };
    return all.stream().filter(x -> x.name().equals(name)).findFirst().orElseThrow();
  }

  private static Notification withSender(Notification n, SenderIdentity sender) {
    if (n instanceof AlertNotification a) {
      return new AlertNotification(a.tenantId(), sender, a.recipient(), a.customerName(), a.alert(), a.messageKey());
    }
    if (n instanceof DigestNotification d) {
      return new DigestNotification(d.tenantId(), sender, d.recipient(), d.customerName(), d.kind(), d.alerts(),
          d.messageKey());
    }
    SubscriptionNotice s = (SubscriptionNotice) n;
    return new SubscriptionNotice(s.tenantId(), sender, s.recipient(), s.customerName(), s.messageKey());
  }

  static Rendered render(String name, String kind, Notification n) {
    MessageComposer composer = new MessageComposer(MailTemplates.defaults(), Fixtures.CLOCK);
    try {
      MailContent content = composer.content(n);
      MimeMessage message = composer.compose(Session.getInstance(new Properties()), n, content);
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      // As the SMTP transport writes it: line ends made CRLF (RFC 5321 §2.3.8).
      message.writeTo(new CRLFOutputStream(bytes));
      Files.write(FOLDER.resolve(name + ".eml"), bytes.toByteArray());
      return new Rendered(name, kind, n, content, bytes.toByteArray());
    } catch (MessagingException e) {
      throw new IllegalStateException(name + " could not be composed", e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
