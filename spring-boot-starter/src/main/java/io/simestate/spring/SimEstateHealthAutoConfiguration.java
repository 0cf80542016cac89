package io.simestate.spring;

import io.simestate.core.estate.SimEstate;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.context.annotation.Bean;

/**
 * The {@code simestate} health indicator ({@link SimEstateHealthIndicator}), when Spring Boot's health
 * API ({@code spring-boot-health}, which Actuator brings) is on the class path and there is a
 * {@link SimEstate}. Off with {@code management.health.simestate.enabled=false} (or
 * {@code management.health.defaults.enabled=false}); backs off when the application defines a
 * {@code SimEstateHealthIndicator} or a bean named {@code simestateHealthIndicator}.
 */
@AutoConfiguration(after = SimEstateAutoConfiguration.class)
@ConditionalOnClass(name = "org.springframework.boot.health.contributor.HealthIndicator")
@ConditionalOnBooleanProperty(name = "simestate.enabled", matchIfMissing = true)
@ConditionalOnEnabledHealthIndicator("simestate")
@ConditionalOnBean(SimEstate.class)
public class SimEstateHealthAutoConfiguration {

  /** Created by Spring Boot. */
  public SimEstateHealthAutoConfiguration() {}

  /**
   * The indicator; Spring Boot names it {@code simestate} after the bean's name.
   *
   * @param estate the library
   * @return the indicator
   */
  @Bean
  @ConditionalOnMissingBean(value = SimEstateHealthIndicator.class, name = "simestateHealthIndicator")
  public SimEstateHealthIndicator simestateHealthIndicator(SimEstate estate) {
    return new SimEstateHealthIndicator(estate);
  }
}
