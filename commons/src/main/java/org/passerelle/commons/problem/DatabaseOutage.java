package org.passerelle.commons.problem;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import org.hibernate.JDBCException;
import org.hibernate.exception.JDBCConnectionException;

/**
 * Recognises, anywhere among an exception's causes, that the database could not be reached or is
 * restarting, as opposed to refusing a statement: the request may succeed if retried a little
 * later, so it is answered 503, not 500. Hibernate, Narayana and Quarkus wrap the driver's or the
 * pool's exception in their own, sometimes as a suppressed exception or a JDBC "next" one.
 */
public final class DatabaseOutage {

  /** SQL standard class 08, connection exception (refused, broken, closed connection). */
  private static final String CONNECTION_EXCEPTION_CLASS = "08";

  /** PostgreSQL's admin_shutdown, crash_shutdown and cannot_connect_now (starting up). */
  private static final Set<String> SHUTDOWN_STATES = Set.of("57P01", "57P02", "57P03");

  /**
   * Agroal's pool (3.0) gives up waiting for a free connection with a bare SQLException: no
   * subtype, no SQLState, no cause; its text is the only handle it offers.
   */
  private static final String POOL_ACQUISITION_TIMEOUT = "Sorry, acquisition timeout!";

  /** Chains are short; this only bounds a pathological one. */
  private static final int MAX_EXCEPTIONS = 64;

  private DatabaseOutage() {}

  /** The exception that says the database is unavailable, if one is among e and its causes. */
  public static Optional<Throwable> in(Throwable e) {
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    Deque<Throwable> pending = new ArrayDeque<>();
    if (e != null) {
      pending.add(e);
    }
    while (!pending.isEmpty() && seen.size() < MAX_EXCEPTIONS) {
      Throwable candidate = pending.poll();
      if (!seen.add(candidate)) {
        continue;
      }
      if (unavailable(candidate)) {
        return Optional.of(candidate);
      }
      if (candidate.getCause() != null) {
        pending.add(candidate.getCause());
      }
      if (candidate instanceof SQLException sql && sql.getNextException() != null) {
        pending.add(sql.getNextException());
      }
      Collections.addAll(pending, candidate.getSuppressed());
    }
    return Optional.empty();
  }

  /**
   * What a log line may say about it: the exception's type and SQLState, never its message (a
   * driver's text can quote values).
   */
  static String describe(Throwable e) {
    String state =
        switch (e) {
          case SQLException sql -> sql.getSQLState();
          case JDBCException jdbc -> jdbc.getSQLState();
          default -> null;
        };
    String pool =
        e instanceof SQLException sql && poolTimedOut(sql) ? " pool acquisition timeout" : "";
    return e.getClass().getName() + (state == null ? "" : " SQLState " + state) + pool;
  }

  private static boolean unavailable(Throwable e) {
    return switch (e) {
      case JDBCConnectionException ignored -> true;
      case SQLTransientConnectionException ignored -> true;
      case SQLNonTransientConnectionException ignored -> true;
      case SQLException sql -> unavailableState(sql.getSQLState()) || poolTimedOut(sql);
      default -> false;
    };
  }

  private static boolean unavailableState(String state) {
    return state != null
        && (state.startsWith(CONNECTION_EXCEPTION_CLASS) || SHUTDOWN_STATES.contains(state));
  }

  /**
   * Agroal's two acquisition timeouts: waiting for a free connection, and waiting for a new one to
   * be made ("Acquisition timeout while waiting for new connection", caused by a TimeoutException).
   */
  private static boolean poolTimedOut(SQLException e) {
    return e.getClass() == SQLException.class
        && e.getSQLState() == null
        && (e.getCause() instanceof TimeoutException
            || POOL_ACQUISITION_TIMEOUT.equals(e.getMessage()));
  }
}
