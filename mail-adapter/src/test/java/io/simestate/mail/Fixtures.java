package io.simestate.mail;

import io.simestate.core.AlertKind;
import io.simestate.core.TenantId;
import io.simestate.core.alert.AlertId;
import io.simestate.core.alert.AlertNotification;
import io.simestate.core.alert.DigestNotification;
import io.simestate.core.alert.Notification;
import io.simestate.core.alert.Recipient;
import io.simestate.core.alert.SenderIdentity;
import io.simestate.core.alert.SubscriptionNotice;
import io.simestate.core.alert.Usage;
import io.simestate.core.alert.UsageAlert;
import io.simestate.core.customer.ContactId;
import io.simestate.core.customer.EmailAddress;
import io.simestate.core.sim.Iccid;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/** Notifications and senders for the tests. */
final class Fixtures {

  static final TenantId TENANT = TenantId.of("acme");
  static final Instant RAISED = Instant.parse("2026-11-25T14:03:00Z");
  static final Instant NOW = Instant.parse("2026-11-25T14:05:00Z");
  static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  static final SenderIdentity SENDER = new SenderIdentity(
      EmailAddress.parse("alerts@portal.example"), "Portal Alerts", EmailAddress.parse("support@portal.example"));
  static final String ICCID = "8944500102198304826";

  /**
   * Stops a test whose sender or server would wait forever. Stalled sends end after the local sender's 300 ms
   * read time-out and a closed socket is seen at once; the limit is far above both so that a busy machine
   * cannot reach it.
   */
  static final Duration HANG_GUARD = Duration.ofMinutes(2);
  static final Usage USAGE = new Usage(
      new BigDecimal("950"), new BigDecimal("1000"), "MB", new BigDecimal("95.0"), "IoT 1 GB");

  private Fixtures() {}

  static Recipient contact(String name, String email) {
    return new Recipient(ContactId.random(), name, EmailAddress.parse(email));
  }

  static UsageAlert usageAlert(String alertId, String iccid, AlertKind kind) {
    return new UsageAlert(AlertId.of(alertId), Iccid.parse(iccid), kind, RAISED, "2026-11", USAGE);
  }

  static AlertNotification alert(String customer, Recipient to, AlertKind kind) {
    UsageAlert alert = usageAlert("alert-1", ICCID, kind);
    return new AlertNotification(TENANT, SENDER, to, customer, alert, alert.id() + "/" + to.key());
  }

  static AlertNotification alert(String customer, Recipient to) {
    return alert(customer, to, AlertKind.WARNING);
  }

  /** Three warnings for Northwind Logistics' contacts Ana, Bo and Cy, to be sent as one batch. */
  static List<Notification> threeNorthwindAlerts() {
    return List.of(
        alert("Northwind", contact("Ana", "ana@northwind.example")),
        alert("Northwind", contact("Bo", "bo@northwind.example")),
        alert("Northwind", contact("Cy", "cy@northwind.example")));
  }

  static DigestNotification digest(String customer, Recipient to, List<String> iccids) {
    List<UsageAlert> alerts = iccids.stream()
        .map(i -> usageAlert("alert-" + i, i, AlertKind.CUT_OFF))
        .toList();
    return new DigestNotification(TENANT, SENDER, to, customer, AlertKind.CUT_OFF, alerts, "digest/" + to.key());
  }

  static SubscriptionNotice notice(String customer, Recipient to) {
    return new SubscriptionNotice(TENANT, SENDER, to, customer, "notice/" + to.key());
  }

  /**
   * A sender talking plain SMTP to 127.0.0.1. Its time-outs are far longer than any local answer
   * takes, so that a busy machine never turns a slow answer into a failure; the tests of time-outs
   * set their own short ones against a server that never answers.
   */
  static SmtpNotificationSender.Builder localSender(int port) {
    return SmtpNotificationSender.builder()
        .host("127.0.0.1")
        .port(port)
        .security(SmtpSecurity.NONE)
        .heloName("client.test")
        .connectTimeout(Duration.ofSeconds(30))
        .readTimeout(Duration.ofSeconds(30))
        .writeTimeout(Duration.ofSeconds(30))
        .clock(CLOCK);
  }

  /** A local sender that gives up on a server after 300 ms of silence, for the tests of a server that stalls. */
  static SmtpNotificationSender impatientSender(int port) {
    return localSender(port).readTimeout(Duration.ofMillis(300)).build();
  }

  /**
   * A port on 127.0.0.1 where nothing listens for as long as the returned socket stays open: the
   * socket holds the port without listening, so a connection to it is refused and no other process
   * can start listening there meanwhile (a port that was merely free a moment ago could be taken).
   */
  static Socket portWhereNothingListens() {
    Socket socket = new Socket();
    try {
      socket.setReuseAddress(false);
      socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      return socket;
    } catch (IOException e) {
      try {
        socket.close();
      } catch (IOException ignored) {
        // the bind already failed
      }
      throw new UncheckedIOException(e);
    }
  }
}
