package io.simestate.mail;

import static org.assertj.core.api.Assertions.assertThat;

import io.simestate.core.alert.SendResult.Status;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import java.net.SocketTimeoutException;
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
}
