package io.simestate.benchmarks;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;

/**
 * Wraps a data source so that every SQL statement executed through it is counted (each
 * {@code execute*} call on a statement; a batch counts once). Used outside the timed code, to check
 * how many statements one operation of the adapter sends.
 */
final class StatementCounter {

  private final AtomicLong executed = new AtomicLong();

  long executed() {
    return executed.get();
  }

  DataSource wrap(DataSource target) {
    return proxy(DataSource.class, target, (method, result) -> result instanceof Connection c ? connection(c) : result);
  }

  private Connection connection(Connection target) {
    return proxy(Connection.class, target, (method, result) -> {
      if (result instanceof Statement s && method.getName().matches("prepareStatement|createStatement|prepareCall")) {
        return statement(s, method.getReturnType());
      }
      return result;
    });
  }

  private Object statement(Statement target, Class<?> type) {
    return proxy(type, target, (method, result) -> result);
  }

  @SuppressWarnings("unchecked")
  private <T> T proxy(Class<T> type, Object target, java.util.function.BiFunction<Method, Object, Object> after) {
    InvocationHandler handler = (p, method, args) -> {
      if (method.getName().startsWith("execute") && target instanceof Statement) {
        executed.incrementAndGet();
      }
      if (method.getName().equals("unwrap") && args != null && args[0] instanceof Class<?> c && c.isInstance(target)) {
        return target;
      }
      try {
        return after.apply(method, method.invoke(target, args));
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
    };
    return (T) Proxy.newProxyInstance(StatementCounter.class.getClassLoader(), new Class<?>[] {type}, handler);
  }
}
