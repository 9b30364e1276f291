package org.passerelle.cohort.testing;

import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionManager;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.hibernate.resource.jdbc.spi.StatementInspector;

/**
 * The SQL statements Hibernate prepares on the test's own thread while it watches: what one call
 * costs, counted exactly, whatever the relay and the consumers do meanwhile on theirs.
 */
@PersistenceUnitExtension
@ApplicationScoped
public class SqlStatements implements StatementInspector {

  /** A statement, and whether it ran inside a transaction. */
  public record Statement(String sql, boolean inTransaction) {}

  private static volatile Thread watched;
  private static final List<Statement> SEEN = new ArrayList<>();

  /** The statements {@code work} sent, in order, with its result. */
  public static synchronized <T> Watched<T> during(Supplier<T> work) {
    SEEN.clear();
    watched = Thread.currentThread();
    try {
      T result = work.get();
      return new Watched<>(result, List.copyOf(SEEN));
    } finally {
      watched = null;
    }
  }

  public record Watched<T>(T result, List<Statement> statements) {}

  private final TransactionManager transactions;

  SqlStatements(TransactionManager transactions) {
    this.transactions = transactions;
  }

  @Override
  public String inspect(String sql) {
    if (Thread.currentThread() == watched) {
      SEEN.add(new Statement(sql, inTransaction()));
    }
    return sql;
  }

  private boolean inTransaction() {
    try {
      return transactions.getStatus() != Status.STATUS_NO_TRANSACTION;
    } catch (SystemException e) {
      throw new IllegalStateException(e);
    }
  }
}
