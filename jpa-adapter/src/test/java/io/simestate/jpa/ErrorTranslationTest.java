package io.simestate.jpa;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.simestate.core.UnavailableException;
import jakarta.persistence.EntityManagerFactory;
import java.util.List;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Infrastructure failures leave the adapter as core's {@link UnavailableException}. */
class ErrorTranslationTest {

  private final EntityManagerFactory withoutTables = withoutTables();

  private static EntityManagerFactory withoutTables() {
    JdbcDataSource empty = new JdbcDataSource();
    empty.setURL("jdbc:h2:mem:empty_" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
    return JpaPersistence.persistenceConfiguration("no-tables")
        .property("hibernate.connection.datasource", empty)
        .createEntityManagerFactory();
  }

  @AfterEach
  void close() {
    withoutTables.close();
  }

  @Test
  void aFailingQueryBecomesUnavailable() {
    JpaPersistence adapter = JpaPersistence.standalone(withoutTables);

    assertThatThrownBy(() -> adapter.customers().find(Fixtures.tenant(), io.simestate.core.customer.CustomerId.random()))
        .isInstanceOf(UnavailableException.class);
  }

  @Test
  void aFailingJdbcBatchBecomesUnavailable() {
    JpaPersistence adapter = JpaPersistence.standalone(withoutTables);

    assertThatThrownBy(() -> adapter.simAssignments().assign(Fixtures.tenant(),
        io.simestate.core.customer.CustomerId.random(), List.of(Fixtures.iccid())))
        .isInstanceOf(UnavailableException.class);
  }
}
