package org.passerelle.partnership.rest;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.passerelle.partnership.rest.PartnerProfileTest.as;
import static org.passerelle.partnership.rest.PartnerProfileTest.register;
import static org.passerelle.partnership.rest.PartnerResourceTest.PARTNERS;

import io.quarkus.test.junit.QuarkusTest;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The partners list sorts by the fields asked (ADR 0040), and refuses what it does not know. */
@QuarkusTest
class PartnerListSortTest {

  private static String partner(String user, String name, String country) {
    return register(
        user,
        """
        {"name": "%s", "kind": "EMPLOYER", "country": "%s"}
        """
            .formatted(name, country));
  }

  @Test
  void theListSortsByTheFieldsAskedWithinTheCallersScope() {
    String tag = "Tri " + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
    String a = partner("country-admin-fr", tag + " a", "FR");
    String b = partner("country-admin-fr", tag + " b", "FR");
    String c = partner("country-admin-ma", tag + " c", "MA");
    as("platform-admin")
        .queryParam("q", tag)
        .queryParam("sort", "-name")
        .get(PARTNERS)
        .then()
        .statusCode(200)
        .body("items.id", contains(c, b, a));
    as("platform-admin")
        .queryParam("q", tag)
        .queryParam("sort", "-country,name")
        .get(PARTNERS)
        .then()
        .body("items.id", contains(c, a, b));
    as("platform-admin")
        .queryParam("q", tag)
        .queryParam("sort", "-createdAt")
        .queryParam("size", 2)
        .get(PARTNERS)
        .then()
        .body("items.id", contains(c, b))
        .body("total", equalTo(3));
    as("platform-admin")
        .queryParam("q", tag)
        .get(PARTNERS)
        .then()
        .body("items.id", contains(a, b, c));
    // A sort never widens the scope.
    as("country-admin-fr")
        .queryParam("q", tag)
        .queryParam("sort", "-name")
        .get(PARTNERS)
        .then()
        .body("items.id", contains(b, a));
  }

  @Test
  void anUnknownSortFieldOrParameterIsA400ListingWhatTheListAccepts() {
    as("country-admin-fr")
        .header("Accept-Language", "en")
        .queryParam("sort", "registrationNumber")
        .get(PARTNERS)
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors.field", contains("sort"))
        .body(
            "detail",
            equalTo(
                "This list does not sort by \"registrationNumber\". It sorts by: name, country,"
                    + " kind, status, city, createdAt, updatedAt (prefixed with - for descending"
                    + " order)."));
    as("country-admin-fr")
        .header("Accept-Language", "en")
        .queryParam("name", "x")
        .get(PARTNERS)
        .then()
        .statusCode(400)
        .body("errors.field", contains("name"))
        .body(
            "detail",
            equalTo(
                "Unknown parameter(s): name. This operation accepts: country, page, q, role,"
                    + " site, size, sort, status."));
  }
}
