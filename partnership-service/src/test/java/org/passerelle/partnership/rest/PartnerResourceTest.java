package org.passerelle.partnership.rest;

import static io.restassured.RestAssured.given;
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
public class PartnerResourceTest {

  static final String PARTNERS = "/api/v1/partners";

  @Inject EntityManager entityManager;

  static RequestSpecification as(String user) {
    return Api.as(user);
  }

  static String body(String name, String kind, String country) {
    return """
        {"name": "%s", "kind": "%s", "country": "%s", "registrationNumber": "73282932000074"}
        """
        .formatted(name, kind, country);
  }

  public static String register(String user) {
    return as(user)
        .body(body("Atelier Numérique", "FUNDER", "FR"))
        .post(PARTNERS)
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  private long count(String sql) {
    return Api.count(entityManager, sql);
  }

  @Test
  void countryAdminsRegisterPartnersOfTheirCountryAndTheEventIsWritten() {
    String id =
        as("country-admin-fr")
            .body(body("Numérique Solidaire SAS", "EMPLOYER", "FR"))
            .post(PARTNERS)
            .then()
            .statusCode(201)
            .body("kind", equalTo("EMPLOYER"))
            .extract()
            .path("id");
    assertThat(
            count(
                "select count(*) from outbox_event where type = 'org.passerelle.partnership.partner-registered.v1' and aggregate_id = '"
                    + id
                    + "'"))
        .isEqualTo(1);
    as("site-staff-fr")
        .get(PARTNERS + "/" + id)
        .then()
        .statusCode(200)
        .body("name", equalTo("Numérique Solidaire SAS"));
    as("country-admin-ma").get(PARTNERS + "/" + id).then().statusCode(404);
    as("partner-fr").get(PARTNERS + "/" + id).then().statusCode(404);
    as("learner-fr").get(PARTNERS + "/" + id).then().statusCode(403);
    given().get(PARTNERS + "/" + id).then().statusCode(401);
  }

  @Test
  void writesOutsideTheScopeAndBadInputChangeNothing() {
    long before = count("select count(*) from partner");
    as("country-admin-ma").body(body("X", "FUNDER", "FR")).post(PARTNERS).then().statusCode(403);
    as("site-staff-fr").body(body("X", "FUNDER", "FR")).post(PARTNERS).then().statusCode(403);
    as("partner-fr").body(body("X", "FUNDER", "FR")).post(PARTNERS).then().statusCode(403);
    for (String bad :
        new String[] {
          "{",
          body("X", "BANK", "FR"),
          body("X", "FUNDER", "ES"),
          body("", "FUNDER", "FR"),
          body("x".repeat(201), "FUNDER", "FR"),
          "{\"name\": \"X\"}"
        }) {
      as("platform-admin")
          .body(bad)
          .post(PARTNERS)
          .then()
          .statusCode(400)
          .contentType("application/problem+json");
    }
    assertThat(count("select count(*) from partner")).isEqualTo(before);
    as("platform-admin").get(PARTNERS + "/" + UUID.randomUUID()).then().statusCode(404);
  }
}
