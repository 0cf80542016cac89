package io.simestate.core.inmemory;

import io.simestate.core.alert.Notification;
import io.simestate.core.alert.NotificationSender;
import io.simestate.core.alert.SendResult;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A notification port that keeps every message it is given (and optionally shows it), for tests and
 * quick starts. It never fails.
 */
public final class RecordingNotificationSender implements NotificationSender {

  private final List<Notification> sent = new ArrayList<>();
  private final Consumer<Notification> onSend;

  /** A sender that only records. */
  public RecordingNotificationSender() {
    this(n -> { });
  }

  /**
   * A sender that records and hands each message to {@code onSend}, e.g. to print it.
   *
   * @param onSend called for every message
   */
  public RecordingNotificationSender(Consumer<Notification> onSend) {
    this.onSend = onSend;
  }

  @Override
  public synchronized SendResult send(Notification notification) {
    sent.add(notification);
    onSend.accept(notification);
    return SendResult.sent();
  }

  /**
   * Every message sent so far.
   *
   * @return a copy, in sending order
   */
  public synchronized List<Notification> sent() {
    return List.copyOf(sent);
  }

  /** Forgets the messages sent so far. */
  public synchronized void clear() {
    sent.clear();
  }
}
