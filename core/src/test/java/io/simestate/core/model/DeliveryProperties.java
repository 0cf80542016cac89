package io.simestate.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.simestate.core.Actor;
import io.simestate.core.AlertKind;
import io.simestate.core.TenantId;
import io.simestate.core.alert.AlertId;
import io.simestate.core.alert.Delivery;
import io.simestate.core.alert.DeliveryStatus;
import io.simestate.core.alert.RetryPolicy;
import io.simestate.core.alert.ScriptedSender;
import io.simestate.core.alert.SendResult;
import io.simestate.core.alert.SenderIdentity;
import io.simestate.core.alert.TestClock;
import io.simestate.core.alert.UsageAlert;
import io.simestate.core.customer.ContactDetails;
import io.simestate.core.customer.Customer;
import io.simestate.core.customer.CustomerDetails;
import io.simestate.core.estate.SimEstate;
import io.simestate.core.sim.Iccid;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * F10 as a property: with a notification port that fails at random (transiently, permanently, or by
 * throwing), dispatching until nothing is pending delivers no (alert, recipient) twice, delivers
 * every one whose failures were all transient and fewer than the attempt limit, and marks every
 * other one failed.
 */
class DeliveryProperties {

  private static final Actor ACTOR = Actor.of("prop");
  private static final int MAX_ATTEMPTS = 4;

  // One estate for all tries (building one bootstraps Bean Validation); tries use their own tenant.
  private static final TestClock CLOCK = new TestClock();
  private static final ScriptedSender SENDER = new ScriptedSender();
  private static final SimEstate ESTATE = SimEstate.builder().clock(CLOCK).random(new SplittableRandom(3))
      .notificationSender(SENDER).defaultSender(SenderIdentity.of("alerts@portal.example", "Portal alerts"))
      .dispatchBatchSize(7)
      .retryPolicy(new RetryPolicy(Duration.ofSeconds(10), Duration.ofMinutes(5), MAX_ATTEMPTS, 0.3)).build();
  private static final AtomicInteger TRIES = new AtomicInteger();

  enum Outcome { SENT, TRANSIENT, PERMANENT, THROWS }

  @Property(tries = 100)
  void noDeliveryTwiceAndEveryTransientlyFailingOneDeliveredOrGivenUpAtTheLimit(
      @ForAll long seed,
      @ForAll @IntRange(min = 1, max = 12) int alerts,
      @ForAll @IntRange(min = 1, max = 3) int contacts,
      @ForAll @IntRange(min = 0, max = 60) int transientPercent,
      @ForAll @IntRange(min = 0, max = 20) int permanentPercent) {
    int run = TRIES.incrementAndGet();
    TenantId tenant = TenantId.of("d" + run);
    Customer customer = ESTATE.customers().create(tenant, ACTOR, CustomerDetails.named("Customer"));
    for (int k = 0; k < contacts; k++) {
      ESTATE.customers().addContact(tenant, ACTOR, customer.id(),
          ContactDetails.alerted("Contact " + k, "c" + k + "@customer.example"));
    }
    List<AlertId> ids = new ArrayList<>();
    for (int a = 0; a < alerts; a++) {
      Iccid sim = Iccid.withCheckDigit(String.format("8944800%06d%05d", run, a));
      ESTATE.sims().assign(tenant, ACTOR, customer.id(), List.of(sim.digits()));
      UsageAlert alert = UsageAlert.of(AlertId.of("alert-" + a), sim, AlertKind.CUT_OFF, CLOCK.instant());
      ESTATE.alerts().route(tenant, alert);
      ids.add(alert.id());
    }

    // the port's answers, decided per message and attempt by the seed, and recorded per message
    Map<String, List<Outcome>> outcomes = new ConcurrentHashMap<>();
    SENDER.answer(n -> {
      List<Outcome> mine = outcomes.computeIfAbsent(n.messageKey(), k -> new ArrayList<>());
      int roll = new SplittableRandom(seed ^ (31L * n.messageKey().hashCode() + mine.size())).nextInt(100);
      Outcome o = roll < permanentPercent ? Outcome.PERMANENT
          : roll < permanentPercent + transientPercent / 2 ? Outcome.TRANSIENT
          : roll < permanentPercent + transientPercent ? Outcome.THROWS : Outcome.SENT;
      mine.add(o);
      return switch (o) {
        case SENT -> SendResult.sent();
        case TRANSIENT -> SendResult.transientFailure("421 try later");
        case PERMANENT -> SendResult.permanentFailure("550 no such user");
        case THROWS -> throw new IllegalStateException("connection reset");
      };
    });

    int rounds = 0;
    while (pending() > 0 && rounds++ < 200) {
      ESTATE.dispatcher().dispatchDue();
      CLOCK.advance(Duration.ofSeconds(40));
    }
    assertThat(pending()).as("nothing left pending").isZero();

    // check each delivery's record against what the port answered for its message
    List<Delivery> deliveries = ids.stream().flatMap(id -> ESTATE.alerts().deliveriesOf(tenant, id).stream()).toList();
    assertThat(deliveries).hasSize(alerts * contacts);
    for (Delivery d : deliveries) {
      String key = tenant + "/" + d.alertId() + "/" + d.recipientKey();
      List<Outcome> answered = outcomes.getOrDefault(key, List.of());
      assertThat(answered.stream().filter(o -> o == Outcome.SENT).count()).as("sent at most once: %s", answered)
          .isLessThanOrEqualTo(1);
      assertThat(d.attempts()).isLessThanOrEqualTo(MAX_ATTEMPTS);
      if (answered.contains(Outcome.SENT)) {
        assertThat(d.status()).isEqualTo(DeliveryStatus.SENT);
        assertThat(answered.get(answered.size() - 1)).isEqualTo(Outcome.SENT);
      } else if (answered.contains(Outcome.PERMANENT)) {
        assertThat(d.status()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(answered.get(answered.size() - 1)).isEqualTo(Outcome.PERMANENT);
      } else {
        assertThat(d.status()).as("only transient failures: %s", answered).isEqualTo(DeliveryStatus.FAILED);
        assertThat(d.attempts()).as("given up only at the limit").isEqualTo(MAX_ATTEMPTS);
      }
      if (d.status() == DeliveryStatus.FAILED) {
        assertThat(d.lastError()).isNotBlank();
      }
    }
    assertThat(SENDER.accepted().stream().filter(n -> n.tenantId().equals(tenant)).map(n -> n.messageKey()))
        .doesNotHaveDuplicates()
        .hasSize((int) deliveries.stream().filter(d -> d.status() == DeliveryStatus.SENT).count());
  }

  private static long pending() {
    Map<DeliveryStatus, Long> counts = ESTATE.alerts().deliveryCounts();
    return counts.get(DeliveryStatus.PENDING) + counts.get(DeliveryStatus.IN_FLIGHT);
  }
}
