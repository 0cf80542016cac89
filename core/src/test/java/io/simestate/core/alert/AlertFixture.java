package io.simestate.core.alert;

import io.simestate.core.Actor;
import io.simestate.core.AlertKind;
import io.simestate.core.TenantId;
import io.simestate.core.customer.Contact;
import io.simestate.core.customer.ContactDetails;
import io.simestate.core.customer.Customer;
import io.simestate.core.customer.CustomerDetails;
import io.simestate.core.estate.SimEstate;
import io.simestate.core.sim.Iccid;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.UnaryOperator;

/**
 * One estate for a scenario: a test clock, a seeded random source, a scripted sender and short
 * helpers for customers, contacts, SIMs and alerts.
 */
public final class AlertFixture {

  /** The tenant most scenarios use. */
  public static final TenantId ACME = TenantId.of("acme");
  /** A second tenant. */
  public static final TenantId GLOBEX = TenantId.of("globex");
  /** The portal user. */
  public static final Actor ALICE = Actor.of("alice");
  /** The library-wide sender the fixture's estate is built with. */
  public static final SenderIdentity DEFAULT_SENDER = SenderIdentity.of("alerts@portal.example", "Portal alerts");

  public final TestClock clock = new TestClock();
  public final ScriptedSender sender = new ScriptedSender();
  public final SimEstate estate;
  private int alertSeq;

  /** An estate with default settings. */
  public AlertFixture() {
    this(b -> b);
  }

  /**
   * An estate with extra builder settings.
   *
   * @param config changes the builder (tenants' settings, retry policy, ...)
   */
  public AlertFixture(UnaryOperator<SimEstate.Builder> config) {
    SimEstate.Builder b = SimEstate.builder().clock(clock).random(new SplittableRandom(42))
        .notificationSender(sender).defaultSender(DEFAULT_SENDER);
    estate = config.apply(b).build();
  }

  /** A SIM number: a valid 19-digit ICCID, distinct per n. */
  public static Iccid sim(int n) {
    return Iccid.withCheckDigit(String.format("894450010200%06d", n));
  }

  public Customer customer(String name) {
    return customer(ACME, name);
  }

  public Customer customer(TenantId tenant, String name) {
    return estate.customers().create(tenant, ALICE, CustomerDetails.named(name));
  }

  public Contact contact(Customer c, ContactDetails details) {
    return estate.customers().addContact(c.tenantId(), ALICE, c.id(), details);
  }

  public Contact alerted(Customer c, String name, AlertKind... kinds) {
    ContactDetails d = ContactDetails.alerted(name, name.toLowerCase() + "@" + slug(c) + ".example");
    return contact(c, kinds.length == 0 ? d : d.wanting(kinds));
  }

  public void assign(Customer c, Iccid... sims) {
    estate.sims().assign(c.tenantId(), ALICE, c.id(), Arrays.stream(sims).map(Iccid::digits).toList());
  }

  public UsageAlert alert(Iccid sim, AlertKind kind) {
    return UsageAlert.of(AlertId.of("alert-" + (++alertSeq)), sim, kind, clock.instant());
  }

  public RoutingResult route(UsageAlert alert) {
    return estate.alerts().route(ACME, alert);
  }

  public RoutingResult route(Iccid sim, AlertKind kind) {
    return route(alert(sim, kind));
  }

  public static TenantAlertSettings settings() {
    return TenantAlertSettings.DEFAULTS;
  }

  /** The contact ids a decision chose. */
  public static List<io.simestate.core.customer.ContactId> chosenIds(AlertDecision d) {
    return d.chosen().stream().map(Recipient::contactId).toList();
  }

  /** A retry policy without jitter, for exact due times. */
  public static RetryPolicy exactRetry(int maxAttempts) {
    return new RetryPolicy(Duration.ofSeconds(30), Duration.ofMinutes(10), maxAttempts, 0);
  }

  private static String slug(Customer c) {
    return c.name().value().toLowerCase().replaceAll("[^a-z0-9]", "");
  }
}
