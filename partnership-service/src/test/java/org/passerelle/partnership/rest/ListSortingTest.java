package org.passerelle.partnership.rest;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.passerelle.commons.testing.Api;
import org.passerelle.commons.testing.ListSorts;
import org.passerelle.partnership.service.CommitmentService;
import org.passerelle.partnership.service.ConventionService;
import org.passerelle.partnership.service.DeviceService;
import org.passerelle.partnership.service.DonationService;
import org.passerelle.partnership.service.PartnerContactService;
import org.passerelle.partnership.service.PrizeService;
import org.passerelle.partnership.testing.Conventions;
import org.passerelle.problem.Problem;

/**
 * The lists beside partners sort too (ADR 0040), and a query parameter that does not convert says
 * what would do (ADR 0041).
 */
@QuarkusTest
class ListSortingTest {

  @BeforeEach
  void demoPartners() {
    Conventions.demoPartners();
  }

  @Test
  void everyListSortsByEachOfItsFieldsAndRefusesOthers() {
    ListSorts.everyFieldSorts("platform-admin", "/api/v1/conventions", ConventionService.SORTING);
    ListSorts.everyFieldSorts("platform-admin", "/api/v1/commitments", CommitmentService.SORTING);
    ListSorts.everyFieldSorts("platform-admin", "/api/v1/prizes", PrizeService.SORTING);
    ListSorts.everyFieldSorts("platform-admin", "/api/v1/donations", DonationService.SORTING);
    ListSorts.everyFieldSorts("platform-admin", "/api/v1/devices", DeviceService.SORTING);
    ListSorts.everyFieldSorts(
        "platform-admin",
        "/api/v1/partners/" + Conventions.PARTNER_FR + "/contacts",
        PartnerContactService.CONTACTS);
    ListSorts.everyFieldSorts(
        "platform-admin",
        "/api/v1/partners/" + Conventions.PARTNER_FR + "/contact-accesses",
        PartnerContactService.ACCESSES);
  }

  @Test
  void conventionsSortAsAskedWithinTheCallersScope() {
    String partner = Conventions.partner("FR");
    LocalDate start = LocalDate.of(2090, 1, 1);
    String late =
        Conventions.draft(
            "country-admin-fr", partner, "FR", "\"FR-CERGY\"", start, start.plusYears(3));
    String early =
        Conventions.draft(
            "country-admin-fr",
            partner,
            "FR",
            "\"FR-CERGY\"",
            start.plusYears(1),
            start.plusYears(2));
    String query = "/api/v1/conventions?partnerId=" + partner;
    Api.as("country-admin-fr")
        .get(query)
        .then()
        .statusCode(200)
        .body("items.id", contains(early, late));
    Api.as("country-admin-fr")
        .get(query + "&sort=startsOn")
        .then()
        .statusCode(200)
        .body("items.id", contains(late, early));
    Api.as("country-admin-fr")
        .get(query + "&sort=-endsOn")
        .then()
        .body("items.id", contains(late, early));
    // A sort never widens the scope.
    Api.as("country-admin-ma")
        .get(query + "&sort=startsOn")
        .then()
        .statusCode(200)
        .body("total", equalTo(0));
  }

  @Test
  void aQueryParameterThatDoesNotConvertSaysWhatWouldDo() {
    Api.as("country-admin-fr")
        .header("Accept-Language", "en")
        .get("/api/v1/conventions?partnerId=nope")
        .then()
        .statusCode(400)
        .contentType(Problem.MEDIA_TYPE)
        .body("errors.field", contains("partnerId"))
        .body("errors[0].format", equalTo("uuid"));
    Api.as("country-admin-fr")
        .get("/api/v1/conventions?status=NOPE")
        .then()
        .statusCode(400)
        .body("errors.field", contains("status"))
        .body("errors[0].accepted", hasItem("SIGNED"));
    Api.as("country-admin-fr")
        .get("/api/v1/conventions?page=abc")
        .then()
        .statusCode(400)
        .body("errors.field", contains("page"))
        .body("errors[0].format", equalTo("int32"));
  }
}
