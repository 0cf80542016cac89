package io.simestate.core;

import java.lang.reflect.AnnotatedElement;
import java.util.Optional;
import net.jqwik.api.lifecycle.AroundPropertyHook;
import net.jqwik.api.lifecycle.PropagationMode;
import net.jqwik.api.lifecycle.PropertyAttributes;
import net.jqwik.api.lifecycle.PropertyExecutionResult;
import net.jqwik.api.lifecycle.PropertyExecutor;
import net.jqwik.api.lifecycle.PropertyLifecycleContext;

/**
 * Shorter jqwik properties under the {@code mutation} profile: PIT runs a property once per mutant
 * that its lines reach, so a property with 2,000 tries times a few hundred mutants made a run of the
 * {@code customer} package last longer than half an hour. With the system property
 * {@code simestate.test.maxTries} set (the profile sets it), every property runs at most that many
 * tries (its edge cases first, as always) from a fixed seed, so two runs of one commit agree. Without
 * the system property (every other build) nothing changes. Registered for all properties through
 * {@code META-INF/services/net.jqwik.api.lifecycle.LifecycleHook}.
 */
public final class MutationRunTries implements AroundPropertyHook {

  /** The system property that caps the tries; unset, properties run as written. */
  public static final String MAX_TRIES = "simestate.test.maxTries";

  /** The seed of every capped property without a seed of its own. */
  static final String SEED = "16";

  @Override
  public PropagationMode propagateTo() {
    return PropagationMode.ALL_DESCENDANTS;
  }

  @Override
  public boolean appliesTo(Optional<AnnotatedElement> element) {
    return System.getProperty(MAX_TRIES) != null;
  }

  @Override
  public PropertyExecutionResult aroundProperty(PropertyLifecycleContext context, PropertyExecutor property) {
    int cap = Integer.parseInt(System.getProperty(MAX_TRIES));
    PropertyAttributes attributes = context.attributes();
    attributes.setTries(Math.min(attributes.tries().orElse(cap), cap));
    if (attributes.seed().filter(seed -> !seed.isEmpty()).isEmpty()) {
      attributes.setSeed(SEED);
    }
    return property.execute();
  }
}
