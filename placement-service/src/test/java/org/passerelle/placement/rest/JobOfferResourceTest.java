package org.passerelle.placement.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.passerelle.commons.testing.Api;
import org.passerelle.placement.testing.Announced;

@QuarkusTest
public class JobOfferResourceTest {

  static final String OFFERS = "/api/v1/job-offers";
  static final String PARTNER_FR = Announced.PARTNER_FR.toString();
  static final String PARTNER_MA = Announced.PARTNER_MA.toString();

  @Inject EntityManager entityManager;

  @BeforeEach
  void partnersAndSitesAnnounced() {
    Announced.demoPartnersAndSites();
  }

  static RequestSpecification as(String user) {
    return Api.as(user);
  }

  static String body(String partnerId, String site, String contract) {
    return """
        {"partnerId": %s, "employerName": "Atelier Web", "title": "Développeur·se web junior",
         "contractType": "%s", "siteCode": "%s", "city": "Sevran", "openings": 2}
        """
        .formatted(partnerId == null ? "null" : "\"" + partnerId + "\"", contract, site);
  }

  public static String publish(String user) {
    Announced.demoPartnersAndSites();
    return as(user)
        .body(body(null, "FR-SEVRAN", "CDI"))
        .post(OFFERS)
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  private long count(String sql) {
    return Api.count(entityManager, sql);
  }

  private long offers() {
    return count("select count(*) from job_offer") * 1000
        + count("select count(*) from outbox_event");
  }

  /** 422 problem+json naming exactly these fields. */
  static void unknown(ValidatableResponse response, String... fields) {
    response
        .statusCode(422)
        .contentType("application/problem+json")
        .body("type", equalTo("https://passerelle.org/problems/unprocessable"))
        .body("errors.field", containsInAnyOrder((Object[]) fields));
  }

  @Test
  void staffAndPartnersPublishInTheirScope() {
    String byStaff =
        as("site-staff-fr")
            .body(body(null, "FR-SEVRAN", "CDI"))
            .post(OFFERS)
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    // A partner's offer waits for staff's moderation: a draft nobody but them and the site's
    // staff sees, and nothing is announced until staff publish it.
    String byPartner =
        as("partner-fr")
            .body(body(PARTNER_FR, "FR-CERGY", "CDD"))
            .post(OFFERS)
            .then()
            .statusCode(201)
            .body("partnerId", equalTo(PARTNER_FR))
            .body("status", equalTo("DRAFT"))
            .body("moderation", equalTo("PENDING"))
            .extract()
            .path("id");
    String byAdminForPartner =
        as("country-admin-ma")
            .body(body(PARTNER_MA, "MA-FES", "INTERNSHIP"))
            .post(OFFERS)
            .then()
            .statusCode(201)
            .body("partnerId", equalTo(PARTNER_MA))
            .body("country", equalTo("MA"))
            .body("status", equalTo("PUBLISHED"))
            .extract()
            .path("id");
    String published =
        "select count(*) from outbox_event where type = 'org.passerelle.placement.job-offer-published.v1' and aggregate_id in ('"
            + byStaff
            + "', '"
            + byPartner
            + "', '"
            + byAdminForPartner
            + "')";
    assertThat(count(published)).isEqualTo(2);
    as("learner-fr").get(OFFERS + "/" + byPartner).then().statusCode(404);
    as("site-staff-fr").get(OFFERS + "/" + byPartner).then().statusCode(404);
    as("country-admin-fr")
        .post(OFFERS + "/" + byPartner + "/publish")
        .then()
        .statusCode(200)
        .body("status", equalTo("PUBLISHED"))
        .body("moderation", equalTo("APPROVED"));
    assertThat(count(published)).isEqualTo(3);

    as("partner-fr").get(OFFERS + "/" + byPartner).then().statusCode(200);
    as("partner-fr").get(OFFERS + "/" + byStaff).then().statusCode(404);
    as("partner-fr").get(OFFERS + "/" + byAdminForPartner).then().statusCode(404);
    as("partner-ma").get(OFFERS + "/" + byPartner).then().statusCode(404);
    as("partner-ma").get(OFFERS + "/" + byStaff).then().statusCode(404);
    as("partner-ma").get(OFFERS + "/" + byAdminForPartner).then().statusCode(200);
    as("learner-fr")
        .get(OFFERS + "/" + byStaff)
        .then()
        .statusCode(200)
        .body("contractType", equalTo("CDI"));
    as("learner-fr").get(OFFERS + "/" + byPartner).then().statusCode(200);
    as("learner-ma").get(OFFERS + "/" + byStaff).then().statusCode(404);
    // published, the offer of another French site is readable by the country's staff
    as("site-staff-fr").get(OFFERS + "/" + byPartner).then().statusCode(200);
    as("country-admin-fr").get(OFFERS + "/" + byPartner).then().statusCode(200);
    as("country-admin-ma").get(OFFERS + "/" + byStaff).then().statusCode(404);
    as("site-staff-ma").get(OFFERS + "/" + byStaff).then().statusCode(404);
  }

  @Test
  void aPartnerOrSiteNobodyAnnouncedIsRefusedNamingTheFieldAndNothingIsWritten() {
    long before = offers();
    // a partner partnership-service never registered (or not yet: see the events tests)
    unknown(
        as("country-admin-fr")
            .body(body(UUID.randomUUID().toString(), "FR-SEVRAN", "CDI"))
            .post(OFFERS)
            .then(),
        "partnerId");
    // a site cohort-service never announced
    unknown(
        as("country-admin-fr").body(body(null, "FR-NOWHERE", "CDI")).post(OFFERS).then(),
        "siteCode");
    unknown(
        as("platform-admin")
            .header("Accept-Language", "en")
            .body(body(UUID.randomUUID().toString(), "MA-NOWHERE", "CDI"))
            .post(OFFERS)
            .then()
            .body("detail", containsString("not known here"))
            .body("errors.message", hasItem(containsString("MA-NOWHERE"))),
        "partnerId",
        "siteCode");
    // a known partner and a known site of different countries (an offer's country is its
    // site's): the partner is not one of the site's country
    unknown(
        as("country-admin-fr").body(body(PARTNER_MA, "FR-SEVRAN", "CDI")).post(OFFERS).then(),
        "partnerId");
    unknown(
        as("platform-admin").body(body(PARTNER_FR, "MA-FES", "CDI")).post(OFFERS).then(),
        "partnerId");
    unknown(
        as("site-staff-ma").body(body(PARTNER_FR, "MA-FES", "CDI")).post(OFFERS).then(),
        "partnerId");
    // staff of the other country: out of scope before anything else
    as("country-admin-ma").body(body(null, "FR-SEVRAN", "CDI")).post(OFFERS).then().statusCode(403);
    assertThat(offers()).isEqualTo(before);
  }

  @Test
  void writesOutsideTheScopeAndBadInputChangeNothing() {
    long before = offers();
    as("site-staff-fr").body(body(null, "FR-CERGY", "CDI")).post(OFFERS).then().statusCode(403);
    // a partner publishes under its own organisation only, and in its own country only
    as("partner-fr").body(body(PARTNER_MA, "FR-SEVRAN", "CDI")).post(OFFERS).then().statusCode(403);
    as("partner-fr")
        .body(body(UUID.randomUUID().toString(), "FR-SEVRAN", "CDI"))
        .post(OFFERS)
        .then()
        .statusCode(403);
    as("partner-fr").body(body(null, "FR-SEVRAN", "CDI")).post(OFFERS).then().statusCode(403);
    as("partner-fr").body(body(PARTNER_FR, "MA-FES", "CDI")).post(OFFERS).then().statusCode(403);
    as("partner-ma").body(body(PARTNER_MA, "FR-SEVRAN", "CDI")).post(OFFERS).then().statusCode(403);
    as("learner-fr").body(body(null, "FR-SEVRAN", "CDI")).post(OFFERS).then().statusCode(403);
    for (String bad :
        new String[] {
          "{",
          body(null, "FR-SEVRAN", "FOREVER"),
          body(null, "ES-MADRID", "CDI"),
          body("not-a-uuid", "FR-SEVRAN", "CDI"),
          body(null, "FR-SEVRAN", "CDI").replace("\"openings\": 2", "\"openings\": 0"),
          "{\"title\": \"x\"}"
        }) {
      as("platform-admin")
          .body(bad)
          .post(OFFERS)
          .then()
          .statusCode(400)
          .contentType("application/problem+json");
    }
    assertThat(offers()).isEqualTo(before);
    as("platform-admin").get(OFFERS + "/" + UUID.randomUUID()).then().statusCode(404);
  }

  @Test
  void aPartnerNeverReadsAnOfferOfAnotherCountryEvenOneNamingIt() {
    // An offer written before partners were checked: French, yet naming the Moroccan partner.
    UUID id = UUID.randomUUID();
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                entityManager
                    .createNativeQuery(
                        "insert into job_offer (id, partner_id, employer_name, title,"
                            + " contract_type, site_code, country, city, openings, published_at,"
                            + " created_at, changed_at)"
                            + " values (?1, ?2, 'Atelier Web', 'Développeur', 'CDI', 'FR-SEVRAN',"
                            + " 'FR', 'Sevran', 1, now(), now(), now())")
                    .setParameter(1, id)
                    .setParameter(2, Announced.PARTNER_MA)
                    .executeUpdate());
    as("partner-ma").get(OFFERS + "/" + id).then().statusCode(404);
    as("partner-fr").get(OFFERS + "/" + id).then().statusCode(404);
    as("country-admin-fr").get(OFFERS + "/" + id).then().statusCode(200);
  }
}
