package io.simestate.examples;

import io.simestate.core.alert.DigestNotification;
import io.simestate.core.alert.Notification;
import io.simestate.core.alert.NotificationSender;
import io.simestate.core.alert.SendResult;
import io.simestate.core.alert.SubscriptionNotice;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A notification port that passes every message on to the real one (the mail adapter) and counts
 * what the server accepted and refused: the decorator a host would put in front of the port for its
 * metrics.
 */
final class CountingSender implements NotificationSender {

  private final NotificationSender target;
  private final AtomicLong accepted = new AtomicLong();
  private final AtomicLong acceptedDigests = new AtomicLong();
  private final AtomicLong acceptedNotices = new AtomicLong();
  private final AtomicLong transientFailures = new AtomicLong();
  private final AtomicLong permanentFailures = new AtomicLong();

  CountingSender(NotificationSender target) {
    this.target = target;
  }

  @Override
  public SendResult send(Notification notification) {
    return sendAll(List.of(notification)).get(0);
  }

  @Override
  public List<SendResult> sendAll(List<? extends Notification> batch) {
    List<SendResult> results = target.sendAll(batch);
    for (int i = 0; i < results.size(); i++) {
      count(batch.get(i), results.get(i));
    }
    return results;
  }

  /**
   * Passes the listener on, so that the dispatcher still records each result as soon as the mail
   * adapter reports it (a decorator that only overrode {@code sendAll(batch)} would hold every result
   * back until the whole batch is sent). A result is counted once the dispatcher has recorded it.
   */
  @Override
  public List<SendResult> sendAll(List<? extends Notification> batch, ResultListener listener) {
    return target.sendAll(batch, (i, result) -> {
      try {
        listener.onResult(i, result);
      } finally {
        if (i >= 0 && i < batch.size()) {
          count(batch.get(i), result);
        }
      }
    });
  }

  private void count(Notification notification, SendResult result) {
    if (result == null) {
      return;
    }
    switch (result.status()) {
      case SENT -> {
        accepted.incrementAndGet();
        if (notification instanceof DigestNotification) {
          acceptedDigests.incrementAndGet();
        } else if (notification instanceof SubscriptionNotice) {
          acceptedNotices.incrementAndGet();
        }
      }
      case TRANSIENT_FAILURE -> transientFailures.incrementAndGet();
      case PERMANENT_FAILURE -> permanentFailures.incrementAndGet();
      default -> { }
    }
  }

  /** Messages the server accepted. */
  long accepted() {
    return accepted.get();
  }

  /** Digest messages among them. */
  long acceptedDigests() {
    return acceptedDigests.get();
  }

  /** Subscription notices among them. */
  long acceptedNotices() {
    return acceptedNotices.get();
  }

  /** Messages refused for now (server down, 4xx). */
  long transientFailures() {
    return transientFailures.get();
  }

  /** Messages refused for good (5xx). */
  long permanentFailures() {
    return permanentFailures.get();
  }
}
