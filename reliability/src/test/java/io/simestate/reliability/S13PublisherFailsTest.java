package io.simestate.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.simestate.core.alert.RetryPolicy;
import io.simestate.core.audit.AuditEventType;
import io.simestate.core.estate.SimEstate;
import io.simestate.jpa.DatabaseVendor;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Scenario 13: the host's event publisher fails on "delivery sent" for a while after each send (the
 * failure the issue saw turn one email into 8 against a 3-attempt policy). The publisher hears of a
 * delivery after its record committed, so its failure undoes nothing: at most the policy's attempts
 * per delivery, nothing lost once it recovers.
 */
class S13PublisherFailsTest {

  static final RetryPolicy THREE_TRIES = new RetryPolicy(Duration.ofMillis(300), Duration.ofSeconds(1), 3, 0.2);

  @ParameterizedTest
  @EnumSource(value = DatabaseVendor.class, names = {"POSTGRESQL", "MARIADB"})
  void aFailingPublisherNeverMakesAMessageGoOutAgain(DatabaseVendor vendor) throws Exception {
    Result result = new Result("13-publisher-fails-" + vendor.name().toLowerCase(Locale.ROOT));
    AtomicBoolean failing = new AtomicBoolean(true);
    AtomicInteger publisherFailures = new AtomicInteger();
    try (Database db = Database.of(vendor); MailServer smtp = new MailServer()) {
      SimEstate estate = Estates.estate(db.persistence(), Estates.mail(smtp.port).build())
          .retryPolicy(THREE_TRIES).dispatchLease(Duration.ofSeconds(2))
          .publishEventsTo(event -> {
            if (failing.get() && event.type() == AuditEventType.DELIVERY_SENT) {
              publisherFailures.incrementAndGet();
              throw new IllegalStateException("the host's message bus is down");
            }
          }).dispatchBatchSize(50).build();
      Set<String> expected = Faults.prepare(estate, 2, 10, 10, 13);

      // failing for the first half of the deliveries, then recovered
      for (int i = 0; i < 600 && !Drain.drained(estate); i++) {
        estate.dispatcher().dispatchDue();
        if (smtp.receivedNow() >= expected.size() / 2) {
          failing.set(false);
        }
        Drain.sleep(50);
      }
      failing.set(false);
      Drain.run(estate, Duration.ofMinutes(1), new AtomicBoolean());
      long maxAttempts = db.count("select max(attempts) from simestate_delivery");
      Tally tally = Faults.check(smtp, expected, result.put("publisher_failures", publisherFailures.get())
          .put("max_attempts_recorded", maxAttempts).put("policy_attempts", THREE_TRIES.maxAttempts()),
          maxAttempts <= THREE_TRIES.maxAttempts() ? 0 : 1, 0);
      assertThat(publisherFailures.get()).isPositive();
      assertThat(tally.received()).isEqualTo(expected.size());
    }
  }
}
