package io.simestate.jpa;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs a test class on one database; disabled unless the run enables that database
 * ({@code simestate.test.databases}). Once enabled, an unreachable database fails the tests.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Inherited
@ExtendWith(Db.Condition.class)
@interface Db {

  DatabaseVendor value();

  /** Enables the class when its database is part of this run. */
  final class Condition implements ExecutionCondition {
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
      Db db = context.getTestClass().map(c -> c.getAnnotation(Db.class)).orElse(null);
      if (db == null) {
        return ConditionEvaluationResult.enabled("no database chosen");
      }
      if (!TestDatabase.enabled(db.value())) {
        return ConditionEvaluationResult.disabled(db.value() + " is not enabled; run with -Pdatabases");
      }
      // Drop this run's schemas when the whole test run ends.
      context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
          .getOrComputeIfAbsent(TestDatabase.class.getName(), k -> new Cleanup(), Cleanup.class);
      return ConditionEvaluationResult.enabled(db.value() + " is enabled");
    }
  }

  /** Closed by JUnit at the end of the run (JUnit closes stored {@link AutoCloseable} values). */
  final class Cleanup implements AutoCloseable {
    @Override
    public void close() {
      TestDatabase.dropAll();
    }
  }

  /** Access to the database of the annotated class. */
  final class Of {
    private Of() {}

    static TestDatabase database(Object test) {
      return TestDatabase.of(vendor(test));
    }

    static DatabaseVendor vendor(Object test) {
      for (Class<?> c = test.getClass(); c != null; c = c.getSuperclass()) {
        Db db = c.getAnnotation(Db.class);
        if (db != null) {
          return db.value();
        }
      }
      throw new IllegalStateException(test.getClass() + " has no @Db");
    }
  }
}
