package org.passerelle.cohort.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.passerelle.cohort.LearnerStatus;
import org.passerelle.cohort.testing.Cohorts;
import org.passerelle.commons.testing.Api;

/** applicant-erased blanks the notes on a learner's certificates, and only theirs. */
@QuarkusTest
class CertificateTextEraserTest {

  @Inject CertificateTextEraser eraser;
  @Inject EntityManager entityManager;

  private String certify(UUID cohort, UUID learner, String reason) {
    String publicId =
        Api.as("platform-admin")
            .body(
                """
                {"learnerId": "%s", "outcome": "CERTIFIED", "certifiedOn": "%s", "juryReference": "J-9"}
                """
                    .formatted(learner, LocalDate.now(ZoneId.of("Europe/Paris"))))
            .post("/api/v1/cohorts/" + cohort + "/certification-results")
            .then()
            .statusCode(201)
            .extract()
            .path("certificate.publicId");
    if (reason != null) {
      Api.as("platform-admin")
          .body("{\"reason\": \"" + reason + "\"}")
          .post("/api/v1/certificates/" + publicId + "/revoke")
          .then()
          .statusCode(200);
    }
    return publicId;
  }

  @SuppressWarnings("unchecked")
  private List<Object[]> audit(String publicId) {
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                entityManager
                    .createNativeQuery(
                        "select a.action, a.actor, a.note, c.status, c.revoked_on"
                            + " from certificate_audit a join certificate c"
                            + " on c.id = a.certificate_id where c.public_id = ?1 order by a.seq")
                    .setParameter(1, publicId)
                    .getResultList());
  }

  @Test
  void erasingALearnerBlanksTheNotesOnTheirCertificatesOnly() {
    UUID cohort = Cohorts.running("FR-SEVRAN", 20);
    List<UUID> learners = Cohorts.learners(cohort, LearnerStatus.ACTIVE, 2);
    String erased = certify(cohort, learners.get(0), "Diplôme falsifié par Jean Dupont");
    String kept = certify(cohort, learners.get(1), "Erreur de saisie");

    int changed = QuarkusTransaction.requiringNew().call(() -> eraser.erase(learners.get(0)));

    assertThat(changed).isEqualTo(1);
    List<Object[]> rows = audit(erased);
    assertThat(rows).hasSize(2);
    for (Object[] row : rows) {
      assertThat(row[2]).as("note of %s", row[0]).isNull();
      // Who did what, the status and the date stay.
      assertThat(row[1]).isNotNull();
      assertThat(row[3]).isEqualTo("REVOKED");
      assertThat(row[4]).isNotNull();
    }
    assertThat(audit(kept).get(1)[2]).isEqualTo("Erreur de saisie");
    // Nothing left to erase the second time; a learner with nothing is no error.
    assertThat(QuarkusTransaction.requiringNew().call(() -> eraser.erase(learners.get(0))))
        .isZero();
    assertThat(QuarkusTransaction.requiringNew().call(() -> eraser.erase(UUID.randomUUID())))
        .isZero();
  }

  @Test
  void anErasedRevocationStillShowsPubliclyAsRevoked() {
    UUID cohort = Cohorts.running("FR-SEVRAN", 20);
    UUID learner = Cohorts.learners(cohort, LearnerStatus.ACTIVE, 1).getFirst();
    String publicId = certify(cohort, learner, "Fraude");
    QuarkusTransaction.requiringNew().run(() -> eraser.erase(learner));
    io.restassured.RestAssured.given()
        .get("/api/v1/certificates/" + publicId)
        .then()
        .statusCode(200)
        .body("status", org.hamcrest.Matchers.equalTo("REVOKED"));
  }
}
