package io.simestate.spring;

import io.micrometer.core.instrument.MeterRegistry;
import io.simestate.core.estate.SimEstate;
import io.simestate.micrometer.SimEstateMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * SIM Estate's meters ({@code simestate-micrometer}) in the application's {@link MeterRegistry}, when
 * {@code simestate-micrometer} is on the class path and the application has a registry (Spring Boot
 * Actuator makes one):
 * <ul>
 *   <li>a {@link SimEstateMetrics} bean, without the {@code tenant} tag unless
 *       {@code simestate.metrics.tenant-tag=true};</li>
 *   <li>registered as a listener of the estate the starter builds, through a
 *       {@link SimEstateBuilderCustomizer};</li>
 *   <li>its outbox gauges bound to the estate once every singleton exists.</li>
 * </ul>
 * Off with {@code simestate.metrics.enabled=false}. Backs off entirely when the application defines its
 * own {@code SimEstateMetrics} bean: it then registers and binds that one itself. An estate the
 * application builds itself gets the outbox gauges, but only the listeners it adds (apply the
 * {@code SimEstateBuilderCustomizer} beans to its builder to count routing and sends too).
 */
@AutoConfiguration(after = SimEstateAutoConfiguration.class, afterName = {
    "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
    "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
    "org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration"})
@ConditionalOnClass(name = {"io.simestate.micrometer.SimEstateMetrics", "io.micrometer.core.instrument.MeterRegistry"})
@ConditionalOnBooleanProperty(name = "simestate.enabled", matchIfMissing = true)
@ConditionalOnBooleanProperty(name = "simestate.metrics.enabled", matchIfMissing = true)
@ConditionalOnBean({MeterRegistry.class, SimEstate.class})
@ConditionalOnMissingBean(SimEstateMetrics.class)
public class SimEstateMetricsAutoConfiguration {

  private static final Logger LOG = LoggerFactory.getLogger(SimEstateMetricsAutoConfiguration.class);

  /** Created by Spring Boot. */
  public SimEstateMetricsAutoConfiguration() {}

  /**
   * The meters, in the application's registry.
   *
   * @param registry the application's registry (the unique or primary one)
   * @param environment for {@code simestate.metrics.tenant-tag}
   * @return the metrics
   */
  @Bean
  public SimEstateMetrics simEstateMetrics(MeterRegistry registry, Environment environment) {
    return SimEstateMetrics.builder(registry)
        .tenantTag(environment.getProperty("simestate.metrics.tenant-tag", Boolean.class, false))
        .build();
  }

  /**
   * Registers the metrics as a listener of the estate the starter builds.
   *
   * @param metrics the metrics
   * @return the customizer
   */
  @Bean
  public SimEstateBuilderCustomizer simEstateMetricsListener(SimEstateMetrics metrics) {
    return builder -> builder.listener(metrics);
  }

  /**
   * Binds the outbox gauges to the estate, once every singleton (the estate among them) exists.
   *
   * @param metrics the metrics
   * @param estates the estate
   * @return the binding
   */
  @Bean
  public static SmartInitializingSingleton simEstateMetricsOutboxBinding(ObjectProvider<SimEstateMetrics> metrics,
      ObjectProvider<SimEstate> estates) {
    return () -> {
      SimEstate estate = estates.getIfUnique();
      if (estate == null) {
        LOG.warn("SIM Estate's outbox gauges are not bound: there is no single SimEstate bean");
        return;
      }
      metrics.getObject().bindOutbox(estate);
    };
  }
}
