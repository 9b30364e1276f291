package org.passerelle.partnership.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.passerelle.partnership.testing.Conventions.CONVENTIONS;
import static org.passerelle.partnership.testing.Conventions.PARTNER_FR;
import static org.passerelle.partnership.testing.Conventions.assertEmitted;
import static org.passerelle.partnership.testing.Conventions.body;
import static org.passerelle.partnership.testing.Conventions.count;
import static org.passerelle.partnership.testing.Conventions.draft;
import static org.passerelle.partnership.testing.Conventions.sign;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.passerelle.commons.testing.Api;
import org.passerelle.partnership.service.ConventionLifecycleService;
import org.passerelle.partnership.testing.Conventions;

/**
 * Conventions through the API: drafted, signed, terminated and renewed by country admins, read by
 * staff of the sites they cover and by the partner, and brought to each day by the daily job.
 */
@QuarkusTest
class ConventionResourceTest {

  static final LocalDate TODAY = LocalDate.now();

  @Inject ConventionLifecycleService lifecycle;

  private static long conventions() {
    return count("select count(*) from convention");
  }

  @Test
  void aDraftIsSignedAndReadByTheStaffOfItsSitesAndItsPartnerOnly() {
    Conventions.demoPartners();
    String id =
        draft(
            "country-admin-fr",
            PARTNER_FR,
            "FR",
            "\"FR-SEVRAN\", \"FR-CERGY\"",
            TODAY.minusDays(10),
            TODAY.plusYears(1));
    Api.as("country-admin-fr")
        .get(CONVENTIONS + "/" + id)
        .then()
        .statusCode(200)
        .header("ETag", "\"0\"")
        .body("status", equalTo("DRAFT"))
        .body("sites", equalTo(List.of("FR-CERGY", "FR-SEVRAN")))
        .body("signatories[0]", equalTo("Badr Tahiri, président"));
    Api.as("site-staff-fr").get(CONVENTIONS + "/" + id).then().statusCode(200);
    Api.as("partner-fr").get(CONVENTIONS + "/" + id).then().statusCode(200);
    Api.as("partner-ma").get(CONVENTIONS + "/" + id).then().statusCode(404);
    Api.as("country-admin-ma").get(CONVENTIONS + "/" + id).then().statusCode(404);
    Api.as("site-staff-ma").get(CONVENTIONS + "/" + id).then().statusCode(404);
    Api.as("learner-fr").get(CONVENTIONS + "/" + id).then().statusCode(403);
    given().get(CONVENTIONS + "/" + id).then().statusCode(401);

    // signing: 412 on a stale ETag, 403 for staff and partners, 404 for the other country
    String signature = "{\"signedOn\": \"%s\"}".formatted(TODAY.minusDays(1));
    Api.as("country-admin-fr")
        .header("If-Match", "\"7\"")
        .body(signature)
        .post(CONVENTIONS + "/" + id + "/sign")
        .then()
        .statusCode(412);
    Api.as("site-staff-fr")
        .body(signature)
        .post(CONVENTIONS + "/" + id + "/sign")
        .then()
        .statusCode(403);
    Api.as("partner-fr")
        .body(signature)
        .post(CONVENTIONS + "/" + id + "/sign")
        .then()
        .statusCode(403);
    Api.as("country-admin-ma")
        .body(signature)
        .post(CONVENTIONS + "/" + id + "/sign")
        .then()
        .statusCode(404);
    Api.as("country-admin-fr")
        .body("{\"signedOn\": \"%s\"}".formatted(TODAY.plusDays(5)))
        .post(CONVENTIONS + "/" + id + "/sign")
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
    Api.as("country-admin-fr")
        .get(CONVENTIONS + "/" + id)
        .then()
        .body("status", equalTo("DRAFT"))
        .header("ETag", "\"0\"");

    Api.as("country-admin-fr")
        .header("If-Match", "\"0\"")
        .body(signature)
        .post(CONVENTIONS + "/" + id + "/sign")
        .then()
        .statusCode(200)
        .body("status", equalTo("SIGNED"))
        .body("signedOn", equalTo(TODAY.minusDays(1).toString()))
        .header("ETag", "\"1\"");
    // signed twice: illegal transition
    Api.as("country-admin-fr")
        .body(signature)
        .post(CONVENTIONS + "/" + id + "/sign")
        .then()
        .statusCode(409)
        .contentType("application/problem+json");

    // lists keep to the scope
    Api.as("partner-fr")
        .queryParam("size", 100)
        .get(CONVENTIONS)
        .then()
        .statusCode(200)
        .body("items.id", hasItem(id));
    Api.as("site-staff-fr")
        .queryParam("site", "FR-SEVRAN")
        .queryParam("size", 100)
        .get(CONVENTIONS)
        .then()
        .body("items.id", hasItem(id));
    Api.as("partner-ma")
        .queryParam("size", 100)
        .get(CONVENTIONS)
        .then()
        .body("items.id", not(hasItem(id)));
    Api.as("country-admin-ma")
        .queryParam("size", 100)
        .get(CONVENTIONS)
        .then()
        .body("items.id", not(hasItem(id)));
  }

  @Test
  void siteStaffReadOnlyTheConventionsCoveringTheirSites() {
    String partner = Conventions.partner("FR");
    String cergyOnly =
        draft("country-admin-fr", partner, "FR", "\"FR-CERGY\"", TODAY, TODAY.plusYears(1));
    Api.as("site-staff-fr").get(CONVENTIONS + "/" + cergyOnly).then().statusCode(404);
    Api.as("country-admin-fr").get(CONVENTIONS + "/" + cergyOnly).then().statusCode(200);
    Api.as("site-staff-fr")
        .queryParam("partnerId", partner)
        .get(CONVENTIONS)
        .then()
        .statusCode(200)
        .body("total", equalTo(0));
    Api.as("country-admin-fr")
        .queryParam("partnerId", partner)
        .get(CONVENTIONS)
        .then()
        .body("total", equalTo(1))
        .body("items[0].id", equalTo(cergyOnly));
  }

  @Test
  void badInputAndWritesFromTheWrongScopeChangeNothing() {
    String partner = Conventions.partner("FR");
    long before = conventions();
    LocalDate start = TODAY;
    LocalDate end = TODAY.plusYears(1);
    String good = body(partner, "FR", "\"FR-SEVRAN\"", start, end);
    Api.as("country-admin-ma").body(good).post(CONVENTIONS).then().statusCode(403);
    Api.as("site-staff-fr").body(good).post(CONVENTIONS).then().statusCode(403);
    Api.as("partner-fr").body(good).post(CONVENTIONS).then().statusCode(403);
    Api.as("learner-fr").body(good).post(CONVENTIONS).then().statusCode(403);
    for (String bad :
        new String[] {
          "{",
          "{}",
          body(partner, "FR", "\"FR-SEVRAN\"", end, start),
          body(partner, "FR", "\"MA-FES\"", start, end),
          body(partner, "FR", "", start, end),
          body(partner, "ES", "\"FR-SEVRAN\"", start, end),
          body(partner, "MA", "\"MA-FES\"", start, end),
          body(UUID.randomUUID().toString(), "FR", "\"FR-SEVRAN\"", start, end),
          body("not-a-uuid", "FR", "\"FR-SEVRAN\"", start, end),
          good.replace("CONV-2026/01", "x".repeat(101)),
          good.replace("\"" + start + "\"", "\"2026-02-30\"")
        }) {
      Api.as("platform-admin")
          .body(bad)
          .post(CONVENTIONS)
          .then()
          .statusCode(400)
          .contentType("application/problem+json");
    }
    for (String query :
        new String[] {
          "status=SIGNEDX", "expiringWithinDays=-1", "partnerId=x", "size=0", "site=fr"
        }) {
      Api.as("platform-admin").get(CONVENTIONS + "?" + query).then().statusCode(400);
    }
    Api.as("platform-admin").get(CONVENTIONS + "/" + UUID.randomUUID()).then().statusCode(404);
    assertThat(conventions()).isEqualTo(before);
  }

  @Test
  void terminationTakesAReasonAndRenewalDraftsOneLinkedSuccessor() {
    String partner = Conventions.partner("MA");
    String id =
        draft(
            "country-admin-ma",
            partner,
            "MA",
            "\"MA-FES\"",
            TODAY.minusYears(1),
            TODAY.plusDays(30));
    // a draft is neither terminated nor renewed
    Api.as("country-admin-ma")
        .body("{\"reason\": \"Le partenaire se retire\"}")
        .post(CONVENTIONS + "/" + id + "/terminate")
        .then()
        .statusCode(409);
    Api.as("country-admin-ma")
        .body("{\"endsOn\": \"%s\"}".formatted(TODAY.plusYears(2)))
        .post(CONVENTIONS + "/" + id + "/renew")
        .then()
        .statusCode(409);
    sign("country-admin-ma", id, TODAY.minusYears(1));

    String renewal =
        "{\"endsOn\": \"%s\", \"documentReference\": \"CONV-2027\"}".formatted(TODAY.plusYears(2));
    Api.as("country-admin-fr")
        .body(renewal)
        .post(CONVENTIONS + "/" + id + "/renew")
        .then()
        .statusCode(404);
    Api.as("partner-ma")
        .body(renewal)
        .post(CONVENTIONS + "/" + id + "/renew")
        .then()
        .statusCode(403);
    String successor =
        Api.as("country-admin-ma")
            .header("Idempotency-Key", "renew-" + id)
            .body(renewal)
            .post(CONVENTIONS + "/" + id + "/renew")
            .then()
            .statusCode(201)
            .header("Location", containsString(CONVENTIONS + "/"))
            .body("status", equalTo("DRAFT"))
            .body("predecessorId", equalTo(id))
            .body("startsOn", equalTo(TODAY.plusDays(31).toString()))
            .body("sites", equalTo(List.of("MA-FES")))
            .extract()
            .path("id");
    // the same request again is the same successor; another one is a conflict
    Api.as("country-admin-ma")
        .header("Idempotency-Key", "renew-" + id)
        .body(renewal)
        .post(CONVENTIONS + "/" + id + "/renew")
        .then()
        .statusCode(201)
        .body("id", equalTo(successor));
    Api.as("country-admin-ma")
        .body(renewal)
        .post(CONVENTIONS + "/" + id + "/renew")
        .then()
        .statusCode(409);
    assertThat(count("select count(*) from convention where predecessor_id = '" + id + "'"))
        .isEqualTo(1);

    Api.as("country-admin-ma")
        .body("{\"reason\": \"\"}")
        .post(CONVENTIONS + "/" + id + "/terminate")
        .then()
        .statusCode(400);
    Api.as("country-admin-ma")
        .body("{\"reason\": \"Le partenaire se retire\"}")
        .post(CONVENTIONS + "/" + id + "/terminate")
        .then()
        .statusCode(200)
        .body("status", equalTo("TERMINATED"))
        .body("terminationReason", equalTo("Le partenaire se retire"));
  }

  @Test
  void theDailyJobActivatesExpiresAndAnnouncesTheEndOnceInTheSitesTimeZone() {
    String partner = Conventions.partner("MA");
    LocalDate day = LocalDate.of(2031, 3, 1);
    String starting = draft("country-admin-ma", partner, "MA", "\"MA-FES\"", day, day.plusDays(45));
    String later =
        draft("country-admin-ma", partner, "MA", "\"MA-FES\"", day.plusDays(1), day.plusYears(1));
    String draftOnly =
        draft("country-admin-ma", partner, "MA", "\"MA-FES\"", day, day.plusDays(10));
    sign("country-admin-ma", starting, TODAY);
    sign("country-admin-ma", later, TODAY);

    var first = lifecycle.run("MA", day).orElseThrow();
    assertThat(first.activated()).isGreaterThanOrEqualTo(1);
    Api.as("partner-ma").get(CONVENTIONS + "/" + starting).then().statusCode(404);
    Api.as("country-admin-ma")
        .get(CONVENTIONS + "/" + starting)
        .then()
        .body("status", equalTo("ACTIVE"));
    Api.as("country-admin-ma")
        .get(CONVENTIONS + "/" + later)
        .then()
        .body("status", equalTo("SIGNED"));
    Api.as("country-admin-ma")
        .get(CONVENTIONS + "/" + draftOnly)
        .then()
        .body("status", equalTo("DRAFT"));
    // ends within 60 days: announced once, however often the job runs
    assertEmitted("convention-expiring", starting, 1);
    assertEmitted("convention-expiring", later, 0);
    lifecycle.run("MA", day);
    lifecycle.run("MA", day.plusDays(2));
    assertEmitted("convention-expiring", starting, 1);
    Api.as("country-admin-ma")
        .get(CONVENTIONS + "/" + later)
        .then()
        .body("status", equalTo("ACTIVE"));

    // the France job leaves Morocco's conventions alone
    lifecycle.run("FR", day.plusDays(100));
    Api.as("country-admin-ma")
        .get(CONVENTIONS + "/" + starting)
        .then()
        .body("status", equalTo("ACTIVE"));

    lifecycle.run("MA", day.plusDays(46));
    Api.as("country-admin-ma")
        .get(CONVENTIONS + "/" + starting)
        .then()
        .body("status", equalTo("EXPIRED"));
    Api.as("country-admin-ma")
        .get(CONVENTIONS + "/" + draftOnly)
        .then()
        .body("status", equalTo("DRAFT"));
  }

  @Test
  void theExpiringFilterKeepsSignedConventionsEndingWithinTheDays() {
    String partner = Conventions.partner("FR");
    String soon =
        draft(
            "country-admin-fr",
            partner,
            "FR",
            "\"FR-SEVRAN\"",
            TODAY.minusDays(100),
            TODAY.plusDays(20));
    String farther =
        draft(
            "country-admin-fr",
            partner,
            "FR",
            "\"FR-SEVRAN\"",
            TODAY.minusDays(100),
            TODAY.plusDays(200));
    String unsigned =
        draft(
            "country-admin-fr",
            partner,
            "FR",
            "\"FR-SEVRAN\"",
            TODAY.minusDays(100),
            TODAY.plusDays(10));
    sign("country-admin-fr", soon, TODAY.minusDays(100));
    sign("country-admin-fr", farther, TODAY.minusDays(100));
    Api.as("site-staff-fr")
        .queryParam("partnerId", partner)
        .queryParam("expiringWithinDays", 30)
        .get(CONVENTIONS)
        .then()
        .statusCode(200)
        .body("items.id", equalTo(List.of(soon)));
    Api.as("country-admin-fr")
        .queryParam("partnerId", partner)
        .queryParam("expiringWithinDays", 365)
        .get(CONVENTIONS)
        .then()
        .body("items.id", equalTo(List.of(soon, farther)));
    Api.as("country-admin-fr")
        .queryParam("partnerId", partner)
        .queryParam("status", "DRAFT")
        .get(CONVENTIONS)
        .then()
        .body("items.id", equalTo(List.of(unsigned)));
  }
}
