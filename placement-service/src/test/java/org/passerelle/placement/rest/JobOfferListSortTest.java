package org.passerelle.placement.rest;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.passerelle.placement.rest.JobOfferResourceTest.OFFERS;
import static org.passerelle.placement.rest.JobOfferResourceTest.body;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.passerelle.commons.testing.Api;
import org.passerelle.placement.testing.Announced;

/** The job offers list sorts by the fields asked (ADR 0040), and refuses what it does not know. */
@QuarkusTest
class JobOfferListSortTest {

  @BeforeEach
  void partnersAndSitesAnnounced() {
    Announced.demoPartnersAndSites();
  }

  private static String offer(String title) {
    return Api.as("site-staff-fr")
        .body(body(null, "FR-SEVRAN", "CDI").replace("Développeur·se web junior", title))
        .post(OFFERS)
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  private static ValidatableResponse list(String user, String query) {
    return Api.as(user).get(OFFERS + "?" + query).then();
  }

  @Test
  void theListSortsByTheFieldsAskedWithinTheCallersScope() {
    String tag = "Tri" + UUID.randomUUID().toString().substring(0, 8);
    String b = offer(tag + " b");
    String a = offer(tag + " a");
    String c = offer(tag + " c");
    String q = "q=" + tag;
    list("site-staff-fr", q + "&sort=title").statusCode(200).body("items.id", contains(a, b, c));
    list("site-staff-fr", q + "&sort=-title").body("items.id", contains(c, b, a));
    list("site-staff-fr", q + "&sort=site,createdAt").body("items.id", contains(b, a, c));
    list("site-staff-fr", q).body("items.id", contains(c, a, b));
    list("site-staff-fr", q + "&sort=title&size=2&page=1")
        .body("items.id", contains(c))
        .body("total", equalTo(3));
    // A sort never widens the scope.
    list("site-staff-ma", q + "&sort=title").statusCode(200).body("total", equalTo(0));
  }

  @Test
  void anUnknownSortFieldOrParameterIsA400ListingWhatTheListAccepts() {
    Api.as("site-staff-fr")
        .header("Accept-Language", "en")
        .get(OFFERS + "?sort=-salaryMin")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors.field", contains("sort"))
        .body(
            "detail",
            equalTo(
                "This list does not sort by \"-salaryMin\". It sorts by: createdAt, publishedAt,"
                    + " closingDate, title, employerName, site, status (prefixed with - for"
                    + " descending order)."));
    Api.as("site-staff-fr")
        .get(OFFERS + "?sort=title&statut=PUBLISHED")
        .then()
        .statusCode(400)
        .body("errors.field", contains("statut"));
  }
}
