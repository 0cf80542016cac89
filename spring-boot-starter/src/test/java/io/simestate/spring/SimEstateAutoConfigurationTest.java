package io.simestate.spring;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import io.simestate.core.Actor;
import io.simestate.core.AlertKind;
import io.simestate.core.PageRequest;
import io.simestate.core.TenantId;
import io.simestate.core.alert.AlertId;
import io.simestate.core.alert.NotificationSender;
import io.simestate.core.alert.TenantAlertSettings;
import io.simestate.core.alert.TenantSettingsSource;
import io.simestate.core.alert.UsageAlert;
import io.simestate.core.customer.ContactDetails;
import io.simestate.core.customer.Customer;
import io.simestate.core.customer.CustomerDetails;
import io.simestate.core.estate.Customers;
import io.simestate.core.estate.SimEstate;
import io.simestate.core.inmemory.RecordingNotificationSender;
import io.simestate.core.sim.Iccid;
import io.simestate.mail.SmtpNotificationSender;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/** The starter's conditions, back-off and property binding, on an application with H2 and JPA. */
class SimEstateAutoConfigurationTest {

  @RegisterExtension
  static final GreenMailExtension greenMail =
      new GreenMailExtension(smtpSetup());

  static final TenantId ACME = TenantId.of("acme");
  static final Actor ALICE = Actor.of("alice@portal");

  /** An application with a DataSource, JPA and transactions, as Spring Boot sets them up. */
  static ApplicationContextRunner jpaApplication() {
    return new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
            HibernateJpaAutoConfiguration.class, TransactionAutoConfiguration.class,
            SimEstateAutoConfiguration.class))
        .withPropertyValues("spring.datasource.url=jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
            "spring.jpa.hibernate.ddl-auto=validate", "simestate.dispatcher.enabled=false");
  }

  @Test
  void aJpaApplicationGetsAnEstateOnItsOwnDatabaseMigratedByFlywayWithItsOwnHistory() {
    jpaApplication().run(context -> {
      assertThat(context).hasNotFailed().hasSingleBean(SimEstate.class).hasSingleBean(Customers.class);
      assertThat(context.getBean(SimEstateSchema.class).method()).isEqualTo(SimEstateSchema.Method.FLYWAY);
      Customers customers = context.getBean(Customers.class);
      Customer created = customers.create(ACME, ALICE, CustomerDetails.named("Northwind"));
      assertThat(customers.find(ACME, created.id())).isPresent();
      JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));
      assertThat(jdbc.queryForObject("select count(*) from \"simestate_flyway_history\" where \"success\"",
          Integer.class)).isGreaterThanOrEqualTo(2);
    });
  }

  @Test
  void withoutFlywayTheScriptsAreAppliedOnlyWhenAsked() {
    jpaApplication().withClassLoader(new FilteredClassLoader(Flyway.class))
        .withPropertyValues("spring.jpa.hibernate.ddl-auto=none")
        .run(context -> {
          assertThat(context).hasNotFailed().doesNotHaveBean(SimEstateSchema.class);
        });
    jpaApplication().withClassLoader(new FilteredClassLoader(Flyway.class))
        .withPropertyValues("simestate.schema.apply=true")
        .run(context -> {
          assertThat(context).hasNotFailed();
          assertThat(context.getBean(SimEstateSchema.class).method()).isEqualTo(SimEstateSchema.Method.SCRIPTS);
          Customers customers = context.getBean(Customers.class);
          customers.create(ACME, ALICE, CustomerDetails.named("Scripted"));
          assertThat(customers.list(ACME, null, PageRequest.first(10)).items()).hasSize(1);
        });
  }

  @Test
  void flywaySwitchedOffAndApplyOnUsesTheScripts() {
    jpaApplication().withPropertyValues("simestate.schema.flyway.enabled=false", "simestate.schema.apply=true")
        .run(context -> assertThat(context.getBean(SimEstateSchema.class).method())
            .isEqualTo(SimEstateSchema.Method.SCRIPTS));
  }

  @Test
  void switchedOffTheStarterAddsNothing() {
    jpaApplication().withPropertyValues("simestate.enabled=false", "spring.jpa.hibernate.ddl-auto=none")
        .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(SimEstate.class)
            .doesNotHaveBean(SimEstateSchema.class));
  }

  @Test
  void withoutJpaThereIsNoEstate() {
    new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(SimEstateAutoConfiguration.class))
        .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(SimEstate.class));
  }

  @Test
  void theStarterBacksOffForTheApplicationsOwnEstate() {
    jpaApplication().withUserConfiguration(OwnEstate.class).run(context -> {
      assertThat(context).hasNotFailed().hasSingleBean(SimEstate.class);
      assertThat(context.getBean(SimEstate.class)).isSameAs(context.getBean(OwnEstate.class).estate);
    });
  }

  @Test
  void theApplicationsSenderAndTenantSettingsAreUsed() {
    jpaApplication().withUserConfiguration(OwnSenderAndSettings.class)
        .withPropertyValues("spring.mail.host=smtp.example.com", "simestate.sender.address=alerts@portal.example")
        .run(context -> {
          assertThat(context).hasNotFailed().doesNotHaveBean(SmtpNotificationSender.class);
          SimEstate estate = context.getBean(SimEstate.class);
          OwnSenderAndSettings own = context.getBean(OwnSenderAndSettings.class);
          estate.alerts().route(ACME, UsageAlert.of(AlertId.of("a-1"), Iccid.parse("8944500102198304826"),
              AlertKind.WARNING, Instant.now()));
          assertThat(own.settingsAsked.get()).isPositive();
          estate.dispatcher().dispatchDue();
          assertThat(own.sender.sent()).hasSize(1);
        });
  }

  @Test
  void propertiesBindToTheEstateAndTheMailAdapter() {
    jpaApplication().withPropertyValues(
            "simestate.sender.address=alerts@portal.example", "simestate.sender.name=Portal alerts",
            "simestate.tenants.acme.sender.address=noc@acme.example",
            "simestate.tenants.acme.catch-all[0]=noc@acme.example",
            "simestate.tenants.acme.digest-window=5m", "simestate.tenants.acme.subscription-notices=true",
            "simestate.retry.max-attempts=3", "simestate.retry.initial-delay=10s",
            "simestate.dispatcher.batch-size=50", "simestate.dispatcher.interval=2s",
            "simestate.dispatcher.lease=1m", "simestate.repeat-window=12h",
            "spring.mail.host=smtp.example.com", "spring.mail.port=2525",
            "spring.mail.protocol=smtps")
        .run(context -> {
          assertThat(context).hasNotFailed().hasSingleBean(SmtpNotificationSender.class);
          SimEstateProperties p = context.getBean(SimEstateProperties.class);
          assertThat(p.getSender().getName()).isEqualTo("Portal alerts");
          SimEstateProperties.Tenant acme = p.getTenants().get("acme");
          assertThat(acme.getCatchAll()).containsExactly("noc@acme.example");
          assertThat(acme.getDigestWindow()).isEqualTo(Duration.ofMinutes(5));
          assertThat(acme.isSubscriptionNotices()).isTrue();
          assertThat(p.getRetry().toPolicy().maxAttempts()).isEqualTo(3);
          assertThat(p.getRetry().toPolicy().initialDelay()).isEqualTo(Duration.ofSeconds(10));
          assertThat(p.getDispatcher().getBatchSize()).isEqualTo(50);
          assertThat(p.getDispatcher().getInterval()).isEqualTo(Duration.ofSeconds(2));
          assertThat(p.getRepeatWindow()).isEqualTo(Duration.ofHours(12));
          assertThat(context.getBean(SmtpNotificationSender.class).toString())
              .contains("smtps://smtp.example.com:2525");
        });
  }

  @Test
  void withoutAnSmtpHostThereIsNoMailAdapter() {
    jpaApplication().run(context -> assertThat(context).hasNotFailed()
        .doesNotHaveBean(SmtpNotificationSender.class).hasSingleBean(SimEstate.class));
  }

  @Test
  void aRealSenderWithoutTheSendersAddressIsRefusedWithTheFieldToSet() {
    jpaApplication().withPropertyValues("spring.mail.host=smtp.example.com")
        .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
            .hasMessageContaining("defaultSender"));
  }

  @Test
  void theDispatcherRunsWithTheContextAndMailGoesThroughSpringMailSettings() throws Exception {
    jpaApplication().withPropertyValues("simestate.dispatcher.enabled=true", "simestate.dispatcher.interval=100ms",
            "spring.mail.host=127.0.0.1", "spring.mail.port=" + greenMail.getSmtp().getPort(),
            "simestate.sender.address=alerts@portal.example")
        .run(context -> {
          assertThat(context).hasNotFailed().hasSingleBean(DispatcherLifecycle.class);
          assertThat(context.getBean(DispatcherLifecycle.class).isRunning()).isTrue();
          SimEstate estate = context.getBean(SimEstate.class);
          Customer c = estate.customers().create(ACME, ALICE, CustomerDetails.named("Mailed Ltd"));
          estate.customers().addContact(ACME, ALICE, c.id(), ContactDetails.alerted("Ana", "ana@mailed.example"));
          Iccid sim = Iccid.parse("8944500102198304826");
          estate.sims().assign(ACME, ALICE, c.id(), List.of(sim.digits()));
          estate.alerts().route(ACME, UsageAlert.of(AlertId.of("w-1"), sim, AlertKind.WARNING, Instant.now()));

          assertThat(greenMail.waitForIncomingEmail(30_000, 1)).isTrue();
          assertThat(greenMail.getReceivedMessages()[0].getAllRecipients()[0].toString())
              .contains("ana@mailed.example");
          context.stop();
          assertThat(context.getBean(DispatcherLifecycle.class).isRunning()).isFalse();
        });
  }

  @Test
  void theDispatcherCanBeLeftToOtherInstances() {
    jpaApplication().run(context -> assertThat(context).doesNotHaveBean(DispatcherLifecycle.class));
  }

  @Configuration(proxyBeanMethods = false)
  static class OwnEstate {
    final SimEstate estate = SimEstate.inMemory();

    @Bean
    SimEstate simEstate() {
      return estate;
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class OwnSenderAndSettings {
    final RecordingNotificationSender sender = new RecordingNotificationSender();
    final AtomicInteger settingsAsked = new AtomicInteger();

    @Bean
    NotificationSender ownSender() {
      return sender;
    }

    @Bean
    TenantSettingsSource ownSettings() {
      return tenant -> {
        settingsAsked.incrementAndGet();
        return TenantAlertSettings.DEFAULTS.withCatchAll(List.of(io.simestate.core.alert.Recipient.catchAll("NOC",
            io.simestate.core.customer.EmailAddress.parse("noc@acme.example"))));
      };
    }
  }


  /** GreenMail on a port the system chooses; a loaded machine may take longer than its 2 s default to start it. */
  static ServerSetup smtpSetup() {
    ServerSetup setup = new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort();
    setup.setServerStartupTimeout(120_000);
    return setup;
  }
}
