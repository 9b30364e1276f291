package org.passerelle.cohort.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.passerelle.cohort.rest.Certifications.as;
import static org.passerelle.cohort.rest.Certifications.certificate;
import static org.passerelle.cohort.rest.Certifications.certify;
import static org.passerelle.cohort.rest.Certifications.revoke;
import static org.passerelle.cohort.rest.Certifications.scalar;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.passerelle.cohort.LearnerStatus;
import org.passerelle.cohort.events.CohortOutbox;
import org.passerelle.cohort.testing.Cohorts;
import org.passerelle.commons.testing.Tokens;

/** Revoking a certificate: final, audited with who and why, told in an event without the why. */
@QuarkusTest
class CertificateRevocationTest {

  static final String REVOKED = CohortOutbox.PREFIX + "certificate-revoked.v1";

  @Inject EntityManager entityManager;

  private String status(String publicId) {
    return (String)
        scalar(entityManager, "select status from certificate where public_id = ?1", publicId);
  }

  private List<JsonNode> revocations(UUID cohortId) {
    return CohortOutbox.events(entityManager, cohortId.toString(), REVOKED);
  }

  @Test
  void aRevokedCertificateSaysSoPubliclyAndTheRevocationIsAudited() {
    UUID cohort = Cohorts.running("MA-FES", 20);
    UUID learner = Cohorts.learners(cohort, LearnerStatus.ACTIVE, 1).getFirst();
    String publicId = certify("site-staff-ma", cohort, learner, "PARTIALLY_CERTIFIED");
    OffsetDateTime before = OffsetDateTime.now().minusSeconds(1);
    LocalDate todayAtFes = LocalDate.now(ZoneId.of("Africa/Casablanca"));

    revoke("country-admin-ma", publicId, "Fraude constatée au jury")
        .statusCode(200)
        .body("publicId", equalTo(publicId))
        .body("status", equalTo("REVOKED"))
        .body("revokedOn", equalTo(todayAtFes.toString()))
        .body("outcome", equalTo("PARTIALLY_CERTIFIED"));
    given()
        .get(certificate(publicId))
        .then()
        .statusCode(200)
        .body("status", equalTo("REVOKED"))
        .body("revokedOn", equalTo(todayAtFes.toString()))
        .body("blocks.code", contains("BC02"));
    assertThat(status(publicId)).isEqualTo("REVOKED");
    // The learner's training stays completed: a revocation withdraws the certificate only.
    assertThat(Certifications.learnerStatus(entityManager, cohort, learner)).isEqualTo("COMPLETED");

    as("country-admin-ma")
        .get(certificate(publicId) + "/audit")
        .then()
        .statusCode(200)
        .body("total", equalTo(2))
        .body("items.action", contains("ISSUED", "REVOKED"))
        .body("items[0].actor", equalTo(Tokens.subject("site-staff-ma")))
        .body("items[0].actedBy.type", equalTo("PERSON"))
        .body("items[0].actedBy.id", equalTo(Tokens.subject("site-staff-ma")))
        .body("items[0].actedBy.displayName", nullValue())
        .body("items[0].note", nullValue())
        .body("items[1].actor", equalTo(Tokens.subject("country-admin-ma")))
        .body("items[1].note", equalTo("Fraude constatée au jury"));
    Instant actedAt =
        (Instant)
            scalar(
                entityManager,
                "select a.acted_at from certificate_audit a join certificate c"
                    + " on c.id = a.certificate_id where c.public_id = ?1 and a.action = 'REVOKED'",
                publicId);
    assertThat(actedAt).isAfter(before.toInstant());

    List<JsonNode> events = revocations(cohort);
    assertThat(events).hasSize(1);
    JsonNode event = events.getFirst();
    assertThat(event.path("cohortId").asText()).isEqualTo(cohort.toString());
    assertThat(event.path("learnerId").asText()).isEqualTo(learner.toString());
    assertThat(event.path("programmeCode").asText()).isEqualTo("WEB-DEV");
    assertThat(event.path("site").asText()).isEqualTo("MA-FES");
    assertThat(event.path("country").asText()).isEqualTo("MA");
    assertThat(OffsetDateTime.parse(event.path("revokedAt").asText()).toInstant())
        .isEqualTo(actedAt);
    assertThat(event.toString()).doesNotContain("Fraude").doesNotContain(publicId);
  }

  @Test
  void aCertificateIsRevokedOnlyOnce() {
    UUID cohort = Cohorts.running("FR-SEVRAN", 20);
    UUID learner = Cohorts.learners(cohort, LearnerStatus.ACTIVE, 1).getFirst();
    String publicId = certify("site-staff-fr", cohort, learner, "CERTIFIED");
    revoke("platform-admin", publicId, "Erreur de saisie").statusCode(200);
    revoke("platform-admin", publicId, "Encore")
        .statusCode(409)
        .contentType("application/problem+json")
        .body("type", equalTo("https://passerelle.org/problems/illegal-transition"));
    revoke("country-admin-fr", publicId, "Encore").statusCode(409);
    assertThat(revocations(cohort)).hasSize(1);
    assertThat(
            Certifications.count(
                entityManager,
                "select count(*) from certificate_audit a join certificate c"
                    + " on c.id = a.certificate_id where c.public_id = ?1",
                publicId))
        .isEqualTo(2);
  }

  @Test
  void badInputOnRevocationIs4xxAndChangesNothing() {
    UUID cohort = Cohorts.running("FR-SEVRAN", 20);
    UUID learner = Cohorts.learners(cohort, LearnerStatus.ACTIVE, 1).getFirst();
    String publicId = certify("site-staff-fr", cohort, learner, "CERTIFIED");
    String[] bad = {
      "{",
      "{}",
      "null",
      "[]",
      "{\"reason\": null}",
      "{\"reason\": \"\"}",
      "{\"reason\": \"  \"}",
      "{\"reason\": 42}",
      "{\"reason\": \"" + "x".repeat(501) + "\"}",
      "{\"reason\": \"bad\\u0000byte\"}",
      "{\"reason\": \"fraud\", \"revokedOn\": \"2027-01-01\"}",
    };
    for (String body : bad) {
      as("platform-admin")
          .body(body)
          .post(certificate(publicId) + "/revoke")
          .then()
          .statusCode(400)
          .contentType("application/problem+json");
    }
    as("platform-admin")
        .contentType("text/plain")
        .body("fraud")
        .post(certificate(publicId) + "/revoke")
        .then()
        .statusCode(415);
    as("platform-admin").post(certificate(publicId) + "/revoke").then().statusCode(400);
    for (String id : List.of("x", "A".repeat(32), UUID.randomUUID().toString())) {
      revoke("platform-admin", id, "fraud").statusCode(404).contentType("application/problem+json");
      as("platform-admin").get(certificate(id) + "/audit").then().statusCode(404);
    }
    as("platform-admin")
        .queryParam("size", 101)
        .get(certificate(publicId) + "/audit")
        .then()
        .statusCode(400);
    assertThat(status(publicId)).isEqualTo("VALID");
    assertThat(revocations(cohort)).isEmpty();
    // The longest reason, on several lines, is fine.
    revoke("platform-admin", publicId, "Ligne 1\\nLigne 2\\t" + "x".repeat(482))
        .statusCode(200)
        .body("status", equalTo("REVOKED"));
    as("platform-admin")
        .get(certificate(publicId) + "/audit")
        .then()
        .body("items[1].note", containsString("Ligne 1\nLigne 2"));
  }
}
