package io.simestate.core.alert;

import io.simestate.core.Transactions;
import io.simestate.core.UnavailableException;
import io.simestate.core.inmemory.InMemoryPersistence;
import io.simestate.core.persistence.Persistence;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Supplier;

/** A store that can be cut off in a test: every transaction and outbox call fails while it is down. */
public final class StoreOutage {

  private StoreOutage() {}

  /**
   * In-memory persistence whose transactions and outbox calls all fail with {@link
   * UnavailableException} while {@code down} is set, as a database that cannot be reached.
   *
   * @param down set it to cut the store off, clear it to bring it back
   * @return the persistence
   */
  public static Persistence inMemory(AtomicBoolean down) {
    Persistence inner = InMemoryPersistence.create();
    Transactions failingTx = new Transactions() {
      @Override
      public <T> T inTransaction(Supplier<T> work) {
        if (down.get()) {
          throw new UnavailableException("connection refused", null);
        }
        return inner.transactions().inTransaction(work);
      }
    };
    DeliveryOutbox failingOutbox = proxy(DeliveryOutbox.class, inner.outbox(), down, null);
    return proxy(Persistence.class, inner, new AtomicBoolean(), method -> switch (method) {
      case "transactions" -> failingTx;
      case "outbox" -> failingOutbox;
      case "sentRecorder" -> SentRecorder.composedOf(failingOutbox, inner.auditTrail());
      default -> null;
    });
  }

  /** Calls {@code inner}, throwing while {@code down} is set; {@code replace} may answer a method instead. */
  private static <T> T proxy(Class<T> type, T inner, AtomicBoolean down, Function<String, Object> replace) {
    return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (p, method, args) -> {
      Object replaced = replace == null ? null : replace.apply(method.getName());
      if (replaced != null) {
        return replaced;
      }
      if (down.get()) {
        throw new UnavailableException("connection refused", null);
      }
      try {
        return method.invoke(inner, args);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
    }));
  }
}
