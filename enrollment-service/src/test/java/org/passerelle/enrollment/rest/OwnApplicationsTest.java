package org.passerelle.enrollment.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.passerelle.commons.testing.Api;
import org.passerelle.enrollment.testing.Fixtures;

/**
 * A learner reads their own applications, each with its intake, and nobody else's: not another
 * learner's, not those staff filed for other people.
 */
@QuarkusTest
class OwnApplicationsTest {

  private static final String MINE = Fixtures.APPLICATIONS + "/mine";

  @Inject EntityManager entityManager;

  @Test
  void aLearnerReadsTheirOwnApplicationsWithTheirIntakes() {
    String site = "FR-LP" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    LocalDate start = today.plusMonths(2);
    UUID intake =
        Fixtures.intake(entityManager, site, today.minusDays(1), today, start, 18, "RECRUITING");
    String own = Fixtures.submit("learner-fr", intake, site);
    String someoneElse = Fixtures.submit("country-admin-fr", intake, site);

    String item = "items.find { it.id == '" + own + "' }";
    Api.as("learner-fr")
        .get(MINE)
        .then()
        .statusCode(200)
        // newest first: the one just made leads
        .body("items[0].id", equalTo(own))
        .body(item + ".status", equalTo("SUBMITTED"))
        .body(item + ".intake.id", equalTo(intake.toString()))
        .body(item + ".intake.programmeCode", equalTo("WEB-DEV"))
        .body(item + ".intake.siteCode", equalTo(site))
        .body(item + ".intake.country", equalTo("FR"))
        .body(item + ".intake.startDate", equalTo(start.toString()))
        .body(item + ".intake.endDate", equalTo(start.plusMonths(6).toString()))
        .body(item + ".intake.cohortStatus", equalTo("RECRUITING"))
        .body(item + ".testScore", nullValue())
        .body("items.id", not(hasItem(someoneElse)));

    // another learner, of another country, does not see it; other roles use their own lists
    Api.as("learner-ma").get(MINE).then().statusCode(200).body("items.id", not(hasItem(own)));
    Api.as("country-admin-fr").get(MINE).then().statusCode(403);
    Api.as("partner-fr").get(MINE).then().statusCode(403);
    given().get(MINE).then().statusCode(401);
    Api.as("learner-fr")
        .queryParam("size", 101)
        .get(MINE)
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
  }
}
