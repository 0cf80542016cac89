package io.simestate.spring;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.simestate.core.AlertKind;
import io.simestate.core.TenantId;
import io.simestate.core.alert.AlertId;
import io.simestate.core.alert.UsageAlert;
import io.simestate.core.estate.SimEstate;
import io.simestate.core.monitor.HealthThresholds;
import io.simestate.core.sim.Iccid;
import io.simestate.micrometer.SimEstateMetrics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.autoconfigure.contributor.HealthContributorAutoConfiguration;
import org.springframework.boot.health.autoconfigure.registry.HealthContributorRegistryAutoConfiguration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.health.registry.HealthContributorRegistry;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The starter's metrics binder and health indicator: conditions, back-off, and what they report. */
class SimEstateMetricsAndHealthTest {

  static final TenantId ACME = TenantId.of("acme");
  static final Iccid UNASSIGNED_SIM = Iccid.parse("8944500102198304826");

  /** The JPA application of the starter's tests, with the metrics and health auto-configurations. */
  static ApplicationContextRunner application() {
    return SimEstateAutoConfigurationTest.jpaApplication()
        .withConfiguration(AutoConfigurations.of(SimEstateMetricsAutoConfiguration.class,
            SimEstateHealthAutoConfiguration.class));
  }

  static ApplicationContextRunner withRegistry() {
    return application().withUserConfiguration(Registry.class);
  }

  static void routeAlert(SimEstate estate, String id, Instant at) {
    estate.alerts().route(ACME, UsageAlert.of(AlertId.of(id), UNASSIGNED_SIM, AlertKind.WARNING, at));
  }

  @Test
  void aRoutedAlertIsCountedInTheApplicationsRegistryAndTheOutboxGaugesAreBound() {
    withRegistry().run(context -> {
      assertThat(context).hasNotFailed().hasSingleBean(SimEstateMetrics.class);
      MeterRegistry registry = context.getBean(MeterRegistry.class);
      assertThat(registry.find(SimEstateMetrics.DELIVERIES).gauges()).hasSizeGreaterThanOrEqualTo(4);
      assertThat(registry.find(SimEstateMetrics.OLDEST_PENDING_AGE).timeGauge()).isNotNull();

      routeAlert(context.getBean(SimEstate.class), "m-1", Instant.now());

      Counter routed = registry.find(SimEstateMetrics.ALERTS_ROUTED).tag("outcome", "unassigned").counter();
      assertThat(routed).isNotNull();
      assertThat(routed.count()).isEqualTo(1.0);
      assertThat(routed.getId().getTag("tenant")).isNull();
    });
  }

  @Test
  void theRegistrySpringBootAutoConfiguresGetsTheMeters() {
    application().withConfiguration(AutoConfigurations.of(MetricsAutoConfiguration.class,
        CompositeMeterRegistryAutoConfiguration.class, SimpleMetricsExportAutoConfiguration.class)).run(context -> {
          assertThat(context).hasNotFailed().hasSingleBean(MeterRegistry.class).hasSingleBean(SimEstateMetrics.class);
          routeAlert(context.getBean(SimEstate.class), "m-4", Instant.now());
          assertThat(context.getBean(MeterRegistry.class).find(SimEstateMetrics.ALERTS_ROUTED).counter()).isNotNull();
        });
  }

  @Test
  void theTenantTagIsOnlyAddedWhenAskedFor() {
    withRegistry().withPropertyValues("simestate.metrics.tenant-tag=true").run(context -> {
      assertThat(context).hasNotFailed();
      routeAlert(context.getBean(SimEstate.class), "m-2", Instant.now());
      Counter routed = context.getBean(MeterRegistry.class).find(SimEstateMetrics.ALERTS_ROUTED).counter();
      assertThat(routed).isNotNull();
      assertThat(routed.getId().getTag("tenant")).isEqualTo("acme");
      assertThat(context.getBean(SimEstateProperties.class).getMetrics().isTenantTag()).isTrue();
    });
  }

  @Test
  void withoutARegistryOrWithoutTheMicrometerModuleThereAreNoMetrics() {
    application().run(context -> assertThat(context).hasNotFailed().hasSingleBean(SimEstate.class)
        .doesNotHaveBean(SimEstateMetrics.class));
    withRegistry().withClassLoader(new FilteredClassLoader(SimEstateMetrics.class)).run(context ->
        assertThat(context).hasNotFailed().hasSingleBean(SimEstate.class).doesNotHaveBean(SimEstateMetrics.class)
            .hasSingleBean(SimEstateHealthIndicator.class));
  }

  @Test
  void metricsSwitchedOffAddNothingToTheRegistry() {
    withRegistry().withPropertyValues("simestate.metrics.enabled=false").run(context -> {
      assertThat(context).hasNotFailed().doesNotHaveBean(SimEstateMetrics.class);
      routeAlert(context.getBean(SimEstate.class), "m-3", Instant.now());
      assertThat(context.getBean(MeterRegistry.class).find(SimEstateMetrics.ALERTS_ROUTED).meters()).isEmpty();
    });
  }

  @Test
  void theStarterBacksOffForTheApplicationsOwnMetrics() {
    withRegistry().withUserConfiguration(OwnMetrics.class).run(context -> {
      assertThat(context).hasNotFailed().hasSingleBean(SimEstateMetrics.class)
          .doesNotHaveBean("simEstateMetricsListener").doesNotHaveBean("simEstateMetricsOutboxBinding");
      assertThat(context.getBean(SimEstateMetrics.class)).isSameAs(context.getBean(OwnMetrics.class).metrics);
      // Not bound by the starter: the application binds its own, once.
      context.getBean(SimEstateMetrics.class).bindOutbox(context.getBean(SimEstate.class));
    });
  }

  @Test
  void theHealthIsUpThenDownOnceTheDispatcherHasNotRunForLongerThanItsThreshold() {
    application().withUserConfiguration(Thresholds.class).run(context -> {
      assertThat(context).hasNotFailed().hasSingleBean(SimEstateHealthIndicator.class);
      HealthIndicator indicator = context.getBean("simestateHealthIndicator", HealthIndicator.class);
      Thresholds thresholds = context.getBean(Thresholds.class);
      routeAlert(context.getBean(SimEstate.class), "h-1", thresholds.clock.instant());

      Health up = indicator.health();
      assertThat(up.getStatus()).isEqualTo(Status.UP);
      assertThat(up.getDetails()).doesNotContainKey("problems");

      thresholds.clock.advance(Duration.ofMinutes(16));
      Health down = indicator.health();
      assertThat(down.getStatus()).isEqualTo(Status.DOWN);
      assertThat(down.getDetails()).containsKey("problems");
      assertThat((List<?>) down.getDetails().get("problems")).singleElement().asString()
          .contains("dispatcher has not completed a run");
    });
  }

  @Test
  void anInstanceWithoutTheDispatcherStaysUpWithoutDispatchRuns() {
    application().withUserConfiguration(OnlyClock.class).run(context -> {
      assertThat(context).hasNotFailed().doesNotHaveBean(DispatcherLifecycle.class);
      HealthIndicator indicator = context.getBean("simestateHealthIndicator", HealthIndicator.class);
      context.getBean(OnlyClock.class).clock.advance(Duration.ofHours(2));
      assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
    });
  }

  @Test
  void theHealthThresholdsBindFromSimestateHealthWithCoresDefaultsWhenUnset() {
    application().run(context -> {
      SimEstateProperties.Health health = context.getBean(SimEstateProperties.class).getHealth();
      assertThat(health.getMaxPendingAge()).isEqualTo(HealthThresholds.DEFAULTS.maxPendingAge().orElseThrow());
      assertThat(health.getMaxSinceLastDispatch())
          .isEqualTo(HealthThresholds.DEFAULTS.maxSinceLastDispatch().orElseThrow());
    });
    application().withPropertyValues("simestate.health.max-pending-age=2h",
        "simestate.health.max-since-last-dispatch=90s").run(context -> {
          SimEstateProperties.Health health = context.getBean(SimEstateProperties.class).getHealth();
          assertThat(health.getMaxPendingAge()).isEqualTo(Duration.ofHours(2));
          assertThat(health.getMaxSinceLastDispatch()).isEqualTo(Duration.ofSeconds(90));
        });
  }

  @Test
  void aPendingDeliveryOlderThanTheConfiguredMaxPendingAgeTurnsTheHealthDown() {
    ApplicationContextRunner catchAll = application().withUserConfiguration(OnlyClock.class)
        .withPropertyValues("simestate.tenants.acme.catch-all[0]=noc@acme.example");
    catchAll.withPropertyValues("simestate.health.max-pending-age=30m").run(context -> {
      assertThat(context).hasNotFailed();
      routeAlert(context.getBean(SimEstate.class), "p-1", context.getBean(OnlyClock.class).clock.instant());
      context.getBean(OnlyClock.class).clock.advance(Duration.ofMinutes(31));
      Health down = context.getBean("simestateHealthIndicator", HealthIndicator.class).health();
      assertThat(down.getStatus()).isEqualTo(Status.DOWN);
      assertThat((List<?>) down.getDetails().get("problems")).singleElement().asString()
          .contains("oldest pending delivery").contains("longer than PT30M");
    });
    catchAll.run(context -> {
      routeAlert(context.getBean(SimEstate.class), "p-2", context.getBean(OnlyClock.class).clock.instant());
      context.getBean(OnlyClock.class).clock.advance(Duration.ofMinutes(31));
      Health health = context.getBean("simestateHealthIndicator", HealthIndicator.class).health();
      assertThat(health.getStatus()).isEqualTo(Status.UP);
      assertThat(health.getDetails()).containsEntry("oldestPendingAge", "PT31M");
    });
  }

  @Test
  void aDispatcherThatHasNotRunWithinTheConfiguredTimeTurnsTheHealthDown() {
    ApplicationContextRunner dispatching = application().withUserConfiguration(OnlyClock.class)
        .withPropertyValues("simestate.dispatcher.enabled=true", "simestate.dispatcher.interval=1h");
    dispatching.withPropertyValues("simestate.health.max-since-last-dispatch=5m").run(context -> {
      assertThat(context).hasNotFailed().hasSingleBean(DispatcherLifecycle.class);
      SimEstate estate = context.getBean(SimEstate.class);
      // The dispatcher's first run starts with the context; the next is an hour away on the real clock.
      Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> estate.health().check().lastDispatch().isPresent());
      context.getBean(OnlyClock.class).clock.advance(Duration.ofMinutes(6));
      Health down = context.getBean("simestateHealthIndicator", HealthIndicator.class).health();
      assertThat(down.getStatus()).isEqualTo(Status.DOWN);
      assertThat((List<?>) down.getDetails().get("problems")).singleElement().asString()
          .contains("dispatcher last completed a run").contains("longer than PT5M");
    });
    dispatching.run(context -> {
      SimEstate estate = context.getBean(SimEstate.class);
      Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> estate.health().check().lastDispatch().isPresent());
      context.getBean(OnlyClock.class).clock.advance(Duration.ofMinutes(6));
      assertThat(context.getBean("simestateHealthIndicator", HealthIndicator.class).health().getStatus())
          .isEqualTo(Status.UP);
    });
  }

  @Test
  void aThresholdThatIsNotMoreThanZeroStopsTheApplicationNamingIt() {
    application().withPropertyValues("simestate.health.max-pending-age=0s").run(context ->
        assertThat(context).hasFailed().getFailure().rootCause()
            .hasMessageContaining("maxPendingAge").hasMessageContaining("more than zero"));
  }

  @Test
  void theConfigurationMetadataDescribesTheHealthPropertiesWithTheirDefaults() throws Exception {
    String metadata;
    try (var in = getClass().getClassLoader().getResourceAsStream("META-INF/spring-configuration-metadata.json")) {
      assertThat(in).as("the starter's generated configuration metadata").isNotNull();
      metadata = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
    for (String[] property : new String[][] {{"simestate.health.max-pending-age", "1h"},
        {"simestate.health.max-since-last-dispatch", "15m"}}) {
      List<Map<String, Object>> entries = JsonPath.read(metadata, "$.properties[?(@.name == '" + property[0] + "')]");
      assertThat(entries).as(property[0]).singleElement().satisfies(entry -> {
        assertThat(entry).containsEntry("type", "java.time.Duration").containsEntry("defaultValue", property[1]);
        assertThat((String) entry.get("description")).contains("health is DOWN");
      });
    }
  }

  @Test
  void springBootsHealthRegistryListsTheIndicatorAsSimestate() {
    application().withConfiguration(AutoConfigurations.of(HealthContributorAutoConfiguration.class,
        HealthContributorRegistryAutoConfiguration.class)).run(context -> {
          assertThat(context).hasNotFailed().hasSingleBean(HealthContributorRegistry.class);
          assertThat(context.getBean(HealthContributorRegistry.class).getContributor("simestate"))
              .isSameAs(context.getBean(SimEstateHealthIndicator.class));
        });
  }

  @Test
  void theHealthIndicatorIsOffAsSpringBootSwitchesIndicatorsOff() {
    application().withPropertyValues("management.health.simestate.enabled=false").run(context ->
        assertThat(context).hasNotFailed().hasSingleBean(SimEstate.class)
            .doesNotHaveBean(SimEstateHealthIndicator.class));
    application().withPropertyValues("management.health.defaults.enabled=false").run(context ->
        assertThat(context).hasNotFailed().doesNotHaveBean(SimEstateHealthIndicator.class));
  }

  @Test
  void withoutSpringBootsHealthApiThereIsNoIndicator() {
    withRegistry().withClassLoader(new FilteredClassLoader(HealthIndicator.class)).run(context ->
        assertThat(context).hasNotFailed().hasSingleBean(SimEstate.class)
            .doesNotHaveBean(SimEstateHealthIndicator.class).hasSingleBean(SimEstateMetrics.class));
  }

  @Test
  void theStarterBacksOffForTheApplicationsOwnIndicator() {
    application().withUserConfiguration(OwnIndicator.class).run(context -> {
      assertThat(context).hasNotFailed().doesNotHaveBean(SimEstateHealthIndicator.class);
      assertThat(context.getBean("simestateHealthIndicator", HealthIndicator.class).health().getStatus())
          .isEqualTo(Status.OUT_OF_SERVICE);
    });
  }

  @Configuration(proxyBeanMethods = false)
  static class Registry {
    @Bean
    SimpleMeterRegistry registry() {
      return new SimpleMeterRegistry();
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class OwnMetrics {
    final SimEstateMetrics metrics = SimEstateMetrics.builder(new SimpleMeterRegistry()).build();

    @Bean
    SimEstateMetrics ownMetrics() {
      return metrics;
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class OwnIndicator {
    @Bean
    HealthIndicator simestateHealthIndicator() {
      return () -> Health.outOfService().build();
    }
  }

  /** An injected clock and thresholds, through the starter's customizer hook. */
  @Configuration(proxyBeanMethods = false)
  static class Thresholds {
    final MovableClock clock = new MovableClock(Instant.parse("2026-01-05T09:00:00Z"));

    @Bean
    SimEstateBuilderCustomizer clockAndThresholds() {
      return builder -> builder.clock(clock)
          .healthThresholds(HealthThresholds.of(Duration.ofHours(1), Duration.ofMinutes(15)));
    }
  }

  /** An injected clock only: the thresholds are the starter's. */
  @Configuration(proxyBeanMethods = false)
  static class OnlyClock {
    final MovableClock clock = new MovableClock(Instant.parse("2026-01-05T09:00:00Z"));

    @Bean
    SimEstateBuilderCustomizer clockOnly() {
      return builder -> builder.clock(clock);
    }
  }

  /** A clock the test moves. */
  static final class MovableClock extends Clock {
    private volatile Instant now;

    MovableClock(Instant start) {
      this.now = start;
    }

    void advance(Duration by) {
      now = now.plus(by);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
