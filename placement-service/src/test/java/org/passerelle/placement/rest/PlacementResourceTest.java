package org.passerelle.placement.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.passerelle.commons.testing.Api;
import org.passerelle.commons.testing.BrokerEvents;
import org.passerelle.commons.testing.Tokens;
import org.passerelle.placement.ContractType;
import org.passerelle.placement.api.CandidacyHired;
import org.passerelle.placement.testing.Announced;
import org.passerelle.placement.testing.LearnerEvents;
import org.passerelle.placement.testing.LearnerEvents.Trainee;

/**
 * Placements recorded by staff, by learners for themselves, from a hired candidacy and from the
 * confirmation of an exit for a job: each decides durable employment by the learner's country's
 * rule and emits placement-recorded; nothing is written outside the caller's scope or on bad input.
 */
@QuarkusTest
public class PlacementResourceTest {

  static final String PLACEMENTS = "/api/v1/placements";

  @Inject Event<CandidacyHired> hires;

  static String job(UUID learnerId, String contract, Integer months, UUID partnerId) {
    return """
        {"learnerId": %s, "source": "EMPLOYER", "situation": "EMPLOYED",
         "employerPartnerId": %s, "employerName": "Atelier Numérique", "contractType": "%s",
         "durationMonths": %s, "startDate": "2026-11-02", "workingTime": "FULL_TIME",
         "salaryBand": "UP_TO_1_5_MINIMUM_WAGE", "matchesTraining": true,
         "evidenceKind": "CONTRACT", "evidenceNote": "Contrat signé reçu le 2 novembre"}
        """
        .formatted(
            learnerId == null ? "null" : "\"" + learnerId + "\"",
            partnerId == null ? "null" : "\"" + partnerId + "\"",
            contract,
            months);
  }

  static long placements(UUID learnerId, String condition) {
    return Announced.count(
        "select count(*) from placement where learner_id = '" + learnerId + "' and " + condition);
  }

  static long recordedEvents(UUID learnerId, String condition) {
    return Announced.count(
        "select count(*) from outbox_event where type like '%placement-recorded%' and data::text"
            + " like '%"
            + learnerId
            + "%' and "
            + condition);
  }

  /** A placement recorded by staff of the learner's site; returns its id. */
  public static String recorded(String staff, Trainee trainee) {
    return Api.as(staff)
        .header("Idempotency-Key", UUID.randomUUID().toString())
        .body(job(trainee.learnerId(), "CDI", null, null))
        .post(PLACEMENTS)
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  @Test
  void staffRecordAJobAndItsDurabilityFollowsTheLearnersCountryRule() {
    Announced.demoPartnersAndSites();
    Trainee sevran = Trainee.at("FR-SEVRAN");
    Trainee fes = Trainee.at("MA-FES");
    LearnerEvents.enrolled(sevran, null, LearnerEvents.FOLLOW_UP);
    LearnerEvents.enrolled(fes, null, LearnerEvents.FOLLOW_UP);

    Api.as("site-staff-fr")
        .header("Idempotency-Key", UUID.randomUUID().toString())
        .body(job(sevran.learnerId(), "TEMPORARY", 6, Announced.PARTNER_FR))
        .post(PLACEMENTS)
        .then()
        .statusCode(201)
        .body("durableEmployment", equalTo(true))
        .body("source", equalTo("EMPLOYER"))
        .body("status", equalTo("RECORDED"))
        .body("siteCode", equalTo("FR-SEVRAN"))
        .body("employerPartnerId", equalTo(Announced.PARTNER_FR.toString()))
        .body("evidenceNote", equalTo("Contrat signé reçu le 2 novembre"));
    assertThat(
            recordedEvents(
                sevran.learnerId(),
                "data->>'durableEmployment' = 'true' and data->>'employerPartnerId' = '"
                    + Announced.PARTNER_FR
                    + "' and data->>'contractType' = 'TEMPORARY' and site = 'FR-SEVRAN'"))
        .isEqualTo(1);

    // Morocco does not count temporary work, and counts a CDD from 6 months on
    Api.as("country-admin-ma")
        .header("Idempotency-Key", UUID.randomUUID().toString())
        .body(job(fes.learnerId(), "TEMPORARY", 12, Announced.PARTNER_MA))
        .post(PLACEMENTS)
        .then()
        .statusCode(201)
        .body("durableEmployment", equalTo(false));
    Api.as("site-staff-ma")
        .header("Idempotency-Key", UUID.randomUUID().toString())
        .body(job(fes.learnerId(), "CDD", 6, null))
        .post(PLACEMENTS)
        .then()
        .statusCode(201)
        .body("durableEmployment", equalTo(true));
    assertThat(placements(fes.learnerId(), "durable_employment")).isEqualTo(1);
    assertThat(placements(fes.learnerId(), "not durable_employment")).isEqualTo(1);

    // integrations read codes, not the employer's name nor the evidence note
    io.restassured.RestAssured.given()
        .header("Authorization", "Bearer " + Tokens.ofClient("integration-fr"))
        .queryParam("learnerId", sevran.learnerId().toString())
        .get(PLACEMENTS)
        .then()
        .statusCode(200)
        .body("total", equalTo(1))
        .body("items[0].employerName", nullValue())
        .body("items[0].evidenceNote", nullValue())
        .body("items[0].contractType", equalTo("TEMPORARY"));
  }

  @Test
  void outOfScopeWrongRoleAndBadInputChangeNothing() {
    Announced.demoPartnersAndSites();
    Trainee sevran = Trainee.at("FR-SEVRAN");
    LearnerEvents.enrolled(sevran, null);
    UUID id = sevran.learnerId();
    Api.as("site-staff-ma")
        .header("Idempotency-Key", UUID.randomUUID().toString())
        .body(job(id, "CDI", null, null))
        .post(PLACEMENTS)
        .then()
        .statusCode(404);
    Api.as("partner-fr")
        .header("Idempotency-Key", UUID.randomUUID().toString())
        .body(job(id, "CDI", null, null))
        .post(PLACEMENTS)
        .then()
        .statusCode(403);
    Api.as("site-staff-fr")
        .header("Idempotency-Key", UUID.randomUUID().toString())
        .body(job(id, "CDD", null, null))
        .post(PLACEMENTS)
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors.field", hasItem("durationMonths"));
    Api.as("site-staff-fr")
        .header("Idempotency-Key", UUID.randomUUID().toString())
        .body(job(null, "CDI", null, null))
        .post(PLACEMENTS)
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("learnerId"));
    Api.as("site-staff-fr")
        .header("Idempotency-Key", UUID.randomUUID().toString())
        .body(job(id, "CDI", null, Announced.PARTNER_MA))
        .post(PLACEMENTS)
        .then()
        .statusCode(422)
        .body("errors.field", hasItem("employerPartnerId"));
    Api.as("site-staff-fr")
        .header("Idempotency-Key", UUID.randomUUID().toString())
        .body(job(id, "CDI", null, null).replace("\"EMPLOYED\"", "\"WORK_STUDY\""))
        .post(PLACEMENTS)
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("contractType"));
    Api.as("site-staff-fr")
        .header("Idempotency-Key", UUID.randomUUID().toString())
        .body(
            """
            {"learnerId": "%s", "situation": "JOB_SEEKING", "employerName": "Atelier"}
            """
                .formatted(id))
        .post(PLACEMENTS)
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("employerName"));
    Api.as("site-staff-fr")
        .header("Idempotency-Key", UUID.randomUUID().toString())
        .body(job(id, "CDI", null, null).replace("\"EMPLOYER\"", "\"CANDIDACY\""))
        .post(PLACEMENTS)
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("source"));
    Api.as("site-staff-fr")
        .get(PLACEMENTS + "?durableEmployment=maybe")
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
    assertThat(placements(id, "true")).isZero();
  }

  @Test
  void aLearnerRecordsAndReadsOnlyTheirOwnSituation() {
    Trainee own = Trainee.at("FR-CERGY");
    Trainee other = Trainee.at("FR-CERGY");
    LearnerEvents.enrolled(other, null);
    LearnerEvents.enrolled(own, "learner-fr", LearnerEvents.FOLLOW_UP);
    String otherPlacement = recorded("country-admin-fr", other);

    String mine =
        Api.as("learner-fr")
            .header("Idempotency-Key", UUID.randomUUID().toString())
            .body(
                """
                {"situation": "FURTHER_TRAINING", "situationOn": "2026-11-30",
                 "evidenceKind": "TRAINING_ENROLMENT"}
                """)
            .post(PLACEMENTS)
            .then()
            .statusCode(201)
            .body("learnerId", equalTo(own.learnerId().toString()))
            .body("source", equalTo("LEARNER"))
            .body("durableEmployment", equalTo(false))
            .extract()
            .path("id");
    Api.as("learner-fr")
        .header("Idempotency-Key", UUID.randomUUID().toString())
        .body(
            """
            {"learnerId": "%s", "situation": "JOB_SEEKING"}
            """
                .formatted(other.learnerId()))
        .post(PLACEMENTS)
        .then()
        .statusCode(404);
    assertThat(placements(other.learnerId(), "true")).isEqualTo(1);

    Api.as("learner-fr")
        .get(PLACEMENTS)
        .then()
        .statusCode(200)
        .body("items.learnerId", everyItem(equalTo(own.learnerId().toString())))
        .body("items.id", hasItem(mine));
    Api.as("learner-fr").get(PLACEMENTS + "/" + otherPlacement).then().statusCode(404);
    Api.as("learner-ma").get(PLACEMENTS + "/" + mine).then().statusCode(404);
    Api.as("learner-ma")
        .get(PLACEMENTS)
        .then()
        .statusCode(200)
        .body("items.id", org.hamcrest.Matchers.not(hasItem(mine)));
    Api.as("partner-fr").get(PLACEMENTS + "/" + mine).then().statusCode(403);
    Api.as("site-staff-fr").get(PLACEMENTS + "/" + otherPlacement).then().statusCode(404);
  }

  @Test
  void aLearnerWhoLeftForAJobHasTheirPlacementConfirmedOnceByStaff() {
    Trainee trainee = Trainee.at("FR-SEVRAN");
    LearnerEvents.enrolled(trainee, null, LearnerEvents.FOLLOW_UP);
    BrokerEvents.send(
        LearnerEvents.learnerWithdrew(
            trainee, OffsetDateTime.parse("2026-10-01T09:00:00Z"), "FOUND_JOB", false));
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> placements(trainee.learnerId(), "status = 'TO_CONFIRM'") == 1);
    String id =
        Api.as("site-staff-fr")
            .queryParam("learnerId", trainee.learnerId().toString())
            .queryParam("status", "TO_CONFIRM")
            .get(PLACEMENTS)
            .then()
            .statusCode(200)
            .body("total", equalTo(1))
            .extract()
            .path("items[0].id");
    String confirmation =
        """
        {"situation": "EMPLOYED", "startDate": "2026-10-05", "contractType": "CDI",
         "employerName": "Boulangerie numérique", "evidenceKind": "EMPLOYER_STATEMENT"}
        """;
    Api.as("site-staff-ma")
        .body(confirmation)
        .post(PLACEMENTS + "/" + id + "/confirm")
        .then()
        .statusCode(404);
    Api.as("site-staff-fr")
        .header("If-Match", "\"7\"")
        .body(confirmation)
        .post(PLACEMENTS + "/" + id + "/confirm")
        .then()
        .statusCode(412);
    assertThat(recordedEvents(trainee.learnerId(), "true")).isZero();
    Api.as("site-staff-fr")
        .header("If-Match", "\"0\"")
        .body(confirmation)
        .post(PLACEMENTS + "/" + id + "/confirm")
        .then()
        .statusCode(200)
        .body("status", equalTo("RECORDED"))
        .body("durableEmployment", equalTo(true))
        .body("startDate", equalTo("2026-10-05"));
    Api.as("site-staff-fr")
        .body(confirmation)
        .post(PLACEMENTS + "/" + id + "/confirm")
        .then()
        .statusCode(409);
    assertThat(recordedEvents(trainee.learnerId(), "data->>'contractType' = 'CDI'")).isEqualTo(1);
  }

  @Test
  void aHireThroughACandidacyRecordsItsPlacementOnceAndAnnouncesIt() {
    Announced.demoPartnersAndSites();
    Trainee trainee = Trainee.at("MA-FES");
    LearnerEvents.enrolled(trainee, null, LearnerEvents.CV_SHARING);
    CandidacyHired hire =
        new CandidacyHired(
            UUID.randomUUID(),
            trainee.learnerId(),
            UUID.randomUUID(),
            Announced.PARTNER_MA,
            "Maroc Digital Emploi",
            ContractType.CDD,
            9,
            LocalDate.parse("2026-12-01"),
            "site-staff-ma");
    QuarkusTransaction.requiringNew().run(() -> hires.fire(hire));
    QuarkusTransaction.requiringNew().run(() -> hires.fire(hire));
    assertThat(
            placements(
                trainee.learnerId(),
                "source = 'CANDIDACY' and candidacy_id = '"
                    + hire.candidacyId()
                    + "' and situation = 'EMPLOYED' and durable_employment"))
        .isEqualTo(1);
    assertThat(
            recordedEvents(
                trainee.learnerId(),
                "data->>'source' = 'CANDIDACY' and data->>'employerPartnerId' = '"
                    + Announced.PARTNER_MA
                    + "' and data->>'startDate' = '2026-12-01'"))
        .isEqualTo(1);
  }

  @Test
  void erasureBlanksTheEvidenceNoteAndKeepsTheCategories() {
    Trainee trainee = Trainee.at("FR-SEVRAN");
    LearnerEvents.enrolled(trainee, null);
    recorded("site-staff-fr", trainee);
    assertThat(placements(trainee.learnerId(), "evidence_note is not null")).isEqualTo(1);
    var erased = LearnerEvents.applicantErased(trainee);
    BrokerEvents.send(erased);
    LearnerEvents.applied(erased);
    assertThat(
            placements(
                trainee.learnerId(),
                "evidence_note is null and contract_type = 'CDI' and evidence_kind = 'CONTRACT'"))
        .isEqualTo(1);
  }
}
