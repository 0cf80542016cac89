package io.simestate.core.estate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.simestate.core.AlertKind;
import io.simestate.core.InvalidInputException;
import io.simestate.core.TenantId;
import io.simestate.core.customer.ContactId;
import io.simestate.core.customer.CustomerId;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** For every tenant, contact and kind, a token verifies to what it names, and no one-character change does. */
class UnsubscribeTokenProperties {

  private static final Instant ISSUED = Instant.parse("2026-11-30T06:00:00Z");
  private static final UnsubscribeTokens TOKENS = new UnsubscribeTokens(
      "property test key, thirty-two bytes at least".getBytes(StandardCharsets.US_ASCII), Duration.ofDays(60),
      Clock.fixed(ISSUED.plus(Duration.ofDays(1)), ZoneOffset.UTC));

  @Provide
  Arbitrary<TenantId> tenants() {
    return Arbitraries.strings().withChars("abcXYZ019._-").ofMinLength(1).ofMaxLength(64).map(TenantId::of);
  }

  private static UnsubscribeTokens.Subject subject(TenantId tenant, long a, long b, AlertKind kind) {
    return new UnsubscribeTokens.Subject(tenant, new CustomerId(new UUID(a, b)), new ContactId(new UUID(b, a)), kind);
  }

  @Property(tries = 300)
  void aTokenVerifiesToWhatItNames(@ForAll("tenants") TenantId tenant, @ForAll long a, @ForAll long b,
      @ForAll AlertKind kind) {
    UnsubscribeTokens.Subject s = subject(tenant, a, b, kind);
    assertThat(TOKENS.verify(tenant, TOKENS.issue(s, ISSUED))).isEqualTo(s);
  }

  @Property(tries = 500)
  void noOneCharacterChangeVerifies(@ForAll("tenants") TenantId tenant, @ForAll long a, @ForAll long b,
      @ForAll AlertKind kind, @ForAll @IntRange(min = 0, max = 10_000) int where,
      @ForAll("urlSafe") char replacement) {
    String token = TOKENS.issue(subject(tenant, a, b, kind), ISSUED);
    int at = where % token.length();
    String changed = token.substring(0, at) + replacement + token.substring(at + 1);
    if (!changed.equals(token)) {
      assertThatThrownBy(() -> TOKENS.verify(tenant, changed)).isInstanceOf(InvalidInputException.class);
    }
  }

  @Provide
  Arbitrary<Character> urlSafe() {
    return Arbitraries.of('A', 'B', 'C', 'a', 'b', 'x', '0', '9', '-', '_', '~', '.');
  }
}
