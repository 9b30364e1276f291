package org.passerelle.enrollment.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.passerelle.commons.testing.Api;
import org.passerelle.enrollment.testing.Db;
import org.passerelle.enrollment.testing.Fixtures;

/**
 * Anyone lists the intakes open to applications today, with the seats left and nothing about
 * applicants; staff filter their list by "recruiting now".
 */
@QuarkusTest
class OpenIntakesTest {

  private static final String OPEN = "/api/v1/intakes/open";
  private static final String INTAKES = "/api/v1/intakes";

  @Inject EntityManager entityManager;

  private String site;
  private UUID open;
  private UUID openWithoutWindow;
  private UUID closed;
  private UUID notYetOpen;
  private UUID cancelled;

  @BeforeEach
  void intakesAtAFreshSite() {
    // a site of this test only, so the lists hold only its intakes whatever else the base holds
    site = "FR-LP" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    open =
        Fixtures.intake(entityManager, site, today, today, today.plusMonths(3), 18, "RECRUITING");
    openWithoutWindow =
        Fixtures.intake(entityManager, site, null, null, today.plusMonths(2), null, "PLANNED");
    closed =
        Fixtures.intake(
            entityManager,
            site,
            today.minusMonths(2),
            today.minusDays(1),
            today.plusMonths(1),
            18,
            "RECRUITING");
    notYetOpen =
        Fixtures.intake(
            entityManager,
            site,
            today.plusDays(1),
            today.plusMonths(1),
            today.plusMonths(2),
            18,
            "PLANNED");
    cancelled =
        Fixtures.intake(
            entityManager,
            site,
            today.minusDays(1),
            today.plusDays(1),
            today.plusMonths(2),
            18,
            "CANCELLED");
  }

  @Test
  void anyoneListsTheIntakesOpenTodayWithTheSeatsLeft() {
    // one application accepted and one enrolled hold seats; one only submitted does not
    for (String status : new String[] {"ACCEPTED", "ENROLLED", null}) {
      String application = Fixtures.submit("country-admin-fr", open, site);
      if (status != null) {
        Db.execute(
            entityManager,
            "update application set status = ?1 where id = ?2",
            status,
            UUID.fromString(application));
      }
    }

    given()
        .queryParam("site", site)
        .get(OPEN)
        .then()
        .statusCode(200)
        .body("items.id", contains(openWithoutWindow.toString(), open.toString()))
        .body("total", equalTo(2))
        .body("items[1].programmeCode", equalTo("WEB-DEV"))
        .body("items[1].siteCode", equalTo(site))
        .body("items[1].country", equalTo("FR"))
        .body("items[1].capacity", equalTo(20))
        .body("items[1].seatsLeft", equalTo(18))
        .body("items[1].recruitmentClosesOn", equalTo(LocalDate.now(ZoneOffset.UTC).toString()))
        .body("items[0].seatsLeft", equalTo(20))
        // without a window, applications close the day before the start
        .body(
            "items[0].recruitmentClosesOn",
            equalTo(LocalDate.now(ZoneOffset.UTC).plusMonths(2).minusDays(1).toString()))
        .body("items[1]", not(hasKey("cohortVersion")))
        .body("items[1]", not(hasKey("applicants")));

    // filters; learners and staff read the same list
    given()
        .queryParams("site", site, "programme", "WEB-DEV", "country", "FR")
        .get(OPEN)
        .then()
        .statusCode(200)
        .body("items.id", containsInAnyOrder(open.toString(), openWithoutWindow.toString()));
    given().queryParams("site", site, "programme", "DATA").get(OPEN).then().body("items", empty());
    given().queryParams("site", site, "country", "MA").get(OPEN).then().body("items", empty());
    for (String user : new String[] {"learner-fr", "learner-ma", "site-staff-ma"}) {
      Api.as(user)
          .queryParam("site", site)
          .get(OPEN)
          .then()
          .statusCode(200)
          .body("total", equalTo(2));
    }
  }

  @Test
  void badFiltersAreProblems() {
    for (String[] bad :
        new String[][] {
          {"country", "XX"}, {"site", "nowhere"}, {"programme", "web dev"}, {"size", "0"}
        }) {
      given()
          .queryParam(bad[0], bad[1])
          .get(OPEN)
          .then()
          .statusCode(400)
          .contentType("application/problem+json");
    }
    Api.as("country-admin-fr")
        .queryParam("recruiting", "yes")
        .get(INTAKES)
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
  }

  @Test
  void staffFilterTheirIntakesByRecruitingNow() {
    Api.as("country-admin-fr")
        .queryParams("site", site, "recruiting", "true")
        .get(INTAKES)
        .then()
        .statusCode(200)
        .body("items.id", contains(openWithoutWindow.toString(), open.toString()));
    Api.as("country-admin-fr")
        .queryParams("site", site, "recruiting", "false")
        .get(INTAKES)
        .then()
        .statusCode(200)
        .body(
            "items.id",
            containsInAnyOrder(closed.toString(), notYetOpen.toString(), cancelled.toString()));
    // the filter keeps the scope: another country's staff see none of them
    Api.as("country-admin-ma")
        .queryParams("site", site, "recruiting", "true")
        .get(INTAKES)
        .then()
        .statusCode(200)
        .body("items.id", not(hasItem(open.toString())));
  }
}
