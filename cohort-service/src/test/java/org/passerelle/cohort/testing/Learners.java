package org.passerelle.cohort.testing;

import static io.restassured.RestAssured.given;

import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.specification.RequestSpecification;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.passerelle.cohort.CohortLearner;
import org.passerelle.commons.testing.Api;
import org.passerelle.commons.testing.Tokens;

/** What the tests of a cohort's learners share: their addresses, callers, and rows as committed. */
public final class Learners {

  private Learners() {}

  public static String path(UUID cohortId) {
    return "/api/v1/cohorts/" + cohortId + "/learners";
  }

  public static String path(UUID cohortId, UUID learnerId) {
    return path(cohortId) + "/" + learnerId;
  }

  /** A demo user, or a regional office's system when the name starts with {@code integration-}. */
  public static RequestSpecification as(String caller) {
    if (caller.startsWith("integration-")) {
      return given()
          .header("Authorization", "Bearer " + Tokens.ofClient(caller))
          .contentType("application/json");
    }
    return Api.as(caller);
  }

  /** The learner's row in the cohort as committed, if any. */
  public static Optional<CohortLearner> row(UUID cohortId, UUID learnerId) {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              EntityManager entityManager = entityManager();
              List<CohortLearner> rows =
                  entityManager
                      .createQuery(
                          "from CohortLearner where cohortId = ?1 and learnerId = ?2",
                          CohortLearner.class)
                      .setParameter(1, cohortId)
                      .setParameter(2, learnerId)
                      .getResultList();
              rows.forEach(entityManager::detach);
              return rows.stream().findFirst();
            });
  }

  public static CohortLearner existing(UUID cohortId, UUID learnerId) {
    return row(cohortId, learnerId).orElseThrow();
  }

  /** The cohort's rows as committed, every status. */
  public static List<CohortLearner> rows(UUID cohortId) {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              EntityManager entityManager = entityManager();
              List<CohortLearner> rows =
                  entityManager
                      .createQuery(
                          "from CohortLearner where cohortId = ?1 order by enrolledAt, learnerId",
                          CohortLearner.class)
                      .setParameter(1, cohortId)
                      .getResultList();
              rows.forEach(entityManager::detach);
              return rows;
            });
  }

  /** The seats held (enrolled or active) in the cohort, as committed. */
  public static long seatsTaken(UUID cohortId) {
    return rows(cohortId).stream().filter(row -> row.status.holdsSeat()).count();
  }

  private static EntityManager entityManager() {
    return Arc.container().instance(EntityManager.class).get();
  }
}
