package org.passerelle.enrollment.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
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
import org.passerelle.commons.testing.Tokens;
import org.passerelle.enrollment.service.ErasureService;
import org.passerelle.enrollment.service.SeatOutcomeService;
import org.passerelle.enrollment.testing.Callers;
import org.passerelle.enrollment.testing.DatabaseScan;
import org.passerelle.enrollment.testing.Db;
import org.passerelle.enrollment.testing.ErasedRecords;
import org.passerelle.enrollment.testing.Fixtures;
import org.passerelle.enrollment.testing.ImportJobs;
import org.passerelle.enrollment.testing.Person;

/**
 * The right to erasure: nothing personal left anywhere, only the categories of ADR 0012 kept (no
 * special-category data), other services told.
 */
@QuarkusTest
class ApplicantErasureTest {

  static final String APPLICANTS = "/api/v1/applicants/";
  private static final String IMPORTS = "/api/v1/applications/imports";
  private static final String ERASED_TYPE = "org.passerelle.enrollment.applicant-erased.v1";
  private static final String WITHDRAWN_TYPE = "org.passerelle.enrollment.application-withdrawn.v1";

  @Inject EntityManager entityManager;
  @Inject SeatOutcomeService seats;
  @Inject ObjectMapper mapper;

  private long count(String sql) {
    return Api.count(entityManager, sql);
  }

  /** The applicant-erased events about this learnerId (consent-changed shares its key). */
  private long erasedEvents(String learnerId) {
    return count(
        "select count(*) from outbox_event where type = '"
            + ERASED_TYPE
            + "' and aggregate_id = '"
            + learnerId
            + "'");
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
  void erasureLeavesNoPersonalDataInAnyTableAndKeepsOnlyTheIndicatorsCategories() {
    UUID intakeA = Fixtures.openIntake(entityManager, "FR-SEVRAN");
    UUID intakeB = Fixtures.openIntake(entityManager, "FR-SEVRAN");
    Person person = Person.of("FR");
    String publics = "[\"DISABILITY\", \"PRIORITY_NEIGHBOURHOOD\", \"REFUGEE\"]";
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
    Object[] before =
        row(
            "select age_band, refugee, disability, education_level from applicant where id = ?1",
            applicant);
    assertThat(before).containsExactly(null, true, true, "BAC_PLUS_2");
    // Which sensitive fields the person declared is in the audit of the change.
    assertThat(
            count(
                "select count(*) from sensitive_data_access where action = 'CHANGE'"
                    + " and fields like '%disability%' and applicant_id = '"
                    + applicantId
                    + "'"))
        .isPositive();
    // The broker has the submissions, with the categories as they were.
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                count(
                        "select count(*) from outbox_event where sent_at is not null"
                            + " and aggregate_id in ('"
                            + accepted
                            + "', '"
                            + screening
                            + "')")
                    == 2);
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

    // Only the indicators' categories stay, physically: every other column is null.
    Map<String, Object> kept = ErasedRecords.assertOnlyCategoriesKept(entityManager, applicantId);
    assertThat(kept)
        .containsEntry("first_name", "erased")
        .containsEntry("last_name", "erased")
        .containsEntry("gender", "FEMALE")
        .containsEntry("education_band", "ABOVE_BAC")
        .containsEntry("job_seeker_agency", "FRANCE_TRAVAIL")
        .containsEntry("priority_neighbourhood", true)
        .containsEntry("neet_under_26", false)
        .containsEntry("country", "FR")
        .containsEntry("learner_id", learnerId)
        .doesNotContainKeys(
            "refugee",
            "disability",
            "education_level",
            "accommodation_needs",
            "referral_source",
            "birth_date",
            "subject");
    assertThat((String) kept.get("email")).startsWith("erased-").endsWith("@erased.invalid");
    assertThat((String) kept.get("age_band")).isIn("26_34", "35_44", "45_PLUS");
    assertThat(
            count(
                "select count(*) from application where applicant_id = '"
                    + applicantId
                    + "' and status = 'WITHDRAWN' and external_ref is null and import_hash is"
                    + " null and interview_notes is null and decision_reason is null"
                    + " and test_score is null"))
        .isEqualTo(2);
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
    // The audit log keeps who read the sensitive fields, and records the erasure; the change no
    // longer says which fields the person declared, nor whose they were.
    assertThat(
            count(
                "select count(*) from sensitive_data_access where applicant_id = '"
                    + applicantId
                    + "'"))
        .isEqualTo(2);
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
    // They carry only what the erased record keeps: no special category, no exact level.
    for (String withdrawn : List.of(accepted, screening)) {
      assertThat(events.get(withdrawn))
          .contains(
              "\"consentedPurposes\":[]",
              "\"priorityPublics\":[\"PRIORITY_NEIGHBOURHOOD\"]",
              "\"educationLevel\":null",
              "\"gender\":\"FEMALE\"")
          .doesNotContain("DISABILITY", "REFUGEE", "BAC_PLUS_2");
    }
    // The submissions the broker already had are no longer kept in the outbox.
    assertThat(
            count(
                "select count(*) from outbox_event where aggregate_id in ('"
                    + accepted
                    + "', '"
                    + screening
                    + "') and type <> '"
                    + WITHDRAWN_TYPE
                    + "'"))
        .isZero();
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

  /**
   * One account, one record per country (ADR 0011), and an office's reference used in both
   * countries (it is unique only within one): erasing the French record leaves the Moroccan one's
   * audit trail and import reports exactly as they were, and in France only the person's own rows.
   */
  @Test
  void erasingARecordInOneCountryLeavesThePersonsOtherCountryAndOtherPeopleAlone()
      throws Exception {
    String learner = "learner-ma";
    String email = Tokens.email(learner);
    String subject = Tokens.subject(learner);
    // Start from an account with no record in either country: erase the ones it may have.
    for (String site : List.of("FR-SEVRAN", "MA-FES")) {
      String previous =
          Person.of(site.substring(0, 2))
              .submit(learner, Fixtures.openIntake(entityManager, site))
              .path("applicant")
              .path("id")
              .asText();
      Api.as(learner).post(APPLICANTS + previous + "/erase").then().statusCode(200);
    }
    String reference = "OFFICE-" + UUID.randomUUID();

    // Each country's office registers the person under the same reference; France's file also
    // has another person, whose reference contains it, and a resend of the person's row with other
    // content; Morocco's file the same resend.
    UUID sevran = Fixtures.openIntake(entityManager, "FR-SEVRAN");
    UUID fes = Fixtures.openIntake(entityManager, "MA-FES");
    JsonNode french =
        importRows(
            "integration-fr",
            Person.of("FR").withEmail(email).body(sevran, reference, "[]"),
            Person.of("FR").body(sevran, reference + "-2", "[]"),
            Person.of("FR").withEmail(email).body(sevran, reference, "[\"REFUGEE\"]"));
    JsonNode moroccan =
        importRows(
            "integration-ma",
            Person.of("MA").withEmail(email).body(fes, reference, "[]"),
            Person.of("MA").withEmail(email).body(fes, reference, "[\"DISABILITY\"]"));
    // A platform administrator's file has no country: the person's other French application, and
    // a Moroccan office's row sent with the reference Morocco's record holds.
    String secondReference = reference + "/2";
    JsonNode platform =
        importRows(
            "platform-admin",
            Person.of("FR")
                .withEmail(email)
                .body(Fixtures.openIntake(entityManager, "FR-CERGY"), secondReference, "[]"),
            Person.of("MA").body(fes, reference, "[]"));
    assertThat(
            Db.value(
                entityManager,
                "select country from application_import where id = ?1",
                UUID.fromString(platform.path("id").asText())))
        .isNull();
    assertThat(platform.path("rows").findValuesAsText("outcome"))
        .containsExactly("CREATED", "FAILED");
    assertThat(french.path("rows").findValuesAsText("outcome"))
        .containsExactly("CREATED", "CREATED", "FAILED");
    assertThat(moroccan.path("rows").findValuesAsText("outcome"))
        .containsExactly("CREATED", "FAILED");
    assertThat(french.path("rows").get(2).path("problem").path("detail").asText())
        .contains(reference);
    String frenchApplication = french.path("rows").get(0).path("applicationId").asText();
    String moroccanApplication = moroccan.path("rows").get(0).path("applicationId").asText();

    // The learner's account links both records (its verified email) and reads each: audited.
    String frenchRecord =
        Person.of("FR")
            .submit(learner, Fixtures.openIntake(entityManager, "FR-SEVRAN"))
            .path("applicant")
            .path("id")
            .asText();
    String moroccanRecord =
        Person.of("MA")
            .submit(learner, Fixtures.openIntake(entityManager, "MA-FES"))
            .path("applicant")
            .path("id")
            .asText();
    assertThat(applicantOf(frenchApplication)).isEqualTo(frenchRecord);
    assertThat(applicantOf(moroccanApplication)).isEqualTo(moroccanRecord);
    assertThat(applicantOf(platform.path("rows").get(0).path("applicationId").asText()))
        .isEqualTo(frenchRecord);
    for (String application : List.of(frenchApplication, moroccanApplication)) {
      Api.as(learner).get(Fixtures.APPLICATIONS + "/" + application).then().statusCode(200);
    }
    String moroccanAudit = audit(moroccanRecord);
    assertThat(moroccanAudit).contains("|" + subject + "|READ|");
    assertThat(audit(frenchRecord)).contains("|" + subject + "|READ|");
    String moroccanReport = report(moroccan.path("id").asText());
    String moroccanRow = applicantRow(moroccanRecord);
    JsonNode frenchRowsBefore = Person.read(report(french.path("id").asText())).path("rows");
    JsonNode platformRowsBefore = Person.read(report(platform.path("id").asText())).path("rows");

    Api.as(learner).post(APPLICANTS + frenchRecord + "/erase").then().statusCode(200);

    // Morocco: the same account's audit trail, report and record, as they were.
    assertThat(audit(moroccanRecord)).isEqualTo(moroccanAudit);
    assertThat(report(moroccan.path("id").asText())).isEqualTo(moroccanReport);
    assertThat(applicantRow(moroccanRecord)).isEqualTo(moroccanRow);
    assertThat(
            Db.value(
                entityManager,
                "select external_ref from application where id = ?1",
                UUID.fromString(moroccanApplication)))
        .isEqualTo(reference);
    // The account is named only in the Moroccan record's rows (the French changes' rows, which
    // lost their applicant, were renamed first).
    assertThat(
            count(
                "select count(*) from sensitive_data_access where actor = '"
                    + subject
                    + "' and applicant_id is distinct from '"
                    + moroccanRecord
                    + "'"))
        .isZero();
    // France: the erased record's audit rows no longer name the account, and are still there.
    assertThat(audit(frenchRecord))
        .doesNotContain(subject)
        .contains(
            "|" + ErasureService.ERASED_ACCOUNT + "|READ|",
            "|" + ErasureService.ERASED_ACCOUNT + "|ERASE|");
    // France's report: the person's rows lose the reference wherever they repeat it; the other
    // person's row, whose reference contains it, is unchanged.
    JsonNode frenchRows = Person.read(report(french.path("id").asText())).path("rows");
    assertThat(frenchRows.get(0).path("externalRef").asText()).isEqualTo(ErasureService.ERASED);
    assertThat(frenchRows.get(0).path("applicationId").asText()).isEqualTo(frenchApplication);
    assertThat(frenchRows.get(1)).isEqualTo(frenchRowsBefore.get(1));
    assertThat(frenchRows.get(1).path("externalRef").asText()).isEqualTo(reference + "-2");
    assertThat(frenchRows.get(2).path("externalRef").asText()).isEqualTo(ErasureService.ERASED);
    assertThat(frenchRows.get(2).path("problem").path("detail").asText())
        .doesNotContain(reference)
        .contains(ErasureService.ERASED);
    assertThat(frenchRows.get(2).path("problem").path("status"))
        .isEqualTo(frenchRowsBefore.get(2).path("problem").path("status"));
    // The platform administrator's report: the person's application by its id; the Moroccan row,
    // in a file of no country, is not taken for theirs.
    JsonNode platformRows = Person.read(report(platform.path("id").asText())).path("rows");
    assertThat(platformRows.get(0).path("externalRef").asText()).isEqualTo(ErasureService.ERASED);
    assertThat(platformRows.get(1)).isEqualTo(platformRowsBefore.get(1));
    assertThat(platformRows.get(1).path("problem").path("detail").asText()).contains(reference);

    // Leave the account with no record, as the other tests expect to find it.
    Api.as(learner).post(APPLICANTS + moroccanRecord + "/erase").then().statusCode(200);
  }

  /** Imports these application bodies as one JSON file; returns the report. */
  private JsonNode importRows(String office, String... rows) throws Exception {
    ArrayNode array = mapper.createArrayNode();
    for (String row : rows) {
      array.add(mapper.readTree(row));
    }
    return Person.read(
        ImportJobs.ended(
                Callers.as(office)
                    .body(mapper.writeValueAsString(mapper.createObjectNode().set("rows", array)))
                    .post(IMPORTS))
            .then()
            .statusCode(200)
            .extract()
            .asString());
  }

  private String applicantOf(String applicationId) {
    return (String)
        Db.value(
            entityManager,
            "select applicant_id::text from application where id = ?1",
            UUID.fromString(applicationId));
  }

  /** The applicant's sensitive-data audit rows, one line each, as the database holds them. */
  private String audit(String applicantId) {
    return (String)
        Db.value(
            entityManager,
            "select coalesce(string_agg(concat_ws('|', id, at, actor, action, actor_roles, country,"
                + " fields, purpose), E'\\n' order by at, id), '') from sensitive_data_access"
                + " where applicant_id = ?1",
            UUID.fromString(applicantId));
  }

  private String report(String importId) {
    return (String)
        Db.value(
            entityManager,
            "select report from application_import where id = ?1",
            UUID.fromString(importId));
  }

  private String applicantRow(String applicantId) {
    return (String)
        Db.value(
            entityManager,
            "select row_to_json(a)::text from applicant a where id = ?1",
            UUID.fromString(applicantId));
  }

  @Test
  void onlyThePersonAndAdminsInScopeErase() {
    Person person = Person.of("FR");
    JsonNode application =
        person.submit("site-staff-fr", Fixtures.openIntake(entityManager, "FR-SEVRAN"));
    String applicantId = application.path("applicant").path("id").asText();
    String learnerId = application.path("applicant").path("learnerId").asText();
    String aboutThePerson =
        "select count(*) from outbox_event where aggregate_id = '" + learnerId + "'";
    long announced = count(aboutThePerson);
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
    assertThat(count(aboutThePerson)).isEqualTo(announced);
    assertThat(erasedEvents(learnerId)).isZero();

    Api.as("platform-admin").post(APPLICANTS + applicantId + "/erase").then().statusCode(200);
    assertThat(erasedEvents(learnerId)).isEqualTo(1);
  }

  @Test
  void rareValuesAreNotKeptAndTheRecordShowsNoCategoryToAnyone() {
    Person person = Person.of("FR");
    UUID intake = Fixtures.openIntake(entityManager, "FR-SEVRAN");
    String body =
        person
            .body(intake, null, "[\"NEET_UNDER_26\", \"DISABILITY\"]")
            .replace("\"gender\": \"FEMALE\"", "\"gender\": \"NON_BINARY\"")
            .replace(
                "\"educationLevel\": \"BAC_PLUS_2\"", "\"educationLevel\": \"FOREIGN_DIPLOMA\"");
    JsonNode application =
        Person.read(
            Api.as("site-staff-fr")
                .body(body)
                .post(Fixtures.APPLICATIONS)
                .then()
                .statusCode(201)
                .body("applicant.gender", equalTo("NON_BINARY"))
                .extract()
                .asString());
    String id = application.path("id").asText();
    String applicantId = application.path("applicant").path("id").asText();

    Api.as("country-admin-fr").post(APPLICANTS + applicantId + "/erase").then().statusCode(200);

    Map<String, Object> kept = ErasedRecords.assertOnlyCategoriesKept(entityManager, applicantId);
    // Non-binary is rare enough to single someone out; a foreign diploma has no band.
    assertThat(kept)
        .containsEntry("gender", "NOT_DECLARED")
        .containsEntry("neet_under_26", true)
        .doesNotContainKeys("education_band", "education_level", "disability");
    // Staff reading the erased record one by one see pseudonyms, not the categories kept for
    // counting; searching by a priority public does not find it.
    Api.as("country-admin-fr")
        .get(Fixtures.APPLICATIONS + "/" + id)
        .then()
        .statusCode(200)
        .body("applicant.erased", equalTo(true))
        .body("applicant.firstName", equalTo("erased"))
        .body("applicant.gender", nullValue())
        .body("applicant.educationLevel", nullValue())
        .body("applicant.employment", nullValue())
        .body("applicant.priorityPublics", empty())
        .body("applicant.birthDate", nullValue());
    Api.as("country-admin-fr")
        .queryParam("intakeId", intake.toString())
        .get(Fixtures.APPLICATIONS)
        .then()
        .statusCode(200)
        .body("total", equalTo(1))
        .body("items[0].priorityPublics", empty())
        .body("items[0].testScore", nullValue());
    Api.as("country-admin-fr")
        .queryParam("intakeId", intake.toString())
        .queryParam("priorityPublic", "NEET_UNDER_26")
        .get(Fixtures.APPLICATIONS)
        .then()
        .statusCode(200)
        .body("total", equalTo(0));
  }

  @Test
  void anEnrolledLearnerWhoIsErasedThenLeavesTheCohortKeepsNoReason() {
    Person person = Person.of("FR");
    JsonNode application =
        person.submit("site-staff-fr", Fixtures.openIntake(entityManager, "FR-SEVRAN"));
    String id = application.path("id").asText();
    String applicantId = application.path("applicant").path("id").asText();
    UUID learnerId = UUID.fromString(application.path("applicant").path("learnerId").asText());
    execute(
        "update application set status = 'ENROLLED', decided_by = 'staff-subject',"
            + " decided_at = now() where id = ?1",
        UUID.fromString(id));

    // An enrolled application is not open: erasure leaves it enrolled, the seat stays taken.
    Api.as("country-admin-fr")
        .post(APPLICANTS + applicantId + "/erase")
        .then()
        .statusCode(200)
        .body("withdrawnApplications", empty());
    ErasedRecords.assertOnlyCategoriesKept(entityManager, applicantId);

    // Later staff record in cohort-service that the learner left, for a health reason.
    assertThat(
            QuarkusTransaction.requiringNew()
                .call(() -> seats.seatLeft(UUID.fromString(id), learnerId, "HEALTH")))
        .isTrue();
    assertThat(
            count(
                "select count(*) from application where id = '"
                    + id
                    + "' and status = 'WITHDRAWN' and decided_by = 'system:cohort-service'"
                    + " and decision_reason is null and withdrawal_reason is null"))
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
