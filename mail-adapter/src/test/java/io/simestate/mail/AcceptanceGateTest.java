package io.simestate.mail;

import static io.simestate.mail.Fixtures.alert;
import static io.simestate.mail.Fixtures.contact;
import static org.assertj.core.api.Assertions.assertThat;

import io.simestate.core.alert.AcceptanceGate;
import io.simestate.core.alert.Notification;
import io.simestate.core.alert.SendResult;
import io.simestate.core.alert.SendSession;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Issue 14: a session sends a message up to its last line while the dispatcher still records the
 * result before it, and sends the end of the data (with which the server accepts the message) only
 * once the message's {@link AcceptanceGate} opened. If the gate stays shut, the server never gets
 * that end: the connection is closed without it, the message is not sent again over a new one, and
 * the next message goes through a new connection.
 */
class AcceptanceGateTest {

  private final List<Notification> three = List.of(
      alert("Northwind", contact("Ana", "ana@northwind.example")),
      alert("Northwind", contact("Bo", "bo@northwind.example")),
      alert("Northwind", contact("Cy", "cy@northwind.example")));

  @Test
  void aMessageIsSentUpToItsEndAndAcceptedOnlyOnceItsGateOpens() throws Exception {
    try (ScriptedSmtpServer server = ScriptedSmtpServer.accepting();
        SendSession session = Fixtures.localSender(server.port()).build().open()) {
      CountDownLatch atGate = new CountDownLatch(1);
      CountDownLatch recorded = new CountDownLatch(1);
      AcceptanceGate gate = () -> {
        atGate.countDown();
        return recorded.await(Fixtures.HANG_GUARD.toMillis(), TimeUnit.MILLISECONDS);
      };

      CompletableFuture<SendResult> sending = CompletableFuture.supplyAsync(() -> session.send(three.get(0), gate));
      assertThat(atGate.await(Fixtures.HANG_GUARD.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
      int endsWhileShut = server.messageEnds();
      recorded.countDown();
      SendResult result = sending.get(Fixtures.HANG_GUARD.toMillis(), TimeUnit.MILLISECONDS);

      assertThat(endsWhileShut).as("the end of the data waits for the gate").isZero();
      assertThat(result).isEqualTo(SendResult.sent());
      assertThat(server.acceptedRecipients()).containsExactly("ana@northwind.example");
    }
  }

  @Test
  void aMessageWhoseGateStaysShutIsNeverAcceptedNorSentAgainAndTheNextGoesThroughANewConnection()
      throws Exception {
    try (ScriptedSmtpServer server = ScriptedSmtpServer.accepting();
        SendSession session = Fixtures.localSender(server.port()).build().open()) {

      SendResult first = session.send(three.get(0), AcceptanceGate.open());
      SendResult heldBack = session.send(three.get(1), () -> false);
      SendResult third = session.send(three.get(2), AcceptanceGate.open());

      assertThat(first).isEqualTo(SendResult.sent());
      assertThat(heldBack.status()).isEqualTo(SendResult.Status.TRANSIENT_FAILURE);
      assertThat(heldBack.detail()).isEqualTo(SendSession.HELD_BACK);
      assertThat(third).isEqualTo(SendResult.sent());
      assertThat(server.messageEnds()).as("no end of data for the held-back message").isEqualTo(2);
      assertThat(server.acceptedRecipients()).containsExactly("ana@northwind.example", "cy@northwind.example");
      assertThat(server.connections()).as("the held-back message was not tried over a new connection").isEqualTo(2);
    }
  }

  @Test
  void aMessageWhoseWaitAtTheGateIsInterruptedIsNotAccepted() throws Exception {
    try (ScriptedSmtpServer server = ScriptedSmtpServer.accepting();
        SendSession session = Fixtures.localSender(server.port()).build().open()) {
      Thread.currentThread().interrupt();
      SendResult result = session.send(three.get(0), () -> {
        Thread.sleep(Fixtures.HANG_GUARD.toMillis());
        return true;
      });
      boolean stillInterrupted = Thread.interrupted();

      assertThat(result.detail()).isEqualTo(SendSession.HELD_BACK);
      assertThat(stillInterrupted).as("the interrupt is kept").isTrue();
      assertThat(server.messageEnds()).isZero();
    }
  }
}
