package org.passerelle.cohort.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.passerelle.cohort.CohortStatus;
import org.passerelle.cohort.LearnerStatus;
import org.passerelle.cohort.testing.Cohorts;

/**
 * A learner's history across cohorts by their learnerId: staff and offices' systems see the seats
 * in the cohorts of their scope only.
 */
@QuarkusTest
class LearnerHistoryTest {

  private UUID learner;
  private String sevran;
  private String cergy;
  private String fes;

  @BeforeEach
  void aLearnerInThreeCohorts() {
    LocalDate base = LocalDate.of(2040, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(20_000));
    learner = UUID.randomUUID();
    UUID cergyCohort = Cohorts.cohort("FR-CERGY", "DATA-ANALYST", CohortStatus.RUNNING, 20, base);
    UUID sevranCohort =
        Cohorts.cohort("FR-SEVRAN", "WEB-DEV", CohortStatus.COMPLETED, 20, base.minusYears(1));
    UUID fesCohort =
        Cohorts.cohort("MA-FES", "AI-DEV", CohortStatus.RECRUITING, 20, base.plusDays(1));
    Cohorts.learner(cergyCohort, learner, LearnerStatus.WITHDRAWN);
    Cohorts.learner(sevranCohort, learner, LearnerStatus.COMPLETED);
    Cohorts.learner(fesCohort, learner, LearnerStatus.ENROLLED);
    // Another learner's seat in the same cohort never shows.
    Cohorts.learners(sevranCohort, LearnerStatus.COMPLETED, 1);
    sevran = sevranCohort.toString();
    cergy = cergyCohort.toString();
    fes = fesCohort.toString();
  }

  private ValidatableResponse history(String caller, UUID learnerId, String query) {
    return ReferenceDataResourceTest.as(caller)
        .get("/api/v1/learners/" + learnerId + "/seats" + query)
        .then();
  }

  @Test
  void staffSeeTheSeatsInTheirScopeByStartDate() {
    history("platform-admin", learner, "")
        .statusCode(200)
        .body("items.cohortId", contains(sevran, cergy, fes))
        .body("items.seat.status", contains("COMPLETED", "WITHDRAWN", "ENROLLED"))
        .body("items.seat.learnerId", everyItem(equalTo(learner.toString())))
        .body("items.cohortStatus", contains("COMPLETED", "RUNNING", "RECRUITING"))
        .body("items[0].siteCode", equalTo("FR-SEVRAN"))
        .body("items[0].programmeCode", equalTo("WEB-DEV"))
        .body("total", equalTo(3))
        .body("totalIsExact", equalTo(true));
    history("platform-admin", learner, "?size=1&page=1")
        .statusCode(200)
        .body("items.cohortId", contains(cergy))
        .body("total", equalTo(3));
    history("country-admin-fr", learner, "").body("items.cohortId", contains(sevran, cergy));
    history("integration-fr", learner, "")
        .statusCode(200)
        .body("items.cohortId", contains(sevran, cergy));
    history("site-staff-fr", learner, "").body("items.cohortId", contains(sevran));
    history("country-admin-ma", learner, "").body("items.cohortId", contains(fes));
    history("integration-ma", learner, "").body("items.cohortId", contains(fes));
  }

  @Test
  void outsideTheScopeNothingShowsAndOthersAreRefused() {
    // A learner without a seat in the caller's scope is as unknown as one nobody seated.
    UUID cergyOnly = UUID.randomUUID();
    Cohorts.learner(
        Cohorts.cohort("FR-CERGY", "WEB-DEV", CohortStatus.RUNNING, 20, LocalDate.of(2041, 1, 1)),
        cergyOnly,
        LearnerStatus.ACTIVE);
    for (String caller : List.of("site-staff-fr", "country-admin-ma", "integration-ma")) {
      history(caller, cergyOnly, "").statusCode(404).contentType("application/problem+json");
    }
    history("country-admin-fr", cergyOnly, "").statusCode(200).body("total", equalTo(1));
    history("platform-admin", UUID.randomUUID(), "").statusCode(404);
    for (String caller : List.of("learner-fr", "partner-fr")) {
      history(caller, learner, "").statusCode(403).contentType("application/problem+json");
    }
    given().get("/api/v1/learners/" + learner + "/seats").then().statusCode(401);
    history("platform-admin", learner, "?status=ACTIVE")
        .statusCode(400)
        .body("errors.field", contains("status"));
    ReferenceDataResourceTest.as("platform-admin")
        .get("/api/v1/learners/not-a-uuid/seats")
        .then()
        .statusCode(404);
  }
}
