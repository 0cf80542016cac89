package io.simestate.core.alert;

import static io.simestate.core.alert.AlertFixture.ACME;
import static io.simestate.core.alert.AlertFixture.sim;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.simestate.core.AlertKind;
import io.simestate.core.UnavailableException;
import io.simestate.core.customer.Customer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Issue 14: the dispatcher counts the first attempts of a slice of messages in the claim's
 * transaction, ahead of their sends, and records each result before the next message goes out. A
 * dispatcher that dies in the middle of a slice leaves the messages it never reached with an attempt
 * they did not use; the tests pin what that may cost: at most one attempt per delivery, once, so that
 * repeated deaths never fail a delivery that was not sent, and nothing goes out more often than the
 * retry policy allows.
 */
class DispatcherCountsAttemptsAheadTest {

  private static final Duration LEASE = Duration.ofMinutes(4);
  private static final int MAX_ATTEMPTS = 3;
  private static final List<String> CONTACTS = List.of("Ana", "Bo", "Cy", "Di", "Ed");

  private final FaultyPersistence persistence = new FaultyPersistence();
  private final AlertFixture f = new AlertFixture(b -> b.persistence(persistence).dispatchLease(LEASE)
      .retryPolicy(AlertFixture.exactRetry(MAX_ATTEMPTS)));
  private final List<String> calls = Collections.synchronizedList(new ArrayList<>());

  /** One alert for five contacts: five messages in one batch. */
  private AlertId alertForFiveContacts() {
    Customer northwind = f.customer("Northwind");
    CONTACTS.forEach(name -> f.alerted(northwind, name));
    f.assign(northwind, sim(1));
    return f.route(sim(1), AlertKind.WARNING).decision().alert().id();
  }

  private void logCalls(String... portMethods) {
    for (String method : portMethods) {
      persistence.inject(method, (args, real) -> {
        calls.add(method.substring(method.indexOf('.') + 1));
        return real.call();
      });
    }
  }

  @Test
  void theFirstAttemptsOfABatchAreCountedWithItsClaimAndEachResultIsRecordedBeforeTheNextSend() {
    alertForFiveContacts();
    logCalls("DeliveryOutbox.claimDue", "DeliveryOutbox.beginAttempts", "DeliveryOutbox.beginAttempt",
        "DeliveryOutbox.markSent");
    f.sender.answer(n -> {
      calls.add("send");
      return SendResult.sent();
    });

    DispatchReport report = f.estate.dispatcher().dispatchDue();

    assertThat(report.sent()).isEqualTo(CONTACTS.size());
    assertThat(calls).containsExactly("claimDue", "beginAttempts", "send", "markSent", "send", "markSent", "send",
        "markSent", "send", "markSent", "send", "markSent", "claimDue");
  }

  @Test
  void aBatchLongerThanASliceCountsTheNextSliceRightBeforeItsFirstMessage() {
    Customer northwind = f.customer("Northwind");
    int messages = 40;
    for (int i = 0; i < messages; i++) {
      f.alerted(northwind, "Contact" + i);
    }
    f.assign(northwind, sim(1));
    f.route(sim(1), AlertKind.WARNING);
    persistence.inject("DeliveryOutbox.beginAttempts", (args, real) -> {
      calls.add("beginAttempts " + ((List<?>) args[0]).size());
      return real.call();
    });
    f.sender.answer(n -> {
      calls.add("send");
      return SendResult.sent();
    });

    assertThat(f.estate.dispatcher().dispatchDue().sent()).isEqualTo(messages);

    // A dispatcher that dies counts at most one slice (32 messages) ahead of what it sent.
    assertThat(calls).filteredOn(c -> c.startsWith("beginAttempts")).containsExactly("beginAttempts 32", "beginAttempts 8");
    assertThat(calls.indexOf("beginAttempts 8")).as("the second slice is counted after the 32nd send")
        .isEqualTo(1 + 32);
  }

  @Test
  void aRetryIsCountedOnItsOwnRightBeforeItsSend() {
    AlertId alert = alertForFiveContacts();
    AtomicBoolean firstRound = new AtomicBoolean(true);
    f.sender.answer(n -> firstRound.get() ? SendResult.transientFailure("451 try later") : SendResult.sent());
    f.estate.dispatcher().dispatchDue();
    firstRound.set(false);
    logCalls("DeliveryOutbox.beginAttempts", "DeliveryOutbox.beginAttempt");
    f.sender.answer(n -> {
      calls.add("send");
      return SendResult.sent();
    });
    f.clock.advance(Duration.ofHours(1));

    assertThat(f.estate.dispatcher().dispatchDue().sent()).isEqualTo(CONTACTS.size());

    List<String> perMessage = new ArrayList<>();
    for (int i = 0; i < CONTACTS.size(); i++) {
      perMessage.add("beginAttempts");
      perMessage.add("send");
    }
    assertThat(calls).containsExactlyElementsOf(perMessage);
    assertThat(f.estate.alerts().deliveriesOf(ACME, alert)).extracting(Delivery::attempts).containsOnly(2);
  }

  @Test
  void aDispatcherThatDiesAtEveryFirstSendNeverFailsADeliveryItDidNotSendNorSendsOneMoreOftenThanThePolicy() {
    AlertId alert = alertForFiveContacts();
    AtomicBoolean dead = new AtomicBoolean();
    // The process dies while its message is on the wire: nothing it would write afterwards arrives.
    for (String method : List.of("DeliveryOutbox.markSent", "DeliveryOutbox.markRetry", "DeliveryOutbox.markFailed",
        "DeliveryOutbox.release", "DeliveryOutbox.releaseNotSent")) {
      persistence.inject(method, (args, real) -> {
        if (dead.get()) {
          throw new UnavailableException("the process died", null);
        }
        return real.call();
      });
    }
    f.sender.answer(n -> {
      dead.set(true);
      return SendResult.sent();
    });

    // Twice as many deaths as the policy has attempts, each at the first send of its round.
    for (int death = 0; death < 2 * MAX_ATTEMPTS; death++) {
      dead.set(false);
      assertThatThrownBy(() -> f.estate.dispatcher().dispatchDue()).isInstanceOf(UnavailableException.class);
      f.clock.advance(LEASE);
    }
    dead.set(false);
    f.sender.answer(n -> SendResult.sent());
    f.estate.dispatcher().dispatchDue();

    Map<String, Long> copies = f.sender.attempts().stream()
        .collect(Collectors.groupingBy(n -> n.recipient().name(), Collectors.counting()));
    assertThat(copies.values()).as("copies per contact").allSatisfy(c -> assertThat(c).isBetween(1L,
        (long) MAX_ATTEMPTS));
    assertThat(f.estate.alerts().deliveriesOf(ACME, alert)).hasSize(CONTACTS.size()).allSatisfy(d -> {
      long sent = copies.getOrDefault(d.recipient().name(), 0L);
      assertThat(d.status()).isIn(DeliveryStatus.SENT, DeliveryStatus.FAILED);
      // a death costs a delivery it never reached at most one attempt, once
      assertThat(d.attempts()).as("attempts of %s", d.recipient().name()).isLessThanOrEqualTo((int) sent + 1);
      if (d.status() == DeliveryStatus.FAILED) {
        assertThat(sent).as("copies of %s, given up", d.recipient().name()).isGreaterThanOrEqualTo(MAX_ATTEMPTS - 1);
      }
    });
    assertThat(f.estate.alerts().deliveriesOf(ACME, alert)).as("some were given up after their results were lost")
        .anySatisfy(d -> assertThat(d.status()).isEqualTo(DeliveryStatus.FAILED));
  }

  @Test
  void aStoppedRoundGivesBackTheAttemptsItCountedAheadForMessagesItNeverSent() {
    AlertId alert = alertForFiveContacts();
    f.sender.answer(n -> {
      f.estate.dispatcher().stop(Duration.ZERO);
      return SendResult.sent();
    });

    assertThat(f.estate.dispatcher().dispatchDue().sent()).isEqualTo(1);

    List<Delivery> deliveries = f.estate.alerts().deliveriesOf(ACME, alert);
    assertThat(deliveries).filteredOn(d -> d.status() == DeliveryStatus.SENT).singleElement()
        .satisfies(d -> assertThat(d.attempts()).isEqualTo(1));
    assertThat(deliveries).filteredOn(d -> d.status() == DeliveryStatus.PENDING).hasSize(CONTACTS.size() - 1)
        .allSatisfy(d -> {
          assertThat(d.attempts()).isZero();
          assertThat(d.nextAttemptAt()).isEqualTo(f.clock.instant());
        });
  }
}
