package io.simestate.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class FastUuidTest {

  @Test
  void idsAreVersionFourVariantTwoAndDistinct() {
    Set<UUID> seen = new HashSet<>();
    for (int i = 0; i < 10_000; i++) {
      UUID id = FastUuid.next();
      assertThat(id.version()).isEqualTo(4);
      assertThat(id.variant()).isEqualTo(2);
      seen.add(id);
    }
    assertThat(seen).hasSize(10_000);
  }
}
