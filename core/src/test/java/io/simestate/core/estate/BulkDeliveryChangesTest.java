package io.simestate.core.estate;

import static io.simestate.core.alert.AlertFixture.ACME;
import static io.simestate.core.alert.AlertFixture.ALICE;
import static io.simestate.core.alert.AlertFixture.sim;
import static org.assertj.core.api.Assertions.assertThat;

import io.simestate.core.AlertKind;
import io.simestate.core.PageRequest;
import io.simestate.core.alert.AlertFixture;
import io.simestate.core.alert.Delivery;
import io.simestate.core.alert.DeliveryFilter;
import io.simestate.core.alert.DeliveryOperations;
import io.simestate.core.alert.DeliveryStatus;
import io.simestate.core.alert.SendResult;
import io.simestate.core.audit.AuditEvent;
import io.simestate.core.audit.AuditEventType;
import io.simestate.core.customer.Customer;
import io.simestate.core.inmemory.InMemoryPersistence;
import io.simestate.core.persistence.Persistence;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * F18: resubmitting all that meet a filter changes each delivery once, even when deliveries come to
 * meet the filter while it runs (those may be left for the next call).
 */
class BulkDeliveryChangesTest {

  /** Runs once, right after the first resubmission the use case makes: another operator's change. */
  private final AtomicReference<Runnable> meanwhile = new AtomicReference<>();

  /** The in-memory persistence, with {@link #meanwhile} run after the first resubmission. */
  private Persistence withAnotherOperator(InMemoryPersistence inner) {
    DeliveryOperations operations = inner.deliveryOperations();
    DeliveryOperations watched = (DeliveryOperations) Proxy.newProxyInstance(DeliveryOperations.class.getClassLoader(),
        new Class<?>[] {DeliveryOperations.class}, (proxy, method, args) -> {
          Object result = invoke(method, operations, args);
          Runnable other = method.getName().equals("resubmit") ? meanwhile.getAndSet(null) : null;
          if (other != null) {
            other.run();
          }
          return result;
        });
    return (Persistence) Proxy.newProxyInstance(Persistence.class.getClassLoader(), new Class<?>[] {Persistence.class},
        (proxy, method, args) -> method.getName().equals("deliveryOperations") ? watched
            : invoke(method, inner, args));
  }

  private static Object invoke(Method method, Object target, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  @Test
  void eachDeliveryIsResubmittedOnceWhileAnotherOperatorResubmitsAnOlderOne() {
    InMemoryPersistence store = InMemoryPersistence.create();
    AlertFixture f = new AlertFixture(b -> b.persistence(withAnotherOperator(store)));
    Customer northwind = f.customer("Northwind");
    f.alerted(northwind, "Ana");
    f.assign(northwind, sim(1), sim(2), sim(3), sim(4));
    f.sender.answer(n -> SendResult.permanentFailure("550 mailbox unavailable"));
    f.route(sim(1), AlertKind.WARNING);
    f.estate.dispatcher().dispatchDue();
    Delivery older = f.estate.deliveries().list(ACME, DeliveryFilter.failed(),
        PageRequest.first(10)).items().get(0);
    f.clock.advance(Duration.ofMinutes(1));
    for (int n = 2; n <= 4; n++) {
      f.route(sim(n), AlertKind.WARNING);
    }
    meanwhile.set(() -> store.deliveryOperations().resubmit(ACME, List.of(older.id()), f.clock.instant()));

    long resubmitted = f.estate.deliveries().resubmitAll(ACME, ALICE, DeliveryFilter.pendingLongerThan(Duration.ZERO));

    assertThat(resubmitted).isEqualTo(3);
    List<AuditEvent> events = f.estate.auditTrail().recent(ACME, 10).stream()
        .filter(e -> e.type() == AuditEventType.DELIVERIES_RESUBMITTED).toList();
    assertThat(events).singleElement().satisfies(e -> assertThat(e.summary()).startsWith("Resubmitted 3 deliveries")
        .doesNotContain(older.id().toString()));
    assertThat(store.outbox().find(older.id())).map(Delivery::status).contains(DeliveryStatus.PENDING);
  }
}
