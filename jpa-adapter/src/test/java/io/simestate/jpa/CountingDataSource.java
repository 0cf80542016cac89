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

  CountingDataSource(DataSource target) {
    this.target = target;
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
            case "prepareStatement", "createStatement", "prepareCall" -> statements.incrementAndGet();
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
