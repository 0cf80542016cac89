package io.simestate.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.simestate.core.Actor;
import io.simestate.core.ConflictException;
import io.simestate.core.PageRequest;
import io.simestate.core.TenantId;
import io.simestate.core.customer.CustomerDetails;
import io.simestate.core.customer.CustomerSummary;
import io.simestate.core.estate.Customers;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.UnexpectedRollbackException;
import org.springframework.transaction.annotation.Transactional;

/**
 * Use cases called inside the application's {@code @Transactional} method commit and roll back with
 * the application's own changes; called outside one, they run in a transaction of their own.
 */
class JoinedTransactionsTest {

  static final TenantId ACME = TenantId.of("acme");
  static final Actor ALICE = Actor.of("alice@portal");

  /** The application's service: its own table and SIM Estate in one {@code @Transactional} method. */
  public static class Onboarding {
    private final JdbcTemplate jdbc;
    private final Customers customers;

    public Onboarding(JdbcTemplate jdbc, Customers customers) {
      this.jdbc = jdbc;
      this.customers = customers;
    }

    @Transactional
    public void onboard(String name, boolean failAfterwards) {
      jdbc.update("insert into host_account (name) values (?)", name);
      customers.create(ACME, ALICE, CustomerDetails.named(name));
      if (failAfterwards) {
        throw new IllegalStateException("the portal's own step failed");
      }
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class Application {
    @Bean
    Onboarding onboarding(JdbcTemplate jdbc, Customers customers) {
      jdbc.execute("create table if not exists host_account (name varchar(100) not null)");
      return new Onboarding(jdbc, customers);
    }
  }

  abstract static class Scenarios {

    abstract String url();

    void run(Consumer<AssertableApplicationContext> test) {
      new ApplicationContextRunner()
          .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
              HibernateJpaAutoConfiguration.class, TransactionAutoConfiguration.class,
              JdbcTemplateAutoConfiguration.class, SimEstateAutoConfiguration.class))
          .withUserConfiguration(Application.class)
          .withPropertyValues("spring.datasource.url=" + url(), "spring.datasource.username=" + user(),
              "spring.jpa.hibernate.ddl-auto=validate", "simestate.dispatcher.enabled=false")
          .run(context -> {
            assertThat(context).hasNotFailed();
            test.accept(context);
          });
    }

    String user() {
      return "sa";
    }

    static long accounts(AssertableApplicationContext context, String name) {
      return context.getBean(JdbcTemplate.class)
          .queryForObject("select count(*) from host_account where name = ?", Long.class, name);
    }

    static boolean customerExists(AssertableApplicationContext context, String name) {
      return context.getBean(Customers.class).list(ACME, name, PageRequest.first(10)).items().stream()
          .map(CustomerSummary::name).anyMatch(name::equals);
    }

    @Test
    void aCommittedApplicationTransactionKeepsTheAccountAndTheCustomer() {
      run(context -> {
        context.getBean(Onboarding.class).onboard("Committed Ltd", false);

        assertThat(accounts(context, "Committed Ltd")).isEqualTo(1);
        assertThat(customerExists(context, "Committed Ltd")).isTrue();
      });
    }

    @Test
    void aRolledBackApplicationTransactionLeavesNeitherTheAccountNorTheCustomer() {
      run(context -> {
        assertThatThrownBy(() -> context.getBean(Onboarding.class).onboard("Rolled Back Ltd", true))
            .isInstanceOf(IllegalStateException.class);

        assertThat(accounts(context, "Rolled Back Ltd")).isZero();
        assertThat(customerExists(context, "Rolled Back Ltd")).isFalse();
      });
    }

    @Test
    void aRefusedUseCaseRollsBackTheApplicationsOwnChangeToo() {
      run(context -> {
        Onboarding onboarding = context.getBean(Onboarding.class);
        onboarding.onboard("Twice Ltd", false);

        assertThatThrownBy(() -> onboarding.onboard("Twice Ltd", false)).isInstanceOf(ConflictException.class);

        assertThat(accounts(context, "Twice Ltd")).isEqualTo(1);
      });
    }

    @Test
    void aUseCaseCalledOutsideATransactionCommitsOnItsOwn() {
      run(context -> {
        context.getBean(Customers.class).create(ACME, ALICE, CustomerDetails.named("Alone Ltd"));

        assertThat(customerExists(context, "Alone Ltd")).isTrue();
      });
    }

    @Test
    void aRollbackOnlyMarkIsNotLostWhenTheApplicationSwallowsTheRefusal() {
      run(context -> {
        Customers customers = context.getBean(Customers.class);
        customers.create(ACME, ALICE, CustomerDetails.named("Swallowed Ltd"));
        org.springframework.transaction.support.TransactionTemplate tx =
            new org.springframework.transaction.support.TransactionTemplate(
                context.getBean(org.springframework.transaction.PlatformTransactionManager.class));

        assertThatThrownBy(() -> tx.executeWithoutResult(status -> {
          context.getBean(JdbcTemplate.class).update("insert into host_account (name) values (?)", "Swallowed");
          try {
            customers.create(ACME, ALICE, CustomerDetails.named("Swallowed Ltd"));
          } catch (ConflictException expected) {
            // the application carries on as if nothing happened
          }
        })).isInstanceOf(UnexpectedRollbackException.class);

        assertThat(accounts(context, "Swallowed")).isZero();
      });
    }
  }

  @Nested
  class OnH2 extends Scenarios {
    final String db = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";

    @Override
    String url() {
      return db;
    }
  }

  @Nested
  @EnabledIfSystemProperty(named = "simestate.test.databases", matches = ".*postgresql.*",
      disabledReason = "PostgreSQL runs under -Pdatabases")
  class OnPostgreSql extends Scenarios {
    static final String BASE = System.getProperty("simestate.test.postgresql.url", "jdbc:postgresql://127.0.0.1:5432/test");
    final String schema = "simestate_starter_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    @Override
    String url() {
      return BASE + "?currentSchema=" + schema;
    }

    @Override
    String user() {
      return "postgres";
    }

    @Override
    void run(Consumer<AssertableApplicationContext> test) {
      execute("create schema " + schema);
      try {
        super.run(test);
      } finally {
        execute("drop schema " + schema + " cascade");
      }
    }

    private static void execute(String sql) {
      try (Connection c = DriverManager.getConnection(BASE, "postgres", ""); Statement s = c.createStatement()) {
        s.execute(sql);
      } catch (SQLException e) {
        throw new IllegalStateException("Cannot reach the PostgreSQL test database: " + e.getMessage(), e);
      }
    }
  }
}
