package io.simestate.mail;

import static org.assertj.core.api.Assertions.assertThat;

import io.simestate.core.alert.SendResult;
import io.simestate.core.alert.SendResult.Status;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.io.IOException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.junit.jupiter.api.Test;

class FailureClassifierTest {

  @Test
  void maskReplacesEveryAddressInAText() {
    assertThat(FailureClassifier.mask("550 <ana@northwind.example> and bo.x+1@sub.example.org refused"))
        .isEqualTo("550 <a***@northwind.example> and b***@sub.example.org refused");
  }

  @Test
  void replyShapedMessageWith5xxIsPermanent() {
    assertThat(FailureClassifier.classify(new MessagingException("554 5.7.1 rejected")).status())
        .isEqualTo(Status.PERMANENT_FAILURE);
  }

  @Test
  void replyShapedMessageWith4xxIsTransient() {
    assertThat(FailureClassifier.classify(new MessagingException("421 4.3.2 shutting down")).status())
        .isEqualTo(Status.TRANSIENT_FAILURE);
  }

  @Test
  void invalidAddressIsPermanent() {
    assertThat(FailureClassifier.classify(new MessagingException("bad", new AddressException("x"))).status())
        .isEqualTo(Status.PERMANENT_FAILURE);
  }

  @Test
  void nestedTimeoutIsTransientAndBreaksTheConnection() {
    MessagingException failure = new MessagingException("Exception reading response", new SocketTimeoutException("Read timed out"));

    assertThat(FailureClassifier.classify(failure).status()).isEqualTo(Status.TRANSIENT_FAILURE);
    assertThat(FailureClassifier.brokeConnection(failure)).isTrue();
  }

  @Test
  void detailIsShortEvenForAHugeReply() {
    String detail = FailureClassifier.detail(new MessagingException("451 " + "x".repeat(5000)));

    assertThat(detail).hasSizeLessThanOrEqualTo(500).startsWith("451 ");
  }

  /**
   * Every three-digit reply a server can send, as the last line ("550 ...") and as a continuation line
   * ("550-..."): 5xx is permanent, 4xx transient, and a 2xx or 3xx text is no failure reply at all.
   * Only 421 (service closing) means the connection is gone.
   */
  @Test
  void everyReplyCodeIsClassifiedByItsRangeUpToEachEdge() {
    for (int code = 200; code <= 599; code++) {
      for (String separator : List.of(" ", "-")) {
        MessagingException failure = new MessagingException(code + separator + "reply text");
        boolean failureReply = code >= 400;
        boolean permanent = code >= 500;

        assertThat(FailureClassifier.replyCode(failure)).as("reply code of %s", code)
            .isEqualTo(failureReply ? Integer.valueOf(code) : null);
        assertThat(FailureClassifier.classify(failure).status()).as("status of %s", code)
            .isEqualTo(permanent ? Status.PERMANENT_FAILURE : Status.TRANSIENT_FAILURE);
        assertThat(FailureClassifier.brokeConnection(failure)).as("connection after %s", code).isEqualTo(code == 421);
      }
    }
  }

  @Test
  void aDetailOfExactlyFiveHundredCharactersIsKeptWholeAndOneMoreIsCutWithAnEllipsis() {
    String fiveHundred = "451 " + "x".repeat(496);

    assertThat(FailureClassifier.detail(new MessagingException(fiveHundred))).isEqualTo(fiveHundred);
    assertThat(FailureClassifier.detail(new MessagingException(fiveHundred + "y")))
        .isEqualTo(fiveHundred.substring(0, 499) + "\u2026");
  }

  @Test
  void aConnectionTheServerClosedMidReplyIsTransientSaysSoAndBreaksTheConnection() {
    MessagingException eof = new MessagingException("[EOF]");

    SendResult result = FailureClassifier.classify(eof);

    assertThat(result.status()).isEqualTo(Status.TRANSIENT_FAILURE);
    assertThat(result.detail()).isEqualTo("the server closed the connection: [EOF]");
    assertThat(FailureClassifier.brokeConnection(eof)).isTrue();
    assertThat(FailureClassifier.brokeConnection(new MessagingException("x", new MessagingException("[EOF]"))))
        .isTrue();
  }

  @Test
  void aFailureWithoutReplyIoErrorOrClosedConnectionLeavesTheConnectionUsable() {
    MessagingException other = new MessagingException("something odd");

    assertThat(FailureClassifier.brokeConnection(other)).isFalse();
    assertThat(FailureClassifier.classify(other)).isEqualTo(SendResult.transientFailure("something odd"));
  }

  @Test
  void aMessageCannotHaveBeenAcceptedWhenPartOfItWasNotWrittenOrItsMailFromMetAClosedConnection() {
    MessagingException notWritten = new MessagingException("Can't send command to SMTP host",
        new SocketException("Broken pipe"));
    MessagingException bodyNotWritten = new MessagingException("IOException while sending message",
        new SocketException("Connection reset"));

    assertThat(FailureClassifier.cannotHaveBeenAccepted(notWritten)).isTrue();
    assertThat(FailureClassifier.cannotHaveBeenAccepted(new MessagingException("outer", notWritten))).isTrue();
    assertThat(FailureClassifier.cannotHaveBeenAccepted(bodyNotWritten)).isTrue();
    assertThat(FailureClassifier.cannotHaveBeenAccepted(atCommand("MAIL FROM:<alerts@simestate.example>", -1)))
        .isTrue();
    assertThat(FailureClassifier.cannotHaveBeenAccepted(atCommand("MAIL FROM:<alerts@simestate.example>", 421)))
        .isTrue();
  }

  @Test
  void aMessageMayHaveBeenAcceptedWhenAReplyWasMissingAfterItsEndOrCouldNotBeRead() {
    // The server may have stored the message and then lost the connection before its reply arrived.
    assertThat(FailureClassifier.cannotHaveBeenAccepted(atCommand(".", -1))).isFalse();
    assertThat(FailureClassifier.cannotHaveBeenAccepted(atCommand(".", 421))).isFalse();
    assertThat(FailureClassifier.cannotHaveBeenAccepted(
        new MessagingException("Exception reading response", new SocketTimeoutException("Read timed out"))))
        .isFalse();
    // A server that answers MAIL FROM with an ordinary refusal is alive: that is the message's result.
    assertThat(FailureClassifier.cannotHaveBeenAccepted(atCommand("MAIL FROM:<alerts@simestate.example>", 451)))
        .isFalse();
    assertThat(FailureClassifier.cannotHaveBeenAccepted(new MessagingException("something odd"))).isFalse();
  }

  private static MessagingException atCommand(String command, int code) {
    return new SMTPSendFailedException(command, code, code == -1 ? "[EOF]" : code + " 4.3.2 closing", null,
        null, null, null);
  }

  @Test
  void anIoErrorAnywhereInTheChainBreaksTheConnection() {
    MessagingException outer = new MessagingException("outer");
    outer.setNextException(new IOException("Broken pipe"));

    assertThat(FailureClassifier.brokeConnection(outer)).isTrue();
    assertThat(FailureClassifier.detail(outer)).isEqualTo("outer; Broken pipe");
  }

  @Test
  void aRecipientTheServerRefusedIsPermanentAndAnEmptyListOfRefusedOnesIsNot() throws Exception {
    Address[] refused = {new InternetAddress("ana@northwind.example")};
    SendFailedException withRefused = new SendFailedException("Invalid Addresses", null, null, null, refused);
    SendFailedException withNone = new SendFailedException("Invalid Addresses", null, null, null, new Address[0]);
    SendFailedException withoutList = new SendFailedException("Invalid Addresses");

    assertThat(FailureClassifier.classify(withRefused))
        .isEqualTo(SendResult.permanentFailure("recipient refused: Invalid Addresses"));
    assertThat(FailureClassifier.classify(withNone)).isEqualTo(SendResult.transientFailure("Invalid Addresses"));
    assertThat(FailureClassifier.classify(withoutList)).isEqualTo(SendResult.transientFailure("Invalid Addresses"));
  }

  @Test
  void anInvalidAddressIsPermanentAndSaysSo() {
    SendResult result = FailureClassifier.classify(new MessagingException("bad", new AddressException("x")));

    assertThat(result).isEqualTo(SendResult.permanentFailure("invalid recipient address: bad; x"));
  }

  @Test
  void theNestedReplyDecidesNotTheSummaryTextOfASendFailure() {
    SendFailedException summary = new SendFailedException("550 looks like a reply but is a summary");
    summary.setNextException(new MessagingException("451 4.7.1 try again later"));

    assertThat(FailureClassifier.replyCode(summary)).isEqualTo(451);
    assertThat(FailureClassifier.classify(summary).status()).isEqualTo(Status.TRANSIENT_FAILURE);
    assertThat(FailureClassifier.replyCode(new SendFailedException("550 summary only"))).isNull();
  }

  @Test
  void theFirstFailureReplyInTheChainCountsAndASuccessReplyIsPassedOver() {
    MessagingException okThenRefused = new MessagingException("250 2.0.0 OK", new MessagingException("554 5.7.1 no"));

    assertThat(FailureClassifier.replyCode(okThenRefused)).isEqualTo(554);
    assertThat(FailureClassifier.replyCode(new MessagingException("452 full", new MessagingException("554 no"))))
        .isEqualTo(452);
    assertThat(FailureClassifier.replyCode(new MessagingException(null, new MessagingException("  421-busy"))))
        .isEqualTo(421);
    assertThat(FailureClassifier.replyCode(new MessagingException("5500 not a reply"))).isNull();
  }

  @Test
  void aProvidersReturnCodeIsReadWhereTheMessageIsNoReply() {
    assertThat(FailureClassifier.replyCode(new CodedFailure("Invalid Addresses", 550))).isEqualTo(550);
    assertThat(FailureClassifier.classify(new CodedFailure("Invalid Addresses", 550)).status())
        .isEqualTo(Status.PERMANENT_FAILURE);
    assertThat(FailureClassifier.replyCode(new CodedFailure("odd", 600))).isNull();
    assertThat(FailureClassifier.replyCode(new CodedFailure("odd", 399))).isNull();
    assertThat(FailureClassifier.brokeConnection(new CodedFailure("Service closing", 421))).isTrue();
    assertThat(FailureClassifier.brokeConnection(new CodedFailure("Try later", 450))).isFalse();
  }

  @Test
  void theDetailNamesEachMessageOfTheChainOnceAndTheTypeOfOneWithoutAMessage() {
    MessagingException repeated = new MessagingException("same", new IOException("same"));
    MessagingException silent = new MessagingException(null, new IOException("Broken pipe"));

    assertThat(FailureClassifier.detail(repeated)).isEqualTo("same");
    assertThat(FailureClassifier.detail(silent)).isEqualTo("MessagingException; Broken pipe");
    assertThat(FailureClassifier.detail(new MessagingException("first\r\nsecond line"))).isEqualTo("first second line");
  }

  @Test
  void theDetailReadsTwentyFailuresOfAChainAtMostAndEachOnlyOnceInACycle() {
    Throwable chain = new IOException("cause 29");
    for (int i = 28; i >= 0; i--) {
      chain = new IOException("cause " + i, chain);
    }
    MessagingException a = new MessagingException("a");
    MessagingException b = new MessagingException("b", a);
    a.setNextException(b);

    List<String> expected = new ArrayList<>();
    IntStream.range(0, 20).forEach(i -> expected.add("cause " + i));
    assertThat(FailureClassifier.detail(chain)).isEqualTo(String.join("; ", expected));
    assertThat(FailureClassifier.detail(a)).isEqualTo("a; b");
  }

  /** A provider's exception that carries the server's reply code, as Angus Mail's do. */
  static final class CodedFailure extends MessagingException {
    private static final long serialVersionUID = 1L;
    private final int code;

    CodedFailure(String message, int code) {
      super(message);
      this.code = code;
    }

    public int getReturnCode() {
      return code;
    }
  }
}
