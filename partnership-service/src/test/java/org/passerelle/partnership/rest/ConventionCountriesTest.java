package org.passerelle.partnership.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.passerelle.partnership.testing.Conventions.COMMITMENTS;
import static org.passerelle.partnership.testing.Conventions.CONVENTIONS;
import static org.passerelle.partnership.testing.Conventions.PARTNER_FR;
import static org.passerelle.partnership.testing.Conventions.count;

import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.passerelle.commons.testing.Api;
import org.passerelle.partnership.testing.Conventions;

/**
 * A convention covering several countries (ADR 0024): the admins of each country read it, only
 * platform admins change it; one wholly in a country stays its admins' to change.
 */
@QuarkusTest
class ConventionCountriesTest {

  private static final LocalDate START = LocalDate.now().minusDays(3);

  private static String body(String countries, String sites) {
    return """
        {"partnerId": "%s", "country": "FR", "countries": %s, "sites": [%s],
         "startsOn": "%s", "endsOn": "%s"}
        """
        .formatted(PARTNER_FR, countries, sites, START, START.plusYears(2));
  }

  @Test
  void theAdminsOfEachCountryReadAConventionCoveringSeveralOnlyPlatformAdminsChangeIt() {
    Conventions.demoPartners();
    String both = body("[\"MA\"]", "\"FR-SEVRAN\", \"MA-FES\"");
    long before = count("select count(*) from convention");
    // drafting for two countries takes the admins of both: a platform admin
    Api.as("country-admin-fr").body(both).post(CONVENTIONS).then().statusCode(403);
    Api.as("country-admin-ma").body(both).post(CONVENTIONS).then().statusCode(403);
    assertThat(count("select count(*) from convention")).isEqualTo(before);
    String id =
        Api.as("platform-admin")
            .body(both)
            .post(CONVENTIONS)
            .then()
            .statusCode(201)
            .body("country", equalTo("FR"))
            .body("countries", contains("FR", "MA"))
            .body("sites", contains("FR-SEVRAN", "MA-FES"))
            .extract()
            .path("id");

    for (String reader :
        List.of("country-admin-fr", "country-admin-ma", "site-staff-fr", "site-staff-ma")) {
      Api.as(reader).get(CONVENTIONS + "/" + id).then().statusCode(200);
    }
    Api.as("partner-fr").get(CONVENTIONS + "/" + id).then().statusCode(200);
    Api.as("partner-ma").get(CONVENTIONS + "/" + id).then().statusCode(404);
    Api.as("country-admin-ma")
        .get(CONVENTIONS + "?country=MA&size=100")
        .then()
        .body("items.id", hasItem(id));
    Api.as("site-staff-ma").get(CONVENTIONS + "?size=100").then().body("items.id", hasItem(id));
    Api.as("platform-admin")
        .get(CONVENTIONS + "?country=FR&size=100")
        .then()
        .body("items.id", hasItem(id));

    // neither country's admins change it alone; nothing moves
    for (String admin : List.of("country-admin-fr", "country-admin-ma")) {
      Api.as(admin)
          .body("{\"signedOn\": \"%s\"}".formatted(START))
          .post(CONVENTIONS + "/" + id + "/sign")
          .then()
          .statusCode(403);
      Api.as(admin)
          .body(
              "{\"conventionId\": \"%s\", \"kind\": \"HIRES\", \"target\": 2, \"dueOn\": \"%s\"}"
                  .formatted(id, START.plusYears(1)))
          .post(COMMITMENTS)
          .then()
          .statusCode(403);
    }
    Api.as("platform-admin")
        .get(CONVENTIONS + "/" + id)
        .then()
        .body("status", equalTo("DRAFT"))
        .header("ETag", "\"0\"");
    assertThat(count("select count(*) from commitment where convention_id = '" + id + "'"))
        .isZero();
    Conventions.sign("platform-admin", id, START);
    Conventions.commitment("platform-admin", id, "HIRES", "2", START.plusYears(1));

    // a convention wholly in France stays the French admins' to change, out of Morocco's sight
    String french =
        Conventions.draft(
            "country-admin-fr", PARTNER_FR, "FR", "\"FR-SEVRAN\"", START, START.plusYears(1));
    Api.as("country-admin-fr")
        .get(CONVENTIONS + "/" + french)
        .then()
        .body("countries", contains("FR"));
    Conventions.sign("country-admin-fr", french, START);
    Api.as("country-admin-ma").get(CONVENTIONS + "/" + french).then().statusCode(404);
    Api.as("country-admin-ma")
        .get(CONVENTIONS + "?size=100")
        .then()
        .body("items.id", not(hasItem(french)));
  }

  @Test
  void eachCountryCoveredHasASiteAndEachSiteIsOfACountryCovered() {
    Conventions.demoPartners();
    long before = count("select count(*) from convention");
    for (String bad :
        List.of(
            body("[\"MA\"]", "\"FR-SEVRAN\""),
            body("[]", "\"FR-SEVRAN\", \"MA-FES\""),
            body("[\"XX\"]", "\"FR-SEVRAN\""),
            body("[\"MA\", \"MA\", \"FR\"]", "\"FR-SEVRAN\", \"MA-FES\""))) {
      Api.as("platform-admin")
          .body(bad)
          .post(CONVENTIONS)
          .then()
          .statusCode(400)
          .contentType("application/problem+json");
    }
    assertThat(count("select count(*) from convention")).isEqualTo(before);
  }
}
