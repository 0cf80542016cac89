package io.simestate.core;

import io.simestate.core.customer.Customer;
import io.simestate.core.customer.CustomerDetails;
import io.simestate.core.customer.CustomerId;
import io.simestate.core.estate.SimEstate;
import io.simestate.core.sim.Iccid;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** Shared set-up for the scenario tests of customers, SIMs, audit and tenants. */
public final class Scenarios {

  /** The instant every fixed clock shows. */
  public static final Instant NOW = Instant.parse("2026-03-01T09:30:00Z");
  /** A clock stopped at {@link #NOW}. */
  public static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  /** The tenant most scenarios use. */
  public static final TenantId ACME = TenantId.of("acme");
  /** Another tenant. */
  public static final TenantId GLOBEX = TenantId.of("globex");
  /** The portal user most scenarios act as. */
  public static final Actor ALICE = Actor.of("alice@portal");
  /** Another portal user. */
  public static final Actor BOB = Actor.of("bob@portal");

  private Scenarios() {}

  /**
   * A fresh in-memory estate with the fixed clock.
   *
   * @return the estate
   */
  public static SimEstate estate() {
    return SimEstate.builder().clock(CLOCK).build();
  }

  /**
   * Creates a customer with only a name.
   *
   * @param estate the estate
   * @param tenant the tenant
   * @param name the name
   * @return the stored customer
   */
  public static Customer customer(SimEstate estate, TenantId tenant, String name) {
    return estate.customers().create(tenant, ALICE, CustomerDetails.named(name));
  }

  /**
   * The n-th ICCID of a test series, 19 digits with a valid Luhn check digit.
   *
   * @param n 0 to 999,999
   * @return the ICCID's digits
   */
  public static String iccid(int n) {
    return Iccid.withCheckDigit(String.format("894450010200%06d", n)).digits();
  }

  /**
   * ICCIDs {@code from} to {@code from + count - 1} of the test series.
   *
   * @param from the first
   * @param count how many
   * @return their digits
   */
  public static List<String> iccids(int from, int count) {
    List<String> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      out.add(iccid(from + i));
    }
    return out;
  }

  /**
   * Parses an ICCID of the test series.
   *
   * @param n the number in the series
   * @return the ICCID
   */
  public static Iccid sim(int n) {
    return Iccid.parse(iccid(n));
  }

  /**
   * Which customer holds an ICCID.
   *
   * @param estate the estate
   * @param tenant the tenant
   * @param iccid the ICCID
   * @return the holder or null
   */
  public static CustomerId holder(SimEstate estate, TenantId tenant, String iccid) {
    return estate.sims().customerOf(tenant, iccid).orElse(null);
  }
}
