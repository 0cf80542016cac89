package io.simestate.core.estate;

import io.simestate.core.Actor;
import io.simestate.core.InvalidInputException;
import io.simestate.core.Transactions;
import io.simestate.core.UnavailableException;
import io.simestate.core.alert.AcceptanceGate;
import io.simestate.core.alert.AlertNotification;
import io.simestate.core.alert.Delivery;
import io.simestate.core.alert.DeliveryId;
import io.simestate.core.alert.DeliveryKind;
import io.simestate.core.alert.DeliveryOutbox;
import io.simestate.core.alert.DigestNotification;
import io.simestate.core.alert.DispatchReport;
import io.simestate.core.alert.Notification;
import io.simestate.core.alert.NotificationContext;
import io.simestate.core.alert.NotificationSender;
import io.simestate.core.alert.RetryPolicy;
import io.simestate.core.alert.SendResult;
import io.simestate.core.alert.SenderIdentity;
import io.simestate.core.alert.SentRecorder;
import io.simestate.core.alert.SubscriptionNotice;
import io.simestate.core.alert.TenantAlertSettings;
import io.simestate.core.alert.UsageAlert;
import io.simestate.core.audit.AuditEvent;
import io.simestate.core.audit.AuditEventType;
import io.simestate.core.monitor.DispatchRun;
import io.simestate.core.monitor.EstateListener;
import io.simestate.core.monitor.MessageSent;
import io.simestate.core.monitor.SendFailure;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends due deliveries from the outbox through the notification port (F10, F13).
 *
 * <p>Each round claims a batch under a token of its own (so that several dispatchers, in one process
 * or many, never send the same delivery), gathers deliveries that share a digest key for one
 * recipient into one digest message and puts each contact's subscription notice before its alerts.
 * The claim's transaction also looks up, once per tenant, which contacts of the batch still wait for
 * their subscription notice, and counts the first attempt of up to 32 messages ahead
 * (a slice). Then, one message at a time:
 * <ol>
 *   <li>if its attempt is not counted yet (the next slice; a retry, counted alone) or a quarter of the
 *       lease has passed, a short transaction counts it and renews the lease of the rest of the batch,
 *       checking that the claim still holds all of it: a message goes out only while the claim holds
 *       it, with at least three quarters of the lease left, and at most the retry policy's number of
 *       times, whatever fails after the hand-over;</li>
 *   <li>prepares the message (the tenant's settings) and hands it to a send session of the port,
 *       bounded by the time limit per send, with an {@link AcceptanceGate} that opens once the
 *       previous message's result is recorded;</li>
 *   <li>meanwhile records the previous message's result in a short transaction of its own: sent (the
 *       delivery and its audit event in one step, {@link SentRecorder}); a retry with exponential
 *       back-off and jitter after a transient failure; failed after a permanent failure or the last
 *       attempt. The server accepts a message only after the result before it committed (over SMTP
 *       the session holds back the end of the data until then), so a killed dispatcher sends at
 *       most the message in flight again, while each record overlaps the next message's commands.
 *       If that record finds the claim taken over, or cannot be written, the gate stays shut: the
 *       server does not accept the next message, which is given back unsent. A message whose result
 *       the store must see first (an alert whose contact's notice may just have gone out, a last
 *       attempt not recorded) waits for the record before it is handed over. That transaction need
 *       not wait for the disk
 *       ({@link DeliveryOutbox#relaxDurabilityOfResults()}): only a crash of the database server can
 *       lose it, and then the delivery, its attempt committed, is sent again within the bound;</li>
 *   <li>publishes the delivery event to the host's publishers after that record committed.</li>
 * </ol>
 * Counting a slice's attempts ahead has a price when the process dies: the messages of the slice it
 * never reached keep an attempt they did not use. Only first attempts are counted ahead, so a
 * delivery loses at most one attempt this way, once (with a policy of one attempt nothing is counted
 * ahead); a round that ends early (stopped, store failure, take-over) gives the unused attempts back
 * as it releases the rest ({@link DeliveryOutbox#releaseNotSent}).
 *
 * Every failure of a host part (sender, settings source, publisher; any {@code Throwable}) is
 * recorded on the delivery it concerns ({@code last_error}), logged once, and the batch goes on;
 * only a {@link VirtualMachineError} is re-thrown, after its message's result is recorded and the
 * rest of the claim released. A claim that another dispatcher took over (after the lease ran out)
 * is noticed at the next step and ends the batch without changing anything. A dispatcher that dies
 * leaves its claim to be taken over when the lease runs out.
 *
 * <p>The dispatcher's transactions are {@link Transactions#inNewTransaction new transactions}: none
 * is open while a message is sent. In the JPA adapter's joined mode there are no transactions of the
 * library's own, so dispatch with an estate on the standalone adapter (see the JPA adapter's
 * documentation).
 *
 * <p>Run it on demand with {@link #dispatchDue()} or on a host's executor with {@link #scheduleOn};
 * stop it with {@link #close()} or {@link #stop(Duration)}. Thread-safe.
 */
public final class AlertDispatcher implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(AlertDispatcher.class);
  private static final int MAX_ROUNDS = 100_000;
  private static final int STORE_ATTEMPTS = 5;
  /** How many messages' first attempts one transaction counts ahead of their sends, at most. */
  static final int SLICE = 32;

  private final DeliveryOutbox outbox;
  private final SentRecorder sentRecorder;
  private final NotificationSender sender;
  private final Transactions tx;
  private final EventRecorder events;
  private final TenantSettingsReader settings;
  private final SenderIdentity defaultSender;
  private final RetryPolicy retry;
  private final int batchSize;
  private final Duration lease;
  private final Duration sendTimeLimit;
  private final RandomGenerator random;
  private final Clock clock;
  private final EstateListener monitor;

  private volatile boolean stopping;
  private final Set<ScheduledFuture<?>> schedules = ConcurrentHashMap.newKeySet();
  private final Object runs = new Object();
  private int running;

  /**
   * Wires the dispatcher; called by {@code SimEstate}.
   *
   * @param outbox the outbox
   * @param sentRecorder what records a sent message (the delivery and its audit event)
   * @param sender the notification port
   * @param tx the transaction runner
   * @param events the event recorder
   * @param settings the tenants' settings (sender identity, Reply-To, name, time zone, portal, unsubscribe)
   * @param defaultSender the library-wide sender
   * @param retry the retry policy
   * @param batchSize how many deliveries one round claims
   * @param lease how long a claim holds before another dispatcher may take it over
   * @param sendTimeLimit how long one send may take
   * @param random the jitter source
   * @param clock the clock
   * @param monitor told of each run and each message's result (F20)
   */
  AlertDispatcher(DeliveryOutbox outbox, SentRecorder sentRecorder, NotificationSender sender, Transactions tx,
      EventRecorder events, TenantSettingsReader settings, SenderIdentity defaultSender, RetryPolicy retry,
      int batchSize, Duration lease, Duration sendTimeLimit, RandomGenerator random, Clock clock,
      EstateListener monitor) {
    this.outbox = outbox;
    this.sentRecorder = sentRecorder;
    this.sender = sender;
    this.tx = tx;
    this.events = events;
    this.settings = settings;
    this.defaultSender = defaultSender;
    this.retry = retry;
    this.batchSize = batchSize;
    this.lease = lease;
    this.sendTimeLimit = sendTimeLimit;
    this.random = random;
    this.clock = clock;
    this.monitor = monitor;
  }

  /**
   * Sends every delivery that is due now, round after round, until none is left. After
   * {@link #close()} it does nothing and reports nothing.
   *
   * @return what was done
   * @throws UnavailableException if the outbox cannot be read or written (after a few tries); what
   *     was sent until then is recorded
   */
  public DispatchReport dispatchDue() {
    synchronized (runs) {
      if (stopping) {
        return DispatchReport.EMPTY;
      }
      running++;
    }
    Instant startedAt = clock.instant();
    DispatchReport total = DispatchReport.EMPTY;
    // The run's batches share a send session (a connection, where the sender keeps one) while every
    // message goes out; after a batch with a failure the next batch opens a new one, since a session
    // may answer every further message with the failure of its connection.
    try (TimedSends session = new TimedSends(sender, sendTimeLimit)) {
      for (int round = 0; round < MAX_ROUNDS && !stopping; round++) {
        Instant now = clock.instant();
        String claim = UUID.randomUUID().toString();
        Optional<Batch> batch = store(() -> claim(now, claim));
        if (batch.isEmpty()) {
          break;
        }
        DispatchReport done = batch.get().dispatch(session);
        if (done.retried() + done.failed() > 0) {
          session.endSession();
        }
        total = total.plus(done);
      }
    } catch (Throwable e) {
      monitor.dispatchFinished(new DispatchRun(startedAt, Duration.between(startedAt, clock.instant()), total,
          Optional.of(e.getClass().getSimpleName())));
      throw e;
    } finally {
      synchronized (runs) {
        running--;
        runs.notifyAll();
      }
    }
    if (total.claimed() > 0) {
      LOG.info("Dispatched {} deliveries: {} sent in {} messages ({} digests), {} to retry, {} failed",
          total.claimed(), total.sent(), total.messages(), total.digests(), total.retried(), total.failed());
    }
    monitor.dispatchFinished(new DispatchRun(startedAt, Duration.between(startedAt, clock.instant()), total,
        Optional.empty()));
    return total;
  }

  /**
   * Runs {@link #dispatchDue()} on a host's executor, with a fixed delay between runs. A failing run
   * (anything thrown, errors included) is logged once and does not stop the schedule; {@link #close()}
   * does.
   *
   * @param executor the host's executor
   * @param every the delay between the end of one run and the start of the next, at least one
   *     millisecond
   * @return the schedule; cancel it to stop
   * @throws InvalidInputException naming {@code executor} or {@code every} if missing or not positive
   */
  public ScheduledFuture<?> scheduleOn(ScheduledExecutorService executor, Duration every) {
    InvalidInputException.requirePresent(executor, "executor");
    InvalidInputException.requirePresent(every, "every");
    if (every.toMillis() < 1) {
      throw InvalidInputException.of("every", "must be at least one millisecond");
    }
    if (stopping) {
      throw InvalidInputException.of("dispatcher", "is stopped; build a new estate to dispatch again");
    }
    ScheduledFuture<?> schedule = executor.scheduleWithFixedDelay(() -> {
      try {
        dispatchDue();
      } catch (Throwable e) {
        LOG.error("Alert dispatch failed; it runs again in {}", every, e);
      }
    }, 0, every.toMillis(), TimeUnit.MILLISECONDS);
    schedules.add(schedule);
    if (stopping) {
      schedule.cancel(false);
    }
    return schedule;
  }

  /**
   * Stops the dispatcher: cancels its schedules, lets each run finish the message in flight and
   * release the unsent rest of its claim at once (due now, for another dispatcher to take without
   * waiting for the lease), and waits for the runs to end. Later calls of {@link #dispatchDue()} do
   * nothing.
   *
   * @param timeout how long to wait for the runs in progress, at least zero
   * @return true if no run is in progress any more
   * @throws InvalidInputException naming {@code timeout} if missing or negative
   */
  public boolean stop(Duration timeout) {
    InvalidInputException.requirePresent(timeout, "timeout");
    if (timeout.isNegative()) {
      throw InvalidInputException.of("timeout", "must not be negative");
    }
    stopping = true;
    schedules.forEach(s -> s.cancel(false));
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (runs) {
      while (running > 0) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        try {
          TimeUnit.NANOSECONDS.timedWait(runs, left);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return running == 0;
        }
      }
      return true;
    }
  }

  /**
   * {@link #stop(Duration) Stops} the dispatcher, waiting for a run in progress at most the time
   * limit per send and a little more.
   */
  @Override
  public void close() {
    if (!stop(sendTimeLimit.plusSeconds(5))) {
      LOG.warn("The alert dispatcher was closed while a run was still sending; it stops after its message");
    }
  }

  /**
   * Runs a short transaction of its own, trying again when the store fails for a moment (a database
   * deadlock between dispatchers, a dropped connection).
   */
  private <T> T store(Supplier<T> work) {
    for (int attempt = 1; ; attempt++) {
      try {
        return tx.inNewTransaction(work);
      } catch (UnavailableException e) {
        if (attempt >= STORE_ATTEMPTS) {
          throw e;
        }
        LOG.warn("The outbox store failed (attempt {} of {}); trying again", attempt, STORE_ATTEMPTS, e);
        try {
          Thread.sleep(50L * attempt);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw e;
        }
      }
    }
  }

  /**
   * Claims a batch and, in the same transaction, looks up its contacts' unsent subscription notices
   * and counts the attempts of its first slice.
   */
  private Optional<Batch> claim(Instant now, String claim) {
    List<Delivery> claimed = outbox.claimDue(now, batchSize, lease, claim);
    if (claimed.isEmpty()) {
      return Optional.empty();
    }
    Batch batch = new Batch(claim, claimed, now);
    batch.lookUpNotices();
    batch.begun.putAll(batch.beginSlice(0));
    return Optional.of(batch);
  }

  /** A message's deliveries and what its send came to, waiting to be recorded. */
  private record Handled(List<Delivery> group, Notification message, TimedSends.Outcome outcome) {}

  /**
   * The gate of a message handed over while the result of the one before is recorded: it opens once
   * that record committed, and stays shut if it did not.
   */
  private static final class PreviousResult implements AcceptanceGate {
    private final CountDownLatch decided = new CountDownLatch(1);
    private volatile boolean recorded;

    void decide(boolean recorded) {
      this.recorded = recorded;
      decided.countDown();
    }

    @Override
    public boolean await() throws InterruptedException {
      decided.await();
      return recorded;
    }
  }

  /** Thrown inside a transaction to roll it back when the claim no longer holds a delivery. */
  private static final class TakenOver extends RuntimeException {
    private static final long serialVersionUID = 1L;

    TakenOver() {
      super("the claim was taken over", null, false, false);
    }
  }

  /** One claimed batch, sent one message after another. */
  private final class Batch {
    private final String claim;
    private final List<Delivery> claimed;
    private final List<List<Delivery>> groups;
    private final Set<DeliveryId> claimedIds = new HashSet<>();
    private DispatchReport report = DispatchReport.EMPTY;
    /** The deliveries of the claim whose message has not been handled yet, in sending order. */
    private final List<DeliveryId> rest = new ArrayList<>();
    /** Deliveries whose attempt is counted in the store and whose message has not been sent yet. */
    private final Map<DeliveryId, Delivery> begun = new HashMap<>();
    /** Each claimed alert's contact's unsent subscription notice at claim time, by tenant and contact. */
    private final Map<String, Delivery> notices = new HashMap<>();
    private Instant renewedAt;
    /**
     * The message handled last, whose result is not recorded yet: it is recorded while the next
     * message goes out, and the server may accept that one only once this record committed.
     */
    private Handled unrecorded;

    Batch(String claim, List<Delivery> claimed, Instant claimedAt) {
      this.claim = claim;
      this.claimed = claimed;
      this.groups = group(claimed);
      this.renewedAt = claimedAt;
      groups.forEach(g -> g.forEach(d -> rest.add(d.id())));
      claimed.forEach(d -> claimedIds.add(d.id()));
    }

    /** One look-up per tenant of the batch: which of its alerts' contacts still wait for their notice. */
    void lookUpNotices() {
      Map<io.simestate.core.TenantId, Set<io.simestate.core.customer.ContactId>> contacts = new LinkedHashMap<>();
      for (Delivery d : claimed) {
        if (d.kind() == DeliveryKind.ALERT && d.recipient().contactId() != null) {
          contacts.computeIfAbsent(d.tenantId(), t -> new LinkedHashSet<>()).add(d.recipient().contactId());
        }
      }
      contacts.forEach((tenant, ids) -> outbox.unsentNotices(tenant, ids)
          .forEach((contact, notice) -> notices.put(tenant + "|" + contact, notice)));
    }

    private Delivery noticeFor(Delivery d) {
      return d.kind() == DeliveryKind.ALERT && d.recipient().contactId() != null
          ? notices.get(d.tenantId() + "|" + d.recipient().contactId()) : null;
    }

    /**
     * Whether a message's attempt may be counted ahead, with others in one transaction: only a first
     * attempt of a message that waits for no notice. A crash then costs each of them at most that one
     * attempt, once: a delivery with an attempt counted is counted one message at a time.
     */
    private boolean sliceable(List<Delivery> group) {
      if (retry.maxAttempts() < 2) {
        return false;
      }
      for (Delivery d : group) {
        if (d.attempts() > 0 || noticeFor(d) != null || begun.containsKey(d.id())) {
          return false;
        }
      }
      return true;
    }

    /**
     * Counts, in the caller's transaction, the attempts of up to SLICE messages from
     * {@code from} that may be counted ahead; nothing if that message may not.
     *
     * @return the deliveries counted, as attempted
     * @throws TakenOver if the claim no longer holds one of them
     */
    Map<DeliveryId, Delivery> beginSlice(int from) {
      List<Delivery> slice = new ArrayList<>();
      for (int i = from; i < groups.size() && i < from + SLICE && sliceable(groups.get(i)); i++) {
        slice.addAll(groups.get(i));
      }
      return begin(slice);
    }

    private Map<DeliveryId, Delivery> begin(List<Delivery> deliveries) {
      Map<DeliveryId, Delivery> attempted = new LinkedHashMap<>();
      if (deliveries.isEmpty()) {
        return attempted;
      }
      if (outbox.beginAttempts(deliveries.stream().map(Delivery::id).toList(), claim) != deliveries.size()) {
        throw new TakenOver();
      }
      deliveries.forEach(d -> attempted.put(d.id(), d.attempted()));
      return attempted;
    }

    DispatchReport dispatch(TimedSends session) {
      int next = 0;
      try {
        while (next < groups.size() && !stopping) {
          if (!sendOne(next++, session)) {
            break;
          }
        }
        recordHandled();
      } finally {
        if (unrecorded != null) {
          recordHandledAfterFailure();
        }
        if (!rest.isEmpty()) {
          releaseRest();
        }
      }
      return new DispatchReport(claimed.size(), report.sent(), report.messages(), report.digests(), report.retried(),
          report.failed());
    }

    /** Gives the unsent rest back, each counted attempt taken back. */
    private void releaseRest() {
      List<DeliveryId> notBegun = rest.stream().filter(id -> !begun.containsKey(id)).toList();
      List<DeliveryId> notSent = rest.stream().filter(begun::containsKey).toList();
      try {
        int released = store(() -> outbox.release(notBegun, claim, clock.instant())
            + (notSent.isEmpty() ? 0 : outbox.releaseNotSent(notSent, claim, clock.instant())));
        if (released > 0) {
          LOG.info("Released {} claimed deliveries not sent in this round; another dispatcher may take them now",
              released);
        }
      } catch (RuntimeException e) {
        LOG.warn("Could not release the rest of a claim; its deliveries are taken over when the lease ends", e);
      }
    }

    /**
     * Sends one message and records its result.
     *
     * @return false if the claim was taken over (the batch ends)
     * @throws VirtualMachineError what the sender or a settings source threw, after its result is recorded
     */
    private boolean sendOne(int index, TimedSends session) {
      List<Delivery> group = groups.get(index);
      Delivery first = group.get(0);
      // A contact hears of its subscription before its first alert.
      Delivery notice = noticeFor(first);
      // What follows asks or changes the store: it must see the result of the message before.
      if ((notice != null || group.stream().anyMatch(this::lastAttemptLost)) && !recordHandled()) {
        return false;
      }
      group.forEach(d -> rest.remove(d.id()));
      if (notice != null) {
        // A notice of this batch may have been sent by now: ask the store again.
        Optional<Delivery> unsent = claimedIds.contains(notice.id())
            ? store(() -> outbox.unsentNotice(first.tenantId(), first.recipient().contactId()))
            : Optional.of(notice);
        if (unsent.isPresent()) {
          return record(group, null, null, later(unsent.get().nextAttemptAt(), clock.instant()).plusMillis(1));
        }
      }
      List<Delivery> due = new ArrayList<>(group.size());
      for (Delivery d : group) {
        if (lastAttemptLost(d)) {
          // Its last attempt went out but its result was never recorded: no further copy.
          if (!giveUp(d, "gave up after " + d.attempts() + " attempts; the result of the last one was not recorded")) {
            return false;
          }
        } else {
          due.add(d);
        }
      }
      if (due.isEmpty()) {
        return true;
      }
      try {
        hold(index, due);
      } catch (TakenOver e) {
        LOG.warn("Another dispatcher took over this dispatcher's claim (its lease ran out); "
            + "this round ends without changing what the other records");
        return false;
      }
      List<Delivery> attempted = due.stream().map(d -> begun.remove(d.id())).toList();
      Notification message = null;
      TimedSends.Outcome outcome = null;
      try {
        message = toNotification(attempted);
      } catch (Throwable e) {
        VirtualMachineError fatal = e instanceof VirtualMachineError vm ? vm : null;
        if (fatal == null) {
          LOG.warn("Could not prepare the message of delivery {}; recorded as a transient failure", first.id(), e);
        }
        outcome = new TimedSends.Outcome(
            SendResult.transientFailure("could not prepare the message: " + TimedSends.describe(e)), fatal,
            SendFailure.NOT_PREPARED);
      }
      if (message == null) {
        if (!recordHandled()) {
          giveBack(attempted);
          return false;
        }
      } else {
        // The message goes out while the result before it is recorded; the server accepts it only after.
        PreviousResult gate = new PreviousResult();
        TimedSends.Started started = session.start(message, gate);
        boolean previousHeld = false;
        try {
          previousHeld = recordHandled();
        } finally {
          gate.decide(previousHeld);
          if (!previousHeld) {
            // Held back at its gate, so not accepted: given back with the rest, its attempt too.
            session.outcome(started);
            giveBack(attempted);
          }
        }
        if (!previousHeld) {
          return false;
        }
        outcome = session.outcome(started);
        if (outcome.result().detail().startsWith("the notification sender")) {
          LOG.warn("Delivery {} to {}: {}", first.id(), first.recipient().email().masked(), outcome.result().detail());
        }
      }
      unrecorded = new Handled(attempted, message, outcome);
      if (outcome.fatal() != null) {
        recordHandled();
        throw outcome.fatal();
      }
      return true;
    }

    /** Whether a delivery's last attempt went out without its result being recorded. */
    private boolean lastAttemptLost(Delivery d) {
      return !begun.containsKey(d.id()) && d.attempts() >= retry.maxAttempts();
    }

    /** Puts a message's deliveries, not sent, back with the rest of the claim, to be released. */
    private void giveBack(List<Delivery> attempted) {
      attempted.forEach(d -> {
        rest.add(d.id());
        begun.put(d.id(), d);
      });
    }

    /**
     * Records the result of the message handled last, if it is not recorded yet, and tells the
     * monitor.
     *
     * @return false if the claim no longer held its deliveries (nothing was recorded)
     */
    private boolean recordHandled() {
      Handled handled = unrecorded;
      if (handled == null) {
        return true;
      }
      unrecorded = null;
      TimedSends.Outcome outcome = handled.outcome();
      boolean held = record(handled.group(), handled.message(), outcome.result(), null);
      if (held) {
        Delivery first = handled.group().get(0);
        monitor.messageSent(new MessageSent(first.tenantId(), first.kind(), handled.group().size(),
            outcome.result().status(), outcome.failure()));
      }
      return held;
    }

    /**
     * Tries to record the result of the message handled last when the round ends with a failure
     * (the store's, say); if that fails too, its deliveries are taken over when the lease ends.
     */
    private void recordHandledAfterFailure() {
      try {
        recordHandled();
      } catch (RuntimeException e) {
        LOG.warn("Could not record the result of the message handled last; its deliveries are sent again when the "
            + "lease ends", e);
      }
    }

    /**
     * Makes sure, before a message goes out, that its attempt is counted and that it starts with at
     * least three quarters of the lease left: if its attempt is not counted yet, or a quarter of the
     * lease has passed since the last renewal, one short transaction counts the attempts of the next
     * slice (or of this message alone) and renews the lease of the rest of the batch, checking that
     * the claim still holds all of it. Renewed when a quarter of the lease has passed: a message
     * starts with at least three quarters of the lease left, and a send takes at most half of it.
     */
    private void hold(int index, List<Delivery> due) {
      boolean counted = due.stream().allMatch(d -> begun.containsKey(d.id()));
      if (counted && clock.instant().isBefore(renewedAt.plus(lease.dividedBy(4)))) {
        return;
      }
      // Counted only after the result before it is recorded: a process that dies while recording that
      // result must not have taken an attempt from a message it never sent.
      if (!recordHandled()) {
        throw new TakenOver();
      }
      Instant[] renewed = new Instant[1];
      Map<DeliveryId, Delivery> attempted = store(() -> {
        Map<DeliveryId, Delivery> now = counted ? Map.of()
            : sliceable(groups.get(index)) ? beginSlice(index) : begin(due);
        Instant at = clock.instant();
        renewed[0] = null;
        if (!at.isBefore(renewedAt.plus(lease.dividedBy(4)))) {
          List<DeliveryId> renew = new ArrayList<>(rest.size() + due.size());
          due.forEach(d -> renew.add(d.id()));
          renew.addAll(rest);
          if (outbox.renewLease(renew, claim, at.plus(lease)) != renew.size()) {
            throw new TakenOver();
          }
          renewed[0] = at;
        }
        return now;
      });
      begun.putAll(attempted);
      if (renewed[0] != null) {
        renewedAt = renewed[0];
      }
    }

    /**
     * Records a message's result (or, with {@code deferUntil}, puts its deliveries back untouched
     * until then), then hands the events to the host's publishers.
     *
     * @return false if the claim no longer held the deliveries (nothing was recorded)
     */
    private boolean record(List<Delivery> group, Notification message, SendResult result, Instant deferUntil) {
      List<AuditEvent> recorded;
      try {
        recorded = store(() -> {
          outbox.relaxDurabilityOfResults();
          return deferUntil != null ? defer(group, deferUntil) : results(group, message, result);
        });
      } catch (TakenOver e) {
        LOG.warn("Another dispatcher took over {} delivery(ies) of this dispatcher's claim before its result was "
            + "recorded; left to the other", group.size());
        return false;
      }
      for (AuditEvent event : recorded) {
        events.publishToHosts(event);
      }
      return true;
    }

    private List<AuditEvent> defer(List<Delivery> group, Instant until) {
      for (Delivery d : group) {
        if (!outbox.markRetry(d.id(), claim, until, "waits for the contact's subscription notice")) {
          throw new TakenOver();
        }
      }
      return List.of();
    }

    private List<AuditEvent> results(List<Delivery> group, Notification message, SendResult result) {
      Instant now = clock.instant();
      List<AuditEvent> recorded = new ArrayList<>(group.size());
      int sent = 0;
      int retried = 0;
      int failed = 0;
      int attempts = group.stream().mapToInt(Delivery::attempts).max().orElse(0);
      // One next attempt for the whole message, so that a digest is retried as the same digest.
      Instant next = now.plus(retry.delayAfter(Math.max(1, attempts), random));
      for (Delivery d : group) {
        switch (result.status()) {
          case SENT -> {
            AuditEvent event = events.event(d.tenantId(), AuditEventType.DELIVERY_SENT, Actor.system(),
                d.customerId(), sims(d),
                describe(d) + " sent" + (group.size() > 1 ? " in a digest of " + group.size() : ""));
            held(sentRecorder.recordSent(d.id(), claim, now, event));
            recorded.add(event);
            sent++;
          }
          case TRANSIENT_FAILURE -> {
            if (attempts >= retry.maxAttempts()) {
              recorded.add(failed(d, "gave up after " + d.attempts() + " attempts: " + result.detail()));
              failed++;
            } else {
              held(outbox.markRetry(d.id(), claim, next, result.detail()));
              LOG.info("Delivery {} to {} failed ({}); retry scheduled", d.id(), d.recipient().email().masked(),
                  result.detail());
              retried++;
            }
          }
          case PERMANENT_FAILURE -> {
            recorded.add(failed(d, result.detail()));
            failed++;
          }
        }
      }
      report = report.plus(new DispatchReport(0, sent, 1, message instanceof DigestNotification ? 1 : 0, retried,
          failed));
      return recorded;
    }

    private boolean giveUp(Delivery d, String detail) {
      try {
        List<AuditEvent> recorded = store(() -> List.of(failed(d, detail)));
        recorded.forEach(events::publishToHosts);
        report = report.plus(new DispatchReport(0, 0, 0, 0, 0, 1));
        return true;
      } catch (TakenOver e) {
        LOG.warn("Another dispatcher took over delivery {} before it was given up", d.id());
        return false;
      }
    }

    private AuditEvent failed(Delivery d, String detail) {
      held(outbox.markFailed(d.id(), claim, detail));
      LOG.warn("Delivery {} to {} failed for good: {}", d.id(), d.recipient().email().masked(), detail);
      return events.recordInTrail(d.tenantId(), AuditEventType.DELIVERY_FAILED, Actor.system(), d.customerId(),
          sims(d), describe(d) + " failed: " + detail);
    }

    private void held(boolean stillHeld) {
      if (!stillHeld) {
        throw new TakenOver();
      }
    }
  }

  private static Instant later(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  private static List<io.simestate.core.sim.Iccid> sims(Delivery d) {
    return d.alert() == null ? List.of() : List.of(d.alert().iccid());
  }

  private static String describe(Delivery d) {
    if (d.kind() == DeliveryKind.SUBSCRIPTION_NOTICE) {
      return "Subscription notice to " + d.recipient().name();
    }
    return d.alert().kind().label() + " alert " + d.alertId() + " to " + d.recipient().name();
  }

  /** Groups digests; subscription notices first, so that a contact hears of them before any alert. */
  private static List<List<Delivery>> group(List<Delivery> claimed) {
    Map<String, List<Delivery>> groups = new LinkedHashMap<>();
    for (Delivery d : claimed) {
      if (d.kind() == DeliveryKind.SUBSCRIPTION_NOTICE) {
        groups.put(d.id().toString(), new ArrayList<>(List.of(d)));
      }
    }
    for (Delivery d : claimed) {
      if (d.kind() == DeliveryKind.SUBSCRIPTION_NOTICE) {
        continue;
      }
      String key = d.digestKey() == null ? d.id().toString()
          : d.tenantId() + "|" + d.recipientKey() + "|" + d.digestKey();
      groups.computeIfAbsent(key, k -> new ArrayList<>()).add(d);
    }
    return new ArrayList<>(groups.values());
  }

  private Notification toNotification(List<Delivery> group) {
    Delivery first = group.get(0);
    TenantAlertSettings tenant = settings.settingsFor(first.tenantId());
    SenderIdentity from = tenant.effectiveSender(defaultSender);
    if (first.kind() == DeliveryKind.SUBSCRIPTION_NOTICE) {
      return new SubscriptionNotice(first.tenantId(), from, first.recipient(), first.customerName(),
          first.tenantId() + "/" + first.alertId() + "/" + first.recipientKey(),
          settings.context(first.tenantId(), tenant, first.customerId(), first.recipient(), null, null));
    }
    NotificationContext context = settings.context(first.tenantId(), tenant, first.customerId(), first.recipient(),
        first.alert().kind(), group.stream().map(d -> d.alert().raisedAt()).min(Comparator.naturalOrder())
            .orElseThrow());
    if (group.size() == 1) {
      return new AlertNotification(first.tenantId(), from, first.recipient(), first.customerName(), first.alert(),
          first.tenantId() + "/" + first.alertId() + "/" + first.recipientKey(), context);
    }
    List<UsageAlert> alerts = group.stream().map(Delivery::alert)
        .sorted(Comparator.comparing(UsageAlert::iccid).thenComparing(a -> a.id().value())).toList();
    String key = "digest/" + first.tenantId() + "/" + group.stream().map(d -> d.id().toString()).sorted()
        .findFirst().orElseThrow() + "/" + group.size();
    return new DigestNotification(first.tenantId(), from, first.recipient(), first.customerName(),
        first.alert().kind(), alerts, key, context);
  }
}
