package org.passerelle.enrollment.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.passerelle.commons.testing.Api;
import org.passerelle.commons.testing.EventSchemas;
import org.passerelle.enrollment.testing.Callers;
import org.passerelle.enrollment.testing.DatabaseScan;
import org.passerelle.enrollment.testing.Fixtures;
import org.passerelle.enrollment.testing.Person;

/** The right to erasure: nothing personal left anywhere, categories kept, other services told. */
@QuarkusTest
class ApplicantErasureTest {

  static final String APPLICANTS = "/api/v1/applicants/";
  private static final String ERASED_TYPE = "org.passerelle.enrollment.applicant-erased.v1";
  private static final String WITHDRAWN_TYPE = "org.passerelle.enrollment.application-withdrawn.v1";

  @Inject EntityManager entityManager;

  private long count(String sql) {
    return Api.count(entityManager, sql);
  }

  private void execute(String sql, Object... parameters) {
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              var query = entityManager.createNativeQuery(sql);
              for (int i = 0; i < parameters.length; i++) {
                query.setParameter(i + 1, parameters[i]);
              }
              query.executeUpdate();
            });
  }

  private Object[] row(String sql, Object parameter) {
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                (Object[])
                    entityManager
                        .createNativeQuery(sql, Object[].class)
                        .setParameter(1, parameter)
                        .getSingleResult());
  }

  @Test
  void erasureLeavesNoPersonalDataInAnyTableAndKeepsTheCategories() {
    UUID intakeA = Fixtures.openIntake(entityManager, "FR-SEVRAN");
    UUID intakeB = Fixtures.openIntake(entityManager, "FR-SEVRAN");
    Person person = Person.of("FR");
    String publics = "[\"DISABILITY\", \"PRIORITY_NEIGHBOURHOOD\"]";
    String reference = "OFFICE-" + UUID.randomUUID();
    // Another person's reference in the same report, which must stay.
    String otherReference = reference + "-2";
    String officeKey = UUID.randomUUID().toString();
    String staffKey = UUID.randomUUID().toString();
    String consentKey = UUID.randomUUID().toString();

    // A regional office sends one application (with its reference), staff enter another.
    JsonNode fromOffice =
        Person.read(
            Callers.as("integration-fr")
                .header("Idempotency-Key", officeKey)
                .body(person.body(intakeA, reference, publics))
                .post(Fixtures.APPLICATIONS)
                .then()
                .statusCode(201)
                .extract()
                .asString());
    JsonNode fromStaff =
        Person.read(
            Api.as("site-staff-fr")
                .header("Idempotency-Key", staffKey)
                .body(person.body(intakeB, null, publics))
                .post(Fixtures.APPLICATIONS)
                .then()
                .statusCode(201)
                .extract()
                .asString());
    String applicantId = fromStaff.path("applicant").path("id").asText();
    assertThat(fromOffice.path("applicant").path("id").asText()).isEqualTo(applicantId);
    String accepted = fromOffice.path("id").asText();
    String screening = fromStaff.path("id").asText();
    // Selection went on: free text about the person in both applications.
    execute(
        "update application set status = 'ACCEPTED', decided_by = 'staff-subject',"
            + " decided_at = now(), decision_reason = ?1 where id = ?2",
        "Strong profile, " + person.lastName(),
        UUID.fromString(accepted));
    execute(
        "update application set status = 'SCREENING', test_score = 71, interview_notes = ?1"
            + " where id = ?2",
        "Met " + person.firstName() + ", " + person.motivation(),
        UUID.fromString(screening));
    // An import report naming the office's reference (as bulk imports write them).
    execute(
        "insert into application_import (id, country, submitted_by, format, started_at,"
            + " finished_at, total_rows, created, report) values (?1, 'FR', 'office', 'JSON',"
            + " now(), now(), 2, 1, ?2)",
        UUID.randomUUID(),
        "{\"rows\": [{\"row\": 1, \"externalRef\": \""
            + reference
            + "\", \"status\": \"CREATED\", \"applicationId\": \""
            + accepted
            + "\"}, {\"row\": 2, \"externalRef\": \""
            + otherReference
            + "\", \"status\": \"UNCHANGED\"}]}");
    // A country admin reads the sensitive fields (audited); staff record a consent (idempotent).
    Api.as("country-admin-fr").get(Fixtures.APPLICATIONS + "/" + screening).then().statusCode(200);
    Api.as("site-staff-fr")
        .header("Idempotency-Key", consentKey)
        .body("[{\"purpose\": \"CV_SHARING\", \"granted\": true}]")
        .post(APPLICANTS + applicantId + "/consents")
        .then()
        .statusCode(201);

    List<String> values = new ArrayList<>(person.personalValues());
    values.add(person.postalCode());
    // The scan does see the data before erasure.
    assertThat(DatabaseScan.occurrences(entityManager, values))
        .contains(
            "applicant.last_name: " + person.lastName(),
            "applicant.birth_date: " + person.birthDate(),
            "application.interview_notes: " + person.motivation(),
            "idempotency_key.body: " + person.email());
    assertThat(DatabaseScan.occurrences(entityManager, List.of(reference)))
        .contains(
            "application.external_ref: " + reference,
            "application_import.report: " + reference,
            "idempotency_key.body: " + reference);
    String learnerId = fromStaff.path("applicant").path("learnerId").asText();
    UUID applicant = UUID.fromString(applicantId);
    Object[] before = row("select age_band, learner_id from applicant where id = ?1", applicant);
    assertThat(before[0]).isNull();
    long consents =
        count("select count(*) from consent where applicant_id = '" + applicantId + "'");
    assertThat(consents).isGreaterThanOrEqualTo(3);

    Api.as("country-admin-fr")
        .post(APPLICANTS + applicantId + "/erase")
        .then()
        .statusCode(200)
        .body("applicantId", equalTo(applicantId))
        .body("learnerId", equalTo(learnerId))
        .body("erasedAt", notNullValue())
        .body("withdrawnApplications", containsInAnyOrder(accepted, screening));

    // Nothing personal left in any column of any table; another person's reference stays.
    assertThat(DatabaseScan.occurrences(entityManager, values)).isEmpty();
    assertThat(DatabaseScan.occurrences(entityManager, List.of(reference)))
        .containsExactly("application_import.report: " + reference);
    assertThat(
            QuarkusTransaction.requiringNew()
                .call(
                    () ->
                        (String)
                            entityManager
                                .createNativeQuery(
                                    "select report from application_import"
                                        + " where strpos(report, ?1) > 0")
                                .setParameter(1, reference)
                                .getSingleResult()))
        .contains("\"" + otherReference + "\"", "\"erased\"")
        .doesNotContain("\"" + reference + "\"");

    // The categories stay, the rest is pseudonyms or nothing.
    Object[] erased =
        row(
            "select first_name, last_name, email, phone, birth_date, address_line, postal_code,"
                + " city, nationality, job_seeker_id, referral_contact, motivation, availability,"
                + " accommodation_needs, subject, gender, education_level, job_seeker_agency,"
                + " disability, priority_neighbourhood, refugee, country, learner_id::text,"
                + " age_band, erased_at, referral_source from applicant where id = ?1",
            applicant);
    assertThat(erased[0]).isEqualTo("erased");
    assertThat(erased[1]).isEqualTo("erased");
    assertThat((String) erased[2]).startsWith("erased-").endsWith("@erased.invalid");
    for (int column = 3; column <= 14; column++) {
      assertThat(erased[column]).as("column %d", column).isNull();
    }
    assertThat(erased[15]).isEqualTo("FEMALE");
    assertThat(erased[16]).isEqualTo("BAC_PLUS_2");
    assertThat(erased[17]).isEqualTo("FRANCE_TRAVAIL");
    assertThat(erased[18]).isEqualTo(true);
    assertThat(erased[19]).isEqualTo(true);
    assertThat(erased[20]).isEqualTo(false);
    assertThat(erased[21]).isEqualTo("FR");
    assertThat(erased[22]).isEqualTo(learnerId);
    assertThat((String) erased[23]).isIn("26_34", "35_44", "45_PLUS");
    assertThat(erased[24]).isNotNull();
    assertThat(erased[25]).isEqualTo("ASSOCIATION");
    assertThat(
            count(
                "select count(*) from application where applicant_id = '"
                    + applicantId
                    + "' and status = 'WITHDRAWN' and external_ref is null and import_hash is"
                    + " null and interview_notes is null and decision_reason is null"))
        .isEqualTo(2);
    assertThat(
            count(
                "select count(*) from application where test_score = 71 and id = '"
                    + screening
                    + "'"))
        .isEqualTo(1);
    // Staff subjects are not the person's data and stay.
    assertThat(
            count(
                "select count(*) from application where decided_by = 'staff-subject' and id = '"
                    + accepted
                    + "'"))
        .isEqualTo(1);
    assertThat(
            count(
                "select count(*) from idempotency_key where idem_key in ('"
                    + officeKey
                    + "', '"
                    + staffKey
                    + "', '"
                    + consentKey
                    + "')"))
        .isZero();
    // The audit log keeps who read the sensitive fields, and records the erasure.
    assertThat(
            count(
                "select count(*) from sensitive_data_access where applicant_id = '"
                    + applicantId
                    + "' and action in ('READ', 'ERASE')"))
        .isEqualTo(2);
    // The consent history stays as proof, without anything personal.
    assertThat(count("select count(*) from consent where applicant_id = '" + applicantId + "'"))
        .isEqualTo(consents);

    // Events: the open applications were withdrawn (seats freed), then the person erased.
    Map<String, String> events = new java.util.HashMap<>();
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              @SuppressWarnings("unchecked")
              List<Object[]> rows =
                  entityManager
                      .createNativeQuery(
                          "select aggregate_id::text, type, data::text from outbox_event"
                              + " where type in (?1, ?2) and aggregate_id in (?3, ?4, ?5)"
                              + " order by seq",
                          Object[].class)
                      .setParameter(1, ERASED_TYPE)
                      .setParameter(2, WITHDRAWN_TYPE)
                      .setParameter(3, UUID.fromString(accepted))
                      .setParameter(4, UUID.fromString(screening))
                      .setParameter(5, UUID.fromString(learnerId))
                      .getResultList();
              for (Object[] event : rows) {
                EventSchemas.assertValid((String) event[1], (String) event[2]);
                events.put((String) event[0], (String) event[2]);
              }
            });
    assertThat(events).containsOnlyKeys(accepted, screening, learnerId);
    assertThat(events.get(learnerId))
        .contains("\"learnerId\":\"" + learnerId + "\"", "\"country\":\"FR\"", "\"erasedAt\"");
    assertThat(events.get(accepted))
        .contains("\"consentedPurposes\":[]", "\"priorityPublics\"", "\"DISABILITY\"");
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                count(
                        "select count(*) from outbox_event where sent_at is not null and type = '"
                            + ERASED_TYPE
                            + "' and aggregate_id = '"
                            + learnerId
                            + "'")
                    == 1);

    // Erased: nothing left to erase, export or consent to.
    for (var call :
        List.<java.util.function.Supplier<io.restassured.response.Response>>of(
            () -> Api.as("country-admin-fr").post(APPLICANTS + applicantId + "/erase"),
            () -> Api.as("platform-admin").get(APPLICANTS + applicantId + "/export"),
            () -> Api.as("country-admin-fr").get(APPLICANTS + applicantId + "/consents"),
            () ->
                Api.as("country-admin-fr")
                    .body("[{\"purpose\": \"CV_SHARING\", \"granted\": false}]")
                    .post(APPLICANTS + applicantId + "/consents"))) {
      call.get()
          .then()
          .statusCode(409)
          .contentType("application/problem+json")
          .body("type", endsWith("/conflict"))
          .body("detail", not(equalTo(null)));
    }
    assertThat(count("select count(*) from consent where applicant_id = '" + applicantId + "'"))
        .isEqualTo(consents);
    assertThat(
            count(
                "select count(*) from outbox_event where type = '"
                    + ERASED_TYPE
                    + "' and aggregate_id = '"
                    + learnerId
                    + "'"))
        .isEqualTo(1);
  }

  @Test
  void theLearnerErasesThemselfAndTheirAccountIsUnlinked() {
    Person person = Person.of("FR");
    UUID intake = Fixtures.openIntake(entityManager, "FR-SEVRAN");
    JsonNode application = person.submit("learner-fr", intake);
    String applicantId = application.path("applicant").path("id").asText();
    String subject = Person.subjectOf("learner-fr");
    // The learner reads their application (audited with their subject) and records a consent.
    Api.as("learner-fr")
        .get(Fixtures.APPLICATIONS + "/" + application.path("id").asText())
        .then()
        .statusCode(200);
    Api.as("learner-fr")
        .body("[{\"purpose\": \"CV_SHARING\", \"granted\": true}]")
        .post(APPLICANTS + applicantId + "/consents")
        .then()
        .statusCode(201);
    List<String> values = new ArrayList<>(person.personalValues());
    values.add(subject);
    assertThat(DatabaseScan.occurrences(entityManager, values))
        .contains(
            "applicant.subject: " + subject,
            "application.submitted_by: " + subject,
            "consent.recorded_by: " + subject,
            "sensitive_data_access.actor: " + subject);

    Api.as("learner-fr").post(APPLICANTS + applicantId + "/erase").then().statusCode(200);

    assertThat(DatabaseScan.occurrences(entityManager, values)).isEmpty();
    // No longer linked to the account: the learner reaches it no more, and may apply afresh.
    Api.as("learner-fr")
        .get(APPLICANTS + applicantId + "/export")
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
    JsonNode again = person.submit("learner-fr", Fixtures.openIntake(entityManager, "FR-SEVRAN"));
    assertThat(again.path("applicant").path("id").asText()).isNotEqualTo(applicantId);
  }

  @Test
  void onlyThePersonAndAdminsInScopeErase() {
    Person person = Person.of("FR");
    JsonNode application =
        person.submit("site-staff-fr", Fixtures.openIntake(entityManager, "FR-SEVRAN"));
    String applicantId = application.path("applicant").path("id").asText();
    String learnerId = application.path("applicant").path("learnerId").asText();
    Map<String, Integer> refused =
        Map.of(
            "site-staff-fr", 403,
            "integration-fr", 403,
            "partner-fr", 403,
            "partner-ma", 403,
            "country-admin-ma", 404,
            "site-staff-ma", 404,
            "integration-ma", 404,
            "learner-fr", 404,
            "learner-ma", 404);
    refused.forEach(
        (caller, status) ->
            Callers.as(caller)
                .post(APPLICANTS + applicantId + "/erase")
                .then()
                .statusCode(status)
                .contentType("application/problem+json"));
    assertThat(
            count(
                "select count(*) from applicant where erased_at is null and id = '"
                    + applicantId
                    + "'"))
        .isEqualTo(1);
    assertThat(count("select count(*) from outbox_event where aggregate_id = '" + learnerId + "'"))
        .isZero();

    Api.as("platform-admin").post(APPLICANTS + applicantId + "/erase").then().statusCode(200);
    assertThat(count("select count(*) from outbox_event where aggregate_id = '" + learnerId + "'"))
        .isEqualTo(1);
  }

  @Test
  void unknownOrMalformedIdsAnswer404() {
    Api.as("platform-admin")
        .post(APPLICANTS + UUID.randomUUID() + "/erase")
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
    Api.as("platform-admin")
        .post(APPLICANTS + "not-a-uuid/erase")
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
  }
}
