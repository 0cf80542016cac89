package io.simestate.mail;

import static io.simestate.mail.Fixtures.alert;
import static io.simestate.mail.Fixtures.contact;
import static org.assertj.core.api.Assertions.assertThat;

import io.simestate.core.alert.SendResult;
import io.simestate.core.alert.SendResult.Status;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.URLName;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The fault model (DESIGN 1b): a mail provider may throw an unchecked exception while sending. The
 * adapter reports it as a transient failure, never throws, and does not trust that connection again:
 * it closes it and the next message connects anew. Jakarta Mail takes the provider's class from the
 * session property {@code mail.smtp.class}, which the builder passes on, among the providers it knows:
 * the test resource {@code META-INF/javamail.providers} names this one under a protocol of its own.
 */
class UncheckedProviderFailureTest {

  @BeforeEach
  void freshCounts() {
    ThrowingTransport.connects.set(0);
    ThrowingTransport.closes.set(0);
  }

  @Test
  void aProviderThatThrowsWhileSendingIsATransientFailureAndItsConnectionIsClosedAndNotUsedAgain() {
    SmtpNotificationSender sender = Fixtures.localSender(25)
        .property("mail.smtp.class", ThrowingTransport.class.getName()).build();

    List<SendResult> results = sender.sendAll(List.of(alert("Northwind", contact("Ana", "ana@northwind.example")),
        alert("Northwind", contact("Bo", "bo@northwind.example"))));

    assertThat(results).extracting(SendResult::status).containsOnly(Status.TRANSIENT_FAILURE);
    assertThat(results).extracting(SendResult::detail).allSatisfy(d -> assertThat(d).contains("provider bug"));
    assertThat(ThrowingTransport.connects).hasValue(2);
    assertThat(ThrowingTransport.closes).hasValue(2);
  }

  /**
   * A provider that connects and then throws on every message. Jakarta Mail makes it by reflection, so
   * it counts in static fields, which each test resets.
   */
  public static final class ThrowingTransport extends Transport {
    static final AtomicInteger connects = new AtomicInteger();
    static final AtomicInteger closes = new AtomicInteger();

    public ThrowingTransport(Session session, URLName urlName) {
      super(session, urlName);
    }

    @Override
    protected boolean protocolConnect(String host, int port, String user, String password) {
      connects.incrementAndGet();
      return true;
    }

    @Override
    public void sendMessage(Message message, Address[] addresses) {
      throw new IllegalStateException("provider bug");
    }

    @Override
    public synchronized void close() throws jakarta.mail.MessagingException {
      closes.incrementAndGet();
      super.close();
    }
  }
}
