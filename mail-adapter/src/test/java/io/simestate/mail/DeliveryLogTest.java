package io.simestate.mail;

import static io.simestate.mail.Fixtures.alert;
import static io.simestate.mail.Fixtures.contact;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.simestate.core.AlertKind;
import io.simestate.core.alert.Recipient;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * What the adapter tells an operator in its log: each message sent at INFO and each failed one at
 * WARN, naming what kind of message it was, and a warning when a password would cross the network in
 * clear. A failure logged like a success would leave an outage without an error anywhere (DESIGN 1b).
 */
class DeliveryLogTest {

  private final Logger logger = (Logger) LoggerFactory.getLogger(SmtpNotificationSender.class);
  private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
  private final Recipient ana = contact("Ana", "ana@northwind.example");

  @BeforeEach
  void capture() {
    logs.start();
    logger.addAppender(logs);
  }

  @AfterEach
  void release() {
    logger.detachAppender(logs);
  }

  @Test
  void eachSentMessageIsLoggedAtInfoNamingItsKind() throws Exception {
    try (ScriptedSmtpServer server = ScriptedSmtpServer.accepting()) {
      Fixtures.localSender(server.port()).build().sendAll(List.of(alert("Northwind", ana, AlertKind.WARNING),
          Fixtures.digest("Northwind", ana, List.of("8944500102198304826", "8944500102198304834")),
          Fixtures.notice("Northwind", ana)));
    }

    assertThat(events(Level.INFO)).hasSize(3)
        .anyMatch(startsWith("Sent warning alert <"))
        .anyMatch(startsWith("Sent cut-off digest of 2 alerts <"))
        .anyMatch(startsWith("Sent subscription notice <"));
    assertThat(events(Level.WARN)).isEmpty();
  }

  @Test
  void eachFailedMessageIsLoggedAtWarnWithItsStatus() throws Exception {
    try (ScriptedSmtpServer server = ScriptedSmtpServer.replyingToRcpt(address -> "550 5.1.1 User unknown")) {
      Fixtures.localSender(server.port()).build().send(alert("Northwind", ana, AlertKind.CUT_OFF));
    }

    assertThat(events(Level.WARN)).singleElement().satisfies(m -> assertThat(m)
        .startsWith("Could not send cut-off alert <").contains("(PERMANENT_FAILURE)", "550"));
    assertThat(events(Level.INFO)).isEmpty();
  }

  @Test
  void authenticationWithoutTlsIsWarnedAboutAndAuthenticationOverTlsOrNoneIsNot() {
    Fixtures.localSender(2525).build();
    Fixtures.localSender(2525).security(SmtpSecurity.STARTTLS).auth("alerts", "s3cret").build();
    assertThat(events(Level.WARN)).isEmpty();

    Fixtures.localSender(2525).auth("alerts", "s3cret").build();

    assertThat(events(Level.WARN)).singleElement().satisfies(m -> assertThat(m)
        .contains("password in clear", "127.0.0.1:2525").doesNotContain("s3cret"));
  }

  private List<String> events(Level level) {
    return logs.list.stream().filter(e -> e.getLevel() == level).map(ILoggingEvent::getFormattedMessage).toList();
  }

  private static Predicate<String> startsWith(String prefix) {
    return m -> m.startsWith(prefix);
  }
}
