package io.simestate.examples;

import io.simestate.core.alert.DigestNotification;
import io.simestate.core.alert.Notification;
import io.simestate.core.alert.NotificationSender;
import io.simestate.core.alert.SendResult;
import io.simestate.core.alert.SendSession;
import io.simestate.core.alert.SubscriptionNotice;
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
    try (SendSession session = open()) {
      return session.send(notification);
    }
  }

  /**
   * Passes the real port's session on, counting each result as it comes, so that the dispatcher
   * still sends a batch over one connection and records each result at once.
   */
  @Override
  public SendSession open() {
    SendSession session = target.open();
    return new SendSession() {
      @Override
      public SendResult send(Notification notification) {
        SendResult result = session.send(notification);
        count(notification, result);
        return result;
      }

      @Override
      public void close() {
        session.close();
      }
    };
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
