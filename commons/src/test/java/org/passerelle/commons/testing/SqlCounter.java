package org.passerelle.commons.testing;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverPropertyInfo;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Predicate;
import java.util.logging.Logger;

/**
 * Counts what a service sends to PostgreSQL, at the JDBC level, so that raw JDBC (outbox,
 * idempotency keys, advisory locks) counts as much as Hibernate: each statement executed (a batch
 * is one round trip), each commit and rollback, with the thread that sent it. A test profile makes
 * it the data source's driver ({@code quarkus.datasource.jdbc.driver}, see {@link #DRIVER}); it
 * hands every call on to PostgreSQL's own driver.
 */
public final class SqlCounter implements Driver {

  /** The value of {@code quarkus.datasource.jdbc.driver} that counts. */
  public static final String DRIVER = "org.passerelle.commons.testing.SqlCounter";

  /** What went to the database: a statement's SQL, or {@code COMMIT} / {@code ROLLBACK}. */
  public record Call(String sql, String thread, boolean virtualThread, int batched) {

    public boolean commit() {
      return "COMMIT".equals(sql);
    }

    public boolean rollback() {
      return "ROLLBACK".equals(sql);
    }

    public boolean statement() {
      return !commit() && !rollback();
    }
  }

  private static final Driver POSTGRES = new org.postgresql.Driver();
  private static final List<Call> CALLS = new ArrayList<>();
  private static volatile boolean recording;

  /** Forgets what was counted and counts from now on. */
  public static void start() {
    synchronized (CALLS) {
      CALLS.clear();
    }
    recording = true;
  }

  /** Stops counting and returns what was counted since {@link #start()}. */
  public static List<Call> stop() {
    recording = false;
    synchronized (CALLS) {
      return List.copyOf(CALLS);
    }
  }

  /** What was counted so far, still counting. */
  public static List<Call> calls() {
    synchronized (CALLS) {
      return List.copyOf(CALLS);
    }
  }

  /** The calls that match. */
  public static List<Call> of(List<Call> calls, Predicate<Call> which) {
    return calls.stream().filter(which).toList();
  }

  private static void record(String sql, int batched) {
    if (!recording) {
      return;
    }
    Thread thread = Thread.currentThread();
    Call call = new Call(sql, thread.getName(), thread.isVirtual(), batched);
    synchronized (CALLS) {
      CALLS.add(call);
    }
  }

  @Override
  public Connection connect(String url, Properties info) throws SQLException {
    Connection connection = POSTGRES.connect(url, info);
    return connection == null ? null : proxy(Connection.class, new Counted(connection, null));
  }

  @Override
  public boolean acceptsURL(String url) throws SQLException {
    return POSTGRES.acceptsURL(url);
  }

  @Override
  public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) throws SQLException {
    return POSTGRES.getPropertyInfo(url, info);
  }

  @Override
  public int getMajorVersion() {
    return POSTGRES.getMajorVersion();
  }

  @Override
  public int getMinorVersion() {
    return POSTGRES.getMinorVersion();
  }

  @Override
  public boolean jdbcCompliant() {
    return POSTGRES.jdbcCompliant();
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    return POSTGRES.getParentLogger();
  }

  @SuppressWarnings("unchecked")
  private static <T> T proxy(Class<T> type, InvocationHandler handler) {
    return (T)
        Proxy.newProxyInstance(SqlCounter.class.getClassLoader(), new Class<?>[] {type}, handler);
  }

  private static final Map<String, Class<?>> STATEMENT_TYPES =
      Map.of(
          "createStatement", Statement.class,
          "prepareStatement", PreparedStatement.class,
          "prepareCall", CallableStatement.class);

  /** A connection or statement handed on to PostgreSQL's, counting as it goes. */
  private static final class Counted implements InvocationHandler {
    private final Object target;
    private final String sql;
    private int batched;

    Counted(Object target, String sql) {
      this.target = target;
      this.sql = sql;
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
      String name = method.getName();
      switch (name) {
        case "equals" -> {
          return proxy == args[0];
        }
        case "hashCode" -> {
          return System.identityHashCode(proxy);
        }
        case "unwrap" -> {
          if (((Class<?>) args[0]).isInstance(proxy)) {
            return proxy;
          }
        }
        default -> {}
      }
      if (!(target instanceof Connection)) {
        // Counted before it runs: a statement PostgreSQL refuses was sent all the same.
        switch (name) {
          case "addBatch" -> batched++;
          case "executeBatch", "executeLargeBatch" -> {
            record(sql, batched);
            batched = 0;
          }
          case "execute", "executeQuery", "executeUpdate", "executeLargeUpdate" ->
              record(args != null && args.length > 0 ? (String) args[0] : sql, 0);
          default -> {}
        }
      }
      Object result;
      try {
        result = method.invoke(target, args);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
      if (target instanceof Connection) {
        switch (name) {
          case "commit" -> record("COMMIT", 0);
          case "rollback" -> {
            if (args == null || args.length == 0) {
              record("ROLLBACK", 0);
            }
          }
          default -> {
            Class<?> type = STATEMENT_TYPES.get(name);
            if (type != null) {
              String text = args != null && args.length > 0 ? (String) args[0] : null;
              return proxy(type, new Counted(result, text));
            }
          }
        }
      }
      return result;
    }
  }
}
