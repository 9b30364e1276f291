package org.passerelle.cohort.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.passerelle.cohort.LearnerStatus;
import org.passerelle.cohort.service.CertificationService;
import org.passerelle.cohort.service.LearnerService;
import org.passerelle.cohort.service.ReferenceDataService;
import org.passerelle.cohort.testing.Cohorts;
import org.passerelle.commons.testing.Api;
import org.passerelle.commons.testing.ListSorts;
import org.passerelle.problem.Problem;

/**
 * The lists beside cohorts sort too (ADR 0040), and a query parameter that does not convert says
 * what would do (ADR 0041).
 */
@QuarkusTest
class ListSortingTest {

  @Test
  void everyListSortsByEachOfItsFieldsAndRefusesOthers() {
    UUID cohort = Cohorts.running("FR-CERGY", 10);
    Cohorts.learners(cohort, LearnerStatus.ACTIVE, 2);
    ListSorts.everyFieldSorts("platform-admin", "/api/v1/sites", ReferenceDataService.SITES);
    ListSorts.everyFieldSorts(
        "platform-admin", "/api/v1/programmes", ReferenceDataService.PROGRAMMES);
    ListSorts.everyFieldSorts(
        "platform-admin", "/api/v1/cohorts/" + cohort + "/learners", LearnerService.SORTING);
    ListSorts.everyFieldSorts(
        "platform-admin",
        "/api/v1/cohorts/" + cohort + "/certification-results",
        CertificationService.SORTING);
  }

  @Test
  void sitesSortAsAsked() {
    List<String> byCode =
        Api.as("site-staff-fr").get("/api/v1/sites?size=100").then().extract().path("items.code");
    List<String> backwards =
        Api.as("site-staff-fr")
            .get("/api/v1/sites?size=100&sort=-code")
            .then()
            .statusCode(200)
            .extract()
            .path("items.code");
    assertThat(byCode).hasSizeGreaterThan(1);
    assertThat(backwards).containsExactlyElementsOf(byCode.reversed());
  }

  @Test
  void aCohortsLearnersSortAsAskedAndOnlyInScope() {
    UUID cohort = Cohorts.running("FR-SEVRAN", 10);
    UUID active = Cohorts.learner(cohort, UUID.randomUUID(), LearnerStatus.ACTIVE);
    UUID withdrawn = Cohorts.learner(cohort, UUID.randomUUID(), LearnerStatus.WITHDRAWN);
    UUID completed = Cohorts.learner(cohort, UUID.randomUUID(), LearnerStatus.COMPLETED);
    Api.as("site-staff-fr")
        .get("/api/v1/cohorts/" + cohort + "/learners?sort=status")
        .then()
        .statusCode(200)
        .body(
            "items.learnerId",
            contains(active.toString(), completed.toString(), withdrawn.toString()));
    Api.as("site-staff-fr")
        .get("/api/v1/cohorts/" + cohort + "/learners?sort=-status")
        .then()
        .body(
            "items.learnerId",
            contains(withdrawn.toString(), completed.toString(), active.toString()));
    // Another country's staff: the cohort does not exist, whatever the sort.
    Api.as("site-staff-ma")
        .get("/api/v1/cohorts/" + cohort + "/learners?sort=status")
        .then()
        .statusCode(404);
  }

  @Test
  void aQueryParameterThatDoesNotConvertSaysWhatWouldDo() {
    Api.as("site-staff-fr")
        .header("Accept-Language", "en")
        .get("/api/v1/cohorts?startFrom=notadate")
        .then()
        .statusCode(400)
        .contentType(Problem.MEDIA_TYPE)
        .body("errors.field", contains("startFrom"))
        .body("errors[0].format", equalTo("date"))
        .body("errors[0].example", equalTo("2026-09-01"));
    Api.as("site-staff-fr")
        .get("/api/v1/cohorts?status=NOPE")
        .then()
        .statusCode(400)
        .body("errors.field", contains("status"))
        .body("errors[0].accepted", hasItem("RUNNING"));
    Api.as("site-staff-fr")
        .get("/api/v1/cohorts?page=abc")
        .then()
        .statusCode(400)
        .body("errors.field", contains("page"))
        .body("errors[0].format", equalTo("int32"));
  }
}
