package org.passerelle.placement.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.passerelle.commons.testing.Api;
import org.passerelle.commons.testing.Tokens;
import org.passerelle.placement.service.JobOfferExpiryService;
import org.passerelle.placement.testing.Announced;

/**
 * A job offer's life (issue 16): the whole offer, staff's moderation of partners' offers, merge
 * patches under If-Match, closing, the list with every filter within each caller's scope, and the
 * expiry job on the closing date.
 */
@QuarkusTest
class JobOfferLifecycleTest {

  static final String OFFERS = "/api/v1/job-offers";
  static final String PARTNER_FR = Announced.PARTNER_FR.toString();

  @Inject EntityManager entityManager;
  @Inject JobOfferExpiryService expiry;

  @BeforeEach
  void partnersAndSitesAnnounced() {
    Announced.demoPartnersAndSites();
  }

  static LocalDate today() {
    return LocalDate.now(ZoneId.of("Europe/Paris"));
  }

  /** A whole offer; {@code tag} in its title finds it again with q. */
  static String offer(String partnerId, String site, String tag, String extra) {
    return """
        {"partnerId": %s, "employerName": "Atelier Web", "title": "Développeur·se %s",
         "contractType": "CDD", "durationMonths": 6, "remoteMode": "HYBRID",
         "siteCode": "%s", "city": "Sevran", "openings": 1,
         "description": "Une équipe de cinq personnes", "skills": ["Java", "SQL"],
         "programmes": ["DEV-WEB"], "salary": {"min": 1900, "max": 2200, "currency": "EUR",
         "period": "MONTH"}, "closingDate": "%s"%s}
        """
        .formatted(
            partnerId == null ? "null" : "\"" + partnerId + "\"",
            tag,
            site,
            today().plusDays(30),
            extra);
  }

  static ExtractableResponse<Response> post(String user, String body) {
    return Api.as(user).body(body).post(OFFERS).then().statusCode(201).extract();
  }

  private long rows(String where) {
    return Api.count(entityManager, "select count(*) from job_offer where " + where);
  }

  @Test
  void aWholeOfferIsKeptAndShownAndEveryChangeNeedsTheVersionLastRead() {
    String tag = UUID.randomUUID().toString().substring(0, 8);
    ExtractableResponse<Response> created =
        post("site-staff-fr", offer(null, "FR-SEVRAN", tag, ""));
    String id = created.path("id");
    String status = created.path("status");
    List<String> skills = created.path("skills");
    Number salary = created.path("salary.min");
    String remote = created.path("remoteMode");
    Integer duration = created.path("durationMonths");
    assertThat(status).isEqualTo("PUBLISHED");
    assertThat(skills).containsExactly("Java", "SQL");
    assertThat(salary.doubleValue()).isEqualTo(1900.0);
    assertThat(remote).isEqualTo("HYBRID");
    assertThat(duration).isEqualTo(6);
    String etag = created.header("ETag");

    String patch = "{\"title\": \"Développeur·se " + tag + " confirmé·e\", \"salary\": null}";
    Api.as("site-staff-fr").body(patch).patch(OFFERS + "/" + id).then().statusCode(428);
    Api.as("site-staff-fr")
        .header("If-Match", "\"99\"")
        .body(patch)
        .patch(OFFERS + "/" + id)
        .then()
        .statusCode(412);
    // out of scope (404), wrong role (403), and staff of another site of the country: none change
    // it
    Api.as("site-staff-ma")
        .header("If-Match", etag)
        .body(patch)
        .patch(OFFERS + "/" + id)
        .then()
        .statusCode(404);
    Api.as("partner-fr")
        .header("If-Match", etag)
        .body(patch)
        .patch(OFFERS + "/" + id)
        .then()
        .statusCode(404);
    Api.as("learner-fr")
        .header("If-Match", etag)
        .body(patch)
        .patch(OFFERS + "/" + id)
        .then()
        .statusCode(403);
    Api.as("platform-admin")
        .header("If-Match", etag)
        .body("{\"title\": null}")
        .patch(OFFERS + "/" + id)
        .then()
        .statusCode(400);
    Api.as("platform-admin")
        .header("If-Match", etag)
        .body("{\"title\": \" \\n \"}")
        .patch(OFFERS + "/" + id)
        .then()
        .statusCode(400);
    assertThat(rows("id = '" + id + "' and version = 0 and salary_min = 1900")).isEqualTo(1);

    Api.as("site-staff-fr")
        .header("If-Match", etag)
        .contentType("application/merge-patch+json; charset=UTF-8")
        .body(patch)
        .patch(OFFERS + "/" + id)
        .then()
        .statusCode(200)
        .header("ETag", "\"1\"")
        .body("title", equalTo("Développeur·se " + tag + " confirmé·e"))
        .body("salary", nullValue())
        .body("skills", contains("Java", "SQL"))
        .body("closingDate", equalTo(today().plusDays(30).toString()));

    // closing: staff or its partner, once; an offer that is over no longer changes
    Api.as("site-staff-fr")
        .body("{\"outcome\": \"EXPIRED\"}")
        .post(OFFERS + "/" + id + "/close")
        .then()
        .statusCode(400);
    Api.as("site-staff-fr")
        .body("{\"outcome\": \"FILLED\"}")
        .post(OFFERS + "/" + id + "/close")
        .then()
        .statusCode(200)
        .body("status", equalTo("FILLED"));
    Api.as("site-staff-fr")
        .body("{\"outcome\": \"CLOSED\"}")
        .post(OFFERS + "/" + id + "/close")
        .then()
        .statusCode(409);
    Api.as("site-staff-fr")
        .header("If-Match", "\"2\"")
        .body("{\"openings\": 3}")
        .patch(OFFERS + "/" + id)
        .then()
        .statusCode(409);
    // bad input: closing date already past, salary upside down
    Api.as("site-staff-fr")
        .body(
            offer(null, "FR-SEVRAN", tag, "")
                .replace(today().plusDays(30).toString(), "2020-01-01"))
        .post(OFFERS)
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
    Api.as("site-staff-fr")
        .body(offer(null, "FR-SEVRAN", tag, "").replace("\"max\": 2200", "\"max\": 100"))
        .post(OFFERS)
        .then()
        .statusCode(400);
    // a targeted site must be a known site of the offer's country
    for (String unknown : new String[] {"FR-NOWHERE", "MA-FES"}) {
      Api.as("site-staff-fr")
          .body(offer(null, "FR-SEVRAN", tag, ", \"targetSites\": [\"" + unknown + "\"]"))
          .post(OFFERS)
          .then()
          .statusCode(422)
          .body("errors.field", contains("targetSites"));
    }
    assertThat(rows("title like '%" + tag + "%'")).isEqualTo(1);
  }

  @Test
  void aPartnersOfferReachesLearnersOnlyOnceStaffApprovedIt() {
    String tag = UUID.randomUUID().toString().substring(0, 8);
    String id = post("partner-fr", offer(PARTNER_FR, "FR-SEVRAN", tag, "")).path("id");
    String path = OFFERS + "/" + id;
    Api.as("learner-fr").get(path).then().statusCode(404);
    Api.as("learner-fr")
        .queryParam("q", tag)
        .get(OFFERS)
        .then()
        .statusCode(200)
        .body("items", empty());
    // out of scope (404) or the wrong role (403): nobody else moderates, publishes or closes it
    Api.as("site-staff-ma").post(path + "/publish").then().statusCode(404);
    Api.as("partner-ma").post(path + "/publish").then().statusCode(404);
    Api.as("learner-fr").post(path + "/publish").then().statusCode(403);
    Api.as("site-staff-ma")
        .body("{\"reason\": \"non\"}")
        .post(path + "/reject")
        .then()
        .statusCode(404);
    Api.as("site-staff-ma")
        .body("{\"outcome\": \"CLOSED\"}")
        .post(path + "/close")
        .then()
        .statusCode(404);
    Api.as("site-staff-fr")
        .header("If-Match", "\"5\"")
        .post(path + "/publish")
        .then()
        .statusCode(412);
    assertThat(
            rows(
                "id = '"
                    + id
                    + "' and version = 0 and status = 'DRAFT' and moderation = 'PENDING'"))
        .isEqualTo(1);
    // the partner may not moderate its own offer
    Api.as("partner-fr").body("{\"reason\": \"ok\"}").post(path + "/reject").then().statusCode(403);
    Api.as("site-staff-fr")
        .body("{\"reason\": \"Précisez le salaire.\"}")
        .post(path + "/reject")
        .then()
        .statusCode(200)
        .body("status", equalTo("DRAFT"))
        .body("moderation", equalTo("REJECTED"));
    Api.as("partner-fr")
        .get(path)
        .then()
        .statusCode(200)
        .body("moderationNote", equalTo("Précisez le salaire."));
    Api.as("site-staff-fr")
        .body("{\"reason\": \"encore\"}")
        .post(path + "/reject")
        .then()
        .statusCode(409);
    // corrected by the partner: back to moderation
    Api.as("partner-fr")
        .header("If-Match", "\"1\"")
        .body("{\"openings\": 2}")
        .patch(path)
        .then()
        .statusCode(200)
        .body("moderation", equalTo("PENDING"));
    Api.as("site-staff-fr")
        .post(path + "/publish")
        .then()
        .statusCode(200)
        .body("status", equalTo("PUBLISHED"))
        .body("moderation", equalTo("APPROVED"))
        .body("moderationNote", nullValue());
    Api.as("learner-fr").get(path).then().statusCode(200).body("moderation", nullValue());
    Api.as("site-staff-fr").post(path + "/publish").then().statusCode(409);
    // published, its partner no longer changes it alone, but closes it
    Api.as("partner-fr")
        .header("If-Match", "\"3\"")
        .body("{\"openings\": 3}")
        .patch(path)
        .then()
        .statusCode(409);
    Api.as("partner-fr")
        .body("{\"outcome\": \"CLOSED\"}")
        .post(path + "/close")
        .then()
        .statusCode(200)
        .body("status", equalTo("CLOSED"));
    assertThat(
            Api.count(
                entityManager,
                "select count(*) from outbox_event where aggregate_id = '"
                    + id
                    + "' and type = 'org.passerelle.placement.job-offer-published.v1'"))
        .isEqualTo(1);
  }

  @Test
  void theListFiltersWithinEachCallersScope() {
    String tag = UUID.randomUUID().toString().substring(0, 8);
    String cdd =
        post("site-staff-fr", offer(null, "FR-SEVRAN", tag, ", \"targetSites\": [\"FR-CERGY\"]"))
            .path("id");
    String cdi =
        post(
                "country-admin-fr",
                offer(PARTNER_FR, "FR-CERGY", tag, "")
                    .replace("\"CDD\", \"durationMonths\": 6", "\"CDI\"")
                    .replace("HYBRID", "REMOTE")
                    .replace("[\"DEV-WEB\"]", "[]"))
            .path("id");
    String draft =
        post("site-staff-fr", offer(null, "FR-SEVRAN", tag, ", \"draft\": true")).path("id");
    String pending = post("partner-fr", offer(PARTNER_FR, "FR-SEVRAN", tag, "")).path("id");

    assertIds("site-staff-fr", tag, "", cdd, cdi, draft, pending);
    assertIds("country-admin-fr", tag, "", cdd, cdi, draft, pending);
    assertIds("platform-admin", tag, "&country=FR", cdd, cdi, draft, pending);
    assertIds("platform-admin", tag, "&country=MA");
    assertIds("learner-fr", tag, "", cdd, cdi);
    assertIds("learner-ma", tag, "");
    assertIds("partner-fr", tag, "", cdi, pending);
    assertIds("partner-ma", tag, "");
    assertIds("site-staff-ma", tag, "");
    // the office systems read their country's offers, drafts included (codes only)
    given()
        .header("Authorization", "Bearer " + Tokens.ofClient("integration-fr"))
        .get(OFFERS + "?size=100&q=" + tag)
        .then()
        .statusCode(200)
        .body("items.id", containsInAnyOrder(cdd, cdi, draft, pending))
        .body("items.moderation", everyItem(nullValue()));
    given()
        .header("Authorization", "Bearer " + Tokens.ofClient("integration-ma"))
        .get(OFFERS + "?q=" + tag)
        .then()
        .statusCode(200)
        .body("items", empty());
    assertIds("site-staff-fr", tag, "&contractType=CDI", cdi);
    assertIds("site-staff-fr", tag, "&remoteMode=HYBRID", cdd, draft, pending);
    assertIds("site-staff-fr", tag, "&status=DRAFT", draft, pending);
    assertIds("site-staff-fr", tag, "&status=DRAFT&status=PUBLISHED", cdd, cdi, draft, pending);
    // relayed by FR-CERGY, or targeting its learners
    assertIds("site-staff-fr", tag, "&site=FR-CERGY", cdi, cdd);
    assertIds("site-staff-fr", tag, "&site=FR-SEVRAN", cdd, draft, pending);
    assertIds("site-staff-fr", tag, "&partnerId=" + PARTNER_FR, cdi, pending);
    // an offer targeting no programme is open to every programme
    assertIds("learner-fr", tag, "&programme=DEV-WEB", cdd, cdi);
    assertIds("learner-fr", tag, "&programme=DATA", cdi);
    Api.as("learner-fr")
        .queryParam("q", tag)
        .queryParam("size", 1)
        .get(OFFERS)
        .then()
        .statusCode(200)
        .body("total", equalTo(2))
        .body("items.size()", equalTo(1));
    for (String bad :
        new String[] {
          "contractType=FOREVER",
          "remoteMode=SPACE",
          "status=OPEN",
          "partnerId=x",
          "site=ES-X",
          "size=101",
          "country=ES"
        }) {
      Api.as("site-staff-fr").get(OFFERS + "?" + bad).then().statusCode(400);
    }
  }

  private static void assertIds(String user, String tag, String filters, String... ids) {
    Api.as(user)
        .get(OFFERS + "?size=100&q=" + tag + filters)
        .then()
        .statusCode(200)
        .body("items.id", containsInAnyOrder((Object[]) ids));
  }

  @Test
  void publishedOffersExpireTheDayAfterTheirClosingDateOnceAndDraftsStayDrafts() {
    String tag = UUID.randomUUID().toString().substring(0, 8);
    String closing = today().plusDays(30).toString();
    String published = post("site-staff-ma", offer(null, "MA-FES", tag, "")).path("id");
    String draft =
        post("site-staff-ma", offer(null, "MA-FES", tag, ", \"draft\": true")).path("id");
    LocalDate closingDay = LocalDate.parse(closing);

    assertThat(expiry.run("MA", closingDay)).isPresent();
    assertThat(rows("id = '" + published + "' and status = 'PUBLISHED'")).isEqualTo(1);

    assertThat(expiry.run("MA", closingDay.plusDays(1)).orElseThrow().expired()).isPositive();
    assertThat(rows("id = '" + published + "' and status = 'EXPIRED' and closed_at is not null"))
        .isEqualTo(1);
    assertThat(rows("id = '" + draft + "' and status = 'DRAFT'")).isEqualTo(1);
    assertThat(expiry.run("MA", closingDay.plusDays(1)).orElseThrow().expired()).isZero();
    Api.as("learner-ma")
        .get(OFFERS + "/" + published)
        .then()
        .statusCode(200)
        .body("status", equalTo("EXPIRED"));
  }
}
