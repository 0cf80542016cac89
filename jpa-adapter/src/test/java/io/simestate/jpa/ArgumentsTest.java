package io.simestate.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.simestate.core.InvalidInputException;
import io.simestate.core.Violation;
import org.junit.jupiter.api.Test;

/**
 * Issue 11: the adapter's entry points refuse a missing or unsupported argument with core's
 * {@link InvalidInputException} naming it, never with a bare {@code NullPointerException} or
 * {@code IllegalArgumentException}.
 */
class ArgumentsTest {

  @Test
  void theAdapterNeedsAFactoryOrAnEntityManagerSupplier() {
    assertThatThrownBy(() -> JpaPersistence.standalone(null)).isInstanceOfSatisfying(InvalidInputException.class,
        e -> assertThat(e.violations()).extracting(Violation::field).containsExactly("factory"));
    assertThatThrownBy(() -> JpaPersistence.joined(null)).isInstanceOfSatisfying(InvalidInputException.class,
        e -> assertThat(e.violations()).extracting(Violation::field).containsExactly("entityManagers"));
    assertThatThrownBy(() -> JpaPersistence.joined(() -> null, null)).isInstanceOfSatisfying(
        InvalidInputException.class,
        e -> assertThat(e.violations()).extracting(Violation::field).containsExactly("hostTransactions"));
  }

  @Test
  void anUnsupportedOrMissingDatabaseProductIsInvalidInput() {
    assertThatThrownBy(() -> DatabaseVendor.fromProductName("Oracle")).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("H2, PostgreSQL and MariaDB, not Oracle");
    assertThatThrownBy(() -> DatabaseVendor.fromProductName(null)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("productName");
    assertThat(DatabaseVendor.fromProductName("PostgreSQL")).isEqualTo(DatabaseVendor.POSTGRESQL);
  }

  @Test
  void standaloneTransactionsNeedWork() {
    // the work is checked before the factory is used, so none is needed here
    StandaloneTransactions tx = new StandaloneTransactions(null);

    assertThatThrownBy(() -> tx.inTransaction(null)).isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> tx.inNewTransaction(null)).isInstanceOf(InvalidInputException.class);
  }
}
