package io.simestate.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.simestate.core.alert.Notification;
import io.simestate.core.alert.SendResult;
import io.simestate.core.alert.SendResult.Status;
import java.net.Socket;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * How the adapter reports refusals, stalls and outages, against a small scripted SMTP server on
 * 127.0.0.1, and how it uses connections.
 */
class SmtpFailuresTest {

  private final List<Notification> three = Fixtures.threeNorthwindAlerts();

  @Test
  void recipientRefusedWith550IsAPermanentFailure() throws Exception {
    try (ScriptedSmtpServer server = ScriptedSmtpServer.replyingToRcpt(
        address -> "550 5.1.1 <" + address + ">: Recipient address rejected: User unknown")) {

      SendResult result = Fixtures.localSender(server.port()).build().send(three.get(0));

      assertThat(result.status()).isEqualTo(Status.PERMANENT_FAILURE);
      assertThat(result.detail()).contains("550");
    }
  }

  @Test
  void failureDetailMasksTheAddressTheServerQuoted() throws Exception {
    try (ScriptedSmtpServer server = ScriptedSmtpServer.replyingToRcpt(
        address -> "550 5.1.1 <" + address + ">: Recipient address rejected: User unknown")) {

      SendResult result = Fixtures.localSender(server.port()).build().send(three.get(0));

      assertThat(result.detail()).contains("a***@northwind.example").doesNotContain("ana@northwind.example");
    }
  }

  @Test
  void recipientDeferredWith451IsATransientFailure() throws Exception {
    try (ScriptedSmtpServer server = ScriptedSmtpServer.replyingToRcpt(
        address -> "451 4.7.1 Greylisted, try again later")) {

      SendResult result = Fixtures.localSender(server.port()).build().send(three.get(0));

      assertThat(result.status()).isEqualTo(Status.TRANSIENT_FAILURE);
      assertThat(result.detail()).contains("451");
    }
  }

  @Test
  void refusedRecipientDoesNotStopTheRestOfTheBatchOnTheSameConnection() throws Exception {
    try (ScriptedSmtpServer server = ScriptedSmtpServer.replyingToRcpt(
        address -> address.startsWith("bo@") ? "550 5.1.1 User unknown" : "250 2.1.5 OK")) {

      List<SendResult> results = Fixtures.localSender(server.port()).build().sendAll(three);

      assertThat(results).extracting(SendResult::status)
          .containsExactly(Status.SENT, Status.PERMANENT_FAILURE, Status.SENT);
      assertThat(server.acceptedRecipients()).containsExactly("ana@northwind.example", "cy@northwind.example");
      assertThat(server.connections()).isEqualTo(1);
    }
  }

  @Test
  void batchIsSentOverOneConnectionWithoutACheckBeforeEachMessage() throws Exception {
    try (ScriptedSmtpServer server = ScriptedSmtpServer.accepting()) {

      List<SendResult> results = Fixtures.localSender(server.port()).build().sendAll(three);

      assertThat(results).containsOnly(SendResult.sent()).hasSize(3);
      assertThat(server.acceptedRecipients()).hasSize(3);
      assertThat(server.connections()).isEqualTo(1);
      assertThat(server.noops()).isZero();
    }
  }

  @Test
  void reconnectsWhenTheServerClosesTheConnectionBetweenMessages() throws Exception {
    try (ScriptedSmtpServer server = ScriptedSmtpServer.closingAfterEachMessage()) {

      List<SendResult> results = Fixtures.localSender(server.port()).build().sendAll(three);

      assertThat(results).containsOnly(SendResult.sent()).hasSize(3);
      assertThat(server.acceptedRecipients()).hasSize(3);
      assertThat(server.connections()).isEqualTo(3);
    }
  }

  @Test
  void stalledServerTimesOutAsATransientFailure() throws Exception {
    try (ScriptedSmtpServer server = ScriptedSmtpServer.stalling()) {
      SmtpNotificationSender sender = Fixtures.impatientSender(server.port());

      SendResult result = assertTimeoutPreemptively(Fixtures.HANG_GUARD, () -> sender.send(three.get(0)));

      assertThat(result.status()).isEqualTo(Status.TRANSIENT_FAILURE);
      assertThat(result.detail()).containsIgnoringCase("timed out");
    }
  }

  @Test
  void stalledServerCostsTheBatchOneConnectionAttemptNotOnePerMessage() throws Exception {
    try (ScriptedSmtpServer server = ScriptedSmtpServer.stalling()) {
      SmtpNotificationSender sender = Fixtures.impatientSender(server.port());

      List<SendResult> results = assertTimeoutPreemptively(Fixtures.HANG_GUARD, () -> sender.sendAll(three));

      assertThat(results).extracting(SendResult::status).containsOnly(Status.TRANSIENT_FAILURE);
      assertThat(server.connections()).isEqualTo(1);
    }
  }

  @Test
  void refusedConnectionIsATransientFailureForEveryMessageOfTheBatch() throws Exception {
    List<SendResult> results;
    try (Socket nothingListens = Fixtures.portWhereNothingListens()) {
      results = Fixtures.localSender(nothingListens.getLocalPort()).build().sendAll(three);
    }

    assertThat(results).hasSize(3).extracting(SendResult::status).containsOnly(Status.TRANSIENT_FAILURE);
    assertThat(results.get(0).detail()).contains("could not connect");
  }

  @Test
  void messageRejectedAfterDataWith554IsAPermanentFailure() throws Exception {
    try (ScriptedSmtpServer server = ScriptedSmtpServer.replyingToData(n -> "554 5.7.1 Message refused as spam")) {

      SendResult result = Fixtures.localSender(server.port()).build().send(three.get(0));

      assertThat(result.status()).isEqualTo(Status.PERMANENT_FAILURE);
      assertThat(result.detail()).contains("554");
    }
  }

  @Test
  void messageDeferredAfterDataWith452IsATransientFailure() throws Exception {
    try (ScriptedSmtpServer server = ScriptedSmtpServer.replyingToData(n -> "452 4.3.1 Insufficient storage")) {

      SendResult result = Fixtures.localSender(server.port()).build().send(three.get(0));

      assertThat(result.status()).isEqualTo(Status.TRANSIENT_FAILURE);
      assertThat(result.detail()).contains("452");
    }
  }

  @Test
  void connectionDroppedDuringAMessageIsTransientAndTheNextMessageReconnects() throws Exception {
    try (ScriptedSmtpServer server = ScriptedSmtpServer.replyingToData(n -> n == 1 ? null : "250 2.0.0 queued")) {

      List<SendResult> results = Fixtures.localSender(server.port()).build().sendAll(three);

      assertThat(results).extracting(SendResult::status)
          .containsExactly(Status.TRANSIENT_FAILURE, Status.SENT, Status.SENT);
      assertThat(server.acceptedRecipients()).containsExactly("bo@northwind.example", "cy@northwind.example");
      assertThat(server.connections()).isEqualTo(2);
    }
  }
}
