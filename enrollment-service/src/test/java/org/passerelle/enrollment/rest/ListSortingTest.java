package org.passerelle.enrollment.rest;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.passerelle.commons.testing.Api;
import org.passerelle.commons.testing.ListSorts;
import org.passerelle.enrollment.service.ApplicationImportService;
import org.passerelle.enrollment.service.AuditLogService;
import org.passerelle.enrollment.service.IntakeService;
import org.passerelle.enrollment.service.OpenIntakeService;
import org.passerelle.enrollment.service.RetentionRunService;
import org.passerelle.enrollment.testing.Fixtures;
import org.passerelle.problem.Problem;

/**
 * The lists beside applications sort too (ADR 0040), and a query parameter that does not convert
 * says what would do (ADR 0041).
 */
@QuarkusTest
class ListSortingTest {

  @Inject EntityManager entityManager;

  @Test
  void everyListSortsByEachOfItsFieldsAndRefusesOthers() {
    ListSorts.everyFieldSorts("platform-admin", "/api/v1/intakes", IntakeService.SORTING);
    ListSorts.everyFieldSorts("learner-fr", "/api/v1/intakes/open", OpenIntakeService.SORTING);
    ListSorts.everyFieldSorts(
        "platform-admin", "/api/v1/applications/imports", ApplicationImportService.SORTING);
    ListSorts.everyFieldSorts(
        "platform-admin", "/api/v1/retention-runs", RetentionRunService.SORTING);
    ListSorts.everyFieldSorts(
        "platform-admin", "/api/v1/sensitive-data-accesses", AuditLogService.SORTING);
  }

  @Test
  void intakesSortAsAskedWithinTheCallersScope() {
    LocalDate start = LocalDate.of(2190 + ThreadLocalRandom.current().nextInt(9), 1, 1);
    UUID first = intake("FR-CERGY", start);
    UUID second = intake("FR-CERGY", start.plusDays(1));
    UUID third = intake("FR-CERGY", start.plusDays(2));
    Api.as("country-admin-fr")
        .get("/api/v1/intakes?sort=-startDate&size=3")
        .then()
        .statusCode(200)
        .body("items.id", contains(third.toString(), second.toString(), first.toString()));
    Api.as("country-admin-fr")
        .get("/api/v1/intakes?sort=-endDate,site&size=3")
        .then()
        .body("items.id", contains(third.toString(), second.toString(), first.toString()));
    // A sort never widens the scope.
    Api.as("country-admin-ma")
        .get("/api/v1/intakes?sort=-startDate&size=100")
        .then()
        .statusCode(200)
        .body("items.id", not(hasItem(third.toString())));
  }

  @Test
  void aQueryParameterThatDoesNotConvertSaysWhatWouldDo() {
    Api.as("platform-admin")
        .header("Accept-Language", "en")
        .get("/api/v1/sensitive-data-accesses?from=notadate")
        .then()
        .statusCode(400)
        .contentType(Problem.MEDIA_TYPE)
        .body("errors.field", contains("from"))
        .body("errors[0].format", equalTo("date-time"))
        .body("errors[0].example", equalTo("2026-09-01T08:30:00+02:00"));
    Api.as("platform-admin")
        .get("/api/v1/applications/imports?startedFrom=yesterday")
        .then()
        .statusCode(400)
        .body("errors.field", contains("startedFrom"))
        .body("errors[0].format", equalTo("date"));
    Api.as("platform-admin")
        .header("Accept-Language", "ar")
        .get("/api/v1/intakes?page=abc")
        .then()
        .statusCode(400)
        .body("errors.field", contains("page"))
        .body("errors[0].format", equalTo("int32"))
        .body("errors[0].message", equalTo("المعامل «page» ينتظر عددا صحيحا، مثلا 1."));
    Api.as("platform-admin")
        .get("/api/v1/retention-runs?status=NOPE")
        .then()
        .statusCode(400)
        .body("errors.field", contains("status"))
        .body("errors[0].accepted", contains("RUNNING", "SUCCEEDED", "FAILED"));
    Api.as("platform-admin")
        .get("/api/v1/intakes?status=NOPE")
        .then()
        .statusCode(400)
        .body("errors.field", contains("status"))
        .body("errors[0].accepted", hasItem("RECRUITING"));
    Api.as("platform-admin")
        .get("/api/v1/sensitive-data-accesses?action=NOPE")
        .then()
        .statusCode(400)
        .body("errors.field", contains("action"))
        .body("errors[0].accepted", hasItem("READ"));
  }

  private UUID intake(String site, LocalDate start) {
    return Fixtures.intake(
        entityManager, site, start.minusMonths(3), start.minusDays(1), start, 18, "PLANNED");
  }
}
