package org.passerelle.enrollment.testing;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;
import java.util.UUID;

/** Direct changes tests make to set a scene the API cannot (time passing, selection done). */
public final class Db {

  private Db() {}

  /** Runs one statement in its own transaction, with positional parameters ?1, ?2... */
  public static int execute(EntityManager entityManager, String sql, Object... parameters) {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              var query = entityManager.createNativeQuery(sql);
              for (int i = 0; i < parameters.length; i++) {
                query.setParameter(i + 1, parameters[i]);
              }
              return query.executeUpdate();
            });
  }

  /** One value of one row, in its own transaction. */
  public static Object value(EntityManager entityManager, String sql, Object... parameters) {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              var query = entityManager.createNativeQuery(sql);
              for (int i = 0; i < parameters.length; i++) {
                query.setParameter(i + 1, parameters[i]);
              }
              return query.getSingleResult();
            });
  }

  /** Makes an applicant and all their applications last active this many months ago. */
  public static void age(EntityManager entityManager, String applicantId, int months) {
    UUID id = UUID.fromString(applicantId);
    String ago = "now() - interval '" + months + " months'";
    execute(entityManager, "update applicant set updated_at = " + ago + " where id = ?1", id);
    execute(
        entityManager,
        "update application set updated_at = " + ago + " where applicant_id = ?1",
        id);
  }

  /** Whether the applicant has been erased. */
  public static boolean erased(EntityManager entityManager, String applicantId) {
    return value(
            entityManager,
            "select erased_at is not null from applicant where id = ?1",
            UUID.fromString(applicantId))
        .equals(Boolean.TRUE);
  }
}
