package org.passerelle.commons.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.passerelle.commons.problem.ProblemException;
import org.passerelle.problem.ProblemType;

/**
 * {@code Idempotency-Key} for creating POSTs (DESIGN §6): the first request with a key runs and its
 * result is stored in the same transaction; a retry with the same key and body gets that result
 * again, a different body with the same key is refused (422). Concurrent retries wait on the key's
 * row until the first one commits.
 */
@ApplicationScoped
public class IdempotencyKeys {

  public static final String HEADER = "Idempotency-Key";
  public static final int MAX_KEY_LENGTH = 200;

  /** A result, and whether it is the replay of an earlier request. */
  public record Outcome<T>(T value, boolean replayed) {}

  private final DataSource dataSource;
  private final ObjectMapper mapper;

  IdempotencyKeys(DataSource dataSource, ObjectMapper mapper) {
    this.dataSource = dataSource;
    this.mapper = mapper;
  }

  @Transactional(Transactional.TxType.MANDATORY)
  public <T> Outcome<T> once(
      String key,
      String caller,
      String operation,
      Object request,
      Class<T> resultType,
      Supplier<T> action) {
    if (key == null) {
      return new Outcome<>(action.get(), false);
    }
    if (key.isBlank() || key.length() > MAX_KEY_LENGTH) {
      throw ProblemException.invalid(HEADER, "invalid-request.parameter", HEADER);
    }
    // Keys are per caller; an anonymous caller would share one key space with every other.
    String who = java.util.Objects.requireNonNull(caller, "idempotent creates need a caller");
    String hash = hash(operation, request);
    try (Connection connection = dataSource.getConnection()) {
      if (claim(connection, who, key, operation, hash)) {
        T value = action.get();
        store(connection, who, key, json(value));
        return new Outcome<>(value, false);
      }
      return replay(connection, who, key, hash, resultType);
    } catch (SQLException e) {
      throw new IllegalStateException("idempotency key storage failed", e);
    }
  }

  /**
   * Forgets the stored responses of these operations (SQL {@code like} patterns, e.g. {@code
   * "record-certification-result %"}) that mention any of these values, when the person they are
   * about is erased: a retry with the same key then runs again, and is answered from what is left,
   * instead of replaying their data. Returns how many were forgotten.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public int forgetResponsesMentioning(List<String> operations, List<String> mentions) {
    if (operations.isEmpty() || mentions.isEmpty()) {
      return 0;
    }
    StringBuilder sql =
        new StringBuilder("delete from idempotency_key where body is not null and (");
    for (int i = 0; i < operations.size(); i++) {
      sql.append(i == 0 ? "" : " or ").append("operation like ?");
    }
    sql.append(") and (");
    for (int i = 0; i < mentions.size(); i++) {
      sql.append(i == 0 ? "" : " or ").append("strpos(body, ?) > 0");
    }
    try (Connection connection = dataSource.getConnection();
        PreparedStatement delete = connection.prepareStatement(sql.append(")").toString())) {
      int parameter = 1;
      for (String operation : operations) {
        delete.setString(parameter++, operation);
      }
      for (String mention : mentions) {
        delete.setString(parameter++, mention);
      }
      return delete.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("idempotency key storage failed", e);
    }
  }

  private static boolean claim(
      Connection connection, String caller, String key, String operation, String hash)
      throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement(
            "insert into idempotency_key (caller, idem_key, operation, request_hash)"
                + " values (?, ?, ?, ?) on conflict do nothing")) {
      insert.setString(1, caller);
      insert.setString(2, key);
      insert.setString(3, operation);
      insert.setString(4, hash);
      return insert.executeUpdate() == 1;
    }
  }

  private static void store(Connection connection, String caller, String key, String body)
      throws SQLException {
    try (PreparedStatement update =
        connection.prepareStatement(
            "update idempotency_key set status = 201, body = ? where caller = ? and idem_key = ?")) {
      update.setString(1, body);
      update.setString(2, caller);
      update.setString(3, key);
      update.executeUpdate();
    }
  }

  private <T> Outcome<T> replay(
      Connection connection, String caller, String key, String hash, Class<T> resultType)
      throws SQLException {
    try (PreparedStatement select =
        connection.prepareStatement(
            "select request_hash, body from idempotency_key where caller = ? and idem_key = ?")) {
      select.setString(1, caller);
      select.setString(2, key);
      try (ResultSet result = select.executeQuery()) {
        if (!result.next() || result.getString(2) == null) {
          throw new ProblemException(ProblemType.CONFLICT, "conflict.detail");
        }
        if (!result.getString(1).equals(hash)) {
          throw new ProblemException(
              ProblemType.IDEMPOTENCY_KEY_REUSED, "idempotency-key-reused.detail");
        }
        return new Outcome<>(mapper.readValue(result.getString(2), resultType), true);
      }
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored idempotent result is unreadable", e);
    }
  }

  private String hash(String operation, Object request) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      digest.update(operation.getBytes(StandardCharsets.UTF_8));
      digest.update(mapper.writeValueAsBytes(request));
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException | JsonProcessingException e) {
      throw new IllegalStateException("cannot hash the request", e);
    }
  }

  private String json(Object value) {
    try {
      return mapper.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot store the idempotent result", e);
    }
  }
}
