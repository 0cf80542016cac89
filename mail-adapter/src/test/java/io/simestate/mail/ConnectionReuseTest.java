package io.simestate.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.simestate.core.alert.Notification;
import io.simestate.core.alert.SendResult;
import io.simestate.core.alert.SendResult.Status;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A connection carries the next message at once, without a NOOP round trip first
 * ({@code SmtpFailuresTest.batchIsSentOverOneConnectionWithoutACheckBeforeEachMessage}). When a reused
 * connection turns out to be dead at a message, the message goes out once more over a new connection
 * if the server cannot have accepted it (it closed the connection at the message's first command), and
 * never again here if it may have (no answer came, perhaps to the message's end): a portal's contact
 * gets each alert once.
 */
class ConnectionReuseTest {

  private final List<Notification> three = Fixtures.threeNorthwindAlerts();

  @Test
  void aServerShuttingDownAtTheNextMessagesFirstCommandGetsItOverANewConnection() throws Exception {
    try (ScriptedSmtpServer server = ScriptedSmtpServer.replyingToMailFrom(
        n -> n == 2 ? "421 4.3.2 Service shutting down" : "250 2.1.0 OK")) {

      List<SendResult> results = Fixtures.localSender(server.port()).build().sendAll(three);

      assertThat(results).containsOnly(SendResult.sent()).hasSize(3);
      assertThat(server.acceptedRecipients())
          .containsExactly("ana@northwind.example", "bo@northwind.example", "cy@northwind.example");
      assertThat(server.connections()).isEqualTo(2);
    }
  }

  @Test
  void aReusedConnectionThatStopsAnsweringCostsThatMessageATransientFailureAndTheNextANewConnection()
      throws Exception {
    // A reply that never comes may be the one to the message's end: the client cannot tell that it was
    // the first command's here, so the message is left to the dispatcher's retry rather than sent again.
    try (ScriptedSmtpServer server = ScriptedSmtpServer.replyingToMailFrom(n -> n == 2 ? null : "250 2.1.0 OK")) {
      SmtpNotificationSender sender = Fixtures.impatientSender(server.port());

      List<SendResult> results = assertTimeoutPreemptively(Fixtures.HANG_GUARD, () -> sender.sendAll(three));

      assertThat(results).extracting(SendResult::status)
          .containsExactly(Status.SENT, Status.TRANSIENT_FAILURE, Status.SENT);
      assertThat(server.acceptedRecipients()).containsExactly("ana@northwind.example", "cy@northwind.example");
      assertThat(server.connections()).isEqualTo(2);
    }
  }

  @Test
  void aMessageWhoseEndTheServerReceivedButNeverAnsweredIsNotSentAgain() throws Exception {
    try (ScriptedSmtpServer server = ScriptedSmtpServer.replyingToData(n -> n == 2 ? null : "250 2.0.0 queued")) {

      List<SendResult> results = Fixtures.localSender(server.port()).build().sendAll(three);

      assertThat(results).extracting(SendResult::status)
          .containsExactly(Status.SENT, Status.TRANSIENT_FAILURE, Status.SENT);
      assertThat(server.messageEnds()).isEqualTo(3);
      assertThat(server.acceptedRecipients()).containsExactly("ana@northwind.example", "cy@northwind.example");
    }
  }

  @Test
  void aFreshConnectionRefusingTheFirstCommandIsNotTriedAgain() throws Exception {
    try (ScriptedSmtpServer server = ScriptedSmtpServer.replyingToMailFrom(
        n -> n == 1 ? "421 4.3.2 Service shutting down" : "250 2.1.0 OK")) {

      SendResult result = Fixtures.localSender(server.port()).build().send(three.get(0));

      assertThat(result.status()).isEqualTo(Status.TRANSIENT_FAILURE);
      assertThat(result.detail()).contains("421");
      assertThat(server.connections()).isEqualTo(1);
    }
  }
}
