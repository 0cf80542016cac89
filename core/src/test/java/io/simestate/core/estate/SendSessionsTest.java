package io.simestate.core.estate;

import static io.simestate.core.alert.AlertFixture.ACME;
import static io.simestate.core.alert.AlertFixture.sim;
import static org.assertj.core.api.Assertions.assertThat;

import io.simestate.core.AlertKind;
import io.simestate.core.alert.AlertFixture;
import io.simestate.core.alert.AlertId;
import io.simestate.core.alert.DeliveryStatus;
import io.simestate.core.alert.DispatchReport;
import io.simestate.core.alert.Notification;
import io.simestate.core.alert.NotificationSender;
import io.simestate.core.alert.SendResult;
import io.simestate.core.alert.SendSession;
import io.simestate.core.customer.Customer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * F10 and the fault model: the dispatcher talks to the host's sender through sessions. A run sends
 * through one session on a send thread of its own and closes it; a session whose send threw or was
 * abandoned is closed and replaced, and its thread ends, so a misbehaving sender leaves nothing behind.
 */
class SendSessionsTest {

  /**
   * How long the test waits for a send thread to do what it should do at once: a bound that keeps a
   * broken build from hanging, not a time the code must meet.
   */
  private static final long PROMPTLY_MS = 10_000;

  /** One session the dispatcher opened: the thread it sent on and whether, and where, it was closed. */
  private static final class Session implements SendSession {
    final Function<Notification, SendResult> answer;
    final Runnable closing;
    final CountDownLatch closed = new CountDownLatch(1);
    final List<Notification> sent = new CopyOnWriteArrayList<>();
    volatile Thread thread;
    volatile Thread closedOn;

    Session(Function<Notification, SendResult> answer, Runnable closing) {
      this.answer = answer;
      this.closing = closing;
    }

    @Override
    public SendResult send(Notification n) {
      thread = Thread.currentThread();
      sent.add(n);
      return answer.apply(n);
    }

    @Override
    public void close() {
      closedOn = Thread.currentThread();
      closed.countDown();
      closing.run();
    }
  }

  /** A sender whose n-th session answers as the test says. */
  private static final class SessionSender implements NotificationSender {
    final List<Session> sessions = new CopyOnWriteArrayList<>();
    volatile Runnable closing = () -> { };
    private final List<Function<Notification, SendResult>> answers;

    @SafeVarargs
    SessionSender(Function<Notification, SendResult>... answers) {
      this.answers = List.of(answers);
    }

    @Override
    public SendSession open() {
      Session s = new Session(answers.get(Math.min(sessions.size(), answers.size() - 1)), closing);
      sessions.add(s);
      return s;
    }

    @Override
    public SendResult send(Notification notification) {
      throw new AssertionError("the dispatcher sends through sessions");
    }
  }

  private final CountDownLatch release = new CountDownLatch(1);

  @AfterEach
  void releaseAnyHangingSend() {
    release.countDown();
  }

  private static AlertId twoMessagesDue(AlertFixture f) {
    Customer northwind = f.customer("Northwind");
    f.alerted(northwind, "Ana");
    f.alerted(northwind, "Bo");
    f.assign(northwind, sim(1));
    return f.route(sim(1), AlertKind.WARNING).decision().alert().id();
  }

  private static AlertId oneMessageDue(AlertFixture f) {
    Customer northwind = f.customer("Northwind");
    f.alerted(northwind, "Ana");
    f.assign(northwind, sim(1));
    return f.route(sim(1), AlertKind.WARNING).decision().alert().id();
  }

  /** Runs the dispatcher, which something interrupts, and checks that the interrupt is kept (and clears it). */
  private static DispatchReport dispatchKeepsTheInterrupt(AlertFixture f) {
    DispatchReport report;
    boolean stillInterrupted;
    try {
      report = f.estate.dispatcher().dispatchDue();
    } finally {
      stillInterrupted = Thread.interrupted();
    }
    assertThat(stillInterrupted).as("the host's interrupt is kept").isTrue();
    return report;
  }

  private static void assertEndsPromptly(Thread t) throws InterruptedException {
    t.join(PROMPTLY_MS);
    assertThat(t.isAlive()).as("the send thread %s has ended", t.getName()).isFalse();
  }

  @Test
  void aRunSendsThroughOneSessionOnADaemonThreadAndClosesItThereAndTheThreadEnds() throws InterruptedException {
    SessionSender sender = new SessionSender(n -> SendResult.sent());
    AlertFixture f = new AlertFixture(b -> b.notificationSender(sender));
    twoMessagesDue(f);

    assertThat(f.estate.dispatcher().dispatchDue().sent()).isEqualTo(2);

    Session session = sender.sessions.get(0);
    assertThat(sender.sessions).hasSize(1);
    assertThat(session.sent).hasSize(2);
    assertThat(session.thread).isNotSameAs(Thread.currentThread());
    assertThat(session.thread.isDaemon()).as("a hung sender cannot keep the host's JVM from exiting").isTrue();
    assertThat(session.closed.getCount()).as("closed before the run returns").isZero();
    assertThat(session.closedOn).isSameAs(session.thread);
    assertEndsPromptly(session.thread);
  }

  @Test
  void aRunOfSeveralBatchesSendsThroughOneSessionAndClosesItAtTheEnd() throws InterruptedException {
    SessionSender sender = new SessionSender(n -> SendResult.sent());
    AlertFixture f = new AlertFixture(b -> b.notificationSender(sender).dispatchBatchSize(1));
    twoMessagesDue(f);

    DispatchReport report = f.estate.dispatcher().dispatchDue();

    assertThat(report.claimed()).isEqualTo(2);
    assertThat(report.sent()).isEqualTo(2);
    assertThat(sender.sessions).as("one session for the run's two batches of one").hasSize(1);
    Session session = sender.sessions.get(0);
    assertThat(session.sent).hasSize(2);
    assertThat(session.closed.getCount()).as("closed before the run returns").isZero();
    assertEndsPromptly(session.thread);
  }

  @Test
  void aBatchWithAFailedMessageEndsItsSessionAndTheNextBatchOpensANewOne() throws InterruptedException {
    // As the mail adapter's session does after a failed connection: it answers a failure for every
    // further message (the server was down), so the next batch must not inherit it.
    SessionSender sender = new SessionSender(n -> SendResult.transientFailure("could not connect to the server"),
        n -> SendResult.sent());
    AlertFixture f = new AlertFixture(b -> b.notificationSender(sender).dispatchBatchSize(1));
    AlertId alert = twoMessagesDue(f);

    DispatchReport report = f.estate.dispatcher().dispatchDue();

    assertThat(report.retried()).isEqualTo(1);
    assertThat(report.sent()).isEqualTo(1);
    assertThat(sender.sessions).hasSize(2);
    assertThat(sender.sessions.get(0).sent).hasSize(1);
    assertThat(sender.sessions.get(1).sent).hasSize(1);
    assertThat(sender.sessions.get(0).closed.await(PROMPTLY_MS, TimeUnit.MILLISECONDS)).isTrue();
    assertEndsPromptly(sender.sessions.get(0).thread);
    assertThat(f.estate.alerts().deliveriesOf(ACME, alert)).extracting(d -> d.status())
        .containsExactlyInAnyOrder(DeliveryStatus.SENT, DeliveryStatus.PENDING);
  }

  @Test
  void aSessionWhoseSendThrewIsClosedAndTheNextMessageGoesThroughANewOne() throws InterruptedException {
    SessionSender sender = new SessionSender(n -> {
      throw new IllegalStateException("SMTP connection reset");
    }, n -> SendResult.sent());
    AlertFixture f = new AlertFixture(b -> b.notificationSender(sender));
    AlertId alert = twoMessagesDue(f);

    DispatchReport report = f.estate.dispatcher().dispatchDue();

    assertThat(report.sent()).isEqualTo(1);
    assertThat(report.retried()).isEqualTo(1);
    assertThat(sender.sessions).hasSize(2);
    Session broken = sender.sessions.get(0);
    Session fresh = sender.sessions.get(1);
    assertThat(broken.sent).hasSize(1);
    assertThat(fresh.sent).hasSize(1);
    assertThat(broken.closed.await(PROMPTLY_MS, TimeUnit.MILLISECONDS)).as("the broken session is closed").isTrue();
    assertThat(broken.closedOn).isSameAs(broken.thread);
    assertEndsPromptly(broken.thread);
    assertThat(fresh.closed.getCount()).isZero();
    assertEndsPromptly(fresh.thread);
    assertThat(f.estate.alerts().deliveriesOf(ACME, alert)).extracting(d -> d.status())
        .containsExactlyInAnyOrder(DeliveryStatus.SENT, DeliveryStatus.PENDING);
  }

  @Test
  void aSendThatHangsIsAbandonedWithItsSessionAndTheNextMessageGoesThroughANewOne() throws InterruptedException {
    CountDownLatch abandoned = new CountDownLatch(1);
    SessionSender sender = new SessionSender(n -> {
      try {
        release.await();
      } catch (InterruptedException e) {
        abandoned.countDown();
      }
      return SendResult.sent();
    }, n -> SendResult.sent());
    AlertFixture f = new AlertFixture(b -> b.notificationSender(sender).sendTimeLimit(Duration.ofMillis(200)));
    twoMessagesDue(f);

    f.estate.dispatcher().dispatchDue();

    Session hung = sender.sessions.get(0);
    assertThat(hung.sent).hasSize(1);
    // The next message has a session of its own (more than one, should a send under load also time out).
    assertThat(sender.sessions).hasSizeGreaterThan(1);
    assertThat(abandoned.await(PROMPTLY_MS, TimeUnit.MILLISECONDS)).as("the hung send is interrupted").isTrue();
    assertThat(hung.closed.await(PROMPTLY_MS, TimeUnit.MILLISECONDS)).as("and its session closed").isTrue();
    assertEndsPromptly(hung.thread);
  }

  @Test
  void aRunInterruptedWhileTheSenderWorksAbandonsTheSendGivesTheMessageBackAndKeepsTheInterrupt()
      throws InterruptedException {
    Thread dispatching = Thread.currentThread();
    CountDownLatch abandoned = new CountDownLatch(1);
    SessionSender sender = new SessionSender(n -> {
      dispatching.interrupt();
      try {
        release.await();
      } catch (InterruptedException e) {
        abandoned.countDown();
      }
      return SendResult.sent();
    });
    AlertFixture f = new AlertFixture(b -> b.notificationSender(sender));
    AlertId alert = oneMessageDue(f);

    assertThat(dispatchKeepsTheInterrupt(f).retried()).isEqualTo(1);
    assertThat(f.estate.alerts().deliveriesOf(ACME, alert)).singleElement().satisfies(d -> {
      assertThat(d.status()).isEqualTo(DeliveryStatus.PENDING);
      assertThat(d.lastError()).contains("interrupted");
    });
    assertThat(abandoned.await(PROMPTLY_MS, TimeUnit.MILLISECONDS)).as("the abandoned send is interrupted").isTrue();
    Session session = sender.sessions.get(0);
    assertThat(session.closed.await(PROMPTLY_MS, TimeUnit.MILLISECONDS)).as("and its session closed").isTrue();
    assertEndsPromptly(session.thread);
  }

  @Test
  void aRunInterruptedWhileItsSessionClosesReturnsAndKeepsTheInterrupt() throws InterruptedException {
    Thread dispatching = Thread.currentThread();
    SessionSender sender = new SessionSender(n -> SendResult.sent());
    sender.closing = () -> {
      dispatching.interrupt();
      try {
        release.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    };
    AlertFixture f = new AlertFixture(b -> b.notificationSender(sender));
    oneMessageDue(f);

    assertThat(dispatchKeepsTheInterrupt(f).sent()).isEqualTo(1);
    release.countDown();
    assertEndsPromptly(sender.sessions.get(0).thread);
  }
}
