package io.simestate.core.estate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import io.simestate.core.Actor;
import io.simestate.core.AlertKind;
import io.simestate.core.InvalidInputException;
import io.simestate.core.PageRequest;
import io.simestate.core.TenantId;
import io.simestate.core.Violation;
import io.simestate.core.alert.AlertId;
import io.simestate.core.alert.TestClock;
import io.simestate.core.alert.UsageAlert;
import io.simestate.core.audit.AuditEvent;
import io.simestate.core.audit.AuditEventType;
import io.simestate.core.audit.AuditTrail;
import io.simestate.core.customer.Contact;
import io.simestate.core.customer.ContactDetails;
import io.simestate.core.customer.ContactId;
import io.simestate.core.customer.Customer;
import io.simestate.core.customer.CustomerDetails;
import io.simestate.core.customer.CustomerId;
import io.simestate.core.customer.DeletionConfirmation;
import io.simestate.core.sim.Iccid;
import io.simestate.core.sim.IccidRange;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/**
 * Issue 11: every public method of the use cases and of the audit trail a portal reads refuses a
 * missing argument or an out-of-range limit with {@link InvalidInputException}, never with a bare
 * {@code NullPointerException}, an {@code IllegalArgumentException} or an empty answer. Each method
 * is called once per reference parameter with that one argument null and every other one valid.
 */
class PublicArgumentsTest {

  private static final TenantId ACME = TenantId.of("acme");
  private static final Actor ALICE = Actor.of("alice");
  /** Parameters that may be null by design: (method name, parameter index). */
  private static final Set<String> NULLABLE = Set.of("list#1");

  private final List<TenantId> inventoryAskedFor = new ArrayList<>();
  private final AtomicInteger names = new AtomicInteger();
  private SimEstate estate;
  private Customer customer;
  private Contact contact;
  private final Iccid sim = Iccid.parse("8944500102198304826");

  @BeforeEach
  void anEstateWithACustomer() {
    estate = SimEstate.builder().clock(new TestClock()).simInventory((tenant, iccid) -> {
      inventoryAskedFor.add(tenant);
      return true;
    }).build();
    customer = estate.customers().create(ACME, ALICE, CustomerDetails.named("Northwind"));
    contact = estate.customers().addContact(ACME, ALICE, customer.id(), ContactDetails.silent("Ana", null));
    customer = estate.customers().get(ACME, customer.id());
  }

  private Object valid(Type type, Method method) {
    Class<?> raw = type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
    if (raw == TenantId.class) {
      return ACME;
    } else if (raw == Actor.class) {
      return ALICE;
    } else if (raw == CustomerId.class) {
      return customer.id();
    } else if (raw == ContactId.class) {
      return contact.id();
    } else if (raw == CustomerDetails.class) {
      return CustomerDetails.named("Customer " + names.incrementAndGet());
    } else if (raw == ContactDetails.class) {
      return ContactDetails.silent("Bo", null);
    } else if (raw == PageRequest.class) {
      return PageRequest.first(10);
    } else if (raw == IccidRange.class) {
      return IccidRange.of(sim, sim);
    } else if (raw == List.class
        && ((ParameterizedType) type).getActualTypeArguments()[0] == ContactDetails.class) {
      return List.of(ContactDetails.silent("Bo", null));
    } else if (raw == Collection.class) {
      Type element = ((ParameterizedType) type).getActualTypeArguments()[0];
      return element == Iccid.class ? List.of(sim) : List.of(sim.digits());
    } else if (raw == Reader.class) {
      return new StringReader(sim.digits() + "," + customer.id() + "\n");
    } else if (raw == InputStream.class) {
      return new ByteArrayInputStream((sim.digits() + "," + customer.id() + "\n").getBytes(StandardCharsets.UTF_8));
    } else if (raw == String.class) {
      return method.getName().equals("list") ? "north" : sim.digits();
    } else if (raw == UsageAlert.class) {
      return UsageAlert.of(AlertId.of("a-" + names.incrementAndGet()), sim, AlertKind.WARNING, TestClock.START);
    } else if (raw == AlertId.class) {
      return AlertId.of("a-1");
    } else if (raw == Iccid.class) {
      return sim;
    } else if (raw == AlertKind.class) {
      return AlertKind.WARNING;
    } else if (raw == DeletionConfirmation.class) {
      return estate.customers().previewDeletion(ACME, customer.id()).confirmation();
    } else if (raw == AuditEvent.class) {
      return new AuditEvent(java.util.UUID.randomUUID(), ACME, AuditEventType.CUSTOMER_UPDATED, ALICE,
          TestClock.START, customer.id(), List.of(), "touched");
    } else if (raw == long.class) {
      return estate.customers().get(ACME, customer.id()).version();
    } else if (raw == int.class) {
      return 10;
    }
    throw new AssertionError("no valid value for " + type + " in " + method);
  }

  private List<Object> targets() {
    return List.of(estate.customers(), estate.sims(), estate.alerts(), estate.auditTrail());
  }

  private static List<Method> publicMethods(Object target) {
    Class<?> type = target instanceof AuditTrail ? AuditTrail.class : target.getClass();
    List<Method> out = new ArrayList<>();
    for (Method m : type.getMethods()) {
      if (m.getDeclaringClass() != Object.class && !Modifier.isStatic(m.getModifiers())
          && m.getParameterCount() > 0) {
        out.add(m);
      }
    }
    return out;
  }

  private static Throwable call(Object target, Method m, Object[] args) {
    try {
      m.invoke(target, args);
      return null;
    } catch (InvocationTargetException e) {
      return e.getCause();
    } catch (IllegalAccessException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void everyPublicMethodRefusesAMissingArgumentWithInvalidInput() {
    int checked = 0;
    for (Object target : targets()) {
      for (Method m : publicMethods(target)) {
        Type[] types = m.getGenericParameterTypes();
        for (int i = 0; i < types.length; i++) {
          if (m.getParameterTypes()[i].isPrimitive() || NULLABLE.contains(m.getName() + "#" + i)) {
            continue;
          }
          Object[] args = new Object[types.length];
          for (int j = 0; j < types.length; j++) {
            args[j] = j == i ? null : valid(types[j], m);
          }
          Throwable thrown = call(target, m, args);
          if (!(thrown instanceof InvalidInputException)) {
            fail(m.getDeclaringClass().getSimpleName() + "." + m.getName() + " with argument " + i
                + " null: expected InvalidInputException, got " + (thrown == null ? "no exception" : thrown));
          }
          checked++;
        }
      }
    }
    assertThat(checked).isGreaterThan(60);
    assertThat(inventoryAskedFor).doesNotContainNull();
  }

  @Test
  void everyLimitOutsideOneTo10000IsRefusedWithInvalidInput() {
    int checked = 0;
    for (Object target : targets()) {
      for (Method m : publicMethods(target)) {
        Class<?>[] raw = m.getParameterTypes();
        for (int i = 0; i < raw.length; i++) {
          if (raw[i] != int.class) {
            continue;
          }
          for (int bad : new int[] {-1, 0, 10_001}) {
            Object[] args = new Object[raw.length];
            for (int j = 0; j < raw.length; j++) {
              args[j] = j == i ? bad : valid(m.getGenericParameterTypes()[j], m);
            }
            Throwable thrown = call(target, m, args);
            if (!(thrown instanceof InvalidInputException e) || !e.getMessage().contains("limit")) {
              fail(m.getDeclaringClass().getSimpleName() + "." + m.getName() + " with limit " + bad
                  + ": expected InvalidInputException naming limit, got " + thrown);
            }
            checked++;
          }
        }
      }
    }
    assertThat(checked).isGreaterThanOrEqualTo(18);
  }

  @Test
  void assigningARangeWithoutTenantNeverAsksTheHostsInventory() {
    assertThatThrownBy(() -> estate.sims().assign(null, ALICE, customer.id(), IccidRange.of(sim, sim)))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("tenantId");

    assertThat(inventoryAskedFor).isEmpty();
  }

  @Test
  void aSimListWithoutAnActorIsRefusedNamingTheActorBeforeTheHostsInventoryIsAsked() {
    Sims sims = estate.sims();
    List<ThrowingCallable> calls = List.of(
        () -> sims.assign(ACME, null, customer.id(), List.of(sim.digits())),
        () -> sims.assignIccids(ACME, null, customer.id(), List.of(sim)),
        () -> sims.unassign(ACME, null, List.of(sim.digits())),
        () -> sims.unassignIccids(ACME, null, List.of(sim)));

    for (int i = 0; i < calls.size(); i++) {
      assertThatThrownBy(calls.get(i)).as("call %d", i).isInstanceOfSatisfying(InvalidInputException.class,
          e -> assertThat(e.violations()).extracting(Violation::field).containsExactly("actor"));
      assertThat(inventoryAskedFor).as("inventory asked by call %d", i).isEmpty();
    }
  }
}
