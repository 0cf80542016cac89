package io.simestate.core.alert;

import static org.assertj.core.api.Assertions.assertThat;

import io.simestate.core.Actor;
import io.simestate.core.AlertKind;
import io.simestate.core.TenantId;
import io.simestate.core.customer.ContactDetails;
import io.simestate.core.customer.Customer;
import io.simestate.core.customer.CustomerDetails;
import io.simestate.core.estate.SimEstate;
import io.simestate.core.sim.Iccid;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The dispatcher records each message's result as soon as the sender reports it, so a process that
 * dies in the middle of a batch leaves the messages already accepted marked sent.
 */
class DispatcherRecordsEachResultTest {

  private static final TenantId ACME = TenantId.of("acme");
  private static final Actor ALICE = Actor.of("alice");
  private static final String SIM = "8944500102198304826";

  @Test
  void aMessageIsRecordedSentBeforeTheNextOneGoesOut() {
    List<Long> sentCountBeforeEachMessage = new ArrayList<>();
    SimEstate[] estate = new SimEstate[1];
    NotificationSender sender = new NotificationSender() {
      @Override
      public SendResult send(Notification notification) {
        return SendResult.sent();
      }

      @Override
      public SendSession open() {
        return n -> {
          Map<DeliveryStatus, Long> counts = estate[0].alerts().deliveryCounts();
          sentCountBeforeEachMessage.add(counts.get(DeliveryStatus.SENT));
          return SendResult.sent();
        };
      }
    };
    estate[0] = SimEstate.builder().notificationSender(sender).defaultSender(AlertFixture.DEFAULT_SENDER).build();
    Customer c = estate[0].customers().create(ACME, ALICE, CustomerDetails.named("Acme"));
    for (String name : List.of("Ana", "Bo", "Cy")) {
      estate[0].customers().addContact(ACME, ALICE, c.id(),
          ContactDetails.alerted(name, name.toLowerCase() + "@acme.example"));
    }
    estate[0].sims().assign(ACME, ALICE, c.id(), List.of(SIM));
    estate[0].alerts().route(ACME, UsageAlert.of(AlertId.of("w-1"), Iccid.parse(SIM), AlertKind.WARNING,
        Instant.now()));

    DispatchReport report = estate[0].dispatcher().dispatchDue();

    assertThat(report.sent()).isEqualTo(3);
    assertThat(sentCountBeforeEachMessage).containsExactly(0L, 1L, 2L);
  }

  @Test
  void aSenderThatDiesMidBatchLeavesTheAcceptedMessagesSentAndTheRestToRetry() {
    SimEstate estate = SimEstate.builder().notificationSender(new NotificationSender() {
      @Override
      public SendResult send(Notification notification) {
        return SendResult.sent();
      }

      @Override
      public SendSession open() {
        int[] calls = new int[1];
        return n -> {
          if (calls[0]++ == 0) {
            return SendResult.sent();
          }
          throw new IllegalStateException("connection pool exploded");
        };
      }
    }).defaultSender(AlertFixture.DEFAULT_SENDER).build();
    Customer c = estate.customers().create(ACME, ALICE, CustomerDetails.named("Acme"));
    estate.customers().addContact(ACME, ALICE, c.id(), ContactDetails.alerted("Ana", "ana@acme.example"));
    estate.customers().addContact(ACME, ALICE, c.id(), ContactDetails.alerted("Bo", "bo@acme.example"));
    estate.sims().assign(ACME, ALICE, c.id(), List.of(SIM));
    estate.alerts().route(ACME, UsageAlert.of(AlertId.of("w-1"), Iccid.parse(SIM), AlertKind.WARNING,
        Instant.now()));

    DispatchReport report = estate.dispatcher().dispatchDue();

    assertThat(report.sent()).isEqualTo(1);
    assertThat(report.retried()).isEqualTo(1);
    assertThat(estate.alerts().deliveriesOf(ACME, AlertId.of("w-1"))).extracting(Delivery::status)
        .containsExactlyInAnyOrder(DeliveryStatus.SENT, DeliveryStatus.PENDING);
  }
}
