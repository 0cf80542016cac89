package io.simestate.core.estate;

import io.simestate.core.Actor;
import io.simestate.core.Transactions;
import io.simestate.core.UnavailableException;
import io.simestate.core.alert.AlertNotification;
import io.simestate.core.alert.Delivery;
import io.simestate.core.alert.DeliveryKind;
import io.simestate.core.alert.DeliveryOutbox;
import io.simestate.core.alert.DigestNotification;
import io.simestate.core.alert.DispatchReport;
import io.simestate.core.alert.Notification;
import io.simestate.core.alert.NotificationSender;
import io.simestate.core.alert.RetryPolicy;
import io.simestate.core.alert.SendResult;
import io.simestate.core.alert.SenderIdentity;
import io.simestate.core.alert.SubscriptionNotice;
import io.simestate.core.alert.TenantSettingsSource;
import io.simestate.core.alert.UsageAlert;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends due deliveries from the outbox through the notification port (F10, F13).
 *
 * <p>Each round claims a batch (so that several dispatchers, in one process or many, never send the
 * same delivery), gathers deliveries that share a digest key for one recipient into one digest
 * message, hands the batch to the port, and then marks each delivery sent, schedules a retry with
 * exponential back-off and jitter after a transient failure, or marks it failed after a permanent
 * failure or too many attempts. A dispatcher that dies leaves its claimed deliveries to be claimed
 * again when their lease runs out.
 *
 * <p>Run it on demand with {@link #dispatchDue()} or on a host's executor with {@link #scheduleOn}.
 * Thread-safe.
 */
public final class AlertDispatcher {

  private static final Logger LOG = LoggerFactory.getLogger(AlertDispatcher.class);
  private static final int MAX_ROUNDS = 100_000;
  private static final int STORE_ATTEMPTS = 5;

  private final DeliveryOutbox outbox;
  private final NotificationSender sender;
  private final Transactions tx;
  private final EventRecorder events;
  private final TenantSettingsSource settings;
  private final SenderIdentity defaultSender;
  private final RetryPolicy retry;
  private final int batchSize;
  private final Duration lease;
  private final RandomGenerator random;
  private final Clock clock;
  private final EstateListener monitor;

  /**
   * Wires the dispatcher; called by {@code SimEstate}.
   *
   * @param outbox the outbox
   * @param sender the notification port
   * @param tx the transaction runner
   * @param events the event recorder
   * @param settings the tenants' settings (sender identity)
   * @param defaultSender the library-wide sender
   * @param retry the retry policy
   * @param batchSize how many deliveries one round claims
   * @param lease how long a claim holds before another dispatcher may take it over
   * @param random the jitter source
   * @param clock the clock
   * @param monitor told of each run and each message's result (F20)
   */
  AlertDispatcher(DeliveryOutbox outbox, NotificationSender sender, Transactions tx, EventRecorder events,
      TenantSettingsSource settings, SenderIdentity defaultSender, RetryPolicy retry, int batchSize, Duration lease,
      RandomGenerator random, Clock clock, EstateListener monitor) {
    this.outbox = outbox;
    this.sender = sender;
    this.tx = tx;
    this.events = events;
    this.settings = settings;
    this.defaultSender = defaultSender;
    this.retry = retry;
    this.batchSize = batchSize;
    this.lease = lease;
    this.random = random;
    this.clock = clock;
    this.monitor = monitor;
  }

  /**
   * Sends every delivery that is due now, round after round, until none is left.
   *
   * @return what was done
   */
  public DispatchReport dispatchDue() {
    Instant startedAt = clock.instant();
    DispatchReport total = DispatchReport.EMPTY;
    try {
      for (int round = 0; round < MAX_ROUNDS; round++) {
        Instant now = clock.instant();
        List<Delivery> claimed = withRetries(() -> tx.inTransaction(() -> outbox.claimDue(now, batchSize, lease)));
        if (claimed.isEmpty()) {
          break;
        }
        total = total.plus(dispatch(claimed));
      }
    } catch (RuntimeException | Error e) {
      monitor.dispatchFinished(new DispatchRun(startedAt, Duration.between(startedAt, clock.instant()), total,
          Optional.of(e.getClass().getSimpleName())));
      throw e;
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
   * is logged and does not stop the schedule.
   *
   * @param executor the host's executor
   * @param every the delay between the end of one run and the start of the next
   * @return the schedule; cancel it to stop
   */
  public ScheduledFuture<?> scheduleOn(ScheduledExecutorService executor, Duration every) {
    return executor.scheduleWithFixedDelay(() -> {
      try {
        dispatchDue();
      } catch (RuntimeException e) {
        LOG.warn("Alert dispatch failed; it runs again in {}", every, e);
      }
    }, 0, every.toMillis(), TimeUnit.MILLISECONDS);
  }

  private DispatchReport dispatch(List<Delivery> claimed) {
    List<List<Delivery>> groups = group(claimed);
    List<Notification> messages = new ArrayList<>(groups.size());
    for (List<Delivery> group : groups) {
      messages.add(toNotification(group));
    }
    DispatchReport[] recorded = new DispatchReport[messages.size()];
    SendFailure[] unreported = new SendFailure[messages.size()];
    // Each result is recorded in its own transaction as soon as the sender reports it, so that a
    // process killed in the middle of a batch re-sends at most the message in flight.
    NotificationSender.ResultListener listener = (i, result) -> {
      if (i < 0 || i >= recorded.length || recorded[i] != null || result == null) {
        return;
      }
      try {
        recorded[i] = withRetries(() -> tx.inTransaction(() -> record(groups.get(i), messages.get(i), result)));
      } catch (RuntimeException e) {
        throw new RecordingFailed(e);
      }
      Delivery first = groups.get(i).get(0);
      monitor.messageSent(new MessageSent(first.tenantId(), first.kind(), groups.get(i).size(), result.status(),
          result.status() == SendResult.Status.SENT ? SendFailure.NONE
              : unreported[i] != null ? unreported[i] : SendFailure.REPORTED));
    };
    List<SendResult> results = null;
    SendFailure noResult = SendFailure.NO_RESULT;
    try {
      results = sender.sendAll(messages, listener);
    } catch (RecordingFailed e) {
      throw e.failure;
    } catch (RuntimeException e) {
      noResult = SendFailure.SENDER_THREW;
      LOG.warn("The notification sender failed in a batch of {} messages; the unreported ones will be retried",
          messages.size(), e);
    }
    for (int i = 0; i < recorded.length; i++) {
      if (recorded[i] == null) {
        boolean reported = results != null && results.size() == messages.size() && results.get(i) != null;
        SendResult result = reported ? results.get(i)
            : SendResult.transientFailure("the notification sender reported no result");
        unreported[i] = reported ? null : noResult;
        try {
          listener.onResult(i, result);
        } catch (RecordingFailed e) {
          throw e.failure;
        }
      }
    }
    DispatchReport total = DispatchReport.EMPTY;
    for (DispatchReport r : recorded) {
      total = total.plus(r);
    }
    return total;
  }

  /** Carries a failure to record a result through the sender, which must not swallow it. */
  private static final class RecordingFailed extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient RuntimeException failure;

    RecordingFailed(RuntimeException failure) {
      super(failure.getMessage(), failure, false, false);
      this.failure = failure;
    }
  }

  /**
   * Runs a short transaction of the dispatcher's, trying again when the store fails for a moment (a
   * database deadlock between dispatchers, a dropped connection). For a sent message this matters:
   * a record that is not written makes it go out again when its lease runs out.
   */
  private static <T> T withRetries(java.util.function.Supplier<T> work) {
    for (int attempt = 1; ; attempt++) {
      try {
        return work.get();
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

  private DispatchReport record(List<Delivery> group, Notification message, SendResult result) {
    Instant now = clock.instant();
    int sent = 0;
    int retried = 0;
    int failed = 0;
    for (Delivery d : group) {
      switch (result.status()) {
        case SENT -> {
          outbox.markSent(d.id(), now);
          events.record(d.tenantId(), AuditEventType.DELIVERY_SENT, Actor.system(), d.customerId(), sims(d),
              describe(d) + " sent" + (group.size() > 1 ? " in a digest of " + group.size() : ""));
          sent++;
        }
        case TRANSIENT_FAILURE -> {
          if (d.attempts() >= retry.maxAttempts()) {
            fail(d, "gave up after " + d.attempts() + " attempts: " + result.detail());
            failed++;
          } else {
            outbox.markRetry(d.id(), now.plus(retry.delayAfter(d.attempts(), random)), result.detail());
            LOG.info("Delivery {} to {} failed ({}); retry scheduled", d.id(), d.recipient().email().masked(),
                result.detail());
            retried++;
          }
        }
        case PERMANENT_FAILURE -> {
          fail(d, result.detail());
          failed++;
        }
      }
    }
    return new DispatchReport(group.size(), sent, 1, message instanceof DigestNotification ? 1 : 0, retried, failed);
  }

  private void fail(Delivery d, String detail) {
    outbox.markFailed(d.id(), detail);
    LOG.warn("Delivery {} to {} failed for good: {}", d.id(), d.recipient().email().masked(), detail);
    events.record(d.tenantId(), AuditEventType.DELIVERY_FAILED, Actor.system(), d.customerId(), sims(d),
        describe(d) + " failed: " + detail);
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

  private static List<List<Delivery>> group(List<Delivery> claimed) {
    Map<String, List<Delivery>> groups = new LinkedHashMap<>();
    for (Delivery d : claimed) {
      String key = d.digestKey() == null || d.kind() != DeliveryKind.ALERT
          ? d.id().toString()
          : d.tenantId() + "|" + d.recipientKey() + "|" + d.digestKey();
      groups.computeIfAbsent(key, k -> new ArrayList<>()).add(d);
    }
    return new ArrayList<>(groups.values());
  }

  private Notification toNotification(List<Delivery> group) {
    Delivery first = group.get(0);
    SenderIdentity from = settings.settingsFor(first.tenantId()).senderIdentity().orElse(defaultSender);
    if (first.kind() == DeliveryKind.SUBSCRIPTION_NOTICE) {
      return new SubscriptionNotice(first.tenantId(), from, first.recipient(), first.customerName(),
          first.tenantId() + "/" + first.alertId() + "/" + first.recipientKey());
    }
    if (group.size() == 1) {
      return new AlertNotification(first.tenantId(), from, first.recipient(), first.customerName(), first.alert(),
          first.tenantId() + "/" + first.alertId() + "/" + first.recipientKey());
    }
    List<UsageAlert> alerts = group.stream().map(Delivery::alert)
        .sorted(Comparator.comparing(UsageAlert::iccid).thenComparing(a -> a.id().value())).toList();
    String key = "digest/" + first.tenantId() + "/" + group.stream().map(d -> d.id().toString()).sorted()
        .findFirst().orElseThrow() + "/" + group.size();
    return new DigestNotification(first.tenantId(), from, first.recipient(), first.customerName(),
        first.alert().kind(), alerts, key);
  }
}
