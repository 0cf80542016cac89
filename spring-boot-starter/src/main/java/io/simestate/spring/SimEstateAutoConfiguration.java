package io.simestate.spring;

import io.simestate.core.TenantId;
import io.simestate.core.alert.NotificationSender;
import io.simestate.core.alert.Recipient;
import io.simestate.core.alert.RetryPolicy;
import io.simestate.core.alert.SenderIdentity;
import io.simestate.core.alert.TenantAlertSettings;
import io.simestate.core.alert.TenantSettingsSource;
import io.simestate.core.audit.EventPublisher;
import io.simestate.core.customer.EmailAddress;
import io.simestate.core.estate.Alerts;
import io.simestate.core.estate.Customers;
import io.simestate.core.estate.SimEstate;
import io.simestate.core.estate.Sims;
import io.simestate.core.persistence.Persistence;
import io.simestate.core.sim.IccidPolicy;
import io.simestate.core.sim.SimInventory;
import io.simestate.jpa.JpaPersistence;
import io.simestate.mail.SmtpNotificationSender;
import io.simestate.mail.SmtpSecurity;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.util.List;

import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationPackages;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.ImportBeanDefinitionRegistrar;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.core.type.AnnotationMetadata;
import org.springframework.orm.jpa.AbstractEntityManagerFactoryBean;
import org.springframework.orm.jpa.SharedEntityManagerCreator;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Wires SIM Estate onto the application's DataSource, EntityManagerFactory and
 * PlatformTransactionManager from the {@code simestate.*} properties ({@link SimEstateProperties}).
 *
 * <ul>
 *   <li>Persistence: the JPA adapter in joined mode on the application's shared EntityManager, with
 *       the application's transaction manager: a use case joins the caller's {@code @Transactional}
 *       and runs in a transaction of its own when called outside one. The adapter's entities join the
 *       application's persistence unit (package {@code io.simestate.jpa}; add it to an
 *       {@code @EntityScan} of your own).</li>
 *   <li>Schema: SIM Estate's own Flyway when Flyway is on the class path (history table
 *       {@code simestate.schema.flyway.table}), else {@code JpaSchema} when
 *       {@code simestate.schema.apply=true}; before the EntityManagerFactory, after the application's
 *       Flyway.</li>
 *   <li>Mail: the mail adapter on {@code simestate.mail.*}, each value falling back to
 *       {@code spring.mail.*}; without a host, alerts are recorded in memory (a warning says so).</li>
 *   <li>The dispatcher runs with the context ({@link DispatcherLifecycle}). With
 *       {@code simestate.dispatcher.enabled=false} the health check leaves out the dispatch threshold
 *       ({@code HealthThresholds.withoutDispatchCheck()}).</li>
 *   <li>Metrics and health: {@link SimEstateMetricsAutoConfiguration} and
 *       {@link SimEstateHealthAutoConfiguration}; the health thresholds from
 *       {@code simestate.health.max-pending-age} and {@code simestate.health.max-since-last-dispatch}.</li>
 * </ul>
 * Every bean backs off when the application defines its own ({@code SimEstate}, {@code Persistence},
 * {@code NotificationSender}, the lifecycle); a {@code TenantSettingsSource}, {@code RetryPolicy},
 * {@code IccidPolicy}, {@code SimInventory} or {@code EventPublisher} bean of the application is used
 * instead of the properties, and {@link SimEstateBuilderCustomizer} beans adjust the rest.
 */
@AutoConfiguration(afterName = {
    "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
    "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration",
    "org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration",
    "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration"})
@ConditionalOnClass({SimEstate.class, JpaPersistence.class, EntityManagerFactory.class, PlatformTransactionManager.class})
@ConditionalOnBooleanProperty(name = "simestate.enabled", matchIfMissing = true)
@EnableConfigurationProperties(SimEstateProperties.class)
@Import(SimEstateAutoConfiguration.EntityPackage.class)
public class SimEstateAutoConfiguration {

  /** The name of the schema bean, which the EntityManagerFactory waits for. */
  public static final String SCHEMA_BEAN = "simEstateSchema";

  private static final Logger LOG = LoggerFactory.getLogger(SimEstateAutoConfiguration.class);
  private static final String HOST_FLYWAY_BEAN = "flywayInitializer";

  /** Created by Spring Boot. */
  public SimEstateAutoConfiguration() {}

  /**
   * The JPA adapter in joined mode on the application's EntityManagerFactory and transactions.
   *
   * @param entityManagerFactory the application's
   * @param transactionManager the application's
   * @return the adapter
   */
  @Bean
  @ConditionalOnMissingBean(Persistence.class)
  @ConditionalOnBean({EntityManagerFactory.class, PlatformTransactionManager.class})
  public JpaPersistence simEstatePersistence(EntityManagerFactory entityManagerFactory,
      PlatformTransactionManager transactionManager) {
    EntityManager shared = SharedEntityManagerCreator.createSharedEntityManager(entityManagerFactory);
    return JpaPersistence.joined(() -> shared, new SpringTransactions(transactionManager));
  }

  /**
   * The mail adapter, when an SMTP host is set ({@code simestate.mail.host} or {@code spring.mail.host}).
   *
   * @param properties the properties
   * @param environment for {@code spring.mail.*}
   * @return the sender
   */
  @Bean
  @ConditionalOnMissingBean(NotificationSender.class)
  @Conditional(MailHostSet.class)
  public SmtpNotificationSender simEstateNotificationSender(SimEstateProperties properties, Environment environment) {
    SimEstateProperties.Mail mail = properties.getMail();
    SmtpNotificationSender.Builder builder = SmtpNotificationSender.builder()
        .host(first(mail.getHost(), environment.getProperty("spring.mail.host")));
    Integer port = mail.getPort() != null ? mail.getPort() : environment.getProperty("spring.mail.port", Integer.class);
    if (port != null) {
      builder.port(port);
    }
    String username = first(mail.getUsername(), environment.getProperty("spring.mail.username"));
    if (username != null) {
      builder.auth(username, first(mail.getPassword(), environment.getProperty("spring.mail.password")));
    }
    builder.security(mail.getSecurity() != null ? mail.getSecurity() : springMailSecurity(environment));
    return builder.build();
  }

  /**
   * The library, from the properties and the application's beans.
   *
   * @param properties the properties
   * @param persistence the persistence adapter
   * @param schema the schema bean, when there is one: the estate is built after it
   * @param senders the notification sender, if any
   * @param settingsSources the application's tenant settings, if any
   * @param retryPolicies the application's retry policy, if any
   * @param iccidPolicies the application's ICCID policy, if any
   * @param inventories the application's SIM inventory, if any
   * @param publishers the application's event publishers
   * @param customizers the application's customizers, in order
   * @return the library
   */
  @Bean
  @ConditionalOnMissingBean(SimEstate.class)
  @ConditionalOnBean(Persistence.class)
  public SimEstate simEstate(SimEstateProperties properties, Persistence persistence,
      ObjectProvider<SimEstateSchema> schema, ObjectProvider<NotificationSender> senders,
      ObjectProvider<TenantSettingsSource> settingsSources, ObjectProvider<RetryPolicy> retryPolicies,
      ObjectProvider<IccidPolicy> iccidPolicies, ObjectProvider<SimInventory> inventories,
      ObjectProvider<EventPublisher> publishers, ObjectProvider<SimEstateBuilderCustomizer> customizers) {
    schema.getIfAvailable(); // the tables exist before the estate is built
    SimEstate.Builder builder = SimEstate.builder()
        .persistence(persistence)
        .repeatWindow(properties.getRepeatWindow())
        .retryPolicy(retryPolicies.getIfAvailable(properties.getRetry()::toPolicy))
        .dispatchBatchSize(properties.getDispatcher().getBatchSize())
        .dispatchLease(properties.getDispatcher().getLease());
    if (properties.getDispatcher().getSendTimeLimit() != null) {
      builder.sendTimeLimit(properties.getDispatcher().getSendTimeLimit());
    }
    // Without a dispatcher in this instance its health does not wait for one (a customizer may say otherwise).
    builder.healthThresholds(properties.getHealth().toThresholds(properties.getDispatcher().isEnabled()));
    NotificationSender sender = senders.getIfAvailable();
    if (sender != null) {
      builder.notificationSender(sender);
    } else {
      LOG.warn("SIM Estate has no SMTP host (simestate.mail.host or spring.mail.host) and no NotificationSender "
          + "bean: alerts are recorded in memory, not sent");
    }
    SimEstateProperties.Sender defaultSender = properties.getSender();
    if (defaultSender.getAddress() != null) {
      builder.defaultSender(sender(defaultSender));
    }
    TenantSettingsSource source = settingsSources.getIfAvailable();
    if (source != null) {
      builder.tenantSettings(source);
    } else {
      properties.getTenants().forEach((id, tenant) -> builder.tenant(TenantId.of(id), settings(tenant)));
    }
    iccidPolicies.ifAvailable(builder::iccidPolicy);
    inventories.ifAvailable(builder::simInventory);
    publishers.orderedStream().forEach(builder::publishEventsTo);
    customizers.orderedStream().forEach(c -> c.customize(builder));
    return builder.build();
  }

  /**
   * The customer use cases, for injection.
   *
   * @param estate the library
   * @return {@code estate.customers()}
   */
  @Bean
  @ConditionalOnMissingBean
  @ConditionalOnBean(SimEstate.class)
  public Customers simEstateCustomers(SimEstate estate) {
    return estate.customers();
  }

  /**
   * The SIM use cases, for injection.
   *
   * @param estate the library
   * @return {@code estate.sims()}
   */
  @Bean
  @ConditionalOnMissingBean
  @ConditionalOnBean(SimEstate.class)
  public Sims simEstateSims(SimEstate estate) {
    return estate.sims();
  }

  /**
   * The alert use cases, for injection.
   *
   * @param estate the library
   * @return {@code estate.alerts()}
   */
  @Bean
  @ConditionalOnMissingBean
  @ConditionalOnBean(SimEstate.class)
  public Alerts simEstateAlerts(SimEstate estate) {
    return estate.alerts();
  }

  /**
   * The dispatcher, running while the context runs ({@code simestate.dispatcher.enabled}).
   *
   * @param estate the library
   * @param properties the properties
   * @return the lifecycle
   */
  @Bean
  @ConditionalOnMissingBean
  @ConditionalOnBean(SimEstate.class)
  @ConditionalOnBooleanProperty(name = "simestate.dispatcher.enabled", matchIfMissing = true)
  public DispatcherLifecycle simEstateDispatcherLifecycle(SimEstate estate, SimEstateProperties properties) {
    return new DispatcherLifecycle(estate.dispatcher(), properties.getDispatcher().getInterval(),
        properties.getDispatcher().getShutdownTimeout());
  }

  /**
   * Orders the schema: after the application's Flyway, before every EntityManagerFactory.
   *
   * @return the post-processor
   */
  @Bean
  public static BeanFactoryPostProcessor simEstateSchemaOrder() {
    return SimEstateAutoConfiguration::orderSchema;
  }

  static void orderSchema(ConfigurableListableBeanFactory beanFactory) {
    if (!beanFactory.containsBeanDefinition(SCHEMA_BEAN)) {
      return;
    }
    if (beanFactory.containsBeanDefinition(HOST_FLYWAY_BEAN)) {
      addDependsOn(beanFactory.getBeanDefinition(SCHEMA_BEAN), HOST_FLYWAY_BEAN);
    }
    List<String> factories = new java.util.ArrayList<>(List.of(
        beanFactory.getBeanNamesForType(EntityManagerFactory.class, true, false)));
    factories.addAll(List.of(beanFactory.getBeanNamesForType(AbstractEntityManagerFactoryBean.class, true, false)));
    for (String name : factories) {
      String bean = name.startsWith("&") ? name.substring(1) : name;
      if (beanFactory.containsBeanDefinition(bean)) {
        addDependsOn(beanFactory.getBeanDefinition(bean), SCHEMA_BEAN);
      }
    }
  }

  private static void addDependsOn(BeanDefinition definition, String dependency) {
    String[] current = definition.getDependsOn();
    List<String> all = new java.util.ArrayList<>(current == null ? List.of() : List.of(current));
    if (!all.contains(dependency)) {
      all.add(dependency);
      definition.setDependsOn(all.toArray(String[]::new));
    }
  }

  /** SIM Estate's own Flyway, when Flyway is on the class path. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "org.flywaydb.core.Flyway")
  @ConditionalOnBooleanProperty(name = "simestate.schema.flyway.enabled", matchIfMissing = true)
  @ConditionalOnBean(DataSource.class)
  static class FlywaySchemaConfiguration {

    @Bean(SCHEMA_BEAN)
    @ConditionalOnMissingBean(SimEstateSchema.class)
    SimEstateSchema simEstateSchema(DataSource dataSource, SimEstateProperties properties) {
      return new SimEstateSchema(dataSource, SimEstateSchema.Method.FLYWAY, properties.getSchema().getFlyway().getTable());
    }
  }

  /** The schema scripts through JpaSchema, when asked for and no Flyway migrates them. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnBooleanProperty(name = "simestate.schema.apply")
  @ConditionalOnBean(DataSource.class)
  static class ScriptSchemaConfiguration {

    @Bean(SCHEMA_BEAN)
    @ConditionalOnMissingBean(SimEstateSchema.class)
    SimEstateSchema simEstateSchema(DataSource dataSource, SimEstateProperties properties) {
      return new SimEstateSchema(dataSource, SimEstateSchema.Method.SCRIPTS, properties.getSchema().getFlyway().getTable());
    }
  }

  /** Adds the JPA adapter's entity package to the packages the application's persistence unit scans. */
  static class EntityPackage implements ImportBeanDefinitionRegistrar {
    @Override
    public void registerBeanDefinitions(AnnotationMetadata metadata, BeanDefinitionRegistry registry) {
      AutoConfigurationPackages.register(registry, JpaPersistence.class.getPackageName());
    }
  }

  /** Matches when an SMTP host is set in {@code simestate.mail.host} or {@code spring.mail.host}. */
  static class MailHostSet implements Condition {
    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
      Environment env = context.getEnvironment();
      return hasText(env.getProperty("simestate.mail.host")) || hasText(env.getProperty("spring.mail.host"));
    }
  }

  private static SmtpSecurity springMailSecurity(Environment environment) {
    if ("smtps".equalsIgnoreCase(environment.getProperty("spring.mail.protocol"))) {
      return SmtpSecurity.SMTPS;
    }
    if (Boolean.parseBoolean(environment.getProperty("spring.mail.properties.mail.smtp.starttls.enable"))) {
      return SmtpSecurity.STARTTLS;
    }
    return SmtpSecurity.NONE;
  }

  private static SenderIdentity sender(SimEstateProperties.Sender sender) {
    return sender.getName() == null ? SenderIdentity.of(sender.getAddress())
        : SenderIdentity.of(sender.getAddress(), sender.getName());
  }

  private static TenantAlertSettings settings(SimEstateProperties.Tenant tenant) {
    TenantAlertSettings settings = TenantAlertSettings.DEFAULTS
        .withDigestWindow(tenant.getDigestWindow())
        .withSubscriptionNotices(tenant.isSubscriptionNotices())
        .withCatchAll(tenant.getCatchAll().stream()
            .map(address -> Recipient.catchAll(address, EmailAddress.parse(address))).toList());
    return tenant.getSender().getAddress() == null ? settings : settings.withSender(sender(tenant.getSender()));
  }

  private static String first(String preferred, String fallback) {
    return hasText(preferred) ? preferred : fallback;
  }

  private static boolean hasText(String s) {
    return s != null && !s.isBlank();
  }

}
