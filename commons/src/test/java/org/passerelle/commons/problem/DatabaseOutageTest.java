package org.passerelle.commons.problem;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransactionException;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.RollbackException;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionalException;
import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.TimeoutException;
import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.exception.GenericJDBCException;
import org.hibernate.exception.JDBCConnectionException;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;

class DatabaseOutageTest {

  @Test
  void everyConnectionAndShutdownStateIsAnOutage() {
    for (String state :
        new String[] {
          "08000", "08001", "08003", "08004", "08006", "08P01", "57P01", "57P02", "57P03"
        }) {
      SQLException refused = new SQLException("no database", state);
      assertThat(DatabaseOutage.in(refused)).as(state).containsSame(refused);
    }
    // What PgJDBC throws when nothing listens, and once the server has closed the connection.
    assertThat(
            DatabaseOutage.in(
                new PSQLException("Connection refused", PSQLState.CONNECTION_UNABLE_TO_CONNECT)))
        .isPresent();
    assertThat(
            DatabaseOutage.in(
                new PSQLException(
                    "This connection has been closed.", PSQLState.CONNECTION_DOES_NOT_EXIST)))
        .isPresent();
  }

  @Test
  void theJdbcConnectionExceptionTypesAreOutagesWhateverTheirState() {
    assertThat(DatabaseOutage.in(new SQLTransientConnectionException("pool"))).isPresent();
    assertThat(DatabaseOutage.in(new SQLNonTransientConnectionException("gone"))).isPresent();
    assertThat(
            DatabaseOutage.in(
                new JDBCConnectionException(
                    "Unable to acquire JDBC Connection", new SQLException())))
        .isPresent();
  }

  @Test
  void agroalsAcquisitionTimeoutsAreOutages() {
    // agroal-pool 3.0.1, ConnectionPool: waiting for a free connection, and for a new one.
    assertThat(DatabaseOutage.in(new SQLException("Sorry, acquisition timeout!"))).isPresent();
    assertThat(
            DatabaseOutage.in(
                new SQLException(
                    "Acquisition timeout while waiting for new connection",
                    new TimeoutException())))
        .isPresent();
  }

  @Test
  void anOutageIsFoundUnderHibernatesAndTheTransactionManagersWrappers() {
    SQLException shutdown = new SQLException("terminating connection", "57P01");
    Exception hibernate = new GenericJDBCException("could not execute statement", shutdown);
    assertThat(DatabaseOutage.in(new PersistenceException(hibernate))).containsSame(shutdown);

    RollbackException rollback = new RollbackException("ARJUNA016053: Could not commit");
    rollback.initCause(new PersistenceException(hibernate));
    assertThat(DatabaseOutage.in(new TransactionalException("commit failed", rollback)))
        .containsSame(shutdown);
    assertThat(DatabaseOutage.in(new QuarkusTransactionException(rollback))).containsSame(shutdown);

    SystemException begin = new SystemException("cannot begin");
    begin.initCause(new JDBCConnectionException("Unable to acquire JDBC Connection", shutdown));
    assertThat(DatabaseOutage.in(begin)).isPresent();

    RollbackException suppressing = new RollbackException("rolled back");
    suppressing.addSuppressed(new SQLException("I/O error", "08006"));
    assertThat(DatabaseOutage.in(suppressing)).isPresent();

    BatchUpdateException batch = new BatchUpdateException("batch failed", "XX000", new int[0]);
    batch.setNextException(new SQLException("I/O error", "08006"));
    assertThat(DatabaseOutage.in(batch)).isPresent();
  }

  @Test
  void aCycleOfCausesEnds() {
    RuntimeException first = new RuntimeException("first");
    RuntimeException second = new RuntimeException("second", first);
    first.initCause(second);
    assertThat(DatabaseOutage.in(first)).isEmpty();
    second.addSuppressed(first);
    first.addSuppressed(new SQLException("gone", "08006"));
    assertThat(DatabaseOutage.in(second)).isPresent();
  }

  @Test
  void aStatementTheDatabaseRefusesIsNoOutage() {
    SQLException unique = new SQLException("duplicate key value", "23505");
    assertThat(DatabaseOutage.in(unique)).isEmpty();
    assertThat(
            DatabaseOutage.in(
                new PersistenceException(
                    new ConstraintViolationException("duplicate", unique, "uk_email"))))
        .isEmpty();
    assertThat(DatabaseOutage.in(new SQLException("canceling statement", "57014"))).isEmpty();
    assertThat(DatabaseOutage.in(new SQLException("syntax", "42601"))).isEmpty();
    // Agroal's other stateless refusals are programming errors, not outages.
    assertThat(DatabaseOutage.in(new SQLException("Connection acquired without transaction.")))
        .isEmpty();
    assertThat(DatabaseOutage.in(new IllegalStateException("bug"))).isEmpty();
    assertThat(DatabaseOutage.in(null)).isEmpty();
  }

  @Test
  void theLogDescriptionGivesTypeAndStateButNeverTheMessage() {
    assertThat(DatabaseOutage.describe(new SQLException("amina@example.org", "08006")))
        .isEqualTo("java.sql.SQLException SQLState 08006")
        .doesNotContain("amina");
    assertThat(DatabaseOutage.describe(new SQLTransientConnectionException("amina")))
        .isEqualTo("java.sql.SQLTransientConnectionException");
    assertThat(DatabaseOutage.describe(new SQLException("Sorry, acquisition timeout!")))
        .isEqualTo("java.sql.SQLException pool acquisition timeout");
  }
}
