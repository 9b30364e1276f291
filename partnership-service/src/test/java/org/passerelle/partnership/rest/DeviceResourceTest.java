package org.passerelle.partnership.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.passerelle.partnership.testing.Donations.DEVICES;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.passerelle.commons.testing.Api;
import org.passerelle.commons.testing.Tokens;
import org.passerelle.partnership.testing.Donations;

/**
 * A donated computer's life through the API: wiped, ready, lent with the learner's acceptance,
 * back, wiped again, lent and given; the moves its status refuses, stale versions, callers out of
 * scope, and the site's inventory.
 */
@QuarkusTest
class DeviceResourceTest {

  private static final String WIPE =
      "{\"certificateReference\": \"WIPE-2026-042\", \"wipedBy\": \"Recyclerie IT\"}";

  @Inject EntityManager entityManager;

  private long count(String sql) {
    return Api.count(entityManager, sql);
  }

  private static RequestSpecification bodiless(String user) {
    return given().header("Authorization", Tokens.bearer(user));
  }

  /** The device's version and its open loans: what a refused call must leave as it was. */
  private String state(String device) {
    return count("select version from device where id = '" + device + "'")
        + "/"
        + count(
            "select count(*) from loan where device_id = '" + device + "' and ended_at is null");
  }

  @Test
  void aComputerGoesFromReceptionToALearnerAndBackThenIsGiven() {
    String device =
        Donations.record("site-staff-fr", Donations.donor("FR"), "FR-SEVRAN", "2026-02-10", 1)
            .getString("devices[0].id");
    String path = DEVICES + "/" + device;
    Api.as("site-staff-fr")
        .get(path)
        .then()
        .statusCode(200)
        .body("status", equalTo("RECEIVED"))
        .body("loan", nullValue());
    // not ready before it is wiped
    bodiless("site-staff-fr").post(path + "/ready").then().statusCode(409);
    Api.as("site-staff-fr")
        .body(WIPE)
        .post(path + "/wipe")
        .then()
        .statusCode(200)
        .header("ETag", "\"1\"")
        .body("status", equalTo("WIPED"))
        .body("wipeCertificate", equalTo("WIPE-2026-042"))
        .body("wipedBy", equalTo("Recyclerie IT"));
    // a stale version changes nothing
    bodiless("site-staff-fr")
        .header("If-Match", "\"0\"")
        .post(path + "/ready")
        .then()
        .statusCode(412);
    bodiless("site-staff-fr")
        .header("If-Match", "\"1\"")
        .post(path + "/ready")
        .then()
        .statusCode(200)
        .body("status", equalTo("READY"));

    UUID learner = UUID.randomUUID();
    Api.as("site-staff-fr")
        .body(Donations.loanBody(learner, "2099-06-30"))
        .post(path + "/loan")
        .then()
        .statusCode(200)
        .body("status", equalTo("LOANED"))
        .body("loan.learnerId", equalTo(learner.toString()))
        .body("loan.acceptanceReference", equalTo("PRET-2026-001"))
        .body("loan.site", equalTo("FR-SEVRAN"))
        .body("loan.overdue", equalTo(false))
        .body("loan.toRecall", equalTo(false));
    assertThat(
            count(
                "select count(*) from loan where device_id = '"
                    + device
                    + "' and learner_id = '"
                    + learner
                    + "' and ended_at is null and lent_by = '"
                    + Tokens.subject("site-staff-fr")
                    + "'"))
        .isEqualTo(1);
    // one computer per learner at a time
    String other = Donations.readyDevice("site-staff-fr", Donations.donor("FR"), "FR-SEVRAN");
    Api.as("site-staff-fr")
        .body(Donations.loanBody(learner, "2099-06-30"))
        .post(DEVICES + "/" + other + "/loan")
        .then()
        .statusCode(409);

    bodiless("site-staff-fr")
        .post(path + "/return")
        .then()
        .statusCode(200)
        .body("status", equalTo("RETURNED"))
        .body("loan", nullValue());
    assertThat(
            count(
                "select count(*) from loan where device_id = '"
                    + device
                    + "' and outcome = 'RETURNED' and ended_at is not null"))
        .isEqualTo(1);
    // back: wiped again before another loan
    Api.as("site-staff-fr")
        .body(Donations.loanBody(learner, "2099-06-30"))
        .post(path + "/loan")
        .then()
        .statusCode(409);
    Api.as("site-staff-fr").body(WIPE).post(path + "/wipe").then().statusCode(200);
    bodiless("site-staff-fr").post(path + "/ready").then().statusCode(200);
    Api.as("site-staff-fr")
        .body(Donations.loanBody(learner, "2099-06-30"))
        .post(path + "/loan")
        .then()
        .statusCode(200);
    bodiless("site-staff-fr")
        .post(path + "/gift")
        .then()
        .statusCode(200)
        .body("status", equalTo("GIFTED"));
    // given: nothing more happens to it
    for (String move : List.of("/return", "/gift", "/ready")) {
      bodiless("site-staff-fr").post(path + move).then().statusCode(409);
    }
    Api.as("site-staff-fr")
        .body("{\"reason\": \"BROKEN\"}")
        .post(path + "/retire")
        .then()
        .statusCode(409)
        .contentType("application/problem+json");
    assertThat(count("select count(*) from loan where device_id = '" + device + "'")).isEqualTo(2);

    Api.as("site-staff-fr")
        .body("{\"reason\": \"OBSOLETE\"}")
        .post(DEVICES + "/" + other + "/retire")
        .then()
        .statusCode(200)
        .body("status", equalTo("RETIRED"))
        .body("retirementReason", equalTo("OBSOLETE"));
  }

  @Test
  void callersOutOfScopeAndBadInputChangeNothing() {
    String device = Donations.readyDevice("site-staff-fr", Donations.donor("FR"), "FR-SEVRAN");
    String path = DEVICES + "/" + device;
    String before = state(device);
    String loan = Donations.loanBody(UUID.randomUUID(), "2099-06-30");

    Api.as("site-staff-ma").body(loan).post(path + "/loan").then().statusCode(404);
    Api.as("country-admin-ma").body(loan).post(path + "/loan").then().statusCode(404);
    Api.as("site-staff-ma").body(WIPE).post(path + "/wipe").then().statusCode(404);
    bodiless("country-admin-ma").post(path + "/gift").then().statusCode(404);
    Api.as("partner-fr").body(loan).post(path + "/loan").then().statusCode(403);
    Api.as("learner-fr").body(loan).post(path + "/loan").then().statusCode(403);
    Api.as("partner-fr").get(path).then().statusCode(403);
    Api.as("site-staff-ma").get(path).then().statusCode(404);
    given().contentType("application/json").body(loan).post(path + "/loan").then().statusCode(401);
    // another site of another staff member: the computer does not move there
    Api.as("site-staff-fr")
        .body(loan.replace("\"learnerId\"", "\"site\": \"FR-CERGY\", \"learnerId\""))
        .post(path + "/loan")
        .then()
        .statusCode(403);
    Api.as("country-admin-fr")
        .body(loan.replace("\"learnerId\"", "\"site\": \"MA-FES\", \"learnerId\""))
        .post(path + "/loan")
        .then()
        .statusCode(400);
    for (String bad :
        List.of(
            "{",
            "{}",
            loan.replace("2099-06-30", "2020-01-01"),
            loan.replace("2026-01-20", "2099-01-20"),
            loan.replace("2099-06-30", "soon"),
            loan.replace("PRET-2026-001", "x".repeat(101)),
            loan.replace("PRET-2026-001", ""))) {
      Api.as("site-staff-fr")
          .body(bad)
          .post(path + "/loan")
          .then()
          .statusCode(400)
          .contentType("application/problem+json");
    }
    Api.as("site-staff-fr")
        .body("{\"reason\": \"MELTED\"}")
        .post(path + "/retire")
        .then()
        .statusCode(400);
    Api.as("site-staff-fr")
        .body("{\"certificateReference\": \"\", \"wipedBy\": \"X\"}")
        .post(path + "/wipe")
        .then()
        .statusCode(400);
    assertThat(state(device)).isEqualTo(before);
    Api.as("site-staff-fr").get(path).then().body("status", equalTo("READY"));
    Api.as("platform-admin").get(DEVICES + "/" + UUID.randomUUID()).then().statusCode(404);
    for (String query : List.of("?status=LOST", "?donation=x", "?overdue=maybe", "?page=-1")) {
      Api.as("platform-admin").get(DEVICES + query).then().statusCode(400);
    }
  }

  @Test
  void listsAndTheInventoryKeepToTheCallersSites() {
    String site = "MA-FES";
    String lent =
        Donations.lentDevice("site-staff-ma", Donations.donor("MA"), site, UUID.randomUUID());
    String ready = Donations.readyDevice("site-staff-ma", Donations.donor("MA"), site);
    long readyBefore =
        count("select count(*) from device where site = 'MA-FES' and status = 'READY'");
    long loanedBefore =
        count("select count(*) from device where site = 'MA-FES' and status = 'LOANED'");

    Api.as("site-staff-ma")
        .get(DEVICES + "/inventory")
        .then()
        .statusCode(200)
        .body("site", everyItem(equalTo(site)))
        .body("[0].ready", equalTo((int) readyBefore))
        .body("[0].onLoan", equalTo((int) loanedBefore));
    Api.as("country-admin-ma")
        .get(DEVICES + "/inventory?site=MA-FES")
        .then()
        .statusCode(200)
        .body("site", equalTo(List.of(site)));
    Api.as("site-staff-fr")
        .get(DEVICES + "/inventory?site=MA-FES")
        .then()
        .statusCode(200)
        .body("size()", equalTo(0));
    Api.as("partner-ma").get(DEVICES + "/inventory").then().statusCode(403);

    Api.as("site-staff-ma")
        .get(DEVICES + "?status=LOANED&size=100")
        .then()
        .statusCode(200)
        .body("items.id", hasItem(lent))
        .body("items.id", not(hasItem(ready)))
        .body("items.status", everyItem(equalTo("LOANED")));
    Api.as("site-staff-fr")
        .get(DEVICES + "?size=100")
        .then()
        .statusCode(200)
        .body("items.id", not(hasItem(lent)))
        .body("items.site", everyItem(equalTo("FR-SEVRAN")));
    Api.as("site-staff-ma")
        .get(DEVICES + "?overdue=false&toRecall=false&size=100")
        .then()
        .statusCode(200)
        .body("items.id", hasItem(lent));
    Api.as("site-staff-ma")
        .get(DEVICES + "?overdue=true&size=100")
        .then()
        .statusCode(200)
        .body("items.id", not(hasItem(lent)));

    // the expected day passed: the loan is overdue
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                entityManager
                    .createNativeQuery(
                        "update loan set expected_return = date '2026-01-31' where device_id = '"
                            + lent
                            + "'")
                    .executeUpdate());
    Api.as("site-staff-ma")
        .get(DEVICES + "?overdue=true&size=100")
        .then()
        .statusCode(200)
        .body("items.id", hasItem(lent));
    Api.as("site-staff-ma").get(DEVICES + "/" + lent).then().body("loan.overdue", equalTo(true));
    long overdue =
        count(
            "select count(*) from loan where site = 'MA-FES' and ended_at is null"
                + " and expected_return < current_date");
    Api.as("site-staff-ma")
        .get(DEVICES + "/inventory?site=MA-FES")
        .then()
        .body("[0].overdue", equalTo((int) overdue));
  }
}
