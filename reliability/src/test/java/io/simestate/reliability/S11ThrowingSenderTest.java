package io.simestate.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.simestate.core.alert.SendResult;
import io.simestate.core.estate.SimEstate;
import io.simestate.jpa.DatabaseVendor;
import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Scenario 11: a host sender throws, now and then, an {@code Error}, an undeclared
 * {@code IOException} (after the message went out, as a sender that fails on its bookkeeping would)
 * and a {@code RuntimeException}, under {@code scheduleOn}. The schedule keeps running, nothing is
 * lost, and nothing is doubled but the messages that went out before their sender threw.
 */
class S11ThrowingSenderTest {

  @ParameterizedTest
  @EnumSource(value = DatabaseVendor.class, names = {"POSTGRESQL", "MARIADB"})
  void theScheduleSurvivesEveryKindOfThrowable(DatabaseVendor vendor) throws Exception {
    Result result = new Result("11-throwing-sender-" + vendor.name().toLowerCase(Locale.ROOT));
    AtomicInteger calls = new AtomicInteger();
    AtomicInteger errors = new AtomicInteger();
    AtomicInteger ioAfterSend = new AtomicInteger();
    AtomicInteger runtime = new AtomicInteger();
    try (Database db = Database.of(vendor); MailServer smtp = new MailServer()) {
      SimEstate estate = Estates.estate(db.persistence(), Faults.hostSender(Estates.mail(smtp.port).build(), (n, s) -> {
        int call = calls.incrementAndGet();
        if (call % 13 == 0) {
          errors.incrementAndGet();
          throw new AssertionError("a Kotlin check failed in the host's sender");
        }
        if (call % 17 == 0) {
          runtime.incrementAndGet();
          throw new IllegalStateException("the host's webhook client is closed");
        }
        SendResult sent = s.send(n);
        if (call % 11 == 0) {
          ioAfterSend.incrementAndGet();
          throw new IOException("could not write the host's own send log");
        }
        return sent;
      })).dispatchBatchSize(50).build();
      Set<String> expected = Faults.prepare(estate, 3, 10, 10, 11);

      ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
      ScheduledFuture<?> schedule = estate.dispatcher().scheduleOn(executor, Duration.ofMillis(50));
      for (int i = 0; i < 3000 && !Drain.drained(estate); i++) {
        Drain.sleep(100);
      }
      boolean stillScheduled = !schedule.isDone();
      estate.dispatcher().close();
      executor.shutdownNow();
      long notSent = db.count("select count(*) from simestate_delivery where status <> 'SENT'");
      Faults.check(smtp, expected, result.put("sender_calls", calls.get()).put("errors_thrown", errors.get())
          .put("io_exceptions_after_send", ioAfterSend.get()).put("runtime_exceptions", runtime.get())
          .put("schedule_running", stillScheduled).put("not_sent", notSent),
          (stillScheduled ? 0 : 1) + notSent, ioAfterSend.get());
      assertThat(errors.get() + runtime.get() + ioAfterSend.get()).isPositive();
    }
  }
}
