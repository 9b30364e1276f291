package org.passerelle.partnership.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.passerelle.partnership.rest.PartnerResourceTest.PARTNERS;
import static org.passerelle.partnership.rest.PartnerResourceTest.PARTNER_FR;
import static org.passerelle.partnership.rest.PartnerResourceTest.PARTNER_MA;
import static org.passerelle.partnership.rest.PartnerResourceTest.legalIdentifier;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.passerelle.commons.testing.Api;
import org.passerelle.commons.testing.Tokens;

/**
 * Partners' profiles (issue 15): roles, legal identifier per country, address, sector, sites and
 * status; the list with its filters and scope, the merge patch and its event, a partner user's own
 * organisation.
 */
@QuarkusTest
class PartnerProfileTest {

  @Inject EntityManager entityManager;

  static RequestSpecification as(String caller) {
    if (caller.startsWith("integration-")) {
      return given()
          .header("Authorization", "Bearer " + Tokens.ofClient(caller))
          .contentType(ContentType.JSON);
    }
    return Api.as(caller);
  }

  private long count(String sql) {
    return Api.count(entityManager, sql);
  }

  /** A name no other test uses. */
  static String newName(String prefix) {
    return prefix + " " + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
  }

  static String profile(String name, String country, String number, String site) {
    return """
        {"name": "%s", "kind": "EMPLOYER", "country": "%s", "registrationNumber": "%s",
         "roles": ["EMPLOYER", "DONOR"], "sector": "Numérique",
         "address": {"street": "12 rue de la Gare", "postalCode": "95000", "city": "Cergy"},
         "sites": ["%s"]}
        """
        .formatted(name, country, number, site);
  }

  static String register(String user, String body) {
    return as(user).body(body).post(PARTNERS).then().statusCode(201).extract().path("id");
  }

  private long changedEvents(String id) {
    return count(
        "select count(*) from outbox_event where type ="
            + " 'org.passerelle.partnership.partner-changed.v1' and aggregate_id = '"
            + id
            + "'");
  }

  private String row(String id) {
    return (String)
        entityManager
            .createNativeQuery(
                "select concat_ws('|', name, kind, status, registration_number, sector, street,"
                    + " array_to_string(roles, ','), array_to_string(sites, ','), version)"
                    + " from partner where id = cast(?1 as uuid)")
            .setParameter(1, id)
            .getSingleResult();
  }

  @Test
  void aPartnerHasSeveralRolesAnAddressASectorAndTheSitesItServes() {
    String name = newName("Donateur");
    String siret = legalIdentifier("FR");
    String spaced = siret.substring(0, 3) + " " + siret.substring(3, 9) + " " + siret.substring(9);
    String id = register("country-admin-fr", profile(name, "FR", spaced, "FR-CERGY"));
    as("site-staff-fr")
        .get(PARTNERS + "/" + id)
        .then()
        .statusCode(200)
        .body("roles", containsInAnyOrder("EMPLOYER", "DONOR"))
        .body("registrationNumber", equalTo(siret))
        .body("status", equalTo("ACTIVE"))
        .body("sector", equalTo("Numérique"))
        .body("address.city", equalTo("Cergy"))
        .body("sites", contains("FR-CERGY"));
    // the kind's role when no roles are given; PUBLIC_AGENCY is a public employment service
    String agency =
        register(
            "country-admin-fr",
            """
            {"name": "%s", "kind": "PUBLIC_AGENCY", "country": "FR"}
            """
                .formatted(newName("Agence")));
    as("country-admin-fr")
        .get(PARTNERS + "/" + agency)
        .then()
        .body("roles", contains("PUBLIC_EMPLOYMENT_SERVICE"))
        .body("registrationNumber", nullValue())
        .body("sites", org.hamcrest.Matchers.empty());
  }

  @Test
  void theLegalIdentifierFollowsItsCountrysRuleAndIsUniqueInIt() {
    long before = count("select count(*) from partner");
    String siret = legalIdentifier("FR");
    String wrongCheckDigit =
        siret.substring(0, 13) + (char) ('0' + (siret.charAt(13) - '0' + 1) % 10);
    for (String bad :
        new String[] {
          PartnerResourceTest.body("X", "EMPLOYER", "FR", wrongCheckDigit),
          PartnerResourceTest.body("X", "EMPLOYER", "FR", siret.substring(1)),
          PartnerResourceTest.body("X", "EMPLOYER", "FR", siret + "0"),
          PartnerResourceTest.body("X", "EMPLOYER", "FR", "ABCDEFGHIJKLMN"),
          PartnerResourceTest.body("X", "EMPLOYER", "MA", siret),
          PartnerResourceTest.body("X", "EMPLOYER", "MA", legalIdentifier("MA") + "1"),
          profile("X", "FR", siret, "MA-CASABLANCA"),
          """
          {"name": "X", "kind": "EMPLOYER", "country": "FR", "roles": []}
          """,
          """
          {"name": "X", "kind": "EMPLOYER", "country": "FR", "roles": ["BANK"]}
          """,
          """
          {"name": "X", "kind": "EMPLOYER", "country": "FR", "sites": ["cergy"]}
          """,
          """
          {"name": "X", "kind": "EMPLOYER", "country": "FR",
           "address": {"street": "1 rue", "city": "Cergy"}}
          """
        }) {
      as("platform-admin")
          .body(bad)
          .post(PARTNERS)
          .then()
          .statusCode(400)
          .contentType("application/problem+json");
    }
    assertThat(count("select count(*) from partner")).isEqualTo(before);

    register("country-admin-fr", PartnerResourceTest.body(newName("A"), "EMPLOYER", "FR", siret));
    as("country-admin-fr")
        .body(PartnerResourceTest.body(newName("B"), "FUNDER", "FR", siret))
        .post(PARTNERS)
        .then()
        .statusCode(409)
        .contentType("application/problem+json");
    as("platform-admin")
        .body(PartnerResourceTest.body(newName("B"), "FUNDER", "FR", siret))
        .put(PARTNERS + "/" + UUID.randomUUID())
        .then()
        .statusCode(409);
    assertThat(count("select count(*) from partner")).isEqualTo(before + 1);
    // a Moroccan ICE: 15 digits
    register(
        "country-admin-ma",
        PartnerResourceTest.body(newName("C"), "EMPLOYER", "MA", legalIdentifier("MA")));
  }

  @Test
  void theListKeepsToTheCallersScopeAndFilters() {
    PartnerResourceTest.demoPartners();
    String tag = UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
    String donor =
        register(
            "country-admin-fr",
            profile("Liste " + tag + " 1", "FR", legalIdentifier("FR"), "FR-SEVRAN"));
    String employer =
        register(
            "country-admin-fr",
            """
            {"name": "Liste %s 2", "kind": "EMPLOYER", "country": "FR", "sites": ["FR-CERGY"]}
            """
                .formatted(tag));
    String moroccan =
        register(
            "country-admin-ma",
            """
            {"name": "Liste %s 3", "kind": "FUNDER", "country": "MA"}
            """
                .formatted(tag));

    as("platform-admin")
        .queryParam("q", "liste " + tag.toLowerCase(Locale.ROOT))
        .get(PARTNERS)
        .then()
        .statusCode(200)
        .body("total", equalTo(3))
        .body("items.id", contains(donor, employer, moroccan));
    as("country-admin-fr")
        .queryParam("q", tag)
        .get(PARTNERS)
        .then()
        .body("items.id", contains(donor, employer));
    as("site-staff-fr").queryParam("q", tag).get(PARTNERS).then().body("total", equalTo(2));
    as("integration-ma")
        .queryParam("q", tag)
        .get(PARTNERS)
        .then()
        .statusCode(200)
        .body("items.id", contains(moroccan));
    as("platform-admin")
        .queryParam("q", tag)
        .queryParam("role", "DONOR")
        .get(PARTNERS)
        .then()
        .body("items.id", contains(donor));
    as("platform-admin")
        .queryParam("q", tag)
        .queryParam("site", "FR-CERGY")
        .get(PARTNERS)
        .then()
        .body("items.id", contains(employer));
    as("platform-admin")
        .queryParam("q", tag)
        .queryParam("country", "MA")
        .get(PARTNERS)
        .then()
        .body("items.id", contains(moroccan));
    as("platform-admin")
        .queryParam("q", tag)
        .queryParam("status", "INACTIVE")
        .get(PARTNERS)
        .then()
        .body("total", equalTo(0));
    as("platform-admin")
        .queryParam("q", tag)
        .queryParam("size", 1)
        .queryParam("page", 1)
        .get(PARTNERS)
        .then()
        .body("items.id", contains(employer))
        .body("page", equalTo(1))
        .body("size", equalTo(1))
        .body("total", equalTo(3));
    // by its whole legal identifier
    as("country-admin-ma")
        .queryParam("q", PartnerResourceTest.DEMO_ICE)
        .get(PARTNERS)
        .then()
        .body("items.id", contains(PARTNER_MA));
    // partner users: their own organisation only
    as("partner-fr")
        .get(PARTNERS)
        .then()
        .statusCode(200)
        .body("items.id", contains(PARTNER_FR))
        .body("total", equalTo(1));
    as("partner-ma").queryParam("q", tag).get(PARTNERS).then().body("total", equalTo(0));
    as("learner-fr").get(PARTNERS).then().statusCode(403);
    given().get(PARTNERS).then().statusCode(401);
    for (String[] bad :
        new String[][] {
          {"role", "BANK"}, {"status", "GONE"}, {"country", "ES"}, {"site", "cergy"},
          {"size", "101"}, {"page", "-1"}, {"q", "x".repeat(101)}, {"sort", "registrationNumber"}
        }) {
      as("platform-admin")
          .queryParam(bad[0], bad[1])
          .get(PARTNERS)
          .then()
          .statusCode(400)
          .contentType("application/problem+json");
    }
    // wildcards in q are text
    as("platform-admin")
        .queryParam("q", "%")
        .get(PARTNERS)
        .then()
        .statusCode(200)
        .body("items.id", not(hasItem(donor)));
  }

  @Test
  void partnerUsersReadTheirOwnOrganisation() {
    PartnerResourceTest.demoPartners();
    as("partner-fr")
        .get(PARTNERS + "/me")
        .then()
        .statusCode(200)
        .header("ETag", org.hamcrest.Matchers.notNullValue())
        .body("id", equalTo(PARTNER_FR))
        .body("registrationNumber", equalTo(PartnerResourceTest.DEMO_SIRET));
    as("partner-ma").get(PARTNERS + "/me").then().statusCode(200).body("id", equalTo(PARTNER_MA));
    as("country-admin-fr").get(PARTNERS + "/me").then().statusCode(403);
    as("learner-fr").get(PARTNERS + "/me").then().statusCode(403);
    given().get(PARTNERS + "/me").then().statusCode(401);
  }

  @Test
  void countryAdminsPatchAPartnerWithIfMatchAndPartnerChangedCarriesTheWholePartner() {
    String id =
        register(
            "country-admin-fr", profile(newName("Patch"), "FR", legalIdentifier("FR"), "FR-CERGY"));
    String before = row(id);
    String patch =
        """
        {"status": "INACTIVE", "roles": ["FUNDER"], "address": null, "sector": "Banque",
         "sites": ["FR-SEVRAN", "FR-CERGY"]}
        """;
    // refused: no If-Match, a stale one, out of scope, wrong roles, bad input; nothing changes
    as("country-admin-fr").body(patch).patch(PARTNERS + "/" + id).then().statusCode(428);
    as("country-admin-fr")
        .header("If-Match", "\"7\"")
        .body(patch)
        .patch(PARTNERS + "/" + id)
        .then()
        .statusCode(412);
    as("country-admin-ma")
        .header("If-Match", "\"0\"")
        .body(patch)
        .patch(PARTNERS + "/" + id)
        .then()
        .statusCode(404);
    for (String caller : List.of("site-staff-fr", "learner-fr", "partner-fr", "integration-fr")) {
      as(caller)
          .header("If-Match", "\"0\"")
          .body(patch)
          .patch(PARTNERS + "/" + id)
          .then()
          .statusCode(403);
    }
    for (String bad :
        List.of(
            "{\"name\": null}",
            "{\"name\": \"  \"}",
            "{\"roles\": []}",
            "{\"roles\": null}",
            "{\"status\": \"CLOSED\"}",
            "{\"status\": null}",
            "{\"registrationNumber\": \"12345678901234\"}",
            "{\"sites\": [\"MA-RABAT\"]}",
            "{\"address\": {\"street\": \"x\"}}",
            "{\"country\": \"MA\"}",
            "{")) {
      as("country-admin-fr")
          .header("If-Match", "\"0\"")
          .body(bad)
          .patch(PARTNERS + "/" + id)
          .then()
          .statusCode(400)
          .contentType("application/problem+json");
    }
    assertThat(row(id)).isEqualTo(before);
    assertThat(changedEvents(id)).isZero();

    as("country-admin-fr")
        .header("If-Match", "\"0\"")
        .contentType("application/merge-patch+json")
        .body(patch)
        .patch(PARTNERS + "/" + id)
        .then()
        .statusCode(200)
        .header("ETag", "\"1\"")
        .body("status", equalTo("INACTIVE"))
        .body("roles", contains("FUNDER"))
        .body("address", nullValue())
        .body("sector", equalTo("Banque"))
        .body("sites", contains("FR-CERGY", "FR-SEVRAN"))
        .body("updatedAt", org.hamcrest.Matchers.notNullValue());
    assertThat(changedEvents(id)).isEqualTo(1);
    String data =
        (String)
            entityManager
                .createNativeQuery(
                    "select cast(data as text) from outbox_event where type ="
                        + " 'org.passerelle.partnership.partner-changed.v1' and aggregate_id ="
                        + " cast(?1 as uuid)")
                .setParameter(1, id)
                .getSingleResult();
    assertThat(data)
        .contains("\"status\":\"INACTIVE\"", "\"version\":1", "\"roles\":[\"FUNDER\"]")
        .doesNotContain("contact");
    // the same values again change nothing and emit nothing; the list sees the new status
    as("country-admin-fr")
        .header("If-Match", "\"1\"")
        .body(patch)
        .patch(PARTNERS + "/" + id)
        .then()
        .statusCode(200)
        .header("ETag", "\"1\"");
    assertThat(changedEvents(id)).isEqualTo(1);
    as("country-admin-fr")
        .queryParam("q", id.substring(0, 0) + row(id).split("\\|")[0])
        .queryParam("status", "INACTIVE")
        .get(PARTNERS)
        .then()
        .body("items.id", contains(id));
    // back to active, the legal identifier removed
    as("platform-admin")
        .header("If-Match", "\"1\"")
        .body("{\"status\": \"ACTIVE\", \"registrationNumber\": null}")
        .patch(PARTNERS + "/" + id)
        .then()
        .statusCode(200)
        .body("status", equalTo("ACTIVE"))
        .body("registrationNumber", nullValue())
        .body("sector", equalTo("Banque"));
    assertThat(changedEvents(id)).isEqualTo(2);
    as("platform-admin")
        .header("If-Match", "\"0\"")
        .body("{}")
        .patch(PARTNERS + "/" + UUID.randomUUID())
        .then()
        .statusCode(404);
  }
}
