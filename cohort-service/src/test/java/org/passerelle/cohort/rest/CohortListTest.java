package org.passerelle.cohort.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.passerelle.cohort.CohortStatus;
import org.passerelle.cohort.LearnerStatus;
import org.passerelle.cohort.testing.Cohorts;

/**
 * The list of cohorts: filters, pages, order, and scope (each role sees exactly what it may read).
 * Each test's cohorts start within a few days of a random date decades ahead, which the tests
 * filter on, so that other tests' cohorts never show.
 */
@QuarkusTest
class CohortListTest {

  private static final String COHORTS = CohortResourceTest.COHORTS;

  private LocalDate base;
  private String sevranPlanned;
  private String cergyRecruiting;
  private String fesRunning;
  private String casablancaCompleted;
  private String sevranCancelled;

  @BeforeEach
  void fiveCohortsInBothCountries() {
    base = LocalDate.of(2040, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(20_000));
    sevranPlanned = cohort("FR-SEVRAN", "WEB-DEV", CohortStatus.PLANNED, 0);
    cergyRecruiting = cohort("FR-CERGY", "DATA-ANALYST", CohortStatus.RECRUITING, 1);
    fesRunning = cohort("MA-FES", "WEB-DEV", CohortStatus.RUNNING, 2);
    casablancaCompleted = cohort("MA-CASABLANCA", "AI-DEV", CohortStatus.COMPLETED, 3);
    sevranCancelled = cohort("FR-SEVRAN", "WEB-DEV", CohortStatus.CANCELLED, 3);
  }

  private String cohort(String site, String programme, CohortStatus status, int day) {
    return Cohorts.cohort(site, programme, status, 20, base.plusDays(day)).toString();
  }

  /** The list as this caller, within this test's dates, with these extra query parameters. */
  private ValidatableResponse list(String caller, Object... parameters) {
    var request =
        ReferenceDataResourceTest.as(caller)
            .queryParam("startFrom", base.toString())
            .queryParam("startTo", base.plusDays(3).toString());
    for (int i = 0; i < parameters.length; i += 2) {
      request.queryParam((String) parameters[i], parameters[i + 1]);
    }
    return request.get(COHORTS).then();
  }

  /**
   * Ids of cohorts starting the same day, in list order: PostgreSQL orders uuids as unsigned bytes,
   * which is the order of their lower-case text (not of {@link UUID#compareTo}, which is signed).
   */
  private static List<String> ordered(String... ids) {
    List<String> sorted = new ArrayList<>(List.of(ids));
    sorted.sort(Comparator.naturalOrder());
    return sorted;
  }

  private List<String> all() {
    List<String> lastDay = ordered(casablancaCompleted, sevranCancelled);
    List<String> all = new ArrayList<>(List.of(sevranPlanned, cergyRecruiting, fesRunning));
    all.addAll(lastDay);
    return all;
  }

  @Test
  void filtersCombineAndTheOrderIsByStartDateThenId() {
    list("platform-admin")
        .statusCode(200)
        .body("total", equalTo(5))
        .body("page", equalTo(0))
        .body("size", equalTo(20))
        .body("items.id", equalTo(all()));
    list("platform-admin", "country", "FR")
        .body(
            "items.id",
            equalTo(
                all().stream()
                    .filter(id -> !id.equals(fesRunning) && !id.equals(casablancaCompleted))
                    .toList()));
    list("platform-admin", "site", "MA-FES").body("items.id", contains(fesRunning));
    list("platform-admin", "programme", "WEB-DEV")
        .body(
            "items.id",
            equalTo(
                all().stream()
                    .filter(id -> !id.equals(cergyRecruiting) && !id.equals(casablancaCompleted))
                    .toList()));
    given()
        .header("Authorization", org.passerelle.commons.testing.Tokens.bearer("platform-admin"))
        .queryParam("startFrom", base.toString())
        .queryParam("startTo", base.plusDays(3).toString())
        .queryParam("status", "RUNNING")
        .queryParam("status", "COMPLETED")
        .get(COHORTS)
        .then()
        .statusCode(200)
        .body("total", equalTo(2))
        .body("items.id", contains(fesRunning, casablancaCompleted));
    list("platform-admin", "status", "PLANNED", "country", "FR")
        .body("items.id", contains(sevranPlanned))
        .body("items[0].status", equalTo("PLANNED"))
        .body("items[0].siteCode", equalTo("FR-SEVRAN"))
        .body("items[0].trainers", empty());
    ReferenceDataResourceTest.as("platform-admin")
        .queryParam("startFrom", base.plusDays(1).toString())
        .queryParam("startTo", base.plusDays(2).toString())
        .get(COHORTS)
        .then()
        .body("items.id", contains(cergyRecruiting, fesRunning));
    ReferenceDataResourceTest.as("platform-admin")
        .queryParam("startFrom", base.plusDays(3).toString())
        .queryParam("startTo", base.plusDays(3).toString())
        .queryParam("site", "FR-SEVRAN")
        .get(COHORTS)
        .then()
        .body("items.id", contains(sevranCancelled));
    list("platform-admin", "country", "MA", "site", "FR-SEVRAN").body("total", equalTo(0));
  }

  @Test
  void theListShowsTheSeatsTakenOfEachCohort() {
    Cohorts.learners(UUID.fromString(cergyRecruiting), LearnerStatus.ENROLLED, 2);
    Cohorts.learners(UUID.fromString(cergyRecruiting), LearnerStatus.WITHDRAWN, 1);
    Cohorts.learners(UUID.fromString(fesRunning), LearnerStatus.ACTIVE, 3);
    list("platform-admin")
        .body("items.find { it.id == '" + cergyRecruiting + "' }.seatsTaken", equalTo(2))
        .body("items.find { it.id == '" + fesRunning + "' }.seatsTaken", equalTo(3))
        .body("items.find { it.id == '" + sevranPlanned + "' }.seatsTaken", equalTo(0));
  }

  @Test
  void pagesAreBoundedAndNeitherSkipNorRepeat() {
    List<String> all = all();
    list("platform-admin", "size", 2, "page", 0)
        .statusCode(200)
        .body("total", equalTo(5))
        .body("size", equalTo(2))
        .body("items.id", equalTo(all.subList(0, 2)));
    list("platform-admin", "size", 2, "page", 1).body("items.id", equalTo(all.subList(2, 4)));
    list("platform-admin", "size", 2, "page", 2).body("items.id", equalTo(all.subList(4, 5)));
    list("platform-admin", "size", 2, "page", 3).body("items", empty()).body("total", equalTo(5));
    list("platform-admin", "size", 100).statusCode(200);
    for (Object[] bad :
        new Object[][] {
          {"size", 101}, {"size", 0}, {"page", -1}, {"page", 1_000_001},
        }) {
      list("platform-admin", bad[0], bad[1])
          .statusCode(400)
          .contentType("application/problem+json");
    }
  }

  @Test
  void badFiltersAre400NamingTheParameter() {
    Object[][] bad = {
      {"status", "OPEN"},
      {"status", "running"},
      {"startFrom", "2040-13-01"},
      {"startTo", "tomorrow"},
      {"country", "XX"},
      {"site", "fr-sevran"},
      {"programme", "web dev"},
    };
    for (Object[] example : bad) {
      ReferenceDataResourceTest.as("platform-admin")
          .queryParam((String) example[0], example[1])
          .get(COHORTS)
          .then()
          .statusCode(400)
          .contentType("application/problem+json")
          .body("errors.field", hasItem(example[0]));
    }
    ReferenceDataResourceTest.as("platform-admin")
        .queryParam("startFrom", "2040-02-01")
        .queryParam("startTo", "2040-01-31")
        .get(COHORTS)
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("startTo"));
  }

  @Test
  void eachRoleListsOnlyItsScope() {
    List<String> all = all();
    list("country-admin-fr")
        .statusCode(200)
        .body("items.id", equalTo(only(all, sevranPlanned, cergyRecruiting, sevranCancelled)));
    list("integration-fr")
        .statusCode(200)
        .body("items.id", equalTo(only(all, sevranPlanned, cergyRecruiting, sevranCancelled)));
    list("country-admin-ma")
        .statusCode(200)
        .body("items.id", equalTo(only(all, fesRunning, casablancaCompleted)));
    list("integration-ma")
        .statusCode(200)
        .body("items.id", equalTo(only(all, fesRunning, casablancaCompleted)));
    list("site-staff-fr")
        .statusCode(200)
        .body("items.id", equalTo(only(all, sevranPlanned, sevranCancelled)))
        .body("total", equalTo(2));
    list("site-staff-ma")
        .statusCode(200)
        .body("items.id", contains(fesRunning))
        .body("total", equalTo(1));
    // a filter never widens the scope
    list("site-staff-fr", "site", "FR-CERGY").body("total", equalTo(0));
    list("country-admin-fr", "country", "MA").body("total", equalTo(0));
    for (String caller : List.of("learner-fr", "learner-ma", "partner-fr", "partner-ma")) {
      list(caller).statusCode(403).contentType("application/problem+json");
    }
    given().get(COHORTS).then().statusCode(401);
  }

  @Test
  void sortOrdersByTheFieldsAskedThenByIdAndNeverWidensTheScope() {
    List<String> sevran = ordered(sevranPlanned, sevranCancelled);
    list("platform-admin", "sort", "site")
        .statusCode(200)
        .body(
            "items.id",
            contains(
                cergyRecruiting, sevran.get(0), sevran.get(1), casablancaCompleted, fesRunning));
    list("platform-admin", "sort", "site,-startDate")
        .body(
            "items.id",
            contains(
                cergyRecruiting, sevranCancelled, sevranPlanned, casablancaCompleted, fesRunning));
    List<String> lastDay = ordered(casablancaCompleted, sevranCancelled);
    list("platform-admin", "sort", "-startDate")
        .body(
            "items.id",
            contains(lastDay.get(0), lastDay.get(1), fesRunning, cergyRecruiting, sevranPlanned));
    // Statuses sort by their names.
    list("platform-admin", "sort", "status")
        .body(
            "items.id",
            contains(
                sevranCancelled, casablancaCompleted, sevranPlanned, cergyRecruiting, fesRunning));
    list("platform-admin", "sort", "-programme,country", "size", 2, "page", 1)
        .body("items.id", contains(fesRunning, cergyRecruiting))
        .body("total", equalTo(5));
    list("platform-admin", "sort", "startDate").body("items.id", equalTo(all()));
    list("site-staff-fr", "sort", "-startDate")
        .body("items.id", contains(sevranCancelled, sevranPlanned));
  }

  @Test
  void anUnknownSortFieldOrParameterIsA400ListingWhatTheListAccepts() {
    ReferenceDataResourceTest.as("platform-admin")
        .header("Accept-Language", "en")
        .queryParam("sort", "startDate,capacity")
        .get(COHORTS)
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors.field", contains("sort"))
        .body(
            "detail",
            equalTo(
                "This list does not sort by \"capacity\". It sorts by: startDate, endDate,"
                    + " programme, site, country, status (prefixed with - for descending order)."));
    ReferenceDataResourceTest.as("platform-admin")
        .header("Accept-Language", "ar")
        .queryParam("sort", "-siteCode")
        .get(COHORTS)
        .then()
        .statusCode(400)
        .header("Content-Language", "ar")
        .body("errors.field", contains("sort"));
    ReferenceDataResourceTest.as("platform-admin")
        .header("Accept-Language", "en")
        .queryParam("order", "startDate")
        .get(COHORTS)
        .then()
        .statusCode(400)
        .body("errors.field", contains("order"))
        .body(
            "detail",
            equalTo(
                "Unknown parameter(s): order. This operation accepts: country, page, programme,"
                    + " site, size, sort, startFrom, startTo, status."));
  }

  private static List<String> only(List<String> all, String... kept) {
    List<String> wanted = List.of(kept);
    return all.stream().filter(wanted::contains).toList();
  }
}
