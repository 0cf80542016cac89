package io.simestate.jpa;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A test data source: keeps a few physical connections open for reuse and counts every statement
 * prepared on them (Hibernate's and the adapter's own JDBC alike).
 */
final class CountingDataSource implements DataSource {

  private final DataSource target;
  private final ConcurrentLinkedQueue<Connection> idle = new ConcurrentLinkedQueue<>();
  private final ConcurrentLinkedQueue<Connection> all = new ConcurrentLinkedQueue<>();
  private final AtomicLong statements = new AtomicLong();
  private final ThreadLocal<Hook> hook = new ThreadLocal<>();

  /**
   * An action to run before a statement is prepared, for a test that plays a race out in order: before
   * the next statement whose SQL starts with {@code sqlStart}, or, if {@code after}, before the first
   * statement prepared after that one.
   */
  private static final class Hook {
    final String sqlStart;
    final Runnable action;
    final boolean after;
    boolean seen;

    Hook(String sqlStart, Runnable action, boolean after) {
      this.sqlStart = sqlStart;
      this.action = action;
      this.after = after;
    }

    /** Whether the action runs before the statement {@code sql} is prepared. */
    boolean firesBefore(String sql) {
      if (seen) {
        return true;
      }
      boolean matches = sql.startsWith(sqlStart);
      if (matches && after) {
        seen = true;
        return false;
      }
      return matches;
    }
  }

  CountingDataSource(DataSource target) {
    this.target = target;
  }

  /**
   * Runs {@code action} once, on the calling thread, just before that thread next prepares a statement
   * whose SQL starts with {@code sqlStart}: what another transaction does between two of the adapter's
   * statements.
   */
  void beforeNext(String sqlStart, Runnable action) {
    hook.set(new Hook(sqlStart, action, false));
  }

  /**
   * Runs {@code action} once, on the calling thread, between the next statement whose SQL starts with
   * {@code sqlStart} and the statement the thread prepares after it, whatever that is: what another
   * transaction does right after one of the adapter's statements.
   */
  void afterNext(String sqlStart, Runnable action) {
    hook.set(new Hook(sqlStart, action, true));
  }

  /** Statements prepared so far. */
  long statements() {
    return statements.get();
  }

  void closeAll() {
    for (Connection c : all) {
      try {
        c.close();
      } catch (SQLException e) {
        // closing at the end of the run; nothing to do
      }
    }
  }

  @Override
  public Connection getConnection() throws SQLException {
    Connection physical = idle.poll();
    if (physical == null || !physical.isValid(2)) {
      physical = target.getConnection();
      all.add(physical);
    }
    Connection p = physical;
    return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
        (proxy, method, args) -> {
          switch (method.getName()) {
            case "close" -> {
              if (!p.getAutoCommit()) {
                p.rollback();
                p.setAutoCommit(true);
              }
              idle.add(p);
              return null;
            }
            case "isClosed" -> {
              return false;
            }
            case "prepareStatement", "createStatement", "prepareCall" -> {
              statements.incrementAndGet();
              Hook h = hook.get();
              if (h != null && args != null && args[0] instanceof String sql && h.firesBefore(sql)) {
                hook.remove();
                h.action.run();
              }
            }
            default -> { }
          }
          try {
            return method.invoke(p, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        });
  }

  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    return getConnection();
  }

  @Override
  public PrintWriter getLogWriter() throws SQLException {
    return target.getLogWriter();
  }

  @Override
  public void setLogWriter(PrintWriter out) throws SQLException {
    target.setLogWriter(out);
  }

  @Override
  public void setLoginTimeout(int seconds) throws SQLException {
    target.setLoginTimeout(seconds);
  }

  @Override
  public int getLoginTimeout() throws SQLException {
    return target.getLoginTimeout();
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    return target.getParentLogger();
  }

  @Override
  public <T> T unwrap(Class<T> iface) throws SQLException {
    return target.unwrap(iface);
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) throws SQLException {
    return target.isWrapperFor(iface);
  }
}
