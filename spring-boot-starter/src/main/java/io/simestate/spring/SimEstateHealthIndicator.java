package io.simestate.spring;

import io.simestate.core.estate.HealthCheck;
import io.simestate.core.estate.SimEstate;
import io.simestate.core.monitor.EstateHealth;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Spring Boot's view of {@code SimEstate.health().check()}: UP or DOWN with
 * {@link EstateHealth#details()} (the oldest pending delivery's age, the last dispatch run and send,
 * and the problems when DOWN). Each call checks anew, reading the outbox once; a store that cannot be
 * read is DOWN, not an error.
 */
public final class SimEstateHealthIndicator implements HealthIndicator {

  private final HealthCheck check;

  /**
   * An indicator for this estate.
   *
   * @param estate the library
   */
  public SimEstateHealthIndicator(SimEstate estate) {
    this.check = estate.health();
  }

  /**
   * Checks now.
   *
   * @return UP or DOWN with the details
   */
  @Override
  public Health health() {
    EstateHealth health = check.check();
    return (health.up() ? Health.up() : Health.down()).withDetails(health.details()).build();
  }
}
