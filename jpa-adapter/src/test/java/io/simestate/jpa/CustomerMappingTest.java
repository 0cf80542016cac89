package io.simestate.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import io.simestate.core.customer.EmailAddress;
import org.junit.jupiter.api.Test;

/** Stored addresses are read cheaply when canonical and as if typed when written by other means. */
class CustomerMappingTest {

  @Test
  void anAddressStoredByOtherMeansIsReadAsItWouldBeTyped() {
    assertThat(CustomerMapping.email(" Ana@EXAMPLE.com ")).isEqualTo(EmailAddress.parse(" Ana@EXAMPLE.com "));
    assertThat(CustomerMapping.email("ana@bücher.example")).isEqualTo(EmailAddress.parse("ana@bücher.example"));
  }

  @Test
  void aCanonicalAddressIsReadAsStored() {
    assertThat(CustomerMapping.email("Ana.O+alerts@example.com"))
        .isEqualTo(EmailAddress.parse("Ana.O+alerts@example.com"));
  }
}
