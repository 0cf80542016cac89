package io.simestate.mail;

import static io.simestate.mail.Fixtures.alert;
import static io.simestate.mail.Fixtures.contact;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.simestate.core.alert.Notification;
import io.simestate.core.alert.SendResult;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Each result is reported as soon as the server answered, before the next message goes out, so that
 * the dispatcher can record it and a killed process re-sends nothing already accepted.
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
  void eachResultIsReportedBeforeTheNextMessageIsSent() {
    List<Integer> receivedWhenReported = new ArrayList<>();
    List<SendResult> results = sender().sendAll(batch,
        (index, result) -> receivedWhenReported.add(greenMail.getReceivedMessages().length));

    assertThat(results).extracting(SendResult::status).containsOnly(SendResult.Status.SENT);
    assertThat(receivedWhenReported).containsExactly(1, 2, 3);
  }

  @Test
  void aListenerThatFailsEndsTheBatchAndReachesTheCaller() {
    assertThatThrownBy(() -> sender().sendAll(batch, (index, result) -> {
      if (index == 0) {
        throw new IllegalStateException("could not record");
      }
    })).isInstanceOf(IllegalStateException.class);

    assertThat(greenMail.getReceivedMessages()).hasSize(1);
  }
}
