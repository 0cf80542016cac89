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
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Issue 14: the dispatcher records a message's result while the next message goes out, and the
 * server may accept that next message only once the record committed ({@link AcceptanceGate}). The
 * tests use a session that, like the SMTP one, does its work before the gate and tells when the
 * server would accept: every acceptance comes after the result before it is committed, so a killed
 * dispatcher still sends at most its message in flight again; and a record that finds the claim
 * taken over, or cannot be written, keeps the next message from being accepted.
 */
class DispatcherPipelinesRecordsTest {

  private static final Duration LEASE = Duration.ofMinutes(4);
  /** Only guards against a hang; no test waits for it to pass. */
  private static final Duration HANG_GUARD = Duration.ofMinutes(2);
  private static final List<String> CONTACTS = List.of("Ana", "Bo", "Cy", "Di", "Ed");

  private final FaultyPersistence persistence = new FaultyPersistence();
  private final Timeline timeline = new Timeline();
  private final AlertFixture f = new AlertFixture(b -> b.persistence(persistence).dispatchLease(LEASE)
      .retryPolicy(AlertFixture.exactRetry(3)).notificationSender(new GatedSender()));
  /** Per message accepted: whether every message accepted before it was recorded sent by then. */
  private final List<Boolean> earlierRecordedAtAcceptance = new ArrayList<>();
  private final List<String> accepted = new ArrayList<>();

  /** One alert for five contacts: five messages in one batch. */
  private AlertId alertForFiveContacts() {
    Customer northwind = f.customer("Northwind");
    CONTACTS.forEach(name -> f.alerted(northwind, name));
    f.assign(northwind, sim(1));
    return f.route(sim(1), AlertKind.WARNING).decision().alert().id();
  }

  private Map<String, Delivery> deliveriesByName(AlertId alert) {
    return f.estate.alerts().deliveriesOf(ACME, alert).stream()
        .collect(Collectors.toMap(d -> d.recipient().name(), d -> d));
  }

  private static List<Integer> indicesOf(List<String> events, String prefix) {
    List<Integer> indices = new ArrayList<>();
    for (int i = 0; i < events.size(); i++) {
      if (events.get(i).startsWith(prefix)) {
        indices.add(i);
      }
    }
    return indices;
  }

  /** The name of the {@code index}-th message handed to the session, from 0. */
  private String handed(int index) {
    return timeline.events().stream().filter(e -> e.startsWith("handed ")).skip(index).findFirst().orElseThrow()
        .substring("handed ".length());
  }

  @Test
  void theNextMessageGoesOutWhileTheResultBeforeItIsRecordedAndIsAcceptedOnlyOnceThatRecordCommitted() {
    AlertId alert = alertForFiveContacts();
    AtomicInteger records = new AtomicInteger();
    persistence.inject("DeliveryOutbox.markSent", (args, real) -> {
      int k = records.incrementAndGet();
      if (k < CONTACTS.size()) {
        // Each record but the last waits until the session has the message after it.
        timeline.await("handed ", k + 1);
      }
      timeline.add("recording " + k);
      return real.call();
    });

    assertThat(f.estate.dispatcher().dispatchDue().sent()).isEqualTo(CONTACTS.size());

    assertThat(accepted).hasSize(CONTACTS.size());
    assertThat(earlierRecordedAtAcceptance).as("every earlier message recorded sent when one is accepted")
        .containsOnly(true);
    List<String> events = timeline.events();
    List<Integer> handed = indicesOf(events, "handed ");
    List<Integer> openings = indicesOf(events, "opened ");
    for (int k = 1; k < CONTACTS.size(); k++) {
      // message k + 1 is at index k of both lists
      assertThat(events.indexOf("recording " + k)).as("record %d overlaps message %d", k, k + 1)
          .isGreaterThan(handed.get(k))
          .isLessThan(openings.get(k));
    }
    assertThat(deliveriesByName(alert).values()).extracting(Delivery::status).containsOnly(DeliveryStatus.SENT);
  }

  @Test
  void aResultThatFindsTheClaimTakenOverKeepsTheNextMessageFromBeingAcceptedAndGivesItBackUnsent() {
    AlertId alert = alertForFiveContacts();
    // The first message's record finds that another dispatcher took its delivery over.
    AtomicBoolean first = new AtomicBoolean(true);
    persistence.inject("DeliveryOutbox.markSent", (args, real) -> first.getAndSet(false) ? false : real.call());

    f.estate.dispatcher().dispatchDue();

    String heldBack = handed(1);
    assertThat(timeline.events()).filteredOn(e -> e.startsWith("held back")).containsExactly("held back " + heldBack);
    assertThat(accepted).as("each contact's message accepted once; the held-back one in the next round")
        .hasSize(CONTACTS.size()).doesNotHaveDuplicates();
    Map<String, Delivery> deliveries = deliveriesByName(alert);
    assertThat(deliveries.get(heldBack).status()).isEqualTo(DeliveryStatus.SENT);
    assertThat(deliveries.get(heldBack).attempts()).as("the attempt counted for the held-back message given back")
        .isEqualTo(1);
    assertThat(deliveries.get(handed(0)).status()).as("left to the other dispatcher")
        .isEqualTo(DeliveryStatus.IN_FLIGHT);
  }

  @Test
  void aResultThatCannotBeRecordedKeepsTheNextMessageFromBeingAcceptedAndTheRoundFails() {
    AlertId alert = alertForFiveContacts();
    persistence.inject("DeliveryOutbox.markSent", (args, real) -> {
      throw new UnavailableException("the database is down", null);
    });

    assertThatThrownBy(() -> f.estate.dispatcher().dispatchDue()).isInstanceOf(UnavailableException.class);

    assertThat(accepted).as("only the message whose result was lost").hasSize(1);
    assertThat(timeline.events()).filteredOn(e -> e.startsWith("handed ")).hasSize(2);
    assertThat(timeline.events()).filteredOn(e -> e.startsWith("held back")).containsExactly("held back " + handed(1));
    assertThat(deliveriesByName(alert).values()).noneMatch(d -> d.status() == DeliveryStatus.SENT);
  }

  /** What happened, in order, on the dispatcher's and the send thread. */
  private static final class Timeline {
    private final List<String> events = new ArrayList<>();

    synchronized void add(String event) {
      events.add(event);
      notifyAll();
    }

    /** Waits until {@code count} events start with {@code prefix}; fails after the hang guard. */
    synchronized void await(String prefix, int count) {
      long deadline = System.nanoTime() + HANG_GUARD.toNanos();
      while (events.stream().filter(e -> e.startsWith(prefix)).count() < count) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new AssertionError("no " + count + " events '" + prefix + "' in " + events);
        }
        try {
          wait(left / 1_000_000 + 1);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new AssertionError("interrupted", e);
        }
      }
    }

    synchronized List<String> events() {
      return List.copyOf(events);
    }
  }

  /**
   * A sender whose session, like the SMTP one, takes a message at once and lets the server accept it
   * only when its gate opens; it notes what it was handed, held back and accepted.
   */
  private final class GatedSender implements NotificationSender {

    @Override
    public SendResult send(Notification n) {
      throw new AssertionError("the dispatcher sends through a session");
    }

    @Override
    public SendSession open() {
      return new SendSession() {
        @Override
        public SendResult send(Notification n) {
          throw new AssertionError("the dispatcher hands each message over with its gate");
        }

        @Override
        public SendResult send(Notification n, AcceptanceGate gate) {
          String name = n.recipient().name();
          timeline.add("handed " + name);
          boolean open;
          try {
            open = gate.await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            open = false;
          }
          if (!open) {
            timeline.add("held back " + name);
            return SendResult.transientFailure(HELD_BACK);
          }
          timeline.add("opened " + name);
          Map<String, Delivery> now = deliveriesByName(((AlertNotification) n).alert().id());
          synchronized (accepted) {
            earlierRecordedAtAcceptance.add(
                accepted.stream().allMatch(a -> now.get(a).status() == DeliveryStatus.SENT));
            accepted.add(name);
          }
          timeline.add("accepted " + name);
          return SendResult.sent();
        }
      };
    }
  }
}
