package org.passerelle.cohort.rest;

import static io.restassured.RestAssured.given;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.passerelle.commons.testing.Api;
import org.passerelle.commons.testing.Tokens;

/** What the certification tests share: calls, bodies and rows. */
final class Certifications {

  static final String PARIS = "Europe/Paris";

  private Certifications() {}

  /** A JSON request with a real token of this demo user or integration client. */
  static RequestSpecification as(String caller) {
    if (caller.startsWith("integration-")) {
      return given()
          .header("Authorization", "Bearer " + Tokens.ofClient(caller))
          .contentType(ContentType.JSON);
    }
    return Api.as(caller);
  }

  static String results(UUID cohortId) {
    return "/api/v1/cohorts/" + cohortId + "/certification-results";
  }

  static String certificate(String publicId) {
    return "/api/v1/certificates/" + publicId;
  }

  /** Today at a French site. */
  static LocalDate today() {
    return LocalDate.now(ZoneId.of(PARIS));
  }

  static String body(UUID learnerId, String outcome, List<String> blocks, LocalDate on) {
    return body(learnerId, outcome, blocks, on, "JURY-2027-SEVRAN-04");
  }

  static String body(
      UUID learnerId, String outcome, List<String> blocks, LocalDate on, String jury) {
    String blockList =
        blocks == null
            ? ""
            : ", \"blocks\": ["
                + blocks.stream().map(b -> "\"" + b + "\"").collect(Collectors.joining(", "))
                + "]";
    return """
        {"learnerId": "%s", "outcome": "%s"%s, "certifiedOn": "%s", "juryReference": "%s"}
        """
        .formatted(learnerId, outcome, blockList, on, jury);
  }

  static ValidatableResponse record(String user, UUID cohortId, String body) {
    return as(user).body(body).post(results(cohortId)).then();
  }

  /** Records a result that must be accepted; returns the certificate's public id, if any. */
  static String certify(String user, UUID cohortId, UUID learnerId, String outcome) {
    List<String> blocks = "PARTIALLY_CERTIFIED".equals(outcome) ? List.of("BC02") : null;
    return record(user, cohortId, body(learnerId, outcome, blocks, today()))
        .statusCode(201)
        .extract()
        .path("certificate.publicId");
  }

  static ValidatableResponse revoke(String user, String publicId, String reason) {
    return as(user)
        .body("{\"reason\": \"" + reason + "\"}")
        .post(certificate(publicId) + "/revoke")
        .then();
  }

  static Object scalar(EntityManager entityManager, String sql, Object... parameters) {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              var query = entityManager.createNativeQuery(sql);
              for (int i = 0; i < parameters.length; i++) {
                query.setParameter(i + 1, parameters[i]);
              }
              List<?> rows = query.getResultList();
              return rows.isEmpty() ? null : rows.getFirst();
            });
  }

  static long count(EntityManager entityManager, String sql, Object... parameters) {
    return ((Number) scalar(entityManager, sql, parameters)).longValue();
  }

  static int update(EntityManager entityManager, String sql, Object... parameters) {
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

  static String learnerStatus(EntityManager entityManager, UUID cohortId, UUID learnerId) {
    return (String)
        scalar(
            entityManager,
            "select status from cohort_learner where cohort_id = ?1 and learner_id = ?2",
            cohortId,
            learnerId);
  }
}
