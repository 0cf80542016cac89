package io.simestate.jpa;

import static io.simestate.jpa.Fixtures.tenant;
import static org.assertj.core.api.Assertions.assertThat;

import io.simestate.core.AlertKind;
import io.simestate.core.TenantId;
import io.simestate.core.alert.AlertDecision;
import io.simestate.core.alert.AlertId;
import io.simestate.core.alert.Recipient;
import io.simestate.core.alert.RoutingOutcome;
import io.simestate.core.alert.SkipReason;
import io.simestate.core.alert.SkippedContact;
import io.simestate.core.alert.Usage;
import io.simestate.core.alert.UsageAlert;
import io.simestate.core.customer.ContactId;
import io.simestate.core.customer.CustomerId;
import io.simestate.core.customer.EmailAddress;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Routing decisions on a database: every field, Unicode and exact figures. */
class AlertDecisionLogTest {

  abstract static class Scenarios {

    final TestDatabase db = Db.Of.database(this);
    final TenantId tenant = tenant();

    @Test
    void aDecisionKeepsEveryFieldWithUnicodeNamesAndExactFigures() {
      UsageAlert alert = new UsageAlert(AlertId.of("ä-" + java.util.UUID.randomUUID()), Fixtures.iccid(),
          AlertKind.WARNING, Fixtures.T0, "Nov 2026 ❄", new Usage(new BigDecimal("0.950"), null, "GB", null, null));
      AlertDecision decision = new AlertDecision(tenant, alert, RoutingOutcome.ROUTED, CustomerId.random(),
          "Kunde " + "🚀".repeat(99),
          List.of(new Recipient(ContactId.random(), "Zoë 👩‍🔧", EmailAddress.parse("zoe@example.com")),
              Recipient.catchAll("NOC", EmailAddress.parse("noc@example.com"))),
          List.of(new SkippedContact(ContactId.random(), "Bob", SkipReason.ALERTS_OFF),
              new SkippedContact(ContactId.random(), "Cid", SkipReason.KIND_NOT_WANTED)),
          Fixtures.T0.plusMillis(7));

      assertThat(db.persistence.decisions().record(decision)).isTrue();

      assertThat(db.persistence.decisions().find(tenant, alert.id())).contains(decision);
    }
  }

  @Nested
  @Db(DatabaseVendor.H2)
  class OnH2 extends Scenarios {}

  @Nested
  @Db(DatabaseVendor.POSTGRESQL)
  class OnPostgreSql extends Scenarios {}

  @Nested
  @Db(DatabaseVendor.MARIADB)
  class OnMariaDb extends Scenarios {}
}
