package io.simestate.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.simestate.core.TenantId;
import io.simestate.core.customer.Customer;
import io.simestate.core.customer.CustomerId;
import jakarta.persistence.EntityManagerFactory;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Standalone mode gives back every connection it takes, after a read and after a transaction, and
 * rolls a failed transaction back before, so that a pool which does not reset a returned connection
 * cannot commit the failed work with the next transaction.
 */
class ConnectionsGivenBackTest {

  private final AtomicInteger borrowed = new AtomicInteger();
  /** Calls of {@code rollback()} on the connections (each is given back only after). */
  private final AtomicInteger rolledBack = new AtomicInteger();
  private final DataSource counting = counting();
  private final EntityManagerFactory factory = JpaPersistence.persistenceConfiguration("given-back")
      .property("hibernate.connection.datasource", counting)
      .createEntityManagerFactory();
  private final JpaPersistence adapter = JpaPersistence.standalone(factory);

  /** An H2 database whose connections count as borrowed until closed. */
  private DataSource counting() {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:given_back_" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
    JpaSchema.apply(h2, DatabaseVendor.H2);
    return (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {DataSource.class},
        (proxy, method, args) -> {
          Object result = Fixtures.invoke(method, h2, args);
          if (!method.getName().equals("getConnection")) {
            return result;
          }
          borrowed.incrementAndGet();
          Connection real = (Connection) result;
          return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
              (p, m, a) -> {
                if (m.getName().equals("rollback") && (a == null || a.length == 0)) {
                  rolledBack.incrementAndGet();
                }
                if (m.getName().equals("close")) {
                  borrowed.decrementAndGet();
                }
                return Fixtures.invoke(m, real, a);
              });
        });
  }

  @AfterEach
  void close() {
    factory.close();
  }

  @Test
  void aReadOutsideATransactionGivesItsConnectionBack() {
    adapter.simAssignments().countOf(Fixtures.tenant(), CustomerId.random());

    assertThat(borrowed).hasValue(0);
  }

  @Test
  void aTransactionGivesItsConnectionBack() {
    adapter.customers().find(Fixtures.tenant(), CustomerId.random());

    assertThat(borrowed).hasValue(0);
  }

  @Test
  void aUseCaseEndedByAnErrorIsRolledBackBeforeItsConnectionIsGivenBack() {
    TenantId tenant = Fixtures.tenant();
    Customer customer = Fixtures.customer(tenant, "Erroneous Ltd");

    assertThatThrownBy(() -> adapter.transactions().run(() -> {
      adapter.customers().insert(customer);
      throw new AssertionError("the use case broke");
    })).isInstanceOf(AssertionError.class);

    assertThat(rolledBack).hasValue(1);
    assertThat(borrowed).hasValue(0);
    assertThat(adapter.customers().find(tenant, customer.id())).isEmpty();
  }
}
