package io.simestate.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.simestate.core.TenantId;
import io.simestate.core.alert.AlertId;
import io.simestate.core.alert.TenantAlertSettings;
import io.simestate.core.alert.UsageAlert;
import io.simestate.core.customer.ContactDetails;
import io.simestate.core.customer.Customer;
import io.simestate.core.customer.CustomerDetails;
import io.simestate.core.estate.SimEstate;
import io.simestate.core.sim.Iccid;
import io.simestate.jpa.DatabaseVendor;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Scenario 12: the host's tenant settings source throws for one tenant while the outbox holds both
 * tenants' deliveries, interleaved. Every delivery of the other tenant arrives; the failing tenant's
 * are recorded with the error and sent once its settings answer again.
 */
class S12TenantSettingsFailTest {

  static final TenantId BROKEN = TenantId.of("reliability-broken");

  @ParameterizedTest
  @EnumSource(value = DatabaseVendor.class, names = {"POSTGRESQL", "MARIADB"})
  void oneTenantsFailingSettingsLeaveTheOthersDeliveriesAlone(DatabaseVendor vendor) throws Exception {
    Result result = new Result("12-tenant-settings-fail-" + vendor.name().toLowerCase(Locale.ROOT));
    AtomicBoolean broken = new AtomicBoolean();
    try (Database db = Database.of(vendor); MailServer smtp = new MailServer()) {
      SimEstate estate = Estates.estate(db.persistence(), Estates.mail(smtp.port).build())
          .tenantSettings(tenant -> {
            if (broken.get() && tenant.equals(BROKEN)) {
              throw new IllegalStateException("the settings of tenant " + tenant + " cannot be read");
            }
            return TenantAlertSettings.DEFAULTS;
          }).dispatchBatchSize(50).build();
      Set<String> expected = Faults.prepare(estate, 2, 10, 10, 12);
      Customer other = estate.customers().create(BROKEN, Estates.ACTOR, CustomerDetails.named("Broken Tenant Ltd"));
      for (int k = 0; k < 5; k++) {
        estate.customers().addContact(BROKEN, Estates.ACTOR, other.id(),
            ContactDetails.alerted("Contact " + k, "b.k" + k + "@broken.example"));
      }
      String sim = Estates.iccid(99, 1);
      estate.sims().assign(BROKEN, Estates.ACTOR, other.id(), List.of(sim));
      int brokenDeliveries = estate.alerts().route(BROKEN, UsageAlert.of(AlertId.of("broken-1"), Iccid.parse(sim),
          io.simestate.core.AlertKind.WARNING, Instant.now())).deliveries().size();
      broken.set(true);

      Drain.run(estate, Duration.ofSeconds(20), new AtomicBoolean());
      Tally whileBroken = Tally.of(expected, smtp.received().stream()
          .filter(r -> !r.to().endsWith("@broken.example")).toList());
      long recorded = db.count("select count(*) from simestate_delivery where tenant_id = ? and status = 'PENDING' "
          + "and last_error like '%cannot be read%'", BROKEN.value());
      broken.set(false);
      Drain.run(estate, Duration.ofMinutes(1), new AtomicBoolean());
      long brokenSent = db.count("select count(*) from simestate_delivery where tenant_id = ? and status = 'SENT'",
          BROKEN.value());

      Set<String> all = new java.util.HashSet<>(expected);
      for (int k = 0; k < 5; k++) {
        all.add("b.k" + k + "@broken.example|" + sim);
      }
      Faults.check(smtp, all, result.put("other_tenant_received_while_broken", whileBroken.received())
          .put("broken_tenant_deliveries", brokenDeliveries).put("recorded_with_error", recorded)
          .put("broken_tenant_sent_after", brokenSent),
          whileBroken.lost() + (recorded == brokenDeliveries ? 0 : 1) + (brokenSent == brokenDeliveries ? 0 : 1), 0);
      assertThat(whileBroken.lost()).isZero();
    }
  }
}
