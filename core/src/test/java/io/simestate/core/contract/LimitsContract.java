package io.simestate.core.contract;

import static io.simestate.core.contract.ContractFixtures.newIccids;
import static io.simestate.core.contract.ContractFixtures.newTenant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.simestate.core.Actor;
import io.simestate.core.AlertKind;
import io.simestate.core.InvalidInputException;
import io.simestate.core.Limits;
import io.simestate.core.TenantId;
import io.simestate.core.Violation;
import io.simestate.core.alert.AlertDecision;
import io.simestate.core.alert.AlertId;
import io.simestate.core.alert.Delivery;
import io.simestate.core.alert.Usage;
import io.simestate.core.alert.UsageAlert;
import io.simestate.core.customer.Contact;
import io.simestate.core.customer.ContactDetails;
import io.simestate.core.customer.Customer;
import io.simestate.core.customer.CustomerDetails;
import io.simestate.core.estate.SimEstate;
import io.simestate.core.persistence.Persistence;
import io.simestate.core.sim.Iccid;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One set of limits everywhere (issue 11): every length and range limit is core's ({@link Limits}),
 * a value at each limit is stored and read back unchanged by the adapter, and a value one past it is
 * refused with {@link InvalidInputException} naming the field before any store sees it. Texts at
 * the limit are written in characters outside the Basic Multilingual Plane where the limit allows,
 * so that a column sized in UTF-16 units is caught too.
 */
public abstract class LimitsContract {

  private static final Actor ALICE = Actor.of("alice@portal");
  private static final String EMOJI = "📡";

  private WatchedPersistence watched;
  private SimEstate estate;
  private TenantId tenant;

  /**
   * The persistence under test; may be shared between tests.
   *
   * @return the persistence
   */
  protected abstract Persistence persistence();

  @BeforeEach
  void wireTheLibrary() {
    watched = WatchedPersistence.of(persistence());
    estate = SimEstate.builder().persistence(watched).build();
    tenant = newTenant();
  }

  /** A text of exactly {@code length} UTF-16 units, made of emoji (and one "x" for an odd length). */
  private static String wide(int length) {
    return EMOJI.repeat(length / 2) + (length % 2 == 1 ? "x" : "");
  }

  private static CustomerDetails atLimits(String name) {
    return new CustomerDetails(name, wide(Limits.STREET_LENGTH), "1".repeat(Limits.POSTAL_CODE_LENGTH),
        wide(Limits.PLACE_LENGTH), wide(Limits.PLACE_LENGTH), wide(Limits.PLACE_LENGTH),
        "1".repeat(Limits.PHONE_LENGTH), "office@northwind.example", "w".repeat(Limits.WEBSITE_LENGTH),
        wide(Limits.REFERENCE_LENGTH), wide(Limits.NOTES_LENGTH));
  }

  @Test
  void aCustomerWithEveryFieldAtItsLimitIsStoredAndReadBack() {
    String name = EMOJI.repeat(Limits.NAME_LENGTH - 1) + "N";

    Customer stored = estate.customers().create(tenant, ALICE, atLimits(name));

    assertThat(estate.customers().get(tenant, stored.id())).isEqualTo(stored);
    assertThat(CustomerDetails.from(stored)).isEqualTo(atLimits(name));
  }

  @Test
  void oneCharacterPastAnyCustomerLimitIsRefusedBeforeAnyStoreSeesIt() {
    CustomerDetails ok = atLimits("Northwind");
    List<Case> cases = List.of(
        new Case("name", d -> d.withName("N".repeat(Limits.NAME_LENGTH + 1))),
        new Case("street", d -> d.withAddress(d.street() + "x", d.postalCode(), d.city(), d.country())),
        new Case("postalCode", d -> d.withAddress(d.street(), d.postalCode() + "1", d.city(), d.country())),
        new Case("city", d -> d.withAddress(d.street(), d.postalCode(), d.city() + "x", d.country())),
        new Case("region", d -> d.withRegion(d.region() + "x")),
        new Case("country", d -> d.withAddress(d.street(), d.postalCode(), d.city(), d.country() + "x")),
        new Case("phone", d -> d.withPhoneAndEmail(d.phone() + "1", d.email())),
        new Case("website", d -> d.withExtras(d.website() + "w", d.reference(), d.notes())),
        new Case("reference", d -> d.withExtras(d.website(), d.reference() + "x", d.notes())),
        new Case("notes", d -> d.withNotes(d.notes() + "x")));
    for (Case c : cases) {
      CustomerDetails tooLong = c.change().apply(ok);
      long before = watched.storeCalls();

      InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
          () -> estate.customers().create(tenant, ALICE, tooLong));

      assertThat(e).as(c.field()).isNotNull();
      assertThat(e.violations()).as(c.field()).extracting(Violation::field).containsExactly(c.field());
      assertThat(watched.storeCalls()).as(c.field() + ": no store call").isEqualTo(before);
    }
  }

  private record Case(String field, UnaryOperator<CustomerDetails> change) {}

  @Test
  void aContactWithEveryFieldAtItsLimitIsStoredAndOnePastIsRefusedBeforeAnyStoreSeesIt() {
    Customer c = estate.customers().create(tenant, ALICE, CustomerDetails.named("Northwind"));
    ContactDetails ok = new ContactDetails(EMOJI.repeat(Limits.NAME_LENGTH), "ana@northwind.example",
        "1".repeat(Limits.PHONE_LENGTH), wide(Limits.ROLE_LENGTH), true, null);

    Contact stored = estate.customers().addContact(tenant, ALICE, c.id(), ok);

    assertThat(estate.customers().get(tenant, c.id()).contacts()).containsExactly(stored);
    assertThat(ContactDetails.from(stored)).isEqualTo(ok);
    for (ContactDetails tooLong : List.of(ok.withName(ok.name() + "x"), ok.withPhone(ok.phone() + "1"),
        ok.withRole(ok.role() + "x"))) {
      long before = watched.storeCalls();
      assertThatThrownBy(() -> estate.customers().addContact(tenant, ALICE, c.id(), tooLong))
          .isInstanceOf(InvalidInputException.class);
      assertThat(watched.storeCalls()).isEqualTo(before);
    }
  }

  @Test
  void anAlertWithEveryFieldAtItsLimitIsRoutedStoredAndReadBack() {
    Customer c = estate.customers().create(tenant, ALICE, CustomerDetails.named("Northwind"));
    estate.customers().addContact(tenant, ALICE, c.id(), ContactDetails.alerted("Ana", "ana@northwind.example"));
    Iccid sim = newIccids(1).get(0);
    estate.sims().assign(tenant, ALICE, c.id(), List.of(sim.digits()));
    BigDecimal widest = new BigDecimal("9".repeat(Limits.FIGURE_INTEGER_DIGITS) + "."
        + "9".repeat(Limits.FIGURE_FRACTION_DIGITS));
    UsageAlert alert = new UsageAlert(AlertId.of(wide(Limits.ALERT_ID_LENGTH)), sim, AlertKind.WARNING,
        Instant.now(), wide(Limits.PERIOD_LENGTH),
        new Usage(widest, widest, wide(Limits.USAGE_UNIT_LENGTH), new BigDecimal("1E+29"),
            wide(Limits.USAGE_PLAN_LENGTH)));

    estate.alerts().route(tenant, alert);

    AlertDecision decision = estate.alerts().decision(tenant, alert.id()).orElseThrow();
    assertThat(decision.alert()).isEqualTo(alert);
    assertThat(estate.alerts().deliveriesOf(tenant, alert.id())).extracting(Delivery::alert).containsExactly(alert);
  }

  @Test
  void oneCharacterOrDigitPastAnyAlertLimitIsRefusedWhereTheValueIsMade() {
    Iccid sim = newIccids(1).get(0);
    BigDecimal tooManyDigits = new BigDecimal("9".repeat(Limits.FIGURE_INTEGER_DIGITS + 1));
    BigDecimal tooManyDecimals = new BigDecimal("0." + "9".repeat(Limits.FIGURE_FRACTION_DIGITS + 1));
    List<Refusal> refusals = List.of(
        new Refusal("alertId", () -> AlertId.of("a".repeat(Limits.ALERT_ID_LENGTH + 1))),
        new Refusal("period", () -> UsageAlert.of(AlertId.of("a"), sim, AlertKind.WARNING, Instant.now())
            .withPeriod("p".repeat(Limits.PERIOD_LENGTH + 1))),
        new Refusal("usage.unit", () -> new Usage(null, null, "u".repeat(Limits.USAGE_UNIT_LENGTH + 1), null, null)),
        new Refusal("usage.plan", () -> new Usage(null, null, null, null, "p".repeat(Limits.USAGE_PLAN_LENGTH + 1))),
        new Refusal("usage.used", () -> new Usage(tooManyDigits, null, null, null, null)),
        new Refusal("usage.limit", () -> new Usage(null, tooManyDecimals, null, null, null)),
        new Refusal("usage.percent", () -> new Usage(null, null, null, new BigDecimal("1E+30"), null)));
    for (Refusal r : refusals) {
      assertThatThrownBy(r.make()::get).as(r.field()).isInstanceOfSatisfying(InvalidInputException.class,
          e -> assertThat(e.violations()).extracting(Violation::field).containsExactly(r.field()));
    }
  }

  private record Refusal(String field, Supplier<Object> make) {}
}
