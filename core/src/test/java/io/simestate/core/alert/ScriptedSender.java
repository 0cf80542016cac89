package io.simestate.core.alert;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A notification port whose answer per message a test decides; it records every attempt and every
 * message the server "accepted". Thread-safe.
 */
public final class ScriptedSender implements NotificationSender {

  private final List<Notification> attempts = new ArrayList<>();
  private final List<Notification> accepted = new ArrayList<>();
  private volatile Function<Notification, SendResult> script;

  /** A sender that accepts everything until told otherwise. */
  public ScriptedSender() {
    this(n -> SendResult.sent());
  }

  /**
   * A sender with a script.
   *
   * @param script the answer per message; may throw to simulate a broken port
   */
  public ScriptedSender(Function<Notification, SendResult> script) {
    this.script = script;
  }

  /**
   * Replaces the script.
   *
   * @param newScript the answer per message
   */
  public void answer(Function<Notification, SendResult> newScript) {
    this.script = newScript;
  }

  @Override
  public SendResult send(Notification notification) {
    synchronized (this) {
      attempts.add(notification);
    }
    SendResult result = script.apply(notification);
    if (result.status() == SendResult.Status.SENT) {
      synchronized (this) {
        accepted.add(notification);
      }
    }
    return result;
  }

  /**
   * Every message handed to this sender, in order.
   *
   * @return a copy
   */
  public synchronized List<Notification> attempts() {
    return List.copyOf(attempts);
  }

  /**
   * Every message this sender reported as sent, in order.
   *
   * @return a copy
   */
  public synchronized List<Notification> accepted() {
    return List.copyOf(accepted);
  }
}
