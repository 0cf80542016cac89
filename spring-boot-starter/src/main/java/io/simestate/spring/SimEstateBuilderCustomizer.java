package io.simestate.spring;

import io.simestate.core.estate.SimEstate;

/**
 * Adjusts the {@link SimEstate.Builder} the starter prepares, after the properties and the
 * application's beans have been applied and before {@code build()}. Every bean of this type is
 * called, in {@code @Order}; this is also where modules such as metrics register their listeners.
 */
@FunctionalInterface
public interface SimEstateBuilderCustomizer {

  /**
   * Adjusts the builder.
   *
   * @param builder the builder, already set up from {@code simestate.*} and the application's beans
   */
  void customize(SimEstate.Builder builder);
}
