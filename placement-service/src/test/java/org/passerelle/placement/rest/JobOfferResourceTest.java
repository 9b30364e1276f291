package org.passerelle.placement.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.passerelle.commons.testing.Api;

@QuarkusTest
public class JobOfferResourceTest {

  static final String OFFERS = "/api/v1/job-offers";
  static final String PARTNER_FR = "11111111-1111-4111-8111-111111111111";

  @Inject EntityManager entityManager;

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
    String byPartner =
        as("partner-fr")
            .body(body(PARTNER_FR, "FR-CERGY", "CDD"))
            .post(OFFERS)
            .then()
            .statusCode(201)
            .body("partnerId", equalTo(PARTNER_FR))
            .extract()
            .path("id");
    assertThat(
            count(
                "select count(*) from outbox_event where type = 'org.passerelle.placement.job-offer-published.v1' and aggregate_id in ('"
                    + byStaff
                    + "', '"
                    + byPartner
                    + "')"))
        .isEqualTo(2);

    as("partner-fr").get(OFFERS + "/" + byPartner).then().statusCode(200);
    as("partner-fr").get(OFFERS + "/" + byStaff).then().statusCode(404);
    as("partner-ma").get(OFFERS + "/" + byPartner).then().statusCode(404);
    as("learner-fr")
        .get(OFFERS + "/" + byStaff)
        .then()
        .statusCode(200)
        .body("contractType", equalTo("CDI"));
    as("learner-ma").get(OFFERS + "/" + byStaff).then().statusCode(404);
    as("site-staff-fr").get(OFFERS + "/" + byPartner).then().statusCode(404);
    as("country-admin-fr").get(OFFERS + "/" + byPartner).then().statusCode(200);
    as("country-admin-ma").get(OFFERS + "/" + byStaff).then().statusCode(404);
  }

  @Test
  void writesOutsideTheScopeAndBadInputChangeNothing() {
    long before = count("select count(*) from job_offer");
    as("site-staff-fr").body(body(null, "FR-CERGY", "CDI")).post(OFFERS).then().statusCode(403);
    as("partner-fr")
        .body(body(UUID.randomUUID().toString(), "FR-SEVRAN", "CDI"))
        .post(OFFERS)
        .then()
        .statusCode(403);
    as("partner-fr").body(body(null, "FR-SEVRAN", "CDI")).post(OFFERS).then().statusCode(403);
    as("partner-fr").body(body(PARTNER_FR, "MA-FES", "CDI")).post(OFFERS).then().statusCode(403);
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
    assertThat(count("select count(*) from job_offer")).isEqualTo(before);
    as("platform-admin").get(OFFERS + "/" + UUID.randomUUID()).then().statusCode(404);
  }
}
