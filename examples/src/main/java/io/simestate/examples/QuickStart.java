package io.simestate.examples;

import io.simestate.core.Actor;
import io.simestate.core.AlertKind;
import io.simestate.core.PageRequest;
import io.simestate.core.TenantId;
import io.simestate.core.alert.AlertDecision;
import io.simestate.core.alert.AlertId;
import io.simestate.core.alert.AlertNotification;
import io.simestate.core.alert.DispatchReport;
import io.simestate.core.alert.Notification;
import io.simestate.core.alert.Recipient;
import io.simestate.core.alert.RoutingResult;
import io.simestate.core.alert.SenderIdentity;
import io.simestate.core.alert.SkipReason;
import io.simestate.core.alert.TenantAlertSettings;
import io.simestate.core.alert.Usage;
import io.simestate.core.alert.UsageAlert;
import io.simestate.core.customer.Contact;
import io.simestate.core.customer.ContactDetails;
import io.simestate.core.customer.Customer;
import io.simestate.core.customer.CustomerDetails;
import io.simestate.core.customer.EmailAddress;
import io.simestate.core.estate.CustomerReport;
import io.simestate.core.estate.SimEstate;
import io.simestate.core.inmemory.RecordingNotificationSender;
import io.simestate.core.sim.AssignmentChanges;
import io.simestate.core.sim.Iccid;
import io.simestate.core.sim.IccidRange;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * The in-memory quick start: one tenant's customers and contacts, SIMs assigned by list and range,
 * a few warning and cut-off alerts routed and dispatched to a notification port that prints them,
 * and a customer report. Needs nothing but a JDK.
 */
public final class QuickStart {

  private QuickStart() {}

  /**
   * Runs the quick start.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    run(System.out);
  }

  /** Runs the quick start, printing to {@code out}. */
  static void run(PrintStream out) {
    TenantId acme = TenantId.of("acme-iot");
    Actor alice = Actor.of("alice@portal");
    RecordingNotificationSender printer = new RecordingNotificationSender(n -> out.println("  -> " + describe(n)));
    SimEstate estate = SimEstate.builder()
        .notificationSender(printer)
        .tenant(acme, TenantAlertSettings.DEFAULTS
            .withSender(SenderIdentity.of("alerts@acme-iot.example", "ACME IoT alerts"))
            .withCatchAll(List.of(Recipient.catchAll("NOC", EmailAddress.parse("noc@acme-iot.example")))))
        .build();

    out.println("== Customers and contacts");
    Customer northwind = estate.customers().create(acme, alice,
        CustomerDetails.named("Northwind Logistics").withAddress("1 Harbour Road", "1010", "Vienna", "Austria"));
    Customer contoso = estate.customers().create(acme, alice, CustomerDetails.named("Contoso Metering"));
    estate.customers().addContact(acme, alice, northwind.id(),
        ContactDetails.alerted("Ana Fleet", "ana@northwind.example").withPhoneAndRole("+43 1 234", "Fleet manager"));
    estate.customers().addContact(acme, alice, northwind.id(),
        ContactDetails.alerted("Ben Ops", "ben@northwind.example").wanting(AlertKind.CUT_OFF));
    estate.customers().addContact(acme, alice, northwind.id(), ContactDetails.silent("Cleo Finance", null));
    estate.customers().addContact(acme, alice, contoso.id(), ContactDetails.alerted("Dan", "dan@contoso.example"));
    estate.customers().list(acme, null, PageRequest.first(10)).items()
        .forEach(s -> out.println("  " + s.name() + "  (" + s.id() + ")"));

    out.println("== SIM assignment");
    IccidRange range = IccidRange.parse("8944500102198304826..8944500102198305823");
    AssignmentChanges byRange = estate.sims().assign(acme, alice, northwind.id(), range);
    out.println("  range " + range + ": " + byRange.changed() + " SIMs assigned to Northwind");
    AssignmentChanges moved = estate.sims().assign(acme, alice, contoso.id(),
        List.of("8944500102198304826", "8944500102198304834"));
    out.println("  list of 2: " + moved.changed() + " assigned to Contoso, " + moved.moved() + " moved from Northwind");

    out.println("== Routing alerts");
    Instant now = Instant.now();
    UsageAlert first = UsageAlert.of(AlertId.of("w-1"), Iccid.parse("8944500102198304842"), AlertKind.WARNING, now)
        .withPeriod("2026-11").withUsage(new Usage(new BigDecimal("950"), new BigDecimal("1000"), "MB",
            new BigDecimal("95"), "IoT 1 GB"));
    route(estate, acme, first, out);
    route(estate, acme, UsageAlert.of(AlertId.of("c-1"), Iccid.parse("8944500102198304842"), AlertKind.CUT_OFF, now), out);
    route(estate, acme, UsageAlert.of(AlertId.of("w-2"), Iccid.parse("8944500102198304826"), AlertKind.WARNING, now), out);
    route(estate, acme, UsageAlert.of(AlertId.of("w-3"), Iccid.parse("8991000000000000001"), AlertKind.WARNING, now), out);
    // The rating system delivers w-1 a second time, as it is: an idempotent replay, nothing new.
    route(estate, acme, first, out);

    out.println("== Dispatching");
    DispatchReport report = estate.dispatcher().dispatchDue();
    out.println("  " + report.sent() + " deliveries sent in " + report.messages() + " messages");

    out.println("== Customer report: " + northwind.name());
    CustomerReport r = estate.customers().report(acme, northwind.id(), PageRequest.first(3));
    Customer c = r.customer();
    out.println("  address: " + c.address().street() + ", " + c.address().postalCode() + " " + c.address().city());
    for (Contact contact : c.contacts()) {
      out.println("  contact: " + contact.name() + (contact.alertsEnabled() ? " alerts " + contact.alertKinds() : " alerts off"));
    }
    out.println("  SIMs: " + r.simCount() + ", first: " + r.sims().items());
  }

  private static void route(SimEstate estate, TenantId tenant, UsageAlert alert, PrintStream out) {
    RoutingResult result = estate.alerts().route(tenant, alert);
    AlertDecision d = result.decision();
    out.println("  " + alert.kind().label() + " " + alert.id() + " for " + alert.iccid() + ": "
        + (result.duplicateAlertId() ? "duplicate alert id, nothing new" : d.outcome() + " to "
            + d.chosen().stream().map(Recipient::name).toList()
            + (d.skipped().isEmpty() ? "" : ", skipped " + d.skipped().stream()
                .map(s -> s.contactName() + " (" + s.reasons().stream().map(SkipReason::description)
                    .collect(java.util.stream.Collectors.joining("; ")) + ")").toList())));
  }

  private static String describe(Notification n) {
    String what = n instanceof AlertNotification a ? a.alert().kind().label() + " for SIM " + a.alert().iccid()
        : n.getClass().getSimpleName();
    return what + " to " + n.recipient().name() + " <" + n.recipient().email().masked() + "> from "
        + n.sender().address();
  }
}
