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
  static final String PARTNER_FR = "11111111-1111-4111-8111-111111111111";
  static final String PARTNER_MA = "22222222-2222-4222-8222-222222222222";

  @Inject EntityManager entityManager;

  static RequestSpecification as(String user) {
    return Api.as(user);
  }

  /** The demo partners' legal identifiers (a valid SIRET, an ICE). */
  static final String DEMO_SIRET = "73282932000074";

  static final String DEMO_ICE = "001525487000088";

  static String body(String name, String kind, String country) {
    return body(name, kind, country, legalIdentifier(country));
  }

  static String body(String name, String kind, String country, String registrationNumber) {
    return """
        {"name": "%s", "kind": "%s", "country": "%s", "registrationNumber": "%s"}
        """
        .formatted(name, kind, country, registrationNumber);
  }

  /** A new valid legal identifier of the country (unique in it: they are checked). */
  public static String legalIdentifier(String country) {
    java.util.concurrent.ThreadLocalRandom random =
        java.util.concurrent.ThreadLocalRandom.current();
    StringBuilder digits = new StringBuilder();
    int length = "FR".equals(country) ? 13 : 15;
    digits.append(1 + random.nextInt(9));
    while (digits.length() < length) {
      digits.append(random.nextInt(10));
    }
    if (!"FR".equals(country)) {
      return digits.toString();
    }
    for (int check = 0; check < 10; check++) {
      if (luhn(digits.toString() + check) % 10 == 0 && !digits.toString().startsWith("356000000")) {
        return digits.toString() + check;
      }
    }
    throw new IllegalStateException("no check digit");
  }

  private static int luhn(String digits) {
    int sum = 0;
    for (int i = 0; i < digits.length(); i++) {
      int digit = digits.charAt(digits.length() - 1 - i) - '0';
      if (i % 2 == 1) {
        digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
      }
      sum += digit;
    }
    return sum;
  }

  /**
   * The partner organisations the demo partner users' tokens name, registered as {@code
   * ./passerelle up} does (idempotent: any test may need them first).
   */
  public static void demoPartners() {
    as("platform-admin")
        .body(body("Atelier Numérique Solidaire", "EMPLOYER", "FR", DEMO_SIRET))
        .put(PARTNERS + "/" + PARTNER_FR)
        .then()
        .statusCode(org.hamcrest.Matchers.anyOf(equalTo(200), equalTo(201)));
    as("platform-admin")
        .body(body("Maroc Digital Emploi", "EMPLOYER", "MA", DEMO_ICE))
        .put(PARTNERS + "/" + PARTNER_MA)
        .then()
        .statusCode(org.hamcrest.Matchers.anyOf(equalTo(200), equalTo(201)));
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

  private long registeredEvents(String id) {
    return count(
        "select count(*) from outbox_event where type ="
            + " 'org.passerelle.partnership.partner-registered.v1' and aggregate_id = '"
            + id
            + "'");
  }

  @Test
  void theDemoPartnerOrganisationsExistUnderTheIdsTheirUsersTokensCarry() {
    // another test may have registered them first (demoPartners): 201 the first time, 200 after
    String fr = body("Atelier Numérique Solidaire", "EMPLOYER", "FR", DEMO_SIRET);
    as("platform-admin")
        .body(fr)
        .put(PARTNERS + "/" + PARTNER_FR)
        .then()
        .statusCode(org.hamcrest.Matchers.anyOf(equalTo(200), equalTo(201)))
        .header("ETag", "\"0\"")
        .body("id", equalTo(PARTNER_FR))
        .body("country", equalTo("FR"));
    as("country-admin-ma")
        .body(body("Maroc Digital Emploi", "EMPLOYER", "MA", DEMO_ICE))
        .put(PARTNERS + "/" + PARTNER_MA)
        .then()
        .statusCode(org.hamcrest.Matchers.anyOf(equalTo(200), equalTo(201)))
        .body("id", equalTo(PARTNER_MA));
    assertThat(registeredEvents(PARTNER_FR)).isEqualTo(1);
    assertThat(registeredEvents(PARTNER_MA)).isEqualTo(1);

    // each partner user reads its own organisation, not the other
    as("partner-fr")
        .get(PARTNERS + "/" + PARTNER_FR)
        .then()
        .statusCode(200)
        .body("name", equalTo("Atelier Numérique Solidaire"));
    as("partner-ma").get(PARTNERS + "/" + PARTNER_MA).then().statusCode(200);
    as("partner-ma").get(PARTNERS + "/" + PARTNER_FR).then().statusCode(404);
    as("partner-fr").get(PARTNERS + "/" + PARTNER_MA).then().statusCode(404);

    // sent again (every ./passerelle up does): the same partner, nothing changed, nothing emitted
    long partners = count("select count(*) from partner");
    as("platform-admin")
        .body(fr)
        .put(PARTNERS + "/" + PARTNER_FR)
        .then()
        .statusCode(200)
        .header("ETag", "\"0\"")
        .body("name", equalTo("Atelier Numérique Solidaire"));
    // other details under the id are not a silent update
    as("platform-admin")
        .body(body("Autre Nom", "FUNDER", "FR"))
        .put(PARTNERS + "/" + PARTNER_FR)
        .then()
        .statusCode(409)
        .contentType("application/problem+json");
    // the other country's admin: the partner of the other country is not there for them,
    // whichever country the body names (404 before the body's country is looked at)
    as("country-admin-ma")
        .body(body("Autre Nom", "FUNDER", "MA"))
        .put(PARTNERS + "/" + PARTNER_FR)
        .then()
        .statusCode(404);
    as("country-admin-ma").body(fr).put(PARTNERS + "/" + PARTNER_FR).then().statusCode(404);
    // a new id in the other country's name is outside their scope
    as("country-admin-ma")
        .body(fr)
        .put(PARTNERS + "/" + java.util.UUID.randomUUID())
        .then()
        .statusCode(403);
    assertThat(count("select count(*) from partner")).isEqualTo(partners);
    assertThat(registeredEvents(PARTNER_FR)).isEqualTo(1);
    as("platform-admin")
        .get(PARTNERS + "/" + PARTNER_FR)
        .then()
        .body("name", equalTo("Atelier Numérique Solidaire"))
        .body("kind", equalTo("EMPLOYER"));
  }

  @Test
  void registeringUnderAChosenIdKeepsTheScopeRulesAndRefusesBadInput() {
    long before = count("select count(*) from partner");
    String id = UUID.randomUUID().toString();
    as("country-admin-fr")
        .body(body("X", "FUNDER", "MA"))
        .put(PARTNERS + "/" + id)
        .then()
        .statusCode(403);
    as("site-staff-fr")
        .body(body("X", "FUNDER", "FR"))
        .put(PARTNERS + "/" + id)
        .then()
        .statusCode(403);
    as("partner-fr")
        .body(body("X", "FUNDER", "FR"))
        .put(PARTNERS + "/" + id)
        .then()
        .statusCode(403);
    as("learner-fr")
        .body(body("X", "FUNDER", "FR"))
        .put(PARTNERS + "/" + id)
        .then()
        .statusCode(403);
    given()
        .contentType("application/json")
        .body(body("X", "FUNDER", "FR"))
        .put(PARTNERS + "/" + id)
        .then()
        .statusCode(401);
    for (String bad : new String[] {"{", body("X", "BANK", "FR"), body("", "FUNDER", "FR"), "{}"}) {
      as("platform-admin")
          .body(bad)
          .put(PARTNERS + "/" + id)
          .then()
          .statusCode(400)
          .contentType("application/problem+json");
    }
    assertThat(count("select count(*) from partner")).isEqualTo(before);
    assertThat(registeredEvents(id)).isZero();

    as("country-admin-fr")
        .body(body("Banlieue Tech", "EMPLOYER", "FR"))
        .put(PARTNERS + "/" + id)
        .then()
        .statusCode(201)
        .body("id", equalTo(id));
    assertThat(count("select count(*) from partner")).isEqualTo(before + 1);
  }
}
