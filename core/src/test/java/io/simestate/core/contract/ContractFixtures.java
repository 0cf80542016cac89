package io.simestate.core.contract;

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
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Test data for the port contracts. Every tenant and ICCID is random, so that contract tests can
 * share one database without cleaning up between tests.
 */
public final class ContractFixtures {

  /** A fixed instant, truncated to milliseconds so every store can keep it exactly. */
  public static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");

  private ContractFixtures() {}

  /**
   * A tenant no other test uses.
   *
   * @return the tenant
   */
  public static TenantId newTenant() {
    return TenantId.of("t-" + UUID.randomUUID().toString().substring(0, 18));
  }

  /**
   * A random 19-digit ICCID with a valid check digit.
   *
   * @return the ICCID
   */
  public static Iccid newIccid() {
    StringBuilder body = new StringBuilder("89");
    ThreadLocalRandom r = ThreadLocalRandom.current();
    for (int i = 0; i < 16; i++) {
      body.append((char) ('0' + r.nextInt(10)));
    }
    return Iccid.withCheckDigit(body.toString());
  }

  /**
   * Several random ICCIDs.
   *
   * @param n how many
   * @return the ICCIDs, distinct
   */
  public static List<Iccid> newIccids(int n) {
    List<Iccid> out = new ArrayList<>(n);
    java.util.Set<Iccid> seen = new java.util.HashSet<>();
    while (out.size() < n) {
      Iccid i = newIccid();
      if (seen.add(i)) {
        out.add(i);
      }
    }
    return out;
  }

  /**
   * A random ICCID body prefix of 14 digits for ranges (the range adds 4 digits and a check digit).
   *
   * @return e.g. "89443021234567"
   */
  public static String newRangePrefix() {
    StringBuilder body = new StringBuilder("89");
    ThreadLocalRandom r = ThreadLocalRandom.current();
    for (int i = 0; i < 12; i++) {
      body.append((char) ('0' + r.nextInt(10)));
    }
    return body.toString();
  }

  /**
   * A new customer (version 0) with only a name.
   *
   * @param tenant the tenant
   * @param name the name
   * @return the customer
   */
  public static Customer customer(TenantId tenant, String name) {
    return new Customer(CustomerId.random(), tenant, CustomerName.parse(name), PostalAddress.EMPTY, null, null, null,
        null, null, List.of(), 0, T0, T0);
  }

  /**
   * A new customer with every field filled, Unicode included, and contacts.
   *
   * @param tenant the tenant
   * @param name the name
   * @param contacts the contacts
   * @return the customer
   */
  public static Customer fullCustomer(TenantId tenant, String name, List<Contact> contacts) {
    return new Customer(CustomerId.random(), tenant, CustomerName.parse(name),
        new PostalAddress("Grüne Straße 12\nHinterhaus", "1010", "Wien", "Wien", "Österreich"), "+43 1 234 56",
        EmailAddress.parse("office@grün.example"), "https://example.com/ü", "ACC-000123", "Notes ✓ with emoji 📡\nline 2",
        contacts, 0, T0, T0.plusSeconds(5));
  }

  /**
   * A contact with alerts on for both kinds.
   *
   * @param name the name
   * @param email the address
   * @return the contact
   */
  public static Contact alerted(String name, String email) {
    return new Contact(ContactId.random(), name, EmailAddress.parse(email), null, null, true,
        EnumSet.allOf(AlertKind.class));
  }

  /**
   * A contact with alerts off and no email.
   *
   * @param name the name
   * @return the contact
   */
  public static Contact silent(String name) {
    return new Contact(ContactId.random(), name, null, null, null, false, EnumSet.allOf(AlertKind.class));
  }

  /**
   * An instant after {@link #T0}.
   *
   * @param seconds seconds after T0
   * @return the instant
   */
  public static Instant at(long seconds) {
    return T0.plus(seconds, ChronoUnit.SECONDS);
  }
}
