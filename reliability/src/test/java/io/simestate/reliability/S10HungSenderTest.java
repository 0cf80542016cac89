package io.simestate.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.simestate.core.alert.AlertNotification;
import io.simestate.core.alert.RetryPolicy;
import io.simestate.core.alert.SendResult;
import io.simestate.core.estate.SimEstate;
import io.simestate.jpa.DatabaseVendor;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Scenario 10: a host sender hangs for ever on one delivery (it ignores interrupts). Each of its
 * sends is abandoned after the time limit; every other delivery is sent within the time limit plus one
 * round; the hung delivery ends failed with the time-out recorded; nothing doubled.
 */
class S10HungSenderTest {

  /** Above the mail adapter's own 2 s time-outs, so that a slow but successful send is never cut off. */
  static final Duration SEND_LIMIT = Duration.ofMillis(2500);
  static final RetryPolicy THREE_TRIES = new RetryPolicy(Duration.ofMillis(300), Duration.ofSeconds(1), 3, 0.2);

  @ParameterizedTest
  @EnumSource(value = DatabaseVendor.class, names = {"POSTGRESQL", "MARIADB"})
  void aSenderHungOnOneRecipientCostsOnlyThatRecipient(DatabaseVendor vendor) throws Exception {
    Result result = new Result("10-hung-sender-" + vendor.name().toLowerCase(Locale.ROOT));
    CountDownLatch never = new CountDownLatch(1);
    AtomicInteger hungCalls = new AtomicInteger();
    String hungRecipient = Estates.email(0, 0);
    String hungSim = Estates.iccid(10, 0);
    try (Database db = Database.of(vendor); MailServer smtp = new MailServer()) {
      SimEstate estate = Estates.estate(db.persistence(), Faults.hostSender(Estates.mail(smtp.port).build(), (n, s) -> {
        if (n.recipient().email().toString().equals(hungRecipient) && n instanceof AlertNotification a
            && a.alert().iccid().digits().equals(hungSim)) {
          hungCalls.incrementAndGet();
          while (never.getCount() > 0) {
            try {
              never.await();
            } catch (InterruptedException ignored) {
              // a badly written host sender: hangs on
            }
          }
          return SendResult.sent();
        }
        return s.send(n);
      })).retryPolicy(THREE_TRIES).sendTimeLimit(SEND_LIMIT).dispatchBatchSize(50).build();
      Set<String> all = Faults.prepare(estate, 2, 10, 10, 10);
      Set<String> expected = all.stream().filter(k -> !k.equals(hungRecipient + "|" + hungSim))
          .collect(Collectors.toSet());
      int hungDeliveries = all.size() - expected.size();

      long started = System.nanoTime();
      long othersSentMs = -1;
      for (int round = 0; round < 1000 && !Drain.drained(estate); round++) {
        estate.dispatcher().dispatchDue();
        if (othersSentMs < 0 && smtp.receivedNow() >= expected.size()) {
          othersSentMs = (System.nanoTime() - started) / 1_000_000;
        }
        if (!Drain.drained(estate)) {
          Drain.sleep(100);
        }
      }
      never.countDown();
      long failedWithTimeout = db.count("select count(*) from simestate_delivery where status = 'FAILED' "
          + "and last_error like '%did not answer within%'");
      long stillPending = db.count("select count(*) from simestate_delivery where status <> 'SENT' "
          + "and status <> 'FAILED'");
      // the time limit per hung send, plus one round of the other deliveries at 100 ms a round at most
      long budgetMs = (long) hungDeliveries * SEND_LIMIT.toMillis() * THREE_TRIES.maxAttempts() + 60_000;
      Faults.check(smtp, expected, result.put("send_limit_ms", SEND_LIMIT.toMillis())
          .put("hung_deliveries", hungDeliveries).put("hung_calls", hungCalls.get())
          .put("others_sent_after_ms", othersSentMs).put("failed_with_timeout", failedWithTimeout)
          .put("not_finished", stillPending), stillPending + (failedWithTimeout == hungDeliveries ? 0 : 1), 0);
      assertThat(othersSentMs).isBetween(0L, budgetMs);
      assertThat(hungCalls.get()).isEqualTo(hungDeliveries * THREE_TRIES.maxAttempts());
    }
  }
}
