package io.simestate.jpa;

import io.simestate.core.AlertKind;
import io.simestate.core.TenantId;
import io.simestate.core.customer.Contact;
import io.simestate.core.customer.ContactId;
import io.simestate.core.customer.Customer;
import io.simestate.core.customer.CustomerId;
import io.simestate.core.customer.CustomerName;
import io.simestate.core.customer.EmailAddress;
import io.simestate.core.customer.PostalAddress;
import io.simestate.core.sim.Iccid;
import io.simestate.core.sim.IccidRange;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** Random tenants and ICCIDs (so tests share a database without cleaning up) and small builders. */
final class Fixtures {

  static final Instant T0 = Instant.parse("2026-11-25T10:15:30.123456Z");

  private Fixtures() {}

  static TenantId tenant() {
    return TenantId.of("t-" + UUID.randomUUID());
  }

  /** A random 19-digit ICCID with a valid check digit. */
  static Iccid iccid() {
    return Iccid.withCheckDigit("89" + digits(16));
  }

  /** A random range of {@code size} consecutive ICCIDs (with check digits). */
  static IccidRange range(int size) {
    long start = ThreadLocalRandom.current().nextLong(1_000_000_000_000L, 9_000_000_000_000L);
    String prefix = "89" + digits(3);
    Iccid first = Iccid.withCheckDigit(prefix + start);
    Iccid last = Iccid.withCheckDigit(prefix + (start + size - 1));
    return IccidRange.of(first, last);
  }

  static String digits(int n) {
    StringBuilder s = new StringBuilder(n);
    for (int i = 0; i < n; i++) {
      s.append((char) ('0' + ThreadLocalRandom.current().nextInt(10)));
    }
    return s.toString();
  }

  static Customer customer(TenantId tenant, String name, Contact... contacts) {
    return new Customer(CustomerId.random(), tenant, CustomerName.parse(name), PostalAddress.EMPTY, null, null, null,
        null, null, List.of(contacts), 0, T0, T0);
  }

  static Contact contact(String name, String email, boolean alerts, AlertKind... kinds) {
    return new Contact(ContactId.random(), name, email == null ? null : EmailAddress.parse(email), null, null, alerts,
        kinds.length == 0 ? EnumSet.allOf(AlertKind.class) : EnumSet.of(kinds[0], kinds));
  }

  static Instant now() {
    return Instant.now().truncatedTo(ChronoUnit.MICROS);
  }

  /** Calls {@code method} on {@code target} from a proxy's handler, throwing what the method threw. */
  static Object invoke(java.lang.reflect.Method method, Object target, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (java.lang.reflect.InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
