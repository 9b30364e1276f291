package org.passerelle.commons.locks;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * Serialises the transactions about one thing that has no row to lock yet, such as a person known
 * by a natural key who may be about to be created: each waits for a PostgreSQL advisory lock on a
 * hash of the key, held until its transaction ends. The one way to do so in every service.
 *
 * <p>Whoever takes several keys in one transaction takes them in one fixed order everywhere, or two
 * transactions may wait for each other (PostgreSQL then ends one of them with a deadlock error).
 */
@ApplicationScoped
public class AdvisoryLocks {

  private final DataSource dataSource;

  AdvisoryLocks(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * Waits until no other transaction holds the lock of this key, then holds it until the current
   * transaction commits or rolls back. Taking a lock the transaction already holds returns at once.
   *
   * @param kind what the key identifies (e.g. {@code "applicant-email"}): the same values under
   *     another kind are another lock
   * @param parts the key's values, in a fixed order; none null
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void holdUntilCommit(String kind, String... parts) {
    // The data source hands the transaction's own connection: the lock ends with it.
    try (Connection connection = dataSource.getConnection();
        PreparedStatement lock = connection.prepareStatement("select pg_advisory_xact_lock(?)")) {
      lock.setLong(1, key(kind, parts));
      lock.execute();
    } catch (SQLException e) {
      throw new IllegalStateException("advisory lock failed", e);
    }
  }

  /**
   * Runs {@code work} unless the same work of this country is already running, here or in another
   * instance: a session advisory lock on ({@code lockClass}, the country), taken on a connection of
   * its own and released once the work ends, whether it committed or failed. Scheduled jobs (the
   * retention of personal data, the conventions' and job offers' days, follow-ups falling due) run
   * one per country this way. Call it outside a transaction; {@code work} opens its own.
   *
   * @return the work's result, or empty when another run held the lock
   */
  public <T> Optional<T> unlessRunning(int lockClass, String country, Supplier<T> work) {
    try (Connection connection = dataSource.getConnection()) {
      if (!sessionLock(connection, "select pg_try_advisory_lock(?, ?)", lockClass, country)) {
        return Optional.empty();
      }
      try {
        return Optional.of(work.get());
      } finally {
        sessionLock(connection, "select pg_advisory_unlock(?, ?)", lockClass, country);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("advisory lock failed", e);
    }
  }

  /** The second key of a country's session lock: its two letters. */
  public static int countryKey(String country) {
    return country.charAt(0) << 8 | country.charAt(1);
  }

  private static boolean sessionLock(
      Connection connection, String sql, int lockClass, String country) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setInt(1, lockClass);
      statement.setInt(2, countryKey(country));
      try (ResultSet result = statement.executeQuery()) {
        return result.next() && result.getBoolean(1);
      }
    }
  }

  /**
   * The 64-bit lock key of these values: the start of their SHA-256, so that keys of any length and
   * content spread evenly. Two different keys sharing a lock only makes one wait for the other.
   */
  public static long key(String kind, String... parts) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      digest.update(Objects.requireNonNull(kind, "kind").getBytes(StandardCharsets.UTF_8));
      for (String part : parts) {
        // A separator, so that ("ab", "c") and ("a", "bc") are different keys.
        digest.update((byte) 0);
        digest.update(Objects.requireNonNull(part, "key part").getBytes(StandardCharsets.UTF_8));
      }
      return ByteBuffer.wrap(digest.digest()).getLong();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
