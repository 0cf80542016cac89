package io.simestate.core.alert;

import static org.assertj.core.api.Assertions.assertThat;

import io.simestate.core.Actor;
import io.simestate.core.AlertKind;
import io.simestate.core.TenantId;
import io.simestate.core.Transactions;
import io.simestate.core.UnavailableException;
import io.simestate.core.audit.AuditTrail;
import io.simestate.core.customer.ContactDetails;
import io.simestate.core.customer.Customer;
import io.simestate.core.customer.CustomerDetails;
import io.simestate.core.customer.CustomerStore;
import io.simestate.core.estate.SimEstate;
import io.simestate.core.inmemory.InMemoryPersistence;
import io.simestate.core.inmemory.RecordingNotificationSender;
import io.simestate.core.persistence.Persistence;
import io.simestate.core.persistence.RetentionStore;
import io.simestate.core.sim.Iccid;
import io.simestate.core.sim.SimAssignmentStore;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** A store that fails for a moment while a sent batch is recorded does not make the batch go out twice. */
class DispatcherRecordingRetryTest {

  private static final TenantId ACME = TenantId.of("acme");
  private static final Actor ALICE = Actor.of("alice");
  private static final String SIM = "8944500102198304826";

  /** In-memory persistence whose transactions fail once, on a chosen call, before doing anything. */
  private static final class FlakyPersistence implements Persistence {
    private final InMemoryPersistence inner = InMemoryPersistence.create();
    private final AtomicInteger calls = new AtomicInteger();
    private volatile int failOnCall = -1;

    @Override
    public CustomerStore customers() {
      return inner.customers();
    }

    @Override
    public SimAssignmentStore simAssignments() {
      return inner.simAssignments();
    }

    @Override
    public RecipientDirectory recipients() {
      return inner.recipients();
    }

    @Override
    public DeliveryOutbox outbox() {
      return inner.outbox();
    }

    @Override
    public DeliveryOperations deliveryOperations() {
      return inner.deliveryOperations();
    }

    @Override
    public RetentionStore retention() {
      return inner.retention();
    }

    @Override
    public AlertDecisionLog decisions() {
      return inner.decisions();
    }

    @Override
    public AlertRepeatGuard repeatGuard() {
      return inner.repeatGuard();
    }

    @Override
    public TenantSettingsStore tenantSettings() {
      return inner.tenantSettings();
    }

    @Override
    public AuditTrail auditTrail() {
      return inner.auditTrail();
    }

    @Override
    public Transactions transactions() {
      return new Transactions() {
        @Override
        public <T> T inTransaction(Supplier<T> work) {
          if (calls.incrementAndGet() == failOnCall) {
            throw new UnavailableException("deadlock detected", new RuntimeException("1213"));
          }
          return inner.transactions().inTransaction(work);
        }
      };
    }
  }

  @Test
  void aRecordingThatFailsOnceIsRetriedAndNothingIsSentTwice() {
    FlakyPersistence persistence = new FlakyPersistence();
    RecordingNotificationSender sender = new RecordingNotificationSender();
    SimEstate estate = SimEstate.builder().persistence(persistence).notificationSender(sender).build();
    Customer c = estate.customers().create(ACME, ALICE, CustomerDetails.named("Acme"));
    estate.customers().addContact(ACME, ALICE, c.id(), ContactDetails.alerted("Ana", "ana@acme.example"));
    estate.customers().addContact(ACME, ALICE, c.id(), ContactDetails.alerted("Bo", "bo@acme.example"));
    estate.sims().assign(ACME, ALICE, c.id(), List.of(SIM));
    UsageAlert alert = UsageAlert.of(AlertId.of("w-1"), Iccid.parse(SIM), AlertKind.WARNING, Instant.now());
    estate.alerts().route(ACME, alert);
    // the dispatcher's next transactions: 1 claims the batch, 2 records it (fails once), 3 records it again
    persistence.failOnCall = persistence.calls.get() + 2;

    DispatchReport report = estate.dispatcher().dispatchDue();

    assertThat(report.sent()).isEqualTo(2);
    assertThat(sender.sent()).hasSize(2);
    assertThat(estate.alerts().deliveriesOf(ACME, alert.id())).extracting(Delivery::status)
        .containsOnly(DeliveryStatus.SENT);
    assertThat(estate.dispatcher().dispatchDue().claimed()).isZero();
  }
}
