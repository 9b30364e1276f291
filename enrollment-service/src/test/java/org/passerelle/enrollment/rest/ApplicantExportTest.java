package org.passerelle.enrollment.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.passerelle.commons.testing.Api;
import org.passerelle.commons.testing.Tokens;
import org.passerelle.enrollment.testing.Callers;
import org.passerelle.enrollment.testing.Fixtures;
import org.passerelle.enrollment.testing.Person;

/** The right of access: everything held about the person, for them and authorised staff. */
@QuarkusTest
class ApplicantExportTest {

  private static final String APPLICANTS = ApplicantErasureTest.APPLICANTS;

  @Inject EntityManager entityManager;

  private long exports(String applicantId) {
    return Api.count(
        entityManager,
        "select count(*) from sensitive_data_access where action = 'EXPORT' and applicant_id = '"
            + applicantId
            + "'");
  }

  @Test
  void theExportHoldsEverythingAboutThePerson() {
    Person person = Person.of("FR");
    UUID intakeA = Fixtures.openIntake(entityManager, "FR-SEVRAN");
    UUID intakeB = Fixtures.openIntake(entityManager, "FR-SEVRAN");
    String reference = "OFFICE-" + UUID.randomUUID();
    JsonNode fromOffice =
        Person.read(
            Callers.as("integration-fr")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body(person.body(intakeA, reference, "[\"DISABILITY\"]"))
                .post(Fixtures.APPLICATIONS)
                .then()
                .statusCode(201)
                .extract()
                .asString());
    JsonNode fromStaff = person.submit("site-staff-fr", intakeB, "[\"DISABILITY\"]");
    String applicantId = fromStaff.path("applicant").path("id").asText();
    String screened = fromStaff.path("id").asText();
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                entityManager
                    .createNativeQuery(
                        "update application set status = 'REJECTED', test_score = 42,"
                            + " interview_notes = 'Calm and precise', decision_reason ="
                            + " 'Too few seats', decided_by = 'staff-x', decided_at = now()"
                            + " where id = ?1")
                    .setParameter(1, UUID.fromString(screened))
                    .executeUpdate());
    Api.as("country-admin-fr").get(Fixtures.APPLICATIONS + "/" + screened).then().statusCode(200);

    Api.as("country-admin-fr")
        .get(APPLICANTS + applicantId + "/export")
        .then()
        .statusCode(200)
        .header("Cache-Control", "no-store")
        .body("regime", equalTo("GDPR"))
        .body("applicant.id", equalTo(applicantId))
        .body(
            "applicant.learnerId", equalTo(fromStaff.path("applicant").path("learnerId").asText()))
        .body("applicant.firstName", equalTo(person.firstName()))
        .body("applicant.lastName", equalTo(person.lastName()))
        .body("applicant.birthDate", equalTo(person.birthDate()))
        .body("applicant.email", equalTo(person.email()))
        .body("applicant.phone", equalTo(person.phone()))
        .body("applicant.address.line", equalTo(person.addressLine()))
        .body("applicant.address.postalCode", equalTo(person.postalCode()))
        .body("applicant.address.city", equalTo(person.city()))
        .body("applicant.nationality", equalTo("FR"))
        .body("applicant.gender", equalTo("FEMALE"))
        .body("applicant.educationLevel", equalTo("BAC_PLUS_2"))
        .body("applicant.employment.jobSeekerAgency", equalTo("FRANCE_TRAVAIL"))
        .body("applicant.employment.jobSeekerId", equalTo(person.jobSeekerId()))
        .body("applicant.priorityPublics", equalTo(java.util.List.of("DISABILITY")))
        .body("applicant.referral.contact", equalTo(person.referralContact()))
        .body("applicant.motivation", equalTo(person.motivation()))
        .body("applicant.constraints.availability", equalTo(person.availability()))
        .body("applicant.constraints.accommodationNeeds", equalTo(person.accommodationNeeds()))
        .body("applications", hasSize(2))
        .body("applications.id", containsInAnyOrder(fromOffice.path("id").asText(), screened))
        .body("applications.find { it.id == '" + screened + "' }.status", equalTo("REJECTED"))
        .body("applications.find { it.id == '" + screened + "' }.testScore", equalTo(42))
        .body(
            "applications.find { it.id == '" + screened + "' }.interviewNotes",
            equalTo("Calm and precise"))
        .body(
            "applications.find { it.id == '" + screened + "' }.decision.reason",
            equalTo("Too few seats"))
        .body("applications.find { it.externalRef != null }.externalRef", equalTo(reference))
        .body("applications.find { it.externalRef != null }.channel", equalTo("INTEGRATION"))
        .body("consents.current.purpose", hasItems("APPLICATION_PROCESSING", "FOLLOW_UP_CONTACT"))
        .body("consents.history", hasSize(4))
        .body("sensitiveDataAccesses.action", hasItems("CHANGE", "READ", "EXPORT"))
        .body(
            "sensitiveDataAccesses.find { it.action == 'READ' }.fields",
            equalTo(java.util.List.of("accommodationNeeds", "disability", "refugee")))
        .body("storedResponses.operation", hasItem("submit-application"))
        .body("imports", hasSize(0));
    assertThat(exports(applicantId)).isEqualTo(1);
  }

  @Test
  void theLearnerExportsTheirOwnDataOnly() {
    Person person = Person.of("FR");
    JsonNode application =
        person.submit("learner-fr", Fixtures.openIntake(entityManager, "FR-SEVRAN"));
    String applicantId = application.path("applicant").path("id").asText();
    Api.as("learner-fr")
        .get(APPLICANTS + applicantId + "/export")
        .then()
        .statusCode(200)
        .body("applicant.account", equalTo(Person.subjectOf("learner-fr")))
        .body("applicant.email", equalTo(Tokens.email("learner-fr")))
        .body("applicant.constraints.accommodationNeeds", equalTo(person.accommodationNeeds()))
        .body("applications.id", hasItem(application.path("id").asText()));
    Api.as("learner-ma")
        .get(APPLICANTS + applicantId + "/export")
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
    assertThat(exports(applicantId)).isEqualTo(1);
  }

  @Test
  void scopeMatrix() {
    String applicantId =
        Person.of("FR")
            .submit("site-staff-fr", Fixtures.openIntake(entityManager, "FR-SEVRAN"))
            .path("applicant")
            .path("id")
            .asText();
    Map<String, Integer> expected = new LinkedHashMap<>();
    expected.put("platform-admin", 200);
    expected.put("country-admin-fr", 200);
    expected.put("country-admin-ma", 404);
    expected.put("site-staff-fr", 403);
    expected.put("site-staff-ma", 404);
    expected.put("learner-fr", 404);
    expected.put("learner-ma", 404);
    expected.put("partner-fr", 403);
    expected.put("partner-ma", 403);
    expected.put("integration-fr", 403);
    expected.put("integration-ma", 404);
    assertThat(expected.keySet()).containsExactlyInAnyOrderElementsOf(Callers.ALL);
    expected.forEach(
        (caller, status) -> {
          var response = Callers.as(caller).get(APPLICANTS + applicantId + "/export").then();
          response.statusCode(status);
          if (status != 200) {
            response
                .contentType("application/problem+json")
                .body(
                    org.hamcrest.Matchers.not(
                        org.hamcrest.Matchers.containsString("@example.org")));
          }
        });
    // Only the two exports allowed were audited.
    assertThat(exports(applicantId)).isEqualTo(2);
  }

  @Test
  void unknownOrMalformedIdsAnswer404() {
    Api.as("platform-admin")
        .get(APPLICANTS + UUID.randomUUID() + "/export")
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
    Api.as("platform-admin")
        .get(APPLICANTS + "12345/export")
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
  }
}
