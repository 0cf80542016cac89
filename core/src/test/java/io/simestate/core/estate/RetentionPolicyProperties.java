package io.simestate.core.estate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.simestate.core.InvalidInputException;
import java.time.Duration;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * F19: a retention policy keeps each kind of row for a positive time; a policy that would keep
 * something for no time, a negative time or an unstated time is refused naming that field, before
 * any purge can run with it.
 */
class RetentionPolicyProperties {

  private static final RetentionPolicy DEFAULTS = RetentionPolicy.defaults();

  /** The defaults with one field's duration replaced (a missing one as null). */
  private static RetentionPolicy with(String field, Duration d) {
    return new RetentionPolicy(
        field.equals("sentDeliveries") ? d : DEFAULTS.sentDeliveries(),
        field.equals("failedDeliveries") ? d : DEFAULTS.failedDeliveries(),
        field.equals("decisions") ? d : DEFAULTS.decisions(),
        field.equals("repeatGuard") ? d : DEFAULTS.repeatGuard(),
        field.equals("auditEvents") ? Optional.ofNullable(d) : DEFAULTS.auditEvents());
  }

  @Provide
  Arbitrary<String> fields() {
    return Arbitraries.of("sentDeliveries", "failedDeliveries", "decisions", "repeatGuard", "auditEvents");
  }

  @Provide
  Arbitrary<Duration> notPositive() {
    return Arbitraries.longs().between(-10L * 365 * 24 * 3600, 0).map(Duration::ofSeconds);
  }

  @Property
  void aDurationThatIsNotPositiveIsRefusedNamingItsField(@ForAll("fields") String field,
      @ForAll("notPositive") Duration d) {
    assertThatThrownBy(() -> with(field, d)).isInstanceOf(InvalidInputException.class).hasMessageContaining(field);
  }

  @Example
  void aMissingDurationIsRefusedNamingItsField() {
    for (String field : new String[] {"sentDeliveries", "failedDeliveries", "decisions", "repeatGuard"}) {
      assertThatThrownBy(() -> with(field, null)).as(field)
          .isInstanceOf(InvalidInputException.class).hasMessageContaining(field);
    }
    assertThatThrownBy(() -> new RetentionPolicy(Duration.ofDays(1), Duration.ofDays(1), Duration.ofDays(1),
        RetentionPolicy.MIN_REPEAT_GUARD, null)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("auditEvents");
    assertThatThrownBy(() -> DEFAULTS.withAuditEvents(null)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("auditEvents");
  }

  @Example
  void aRepeatGuardShorterThanAUsagePeriodsWindowIsRefusedAndOneOfExactlyThatWindowKept() {
    assertThatThrownBy(() -> with("repeatGuard", RetentionPolicy.MIN_REPEAT_GUARD.minusSeconds(1)))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("repeatGuard");
    assertThat(with("repeatGuard", RetentionPolicy.MIN_REPEAT_GUARD).repeatGuard())
        .isEqualTo(RetentionPolicy.MIN_REPEAT_GUARD);
  }
}
