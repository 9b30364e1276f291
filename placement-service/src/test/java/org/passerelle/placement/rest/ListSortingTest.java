package org.passerelle.placement.rest;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.passerelle.commons.testing.Api;
import org.passerelle.commons.testing.ListSorts;
import org.passerelle.placement.service.CandidacyService;
import org.passerelle.placement.service.FollowUpService;
import org.passerelle.placement.service.IndicatorClosureService;
import org.passerelle.placement.service.IndicatorExportService;
import org.passerelle.placement.service.PlacementService;
import org.passerelle.problem.Problem;

/**
 * The lists beside job offers sort too (ADR 0040), and a query parameter that does not convert says
 * what would do (ADR 0041).
 */
@QuarkusTest
class ListSortingTest {

  @Test
  void everyListSortsByEachOfItsFieldsAndRefusesOthers() {
    ListSorts.everyFieldSorts("platform-admin", "/api/v1/placements", PlacementService.SORTING);
    ListSorts.everyFieldSorts("platform-admin", "/api/v1/follow-ups", FollowUpService.SORTING);
    ListSorts.everyFieldSorts("platform-admin", "/api/v1/candidacies", CandidacyService.SORTING);
    ListSorts.everyFieldSorts(
        "platform-admin", "/api/v1/indicators/closures", IndicatorClosureService.SORTING);
    ListSorts.everyFieldSorts(
        "platform-admin", "/api/v1/indicators/exports/audit", IndicatorExportService.AUDIT_SORTING);
  }

  @Test
  void aQueryParameterThatDoesNotConvertSaysWhatWouldDo() {
    Api.as("site-staff-fr")
        .header("Accept-Language", "en")
        .get("/api/v1/placements?learnerId=nope")
        .then()
        .statusCode(400)
        .contentType(Problem.MEDIA_TYPE)
        .body("errors.field", contains("learnerId"))
        .body("errors[0].format", equalTo("uuid"));
    Api.as("site-staff-fr")
        .get("/api/v1/follow-ups?due=NOPE")
        .then()
        .statusCode(400)
        .body("errors.field", contains("due"))
        .body("errors[0].accepted", contains("DUE", "OVERDUE"));
    Api.as("site-staff-fr")
        .get("/api/v1/candidacies?status=NOPE")
        .then()
        .statusCode(400)
        .body("errors.field", contains("status"))
        .body("errors[0].accepted", hasItem("HIRED"));
    Api.as("site-staff-fr")
        .get("/api/v1/follow-ups?page=abc")
        .then()
        .statusCode(400)
        .body("errors.field", contains("page"))
        .body("errors[0].format", equalTo("int32"));
    Api.as("country-admin-fr")
        .get("/api/v1/indicators?from=notadate&to=2026-12-31&groupBy=site")
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("from"))
        .body("errors.find { it.field == 'from' }.format", equalTo("date"));
  }

  @Test
  void aSortNeverWidensTheScope() {
    Api.as("site-staff-ma")
        .get("/api/v1/placements?sort=site&size=100")
        .then()
        .statusCode(200)
        .body("items.siteCode.findAll { !it.startsWith('MA-') }.size()", equalTo(0));
  }
}
