package io.simestate.jpa;

import java.util.Optional;
import org.junit.platform.engine.FilterResult;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.PostDiscoveryFilter;

/**
 * Leaves the test classes of databases this run does not enable ({@code simestate.test.databases})
 * out of the run altogether, so that a run on H2 does not report the PostgreSQL and MariaDB classes
 * as hundreds of skipped tests. Registered in {@code META-INF/services}; {@link Db.Condition} still
 * disables such a class where this filter is not loaded (an IDE run of one class).
 */
public final class DatabaseSelection implements PostDiscoveryFilter {

  @Override
  public FilterResult apply(TestDescriptor descriptor) {
    Optional<Db> db = descriptor.getSource().flatMap(DatabaseSelection::testClass).map(c -> c.getAnnotation(Db.class));
    if (db.isPresent() && !TestDatabase.enabled(db.get().value())) {
      return FilterResult.excluded(db.get().value() + " is not enabled; run with -Pdatabases");
    }
    return FilterResult.included("no database, or an enabled one");
  }

  private static Optional<Class<?>> testClass(TestSource source) {
    if (source instanceof ClassSource c) {
      return Optional.of(c.getJavaClass());
    }
    if (source instanceof MethodSource m) {
      return Optional.of(m.getJavaClass());
    }
    return Optional.empty();
  }
}
