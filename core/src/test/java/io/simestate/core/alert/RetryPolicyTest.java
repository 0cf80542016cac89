package io.simestate.core.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.simestate.core.InvalidInputException;
import io.simestate.core.Violation;
import java.time.Duration;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/**
 * A retry policy refuses values that would retry too fast, never, or for ever, naming the field; a
 * valid policy's delays lie between 1 ms and its longest delay, jitter included.
 */
class RetryPolicyTest {

  private static final Duration SECOND = Duration.ofSeconds(1);
  private static final Duration MINUTE = Duration.ofMinutes(1);

  private static String refusedField(Runnable construction) {
    InvalidInputException e = catchThrowableOfType(InvalidInputException.class, construction::run);
    assertThat(e).as("the policy is refused").isNotNull();
    return e.violations().stream().map(Violation::field).reduce((a, b) -> a + "," + b).orElse("");
  }

  @Test
  void aZeroNegativeOrMissingInitialDelayIsRefused() {
    assertThat(refusedField(() -> new RetryPolicy(Duration.ZERO, MINUTE, 3, 0))).isEqualTo("retry.initialDelay");
    assertThat(refusedField(() -> new RetryPolicy(Duration.ofMillis(-1), MINUTE, 3, 0)))
        .isEqualTo("retry.initialDelay");
    assertThat(refusedField(() -> new RetryPolicy(null, MINUTE, 3, 0))).isEqualTo("retry.initialDelay");
  }

  @Test
  void anInitialDelayBelowOneMillisecondIsRefusedAndOneMillisecondIsAccepted() {
    assertThat(refusedField(() -> new RetryPolicy(Duration.ofNanos(999_999), MINUTE, 3, 0)))
        .isEqualTo("retry.initialDelay");
    assertThat(new RetryPolicy(Duration.ofMillis(1), MINUTE, 3, 0).delayAfter(1, new SplittableRandom(1)))
        .isEqualTo(Duration.ofMillis(1));
  }

  @Test
  void aMaximumBelowTheInitialDelayIsRefusedAndAnEqualOneIsAccepted() {
    assertThat(refusedField(() -> new RetryPolicy(MINUTE, MINUTE.minusMillis(1), 3, 0))).isEqualTo("retry.maxDelay");
    assertThat(refusedField(() -> new RetryPolicy(MINUTE, null, 3, 0))).isEqualTo("retry.maxDelay");
    RetryPolicy flat = new RetryPolicy(MINUTE, MINUTE, 3, 0);
    assertThat(flat.delayAfter(5, new SplittableRandom(1))).isEqualTo(MINUTE);
  }

  @Test
  void fewerThanOneAttemptIsRefusedAndOneIsAccepted() {
    assertThat(refusedField(() -> new RetryPolicy(SECOND, MINUTE, 0, 0))).isEqualTo("retry.maxAttempts");
    assertThat(refusedField(() -> new RetryPolicy(SECOND, MINUTE, -1, 0))).isEqualTo("retry.maxAttempts");
    assertThat(new RetryPolicy(SECOND, MINUTE, 1, 0).maxAttempts()).isEqualTo(1);
  }

  @Test
  void aJitterOutsideZeroToOneIsRefusedAndBothEndsAreAccepted() {
    assertThat(refusedField(() -> new RetryPolicy(SECOND, MINUTE, 3, -0.01))).isEqualTo("retry.jitter");
    assertThat(refusedField(() -> new RetryPolicy(SECOND, MINUTE, 3, 1.01))).isEqualTo("retry.jitter");
    assertThat(refusedField(() -> new RetryPolicy(SECOND, MINUTE, 3, Double.NaN))).isEqualTo("retry.jitter");
    assertThatCode(() -> new RetryPolicy(SECOND, MINUTE, 3, 0)).doesNotThrowAnyException();
    assertThatCode(() -> new RetryPolicy(SECOND, MINUTE, 3, 1)).doesNotThrowAnyException();
  }

  @Test
  void theRefusalTellsTheUserWhatToFix() {
    InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
        () -> new RetryPolicy(MINUTE, SECOND, 3, 0));
    assertThat(e.getMessage()).contains("retry.maxDelay").contains("at least the initial delay");
  }

  @Test
  void withoutJitterTheDelayDoublesFromTheInitialDelayUpToTheMaximum() {
    RetryPolicy policy = new RetryPolicy(Duration.ofSeconds(10), Duration.ofSeconds(45), 9, 0);
    SplittableRandom random = new SplittableRandom(3);
    assertThat(policy.delayAfter(1, random)).isEqualTo(Duration.ofSeconds(10));
    assertThat(policy.delayAfter(2, random)).isEqualTo(Duration.ofSeconds(20));
    assertThat(policy.delayAfter(3, random)).isEqualTo(Duration.ofSeconds(40));
    assertThat(policy.delayAfter(4, random)).isEqualTo(Duration.ofSeconds(45));
    assertThat(policy.delayAfter(1_000, random)).isEqualTo(Duration.ofSeconds(45));
  }

  @Test
  void jitterNeverPushesADelayPastTheMaximum() {
    RetryPolicy policy = new RetryPolicy(Duration.ofSeconds(30), Duration.ofMinutes(2), 8, 0.5);
    SplittableRandom random = new SplittableRandom(11);
    long longest = 0;
    for (int i = 0; i < 500; i++) {
      longest = Math.max(longest, policy.delayAfter(6, random).toMillis());
    }
    assertThat(longest).isEqualTo(Duration.ofMinutes(2).toMillis());
  }

  @Property(tries = 300)
  void aValidPolicysDelaysArePositiveAndNeverExceedTheMaximum(
      @ForAll @LongRange(min = 1, max = 3_600_000) long initialMillis,
      @ForAll @LongRange(min = 0, max = 86_400_000) long extraMillis,
      @ForAll @IntRange(min = 1, max = 50) int maxAttempts,
      @ForAll @DoubleRange(min = 0, max = 1) double jitter,
      @ForAll @IntRange(min = 1, max = 100) int attempts,
      @ForAll long seed) {
    RetryPolicy policy = new RetryPolicy(Duration.ofMillis(initialMillis), Duration.ofMillis(initialMillis + extraMillis),
        maxAttempts, jitter);

    Duration delay = policy.delayAfter(attempts, new SplittableRandom(seed));

    assertThat(delay).isPositive().isLessThanOrEqualTo(policy.maxDelay());
  }
}
