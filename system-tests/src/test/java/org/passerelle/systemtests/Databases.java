package org.passerelle.systemtests;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The services' databases as the system tests reach them, with the credentials ./passerelle set.
 */
final class Databases {

  private static final String PASSWORD =
      System.getenv().getOrDefault("PASSERELLE_DB_PASSWORD", "passerelle");
  private static final String HOST =
      System.getenv().getOrDefault("PASSERELLE_DB_HOST", "127.0.0.1");
  private static final String PORT = System.getenv().getOrDefault("PASSERELLE_DB_PORT", "5432");

  private Databases() {}

  /** {@code suffix} names the copy: {@code systest}, {@code faulttest}. */
  static Connection connect(String service, String suffix) throws SQLException {
    return DriverManager.getConnection(
        "jdbc:postgresql://" + HOST + ":" + PORT + "/passerelle_" + service + "_" + suffix,
        "passerelle_" + service,
        PASSWORD);
  }

  /**
   * Empties a database so that a run never depends on what an earlier one left; Flyway migrates it
   * again when the service starts.
   */
  static void reset(String service, String suffix) {
    try (Connection db = connect(service, suffix);
        Statement statement = db.createStatement()) {
      statement.execute("drop schema if exists public cascade");
      statement.execute("create schema public");
    } catch (SQLException e) {
      throw new IllegalStateException("cannot reset passerelle_" + service + "_" + suffix, e);
    }
  }
}
