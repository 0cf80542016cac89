package io.simestate.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.simestate.core.alert.Notification;
import io.simestate.core.alert.SendResult;
import io.simestate.core.alert.SendResult.Status;
import io.simestate.core.alert.SendSession;
import java.util.List;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.Test;

/**
 * Every SMTP connection the adapter opens is closed when its batch or session ends, whatever happened
 * on it, and a connection the server gave up on is closed and not used again; a relay counts open
 * connections per client, and one left open would count against the portal until the server timed it out.
 */
class ConnectionClosingTest {

  private final List<Notification> three = Fixtures.threeNorthwindAlerts();

  @Test
  void theConnectionIsClosedWithQuitAfterEachBatch() throws Exception {
    try (ScriptedSmtpServer server = ScriptedSmtpServer.accepting()) {
      SmtpNotificationSender sender = Fixtures.localSender(server.port()).build();

      sender.sendAll(three);
      sender.sendAll(three.subList(0, 1));

      assertThat(server.connections()).isEqualTo(2);
      assertThat(server.quits()).isEqualTo(2);
    }
  }

  @Test
  void theConnectionIsClosedAfterEachBatchEvenWhenASendFails() throws Exception {
    try (ScriptedSmtpServer server = ScriptedSmtpServer.replyingToRcpt(
        address -> address.startsWith("cy@") ? "550 5.1.1 User unknown" : "250 2.1.5 OK")) {

      List<SendResult> results = Fixtures.localSender(server.port()).build().sendAll(three);

      assertThat(results).extracting(SendResult::status)
          .containsExactly(Status.SENT, Status.SENT, Status.PERMANENT_FAILURE);
      assertThat(server.connections()).isEqualTo(1);
      assertThat(server.quits()).isEqualTo(1);
    }
  }

  @Test
  void aSingleSendClosesItsConnection() throws Exception {
    try (ScriptedSmtpServer server = ScriptedSmtpServer.accepting()) {

      SendResult result = Fixtures.localSender(server.port()).build().send(three.get(0));

      assertThat(result).isEqualTo(SendResult.sent());
      assertThat(server.quits()).isEqualTo(1);
    }
  }

  @Test
  void aSessionKeepsItsConnectionUntilItIsClosed() throws Exception {
    try (ScriptedSmtpServer server = ScriptedSmtpServer.accepting()) {
      SendSession session = Fixtures.localSender(server.port()).build().open();
      try {
        session.send(three.get(0));
        session.send(three.get(1));

        assertThat(server.quits()).isZero();
      } finally {
        session.close();
      }

      assertThat(server.connections()).isEqualTo(1);
      assertThat(server.quits()).isEqualTo(1);
    }
  }

  @Test
  void aConnectionTheServerIsClosingWith421IsClosedAndTheNextMessageGoesOverANewOne() throws Exception {
    try (ScriptedSmtpServer server = ScriptedSmtpServer.replyingToData(
        n -> n == 1 ? "421 4.3.2 Service shutting down" : "250 2.0.0 queued")) {

      List<SendResult> results = Fixtures.localSender(server.port()).build().sendAll(three);

      assertThat(results).extracting(SendResult::status)
          .containsExactly(Status.TRANSIENT_FAILURE, Status.SENT, Status.SENT);
      assertThat(server.acceptedRecipients()).containsExactly("bo@northwind.example", "cy@northwind.example");
      assertThat(server.connections()).isEqualTo(2);
      assertThat(server.quits() + server.hangUps()).isEqualTo(2);
    }
  }

  @Test
  void aConnectionWhoseGreetingNeverCameIsClosedNotLeftOpen() throws Exception {
    try (ScriptedSmtpServer server = ScriptedSmtpServer.stalling()) {
      SmtpNotificationSender sender = Fixtures.impatientSender(server.port());

      SendResult result = assertTimeoutPreemptively(Fixtures.HANG_GUARD, () -> sender.send(three.get(0)));

      assertThat(result.status()).isEqualTo(Status.TRANSIENT_FAILURE);
      awaitOne(server::hangUps);
      assertThat(server.connections()).isEqualTo(1);
    }
  }

  /** Waits until the server saw what the client did (its thread reads the socket's end a moment later). */
  private static void awaitOne(IntSupplier count) {
    assertTimeoutPreemptively(Fixtures.HANG_GUARD, () -> {
      while (count.getAsInt() < 1) {
        Thread.sleep(10);
      }
    });
    assertThat(count.getAsInt()).isEqualTo(1);
  }
}
