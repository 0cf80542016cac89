package io.simestate.core.monitor;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps every event it is told; thread-safe. */
final class RecordingListener implements EstateListener {

  final List<AlertRouted> routed = new CopyOnWriteArrayList<>();
  final List<MessageSent> sent = new CopyOnWriteArrayList<>();
  final List<DispatchRun> runs = new CopyOnWriteArrayList<>();

  @Override
  public void alertRouted(AlertRouted event) {
    routed.add(event);
  }

  @Override
  public void messageSent(MessageSent event) {
    sent.add(event);
  }

  @Override
  public void dispatchFinished(DispatchRun event) {
    runs.add(event);
  }
}
