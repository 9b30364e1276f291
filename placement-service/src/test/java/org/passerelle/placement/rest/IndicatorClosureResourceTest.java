package org.passerelle.placement.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.passerelle.commons.testing.Api;
import org.passerelle.commons.testing.StrictInput;
import org.passerelle.commons.testing.Tokens;
import org.passerelle.placement.testing.Announced;
import org.passerelle.placement.testing.Periods;

/**
 * Closing a country's indicator period and correcting it: only its country admins and platform
 * admins do, once the period is over; anyone else, or bad input, changes nothing.
 */
@QuarkusTest
public class IndicatorClosureResourceTest {

  static final String CLOSURES = "/api/v1/indicators/closures";

  @Inject EntityManager entityManager;

  static long closures(String country, LocalDate[] period) {
    return Announced.count(
        "select count(*) from indicator_closure where country = '%s' and period_from = '%s' and period_to = '%s'"
            .formatted(country, period[0], period[1]));
  }

  static long revisions(String id) {
    return Announced.count(
        "select count(*) from indicator_closure_revision where closure_id = '" + id + "'");
  }

  /** Closes this country's period as this admin; returns the closure's id. */
  public static String close(String admin, String country, LocalDate[] period) {
    return Api.as(admin)
        .header("Idempotency-Key", UUID.randomUUID().toString())
        .body(Periods.body(country, period))
        .post(CLOSURES)
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  @Test
  void aCountryAdminClosesTheirCountrysPeriodOnce() {
    LocalDate[] period = Periods.unique();
    String key = UUID.randomUUID().toString();
    String id =
        Api.as("country-admin-fr")
            .header("Idempotency-Key", key)
            .body(Periods.body("FR", period))
            .post(CLOSURES)
            .then()
            .statusCode(201)
            .header("Location", containsString(CLOSURES + "/"))
            .body("country", equalTo("FR"))
            .body("from", equalTo(period[0].toString()))
            .body("to", equalTo(period[1].toString()))
            .body("revision", equalTo(1))
            .body("revisions[0].reason", nullValue())
            .body("closedBy", equalTo(Tokens.subject("country-admin-fr")))
            .body("closedByActor.type", equalTo("PERSON"))
            .body("closedByActor.id", equalTo(Tokens.subject("country-admin-fr")))
            .body("closedByActor.displayName", nullValue())
            .body("revisions[0].recordedByActor.id", equalTo(Tokens.subject("country-admin-fr")))
            .extract()
            .path("id");
    // a retry replays the first answer; another request for the same period is refused
    Api.as("country-admin-fr")
        .header("Idempotency-Key", key)
        .body(Periods.body("FR", period))
        .post(CLOSURES)
        .then()
        .statusCode(201)
        .header("Idempotent-Replayed", "true")
        .body("id", equalTo(id));
    Api.as("platform-admin")
        .header("Idempotency-Key", UUID.randomUUID().toString())
        .body(Periods.body("FR", period))
        .post(CLOSURES)
        .then()
        .statusCode(409)
        .contentType("application/problem+json");
    assertThat(closures("FR", period)).isEqualTo(1);
    assertThat(revisions(id)).isEqualTo(1);

    // staff of the country and its integration read it; Morocco's do not
    Api.as("site-staff-fr").get(CLOSURES + "/" + id).then().statusCode(200);
    io.restassured.RestAssured.given()
        .header("Authorization", "Bearer " + Tokens.ofClient("integration-fr"))
        .queryParam("country", "FR")
        .queryParam("size", 100)
        .get(CLOSURES)
        .then()
        .statusCode(200)
        .body("items.id", hasItem(id));
    Api.as("country-admin-ma").get(CLOSURES + "/" + id).then().statusCode(404);
    Api.as("site-staff-ma")
        .queryParam("size", 100)
        .get(CLOSURES)
        .then()
        .statusCode(200)
        .body("items.id", not(hasItem(id)));
    Api.as("partner-fr").get(CLOSURES).then().statusCode(403);
    Api.as("learner-fr").get(CLOSURES + "/" + id).then().statusCode(403);

    // a platform admin closes any country's
    close("platform-admin", "MA", period);
    assertThat(closures("MA", period)).isEqualTo(1);
  }

  @Test
  void nobodyElseClosesAPeriodAndNothingIsWritten() {
    LocalDate[] period = Periods.unique();
    Api.as("country-admin-ma")
        .header("Idempotency-Key", UUID.randomUUID().toString())
        .body(Periods.body("FR", period))
        .post(CLOSURES)
        .then()
        .statusCode(403)
        .contentType("application/problem+json");
    for (String user : new String[] {"site-staff-fr", "partner-fr", "learner-fr"}) {
      Api.as(user)
          .header("Idempotency-Key", UUID.randomUUID().toString())
          .body(Periods.body("FR", period))
          .post(CLOSURES)
          .then()
          .statusCode(403);
    }
    io.restassured.RestAssured.given()
        .header("Authorization", "Bearer " + Tokens.ofClient("integration-fr"))
        .contentType("application/json")
        .body(Periods.body("FR", period))
        .post(CLOSURES)
        .then()
        .statusCode(403);
    assertThat(closures("FR", period)).isZero();
  }

  @Test
  void badInputIsRefusedWithAProblemAndWritesNothing() {
    LocalDate[] period = Periods.unique();
    // France's day, by which the service judges whether a period is over.
    String today = LocalDate.now(ZoneId.of("Europe/Paris")).toString();
    String[] bodies = {
      // the end before the start
      "{\"country\": \"FR\", \"from\": \"%s\", \"to\": \"%s\"}".formatted(period[1], period[0]),
      // a period not over yet
      "{\"country\": \"FR\", \"from\": \"%s\", \"to\": \"%s\"}".formatted(period[0], today),
      "{\"country\": \"XX\", \"from\": \"%s\", \"to\": \"%s\"}".formatted(period[0], period[1]),
      "{\"country\": \"FR\", \"from\": \"%s\"}".formatted(period[0]),
      "{\"country\": \"FR\", \"from\": \"%s\", \"to\": \"2025-13-01\"}".formatted(period[0]),
      "{\"country\": \"FR\", \"from\": \"%s\", \"to\": \"%s\", \"revision\": 3}"
          .formatted(period[0], period[1]),
    };
    for (String body : bodies) {
      Api.as("platform-admin")
          .header("Idempotency-Key", UUID.randomUUID().toString())
          .body(body)
          .post(CLOSURES)
          .then()
          .statusCode(400)
          .contentType("application/problem+json");
    }
    assertThat(
            Announced.count(
                "select count(*) from indicator_closure where country = 'FR' and (period_from ="
                    + " '%s' or period_from = '%s')".formatted(period[0], period[1])))
        .isZero();
  }

  @Test
  void aCorrectionFreezesThePeriodAgainAsTheNextRevision() {
    LocalDate[] period = Periods.unique();
    String id = close("country-admin-ma", "MA", period);
    String etag =
        Api.as("country-admin-ma")
            .get(CLOSURES + "/" + id)
            .then()
            .statusCode(200)
            .extract()
            .header("ETag");

    Api.as("country-admin-ma")
        .body("{\"reason\": \"Résultats du jury saisis en retard\"}")
        .post(CLOSURES + "/" + id + "/corrections")
        .then()
        .statusCode(200)
        .body("revision", equalTo(2))
        .body("revisions.size()", equalTo(2))
        .body("revisions[1].reason", equalTo("Résultats du jury saisis en retard"))
        .body("revisions[1].recordedBy", equalTo(Tokens.subject("country-admin-ma")))
        .body("revisions[1].recordedByActor.type", equalTo("PERSON"))
        .body("revisions[1].recordedByActor.id", equalTo(Tokens.subject("country-admin-ma")))
        .header("ETag", not(equalTo(etag)));

    // outside the country the closure does not exist; site staff may not correct
    Api.as("country-admin-fr")
        .body("{\"reason\": \"erreur\"}")
        .post(CLOSURES + "/" + id + "/corrections")
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
    Api.as("site-staff-ma")
        .body("{\"reason\": \"erreur\"}")
        .post(CLOSURES + "/" + id + "/corrections")
        .then()
        .statusCode(403);
    Api.as("platform-admin")
        .body("{\"reason\": \" \"}")
        .post(CLOSURES + "/" + id + "/corrections")
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
    Api.as("platform-admin")
        .body("{\"reason\": \"x\"}")
        .post(CLOSURES + "/" + UUID.randomUUID() + "/corrections")
        .then()
        .statusCode(404);
    assertThat(revisions(id)).isEqualTo(2);
  }

  @Test
  void closuresAndCorrectionsReadOnlyWellFormedJson() {
    LocalDate[] period = Periods.unique();
    String id = close("country-admin-fr", "FR", period);
    String good = Periods.body("FR", Periods.unique()).strip();
    String reason = "{\"reason\": \"Jury saisi en retard\"}";
    StrictInput.Call closing = StrictInput.post("country-admin-fr", CLOSURES);
    StrictInput.Call correcting =
        StrictInput.post("country-admin-fr", CLOSURES + "/" + id + "/corrections");
    StrictInput.writesNothing(
        () -> StrictInput.rows(entityManager, "indicator_closure", "indicator_closure_revision"),
        () -> {
          closing.refusesMediaTypes(good, "text/plain", "application/xml");
          closing.refusesWithoutContentType(good);
          closing.refusesTrailingContent(good, " {}");
          closing.refusesDuplicateKey(good.replace("{", "{\"country\": \"MA\", "), "country");
          correcting.refusesMediaTypes(reason, "text/plain");
          correcting.refusesTrailingContent(reason, " {}");
          correcting.refusesLoneSurrogate(reason.replace("Jury", "Jury\\ud800"), "reason");
          StrictInput.refusesBadPages("country-admin-fr", CLOSURES);
          StrictInput.refusesBadPages("country-admin-fr", "/api/v1/indicators/exports/audit");
        });
  }
}
