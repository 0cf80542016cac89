package io.simestate.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.simestate.core.alert.Notification;
import io.simestate.core.alert.NotificationSender;
import io.simestate.core.alert.SendResult;
import io.simestate.core.alert.SendSession;
import io.simestate.core.estate.SimEstate;
import java.util.Set;

/**
 * Shared parts of the dispatcher fault scenarios 9–14 (issue 10): a host sender wrapped around the
 * mail adapter that misbehaves as told, a populated and routed estate, and the final count.
 */
final class Faults {

  /** What a misbehaving sender does before (or instead of) handing a message to SMTP. */
  @FunctionalInterface
  interface Behaviour {
    /**
     * Called for every message on the dispatcher's send thread.
     *
     * @param n the message
     * @param smtp sends it for real
     * @return the result to report
     * @throws Exception whatever the misbehaving host code throws
     */
    SendResult send(Notification n, SendSession smtp) throws Exception;
  }

  private Faults() {}

  /** A host sender: each session opens a real SMTP session and lets {@code behaviour} use it. */
  static NotificationSender hostSender(NotificationSender mail, Behaviour behaviour) {
    return new NotificationSender() {
      @Override
      public SendResult send(Notification n) {
        try (SendSession s = open()) {
          return s.send(n);
        }
      }

      @Override
      public SendSession open() {
        SendSession smtp = mail.open();
        return new SendSession() {
          @Override
          public SendResult send(Notification n) {
            try {
              return behaviour.send(n, smtp);
            } catch (Exception e) {
              sneakyThrow(e);
              return null;
            }
          }

          @Override
          public void close() {
            smtp.close();
          }
        };
      }
    };
  }

  @SuppressWarnings("unchecked")
  static <E extends Throwable> void sneakyThrow(Throwable e) throws E {
    throw (E) e;
  }

  /** Populates customers with alerted contacts and SIMs and routes one alert per SIM. */
  static Set<String> prepare(SimEstate estate, int customers, int contacts, int sims, int series) {
    Estates.populate(estate, customers, contacts, sims, series);
    return Estates.routeAll(estate, customers, sims, series);
  }

  /** The final count: lost, doubled and misrouted against the SMTP server's store. */
  static Tally check(MailServer smtp, Set<String> expected, Result result, long violations, long allowedDoubles) {
    Tally tally = Tally.of(expected, smtp.received());
    result.tally(tally).put("violations", violations + tally.unexpected() + tally.duplicatesWithOtherMessageId())
        .emit();
    assertThat(tally.lost()).as("lost: %s", tally.sample()).isZero();
    assertThat(tally.doubled()).as("doubled: %s", tally.sample()).isLessThanOrEqualTo(allowedDoubles);
    assertThat(tally.unexpected()).as("misrouted: %s", tally.sample()).isZero();
    assertThat(tally.duplicatesWithOtherMessageId()).as("copies with another Message-ID").isZero();
    assertThat(violations).as("invariant violations").isZero();
    return tally;
  }
}
