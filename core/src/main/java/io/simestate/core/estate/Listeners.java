package io.simestate.core.estate;

import io.simestate.core.monitor.AlertRouted;
import io.simestate.core.monitor.DispatchRun;
import io.simestate.core.monitor.EstateListener;
import io.simestate.core.monitor.MessageSent;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The estate's listeners behind one {@link EstateListener}: each is called in turn, and whatever one
 * throws is contained, so that a broken metrics binding never breaks routing or dispatch (F20). The
 * first failure of each listener is logged at WARN with its stack trace, later ones at DEBUG.
 */
final class Listeners implements EstateListener {

  private static final Logger LOG = LoggerFactory.getLogger(Listeners.class);

  private record Guarded(EstateListener listener, AtomicBoolean failedBefore) {}

  private final List<Guarded> listeners;

  Listeners(List<EstateListener> listeners) {
    this.listeners = listeners.stream().map(l -> new Guarded(l, new AtomicBoolean())).toList();
  }

  @Override
  public void alertRouted(AlertRouted event) {
    each("alertRouted", l -> l.alertRouted(event));
  }

  @Override
  public void messageSent(MessageSent event) {
    each("messageSent", l -> l.messageSent(event));
  }

  @Override
  public void dispatchFinished(DispatchRun event) {
    each("dispatchFinished", l -> l.dispatchFinished(event));
  }

  private void each(String method, Consumer<EstateListener> call) {
    for (Guarded g : listeners) {
      try {
        call.accept(g.listener());
      } catch (VirtualMachineError e) {
        throw e;
      } catch (Throwable e) { // NOPMD: a listener may throw anything, also undeclared checked exceptions
        if (g.failedBefore().compareAndSet(false, true)) {
          LOG.warn("The estate listener {} failed in {}; routing and dispatch go on, and its further failures "
              + "are logged at DEBUG only", g.listener().getClass().getName(), method, e);
        } else {
          LOG.debug("The estate listener {} failed in {} again", g.listener().getClass().getName(), method, e);
        }
      }
    }
  }
}
