package io.simestate.mail;

import static io.simestate.mail.Fixtures.alert;
import static io.simestate.mail.Fixtures.contact;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.simestate.core.alert.Notification;
import io.simestate.core.alert.SendResult;
import io.simestate.core.alert.SendSession;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A session answers each message as soon as the server answered, and sends nothing it was not asked
 * for, so that the dispatcher records each result before the next message goes out and a killed
 * process re-sends nothing already accepted.
 */
class ResultReportingTest {

  @RegisterExtension
  static final GreenMailExtension greenMail = GreenMailSupport.smtpServer();

  private final List<Notification> batch = List.of(
      alert("Northwind", contact("Ana", "ana@northwind.example")),
      alert("Northwind", contact("Bo", "bo@northwind.example")),
      alert("Northwind", contact("Cy", "cy@northwind.example")));

  private SmtpNotificationSender sender() {
    return Fixtures.localSender(greenMail.getSmtp().getPort()).build();
  }

  @Test
  void aSessionAnswersEachMessageRightAfterTheServerAcceptedIt() {
    List<Integer> receivedWhenAnswered = new ArrayList<>();
    List<SendResult> results = new ArrayList<>();
    try (SendSession session = sender().open()) {
      for (Notification n : batch) {
        results.add(session.send(n));
        receivedWhenAnswered.add(greenMail.getReceivedMessages().length);
      }
    }

    assertThat(results).extracting(SendResult::status).containsOnly(SendResult.Status.SENT);
    assertThat(receivedWhenAnswered).containsExactly(1, 2, 3);
  }

  @Test
  void aSessionThatIsNotAskedAgainSendsNothingMore() {
    try (SendSession session = sender().open()) {
      assertThat(session.send(batch.get(0)).status()).isEqualTo(SendResult.Status.SENT);
    }

    assertThat(greenMail.getReceivedMessages()).hasSize(1);
  }

  @Test
  void aMissingMessageIsRefusedNamingIt() {
    try (SendSession session = sender().open()) {
      assertThatThrownBy(() -> session.send(null)).isInstanceOf(io.simestate.core.InvalidInputException.class)
          .hasMessageContaining("notification");
    }
  }
}
