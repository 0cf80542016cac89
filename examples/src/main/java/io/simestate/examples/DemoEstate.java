package io.simestate.examples;

import io.simestate.core.TenantId;
import io.simestate.core.customer.CustomerId;
import io.simestate.core.sim.Iccid;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the demo built: its two tenants, every customer with the block of SIMs it holds, and the
 * SIMs left in stock (unassigned). The alert replay draws its SIMs from here.
 */
final class DemoEstate {

  /** How a customer's SIMs were assigned. */
  enum Method {
    LIST, RANGE, CSV
  }

  /** One of the demo's tenants, with the ICCID prefix of its SIMs. */
  record Tenant(TenantId id, String label, String simPrefix, String stockPrefix) {

    /** The SIM with this serial in the tenant's estate: prefix, 9-digit serial, Luhn digit. */
    Iccid sim(long serial) {
      return Iccid.withCheckDigit(simPrefix + String.format(Locale.ROOT, "%09d", serial));
    }

    /** A SIM of the tenant's stock (never kept assigned). */
    Iccid stockSim(long serial) {
      return Iccid.withCheckDigit(stockPrefix + String.format(Locale.ROOT, "%09d", serial));
    }
  }

  /**
   * A customer and its SIMs: serials {@code firstSerial .. firstSerial + sims - 1} of its tenant.
   *
   * @param tenant the tenant
   * @param id the customer's id
   * @param name its name
   * @param firstSerial the first SIM's serial
   * @param sims how many SIMs it holds
   * @param method how they were assigned
   */
  record CustomerPlan(Tenant tenant, CustomerId id, String name, long firstSerial, int sims, Method method) {

    /** The customer's n-th SIM. */
    Iccid sim(int n) {
      return tenant.sim(firstSerial + n);
    }
  }

  final Tenant tenantA;
  final Tenant tenantB;
  final List<CustomerPlan> customers = new ArrayList<>();
  /** How many SIMs of each tenant's stock exist (serials 0 .. stock-1), none assigned. */
  int stockPerTenant;
  /** The customer whose SIMs cross a threshold together (the storm). */
  CustomerPlan stormCustomer;
  /** The customer whose name needs escaping everywhere (HTML report, mail). */
  CustomerPlan specialCustomer;

  long contactsAdded;
  long contactsRejected;
  long contactsAlertsOn;
  long contactsAlertsOff;
  long contactsWarningOnly;
  long contactsCutOffOnly;
  long contactsWithoutEmail;
  long simsByList;
  long simsByRange;
  long simsByCsv;
  long csvLines;
  long csvRejected;
  long csvBadLinesPlanned;
  double assignSeconds;

  DemoEstate(Tenant tenantA, Tenant tenantB) {
    this.tenantA = tenantA;
    this.tenantB = tenantB;
  }

  /** SIMs assigned in all. */
  long simsAssigned() {
    return simsByList + simsByRange + simsByCsv;
  }

  /** The customers of one tenant. */
  List<CustomerPlan> customersOf(Tenant tenant) {
    return customers.stream().filter(c -> c.tenant() == tenant).toList();
  }
}
